// Package resolve turns a scraped page into the normalized model: it normalizes text
// (golang.org/x/text), maps vendor vocabulary to closed sets, applies overrides,
// validates, finds anomalies, derives (after history) what follows from the entries,
// and records every symbol's Go name, as package naming decides it. emit only prints
// the names.
package resolve

import (
	"fmt"
	"strings"

	"github.com/permgen/permgen/internal/model"
)

// Service resolves one scraped page with the overrides that name its file and derives
// what follows from its entries: Entries, then Derive, for a run with no history.
func Service(p *model.Page, ovs []Override) (*model.Service, error) {
	s, err := Entries(p, ovs)
	if err != nil {
		return nil, err
	}
	Derive(s)
	return s, nil
}

// Entries resolves the entries of one scraped page (actions or scopes, normalized,
// checked and corrected), with the overrides that name its file, and derives nothing
// from them: history merges the entries that vanished first, so that Derive sees a
// deprecated entry with every relation it had. Unknown values and malformed rows are
// errors (all of them, joined); vendor inconsistencies are warnings in
// Service.Diagnostics, together with the scraper's. It reads the formats whose
// resolvers are still in this package; a vendor's own resolver calls Page.
func Entries(p *model.Page, ovs []Override) (*model.Service, error) {
	switch p.Source.Format {
	case model.FormatTencentCAM:
		return Page(p, ovs, camFields, resolveCAM)
	}
	return nil, fmt.Errorf("%s: no resolver for format %q", p.Source.File, p.Source.Format)
}

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
