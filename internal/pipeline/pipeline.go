// Package pipeline wires the stages together — source, scrape, resolve, emit — so
// that every command (generate, check, lint) and every test runs the same steps.
// It writes nothing.
package pipeline

import (
	"errors"
	"runtime"
	"slices"
	"sync"

	"github.com/permgen/permgen/internal/emit"
	"github.com/permgen/permgen/internal/history"
	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/resolve"
	"github.com/permgen/permgen/internal/scrape"
	"github.com/permgen/permgen/internal/snapshot"
	"github.com/permgen/permgen/internal/source"
	"github.com/permgen/permgen/internal/write"
)

// Result is everything one run produced, in memory.
type Result struct {
	Services []*model.Service // in sources order
	Packages []*resolve.Package
	Files    []write.File
}

// Diagnostics returns every anomaly of every service, in sources order, each
// service's followed by what naming its package found.
func (r *Result) Diagnostics() []model.Diagnostic {
	named := map[*model.Service][]model.Diagnostic{}
	for _, p := range r.Packages {
		named[p.Service] = p.Diagnostics
	}
	var ds []model.Diagnostic
	for _, s := range r.Services {
		ds = append(ds, s.Diagnostics...)
		ds = append(ds, named[s]...)
	}
	return ds
}

// Options are the settings of one run.
type Options struct {
	In         string // sources folder
	ImportRoot string // import path of the generated root
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

// page scrapes and resolves one snapshot.
func page(pg source.Page) (*model.Service, error) {
	p, err := scrape.Page(pg.Source, pg.HTML)
	if err != nil {
		return nil, err
	}
	return resolve.Entries(p, pg.Overrides)
}

// RunWith is Run with every setting.
func RunWith(o Options) (*Result, error) {
	importRoot := o.ImportRoot
	services, err := resolved(o.In)
	if err != nil {
		return nil, err
	}
	r := &Result{Services: services}
	if o.Out != "" {
		prev, err := snapshot.LoadTree(o.Out)
		if err != nil {
			return nil, err
		}
		if err := history.Apply(prev, r.Services, o.History); err != nil {
			return nil, err
		}
	}
	// Derived facts follow the entries history merged, never the other way round.
	for _, s := range r.Services {
		resolve.Derive(s)
	}
	pkgs, rts, err := resolve.Tree(emitted(r.Services), importRoot)
	if err != nil {
		return nil, err
	}
	r.Packages = pkgs
	if r.Files, err = emit.Tree(pkgs, rts); err != nil {
		return nil, err
	}
	if err := catalogs(o.In, r, rts); err != nil {
		return nil, err
	}
	return r, nil
}

// resolved reads, scrapes and resolves every page of the sources folder in.
func resolved(in string) ([]*model.Service, error) {
	pages, err := source.Load(in)
	if err != nil {
		return nil, err
	}
	// Pages are independent until the tree is named: scrape and resolve them in
	// parallel, keep the results (and errors) in sources order.
	services := make([]*model.Service, len(pages))
	errs := make([]error, len(pages))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(pages)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				services[i], errs[i] = page(pages[i])
			}
		}()
	}
	for i := range pages {
		next <- i
	}
	close(next)
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	// Pages sharing an AWS prefix become one service.
	return resolve.AWSTree(slices.DeleteFunc(services, func(s *model.Service) bool { return s == nil })), nil
}
