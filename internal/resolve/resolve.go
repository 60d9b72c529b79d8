// Package resolve is the vendor-neutral frame of every vendor's resolver: Page
// applies and checks overrides around the vendor's own reading of a page, Text and
// Key normalize text (golang.org/x/text), Typos finds the anomalies a page shows
// across rows, and Package (NewPackage) records every symbol's Go name, as package
// naming decides it, so that emitters only print names. Each vendor's resolver
// lives in its own package (internal/vendors/<name>).
package resolve

import (
	"strings"

	"github.com/permgen/permgen/internal/model"
)

// Page is the frame of every resolver: it refuses overrides of fields the format
// does not have (a misspelt field would otherwise match nothing and be reported as
// if the vendor had fixed the page), runs resolve, and adds to the service's
// findings the scraper's warnings and the overrides that matched nothing, each
// finding on a row named by the row's entry.
func Page(p *model.Page, ovs []Override, fields OverrideFields, resolve func(*model.Page, *Overrides) (*model.Service, error)) (*model.Service, error) {
	if err := checkOverrides(p, ovs, fields); err != nil {
		return nil, err
	}
	ov := newOverrides(ovs)
	s, err := resolve(p, ov)
	if err != nil {
		return nil, err
	}
	s.Diagnostics = append(append(append([]model.Diagnostic{}, p.Warnings...), s.Diagnostics...), ov.unused(p.Source.File)...)
	if len(fields.Rows) > 0 {
		nameRows(p, s.Diagnostics, fields.RowKind, fields.Rows[0])
	}
	return s, nil
}

// nameRows gives each finding on a row that does not say what the row holds (the
// scraper's, for one) the row's action or scope, so a reader need not look up
// "row 10" in the page.
func nameRows(p *model.Page, ds []model.Diagnostic, kind, key string) {
	for i := range ds {
		d := &ds[i]
		if d.Subject != "" || d.Pos.Row == 0 {
			continue
		}
		for _, t := range p.Tables {
			for _, r := range t.Rows {
				if r.Pos.Row != d.Pos.Row || r.Pos.Table != d.Pos.Table {
					continue
				}
				if f, ok := r.Field(key); ok && Text(f.Text) != "" && !strings.Contains(d.Msg, Text(f.Text)) {
					d.Subject = kind + " " + Text(f.Text)
				}
			}
		}
	}
}
