// Package stella is the vendor of access-token scope tables ("namespace:verb" and a
// description, Stella's Access Control List): one format, one package per page
// folder, the scopes' implications derived from the page's own words.
package stella

import (
	"fmt"

	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/resolve"
	"github.com/permgen/permgen/internal/vendor"
	"github.com/permgen/permgen/internal/vendors/stella/scopetable"
	"github.com/permgen/permgen/internal/write"
)

// Vendor is Stella's part in a run.
type Vendor struct{}

var _ vendor.Vendor = Vendor{}

// Name implements vendor.Vendor.
func (Vendor) Name() string { return "stella" }

// Summary implements vendor.Vendor.
func (Vendor) Summary() string {
	return "access-token scope tables (namespace:verb), Stella's Access Control List"
}

// Formats implements vendor.Vendor.
func (Vendor) Formats() []vendor.Format {
	return []vendor.Format{vendor.TreeFormat{FormatName: model.FormatScopeTable, DetectTree: scopetable.Detect, ScrapeTree: scopetable.Scrape}}
}

// Resolve implements vendor.Vendor: a row's scope and description, and the
// table's title, take overrides.
func (Vendor) Resolve(p *model.Page, ovs []model.Override) (*model.Service, error) {
	return resolve.Page(p, ovs, overrideFields, resolveScopes)
}

// Finish implements vendor.Vendor: every page is a service of its own.
func (Vendor) Finish(services []*model.Service) ([]*model.Service, error) { return services, nil }

// Derive implements vendor.Vendor: which scopes grant which, from the page's own
// words, for live and deprecated scopes alike.
func (Vendor) Derive(s *model.Service) {
	for i := range s.Scopes {
		s.Scopes[i].Implies, s.Scopes[i].ImpliesWhy = nil, ""
	}
	s.Diagnostics = append(s.Diagnostics, implications(s)...)
}

// Entries implements vendor.Vendor.
func (Vendor) Entries() []vendor.EntryKind { return []vendor.EntryKind{scopes} }

// Emit implements vendor.Vendor.
func (Vendor) Emit(p *resolve.Package) ([]write.File, error) {
	fs, err := scopePackage(p)
	if err != nil {
		return fs, fmt.Errorf("%s: %w", p.Service.Source.File, err)
	}
	return fs, nil
}

// EmitTree implements vendor.Vendor: scope packages share nothing.
func (Vendor) EmitTree(vendor.Layout, vendor.Sources) ([]write.File, error) { return nil, nil }
