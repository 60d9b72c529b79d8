// Package pipeline wires the stages together so that every command and every test
// runs the same steps, in two halves:
//
//   - Load: sources → scrape → resolve → history → derived facts → the model.
//     Everything a command needs that reads only the model (lint, diff, policy,
//     fetch's check) comes from here; it knows nothing of Go or import paths.
//   - Render: the model → Go names → files, for an import path.
//
// Neither writes anything.
package pipeline

import (
	"errors"
	"fmt"
	"path/filepath"
	"sort"

	"github.com/permgen/permgen/internal/bundled"
	"github.com/permgen/permgen/internal/history"
	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/resolve"
	"github.com/permgen/permgen/internal/snapshot"
	"github.com/permgen/permgen/internal/source"
	"github.com/permgen/permgen/internal/vendor"
	"github.com/permgen/permgen/internal/vendors/all"
	"github.com/permgen/permgen/internal/work"
	"github.com/permgen/permgen/internal/write"
)

// vendors is the registry every stage asks; the one list is package all's.
var vendors = all.Vendors

// Model is what Load read: every service of the sources folder, in sources order.
type Model struct {
	Services []*model.Service
	// Previous is the generated tree's state before this run (Options.Out), each
	// snapshot with the folder it was found in; nil without Out.
	Previous []snapshot.Stored
	// named holds, per service, what naming found worth a look (resolve.Package's
	// Diagnostics): lint reports it without rendering anything.
	named map[*model.Service][]model.Diagnostic
	// in is the sources folder, for the vendors' own files in it (EmitTree).
	in string
}

// Diagnostics returns every anomaly of every service, in sources order, each
// service's followed by what naming its package found.
func (m *Model) Diagnostics() []model.Diagnostic {
	var ds []model.Diagnostic
	for _, s := range m.Services {
		ds = append(ds, s.Diagnostics...)
		ds = append(ds, m.named[s]...)
	}
	return ds
}

// Result is everything one run produced, in memory: the model and its rendering.
type Result struct {
	*Model
	Packages []*resolve.Package
	Files    []write.File
}

// Options are the settings of one run.
type Options struct {
	In string // sources folder
	// ImportRoot is the import path of the generated root; only Render needs it.
	ImportRoot string
	// Out is the generated root whose model snapshots are the previous state:
	// vanished entries are kept as deprecated and the regression guards apply.
	// Empty: no history (a first generation, or a test).
	Out     string
	History history.Options
}

// Run reads the sources folder in and renders the tree whose import path is
// importRoot, with no history. Every error of every page is returned together.
func Run(in, importRoot string) (*Result, error) {
	return RunWith(Options{In: in, ImportRoot: importRoot})
}

// RunWith is Load then Render, with the package-move guard between them.
func RunWith(o Options) (*Result, error) {
	m, err := Load(o)
	if err != nil {
		return nil, err
	}
	res, err := Render(m, o.ImportRoot)
	if err != nil {
		return nil, err
	}
	if o.Out != "" && !o.History.Force {
		if err := guardMoves(m.Previous, res.Packages, o.Out, o.ImportRoot); err != nil {
			return nil, err
		}
	}
	return res, nil
}

// page scrapes and resolves one snapshot, with the vendor whose format it is.
func page(pg source.Page) (*model.Service, error) {
	p, err := vendors.Scrape(pg.Source, pg.HTML)
	if err != nil {
		return nil, err
	}
	v, ok := vendors.Owner(p.Source.Format)
	if !ok {
		return nil, fmt.Errorf("%s: no vendor reads format %q", pg.Source.File, p.Source.Format)
	}
	return v.Resolve(p, pg.Overrides)
}

// Load reads the sources folder o.In into the model: every page scraped and
// resolved, each vendor's pages finished together, then, when o.Out is set, the
// generated tree's history applied (vanished entries kept as deprecated,
// regression guards), then the facts derived from the whole of each service, then
// the Go names checked. It needs no import path and no go.mod.
func Load(o Options) (*Model, error) {
	pages, err := source.Load(o.In)
	// A folder without a single *.html page may still hold a vendor's own files
	// (vendor.SourceFinisher); it is an error only if no vendor finds a service.
	noPages := errors.Is(err, source.ErrNoPages) && len(pages) == 0
	if err != nil && !noPages {
		return nil, err
	}
	// Pages are independent until the tree is named: scrape and resolve them in
	// parallel, keep the results (and errors) in sources order.
	services := make([]*model.Service, len(pages))
	errs := make([]error, len(pages))
	work.Each(len(pages), func(i int) {
		services[i], errs[i] = page(pages[i])
		// One of permgen's own snapshots copied without its corrections says so.
		if services[i] != nil && len(pages[i].Overrides) == 0 {
			if c, ok := bundled.Corrected(pages[i].HTML); ok {
				services[i].Diagnostics = append(services[i].Diagnostics, c.Note(model.Pos{File: pages[i].Source.File}))
			}
		}
	})
	m := &Model{in: o.In}
	for _, s := range services {
		if s != nil {
			m.Services = append(m.Services, s)
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	if m.Services, err = finish(o.In, m.Services); err != nil {
		return nil, err
	}
	if noPages && len(m.Services) == 0 {
		return nil, fmt.Errorf("%s: %w", o.In, source.ErrNoPages)
	}
	if o.Out != "" {
		prev, err := snapshot.LoadStored(o.Out)
		if err != nil {
			return nil, err
		}
		m.Previous = prev
		h := o.History
		h.Vendors = vendors
		h.Sources = filepath.Base(o.In)
		if err := history.Apply(snapshot.Services(prev), m.Services, h); err != nil {
			return nil, err
		}
	}
	// Derived facts follow the entries history merged, never the other way round.
	for _, s := range m.Services {
		owner(s).Derive(s)
	}
	// Naming needs no import path; it runs here so that a Go name clash is an
	// error of Load and its notes reach lint. Render names again for its root.
	layouts, err := layout(m.Services, "")
	if err != nil {
		return nil, err
	}
	m.named = map[*model.Service][]model.Diagnostic{}
	for _, l := range layouts {
		for _, p := range l.Packages {
			m.named[p.Service] = p.Diagnostics
		}
	}
	return m, nil
}

// Render gives the model's services their Go names and packages below importRoot
// and renders every file of the tree. It does not modify the model.
func Render(m *Model, importRoot string) (*Result, error) {
	layouts, err := layout(m.Services, importRoot)
	if err != nil {
		return nil, err
	}
	r := &Result{Model: m}
	for _, l := range layouts {
		for _, p := range l.Packages {
			p.Sources = filepath.Base(m.in)
		}
		r.Packages = append(r.Packages, l.Packages...)
	}
	sort.Slice(r.Packages, func(i, j int) bool { return r.Packages[i].Dir < r.Packages[j].Dir })
	if r.Files, err = emitTree(layouts, r.Packages, vendor.Sources{Dir: m.in}); err != nil {
		return nil, err
	}
	return r, nil
}
