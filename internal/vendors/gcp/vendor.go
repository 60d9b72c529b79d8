package gcp

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/resolve"
	"github.com/permgen/permgen/internal/vendor"
	"github.com/permgen/permgen/internal/work"
	"github.com/permgen/permgen/internal/write"
)

// Vendor is Google Cloud IAM's part in a run. Its pages are not one service
// each: every roles-and-permissions page, the custom-role support page and the
// deny page join into one catalog (Build), so a run has one GCP service whose
// Payload is that catalog, and one generated tree, gcp/, rendered from it whole
// (EmitTree) rather than package by package.
type Vendor struct{}

var (
	_ vendor.Vendor           = Vendor{}
	_ vendor.SourceFinisher   = Vendor{}
	_ vendor.Cataloger        = Vendor{}
	_ vendor.ServiceCataloger = Vendor{}
	_ vendor.Unsnapshotted    = Vendor{}
	_ vendor.Commander        = Vendor{}
)

// Run is the payload of the run's GCP service: the joined catalog, and the
// folder as generated comments cite it ("sources/gcp").
type Run struct {
	Catalog *Catalog
	Source  string
}

// CatalogOf returns the catalog a GCP service carries, or nil for any other.
func CatalogOf(s *model.Service) *Catalog {
	if r, ok := s.Payload.(*Run); ok {
		return r.Catalog
	}
	return nil
}

// Name implements vendor.Vendor.
func (Vendor) Name() string { return VendorName }

// Summary implements vendor.Vendor.
func (Vendor) Summary() string {
	return "Google Cloud IAM: the roles-and-permissions page of every service, the custom-role support and deny-permissions pages"
}

// Formats implements vendor.Vendor. Each detects its page from content, as the
// archives (Markdown with HTML tables) and the live site (HTML in page chrome)
// both carry it.
func (Vendor) Formats() []vendor.Format {
	return []vendor.Format{
		pageFormat{FormatRoles, DetectRoles},
		pageFormat{FormatSupport, DetectSupport},
		pageFormat{FormatDeny, DetectDeny},
	}
}

// pageFormat is one of the three pages; Scrape reads it into a part, which Finish joins.
type pageFormat struct {
	name   string
	detect func([]byte) bool
}

func (f pageFormat) Name() string              { return f.name }
func (f pageFormat) Detect(d *vendor.Doc) bool { return f.detect(d.HTML) }

// Scrape reads the page as its content shows it; a page the manifest names with
// another of the three formats is refused rather than misread.
func (f pageFormat) Scrape(d *vendor.Doc) (*model.Page, error) {
	pt, err := readFile(File{Name: d.Source.File, Data: d.HTML})
	if err != nil {
		return nil, err
	}
	if pt.format != f.name {
		return nil, fmt.Errorf("%s: the manifest says format %s, the content is a %s page", d.Source.File, f.name, pt.format)
	}
	return &model.Page{Source: d.Source, Payload: pt}, nil
}

// Resolve implements vendor.Vendor. The pages take no overrides: a wrong row is
// an error of the page, and the catalog's notes say where pages disagree.
func (Vendor) Resolve(p *model.Page, ovs []model.Override) (*model.Service, error) {
	if len(ovs) > 0 {
		return nil, fmt.Errorf("%s: Google Cloud IAM pages take no overrides (%s); the catalog is read as published", p.Source.File, ovs[0])
	}
	return &model.Service{Kind: p.Source.Format, Source: p.Source, ShortName: VendorName, Diagnostics: p.Warnings, Payload: p.Payload}, nil
}

// Finish implements vendor.Vendor: the pages the registry read, joined.
func (v Vendor) Finish(services []*model.Service) ([]*model.Service, error) {
	return v.FinishSources(vendor.Sources{}, services)
}

