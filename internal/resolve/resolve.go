// Package resolve turns a scraped page into the normalized model: it normalizes text
// (golang.org/x/text), maps vendor vocabulary to closed sets, applies overrides,
// validates, finds anomalies, and gives every symbol its Go name. It is the only
// stage that invents names; emit only prints them.
package resolve

import (
	"fmt"

	"github.com/permgen/permgen/internal/model"
)

// Service resolves one scraped page with the overrides that name its file.
// Unknown values and malformed rows are errors (all of them, joined); vendor
// inconsistencies are warnings in Service.Diagnostics, together with the scraper's.
func Service(p *model.Page, ovs []Override) (*model.Service, error) {
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
