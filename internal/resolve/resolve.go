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
// Service.Diagnostics, together with the scraper's.
func Entries(p *model.Page, ovs []Override) (*model.Service, error) {
	if err := checkOverrides(p, ovs); err != nil {
		return nil, err
	}
	ov := newOverrides(ovs)
	var s *model.Service
	var err error
	switch p.Source.Format {
	case model.FormatTencentCAM:
		s, err = resolveCAM(p, ov)
	case model.FormatScopeTable:
		s, err = resolveScopes(p, ov)
	case model.FormatAWSSAR:
		s, err = resolveAWS(p)
	default:
		return nil, fmt.Errorf("%s: no resolver for format %q", p.Source.File, p.Source.Format)
	}
	if err != nil {
		return nil, err
	}
	s.Diagnostics = append(append(append([]model.Diagnostic{}, p.Warnings...), s.Diagnostics...), ov.unused(p.Source.File)...)
	nameRows(p, s.Diagnostics)
	return s, nil
}

// nameRows gives each finding on a row that does not say what the row holds (the
// scraper's, for one) the row's action or scope, so a reader need not look up
// "row 10" in the page.
func nameRows(p *model.Page, ds []model.Diagnostic) {
	kind, key := "action", model.KeyAPI
	if p.Source.Format == model.FormatScopeTable {
		kind, key = "scope", model.KeyScope
	}
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