// FinishSources implements vendor.SourceFinisher: the Markdown pages of <in>/gcp
// (the archives' form, which the core does not read: it reads *.html) and the
// pages the registry scraped, joined into one catalog, one service.
func (Vendor) FinishSources(src vendor.Sources, services []*model.Service) ([]*model.Service, error) {
	var parts []*part
	var diags []model.Diagnostic
	for _, s := range services {
		pt, ok := s.Payload.(*part)
		if !ok {
			return nil, fmt.Errorf("%s: a %s service without its page", s.Source.File, s.Kind)
		}
		parts = append(parts, pt)
		diags = append(diags, s.Diagnostics...)
	}
	dir := filepath.Join(src.Dir, VendorName)
	if src.Dir != "" {
		md, err := readMarkdown(dir)
		if err != nil {
			return nil, err
		}
		parts = append(parts, md...)
	}
	if len(parts) == 0 {
		return nil, nil
	}
	sources, err := join(parts)
	if err != nil {
		return nil, err
	}
	c, err := Build(sources)
	if err != nil {
		return nil, err
	}
	run := &Run{Catalog: c, Source: filepath.Base(src.Dir) + "/" + VendorName}
	s := &model.Service{
		Kind:      FormatRoles,
		Source:    model.Source{File: dir, Path: VendorName, Vendor: VendorName, Format: FormatRoles},
		Name:      "Google Cloud IAM",
		ShortName: VendorName,
		Payload:   run,
	}
	s.Diagnostics = append(diags, notes(run)...)
	return []*model.Service{s}, nil
}

// readMarkdown reads every *.md page of dir, none when dir does not exist.
func readMarkdown(dir string) ([]*part, error) {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	var files []File
	for _, e := range entries {
		if n := e.Name(); !e.IsDir() && strings.HasSuffix(n, ".md") {
			files = append(files, File{Name: filepath.Join(dir, n)})
		}
	}
	parts := make([]*part, len(files))
	errs := make([]error, len(files))
	work.Each(len(files), func(i int) {
		data, err := os.ReadFile(files[i].Name)
		if err != nil {
			errs[i] = err
			return
		}
		files[i].Data = data
		parts[i], errs[i] = readFile(files[i])
	})
	return parts, errors.Join(errs...)
}

// notes are the catalog's notes as lint reports them: pages' disagreements with
// the prefix rule, names without a row, roles without one.
func notes(r *Run) []model.Diagnostic {
	var ds []model.Diagnostic
	for _, n := range r.Catalog.Notes {
		pos := model.Pos{File: n.Pos.File, Row: n.Pos.Row}
		if pos.File == "" {
			pos.File = r.Source
		}
		if n.Pos.Table > 0 {
			pos.Table = strconv.Itoa(n.Pos.Table)
		}
		ds = append(ds, model.Diagnostic{Pos: pos, Code: n.Code, Msg: n.Msg})
	}
	return ds
}

// Derive implements vendor.Vendor: nothing is derived after history, which
// keeps nothing of GCP (entries.go).
func (Vendor) Derive(*model.Service) {}

// FetchPages implements vendor.Fetcher: the live pages of what sources/gcp holds
// (fetch.go).
func (Vendor) FetchPages(src vendor.Sources) ([]vendor.FetchPage, error) { return FetchPages(src) }

// Unsnapshotted implements vendor.Unsnapshotted: two snapshots of the pages are
// compared by `gen diff -vendor gcp` (commands.go), or by the model diff between
// two sources folders.
func (Vendor) Unsnapshotted() {}

// plan is what Layout hands EmitTree.
type treePlan struct {
	run        *Run
	importRoot string
}

// Layout implements vendor.Vendor: no package per service; the folder gcp/ is
// reserved for the tree EmitTree renders. Naming runs here, so that a clash of
// Go names is an error of Load.
func (Vendor) Layout(services []*model.Service, importRoot string) (vendor.Layout, error) {
	var l vendor.Layout
	for _, s := range services {
		r, ok := s.Payload.(*Run)
		if !ok {
			return l, fmt.Errorf("%s: a %s service that Finish did not make", s.Source.File, s.Kind)
		}
		if l.Plan != nil {
			return l, fmt.Errorf("%s: a second Google Cloud IAM catalog in one run", s.Source.File)
		}
		if _, _, err := plan(r.Catalog); err != nil {
			return l, err
		}
		l.Plan = &treePlan{run: r, importRoot: importRoot}
		l.Reserved = []string{VendorName}
	}
	return l, nil
}

// Emit implements vendor.Vendor; Layout makes no packages, so it is never asked.
func (Vendor) Emit(p *resolve.Package) ([]write.File, error) {
	return nil, fmt.Errorf("%s: Google Cloud IAM renders its tree whole (EmitTree), not per package", p.Dir)
}

// EmitTree implements vendor.Vendor: the whole of gcp/.
func (Vendor) EmitTree(l vendor.Layout, _ vendor.Sources) ([]write.File, error) {
	p, ok := l.Plan.(*treePlan)
	if !ok {
		return nil, nil
	}
	return Emit(p.run.Catalog, p.importRoot, p.run.Source)
}
