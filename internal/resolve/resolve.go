// Package resolve turns a scraped page into the normalized model: it normalizes text
// (golang.org/x/text), maps vendor vocabulary to closed sets, applies overrides,
// validates, finds anomalies, derives (after history) what follows from the entries,
// and records every symbol's Go name, as package naming decides it. emit only prints
// the names.
package resolve

import (
	"fmt"

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
	return s, nil
}
