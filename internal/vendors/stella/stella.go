// Package stella is the vendor of access-token scope tables ("namespace:verb" and a
// description, Stella's Access Control List): one format, one package per page
// folder, the scopes' implications derived from the page's own words.
package stella

import (
	"github.com/permgen/permgen/internal/emit"
	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/resolve"
	"github.com/permgen/permgen/internal/scrape/scopetable"
	"github.com/permgen/permgen/internal/vendor"
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

// Resolve implements vendor.Vendor.
func (Vendor) Resolve(p *model.Page, ovs []model.Override) (*model.Service, error) {
	return resolve.Entries(p, ovs)
}

// Finish implements vendor.Vendor: every page is a service of its own.
func (Vendor) Finish(services []*model.Service) ([]*model.Service, error) { return services, nil }

// Derive implements vendor.Vendor.
func (Vendor) Derive(s *model.Service) { resolve.Derive(s) }

// Entries implements vendor.Vendor.
func (Vendor) Entries() []vendor.EntryKind { return []vendor.EntryKind{scopes} }

// Layout implements vendor.Vendor.
func (Vendor) Layout(services []*model.Service, importRoot string) (vendor.Layout, error) {
	pkgs, rts, err := resolve.Tree(services, importRoot)
	return vendor.Layout{Packages: pkgs, Runtimes: rts}, err
}

// Emit implements vendor.Vendor.
func (Vendor) Emit(p *resolve.Package) ([]write.File, error) { return emit.Package(p) }

// EmitTree implements vendor.Vendor: scope packages share nothing.
func (Vendor) EmitTree(vendor.Layout, vendor.Sources) ([]write.File, error) { return nil, nil }
