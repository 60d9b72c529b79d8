// Package tencentcloud is the vendor of Tencent Cloud CAM: the "APIs supporting
// CAM" page of each product, one package per product, a shared cam runtime, the
// tree's action catalog and its SDK transport (camhttp).
package tencentcloud

import (
	"path"

	"github.com/permgen/permgen/internal/emit"
	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/resolve"
	"github.com/permgen/permgen/internal/vendor"
	"github.com/permgen/permgen/internal/vendors/tencentcloud/camemit"
	"github.com/permgen/permgen/internal/vendors/tencentcloud/camresolve"
	"github.com/permgen/permgen/internal/vendors/tencentcloud/tencentcam"
	"github.com/permgen/permgen/internal/write"
)

// ModulePath is the module generated/tencentcloud is published as: a nested
// module, like generated/aws, so that the root module's zip (the generator,
// Stella) does not carry 272 product packages, and a user of one vendor downloads
// that vendor only (docs/install-costs.md). A tree generated into another module
// (go generate in a user's repository) gets no go.mod and stays part of it.
const ModulePath = "github.com/permgen/permgen/generated/tencentcloud"

// Vendor is Tencent Cloud's part in a run.
type Vendor struct{}

var _ vendor.Vendor = Vendor{}

// Name implements vendor.Vendor.
func (Vendor) Name() string { return "tencentcloud" }

// Summary implements vendor.Vendor.
func (Vendor) Summary() string {
	return "Tencent Cloud CAM, the \"APIs supporting CAM\" page of each product"
}

// Formats implements vendor.Vendor.
func (Vendor) Formats() []vendor.Format {
	return []vendor.Format{camPage{}}
}

// camPage is the "APIs supporting CAM" format. Its scraper reads the tokens and
// parses the tree only for a page it cannot vouch for (tencentcam.ScrapeBytes).
type camPage struct{}

func (camPage) Name() string { return model.FormatTencentCAM }

func (camPage) Detect(d *vendor.Doc) bool {
	doc, err := d.Tree()
	return err == nil && tencentcam.Detect(doc)
}

func (camPage) Scrape(d *vendor.Doc) (*model.Page, error) {
	return tencentcam.ScrapeBytes(d.Source, d.HTML, d.Tree)
}

// Resolve implements vendor.Vendor.
func (Vendor) Resolve(p *model.Page, ovs []model.Override) (*model.Service, error) {
	return camresolve.Entries(p, ovs)
}

// Finish implements vendor.Vendor: every page is a product of its own.
func (Vendor) Finish(services []*model.Service) ([]*model.Service, error) { return services, nil }

// FinishSources implements vendor.SourceFinisher: with the API catalogue in the
// sources folder, one service per CAM prefix of the merged catalog joins the
// uniform pages (apicatalog.go).
func (Vendor) FinishSources(src vendor.Sources, services []*model.Service) ([]*model.Service, error) {
	out, _, err := withTencentCatalog(src.Dir, services, nil)
	return out, err
}

// Derive implements vendor.Vendor.
func (Vendor) Derive(s *model.Service) { camresolve.Derive(s) }

// Entries implements vendor.Vendor: the actions, and the resource types derived
// from their patterns (the builders).
func (Vendor) Entries() []vendor.EntryKind {
	return []vendor.EntryKind{actions, vendor.ResourceTypes()}
}

// Layout implements vendor.Vendor.
func (Vendor) Layout(services []*model.Service, importRoot string) (vendor.Layout, error) {
	pkgs, rts, err := camresolve.Layout(services, importRoot)
	l := vendor.Layout{Packages: pkgs, Runtimes: rts}
	for _, r := range rts {
		l.Reserved = append(l.Reserved, r.Dir)
	}
	return l, err
}

// Emit implements vendor.Vendor.
func (Vendor) Emit(p *resolve.Package) ([]write.File, error) { return camemit.Package(p) }

// EmitTree implements vendor.Vendor: the cam runtime, the tree's catalog and the
// camhttp transport with the sources folder's parameters.json.
func (Vendor) EmitTree(l vendor.Layout, src vendor.Sources) ([]write.File, error) {
	var files []write.File
	for _, r := range l.Runtimes {
		fs, err := emit.Runtime(r)
		if err != nil {
			return nil, err
		}
		files = append(files, fs...)
		if path.Dir(r.ImportPath) == ModulePath {
			files = append(files, write.File{Path: path.Join(path.Dir(r.Dir), "go.mod"), Data: []byte(emit.NestedGoMod(ModulePath, "templates/"+r.Template))})
		}
	}
	params, err := loadParameters(src.Dir)
	if err != nil {
		return nil, err
	}
	if params, err = withCatalogParameters(src.Dir, params); err != nil {
		return nil, err
	}
	base := baseName(src.Dir)
	fs, err := camemit.Catalogs(l.Packages, l.Runtimes, params, base+"/manifest.json", base+"/"+ParametersFile)
	return append(files, fs...), err
}
