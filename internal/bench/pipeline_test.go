package bench

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/pipeline"
	"github.com/permgen/permgen/internal/scrape"
	"github.com/permgen/permgen/internal/source"
	"github.com/permgen/permgen/internal/vendor"
	"github.com/permgen/permgen/internal/vendors/all"
	"github.com/permgen/permgen/internal/write"
)

// generate is `permgen generate` without the flags: every stage, from reading the
// sources folder in to a written tree in out. It returns the number of actions.
func generate(in, out string) (int, error) { return generateRoot(in, out, importRoot) }

// generateRoot is generate for a tree whose import path is root.
func generateRoot(in, out, root string) (int, error) {
	res, err := pipeline.Run(in, root)
	if err != nil {
		return 0, err
	}
	plan, err := write.Compare(out, res.Files)
	if err != nil {
		return 0, err
	}
	if err := plan.Apply(); err != nil {
		return 0, err
	}
	n := 0
	for _, s := range res.Services {
		n += len(s.Actions)
	}
	return n, nil
}

// BenchmarkPipeline is the whole pipeline on the corpus, writing into a new folder
// each time (the first `make generate` of a tree, the most work write can do).
func BenchmarkPipeline(b *testing.B) {
	in := corpus(b)
	tmp := b.TempDir()
	b.ReportAllocs()
	n, i := 0, 0
	for b.Loop() {
		out := filepath.Join(tmp, strconv.Itoa(i))
		var err error
		if n, err = generate(in, out); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if err := os.RemoveAll(out); err != nil {
			b.Fatal(err)
		}
		i++
		b.StartTimer()
	}
	b.ReportMetric(float64(n), "actions")
}

// BenchmarkStages times each stage alone, on the output of the one before, to say
// where the pipeline's time goes.
func BenchmarkStages(b *testing.B) {
	in := corpus(b)
	pages, err := source.Load(in)
	if err != nil {
		b.Fatal(err)
	}
	scraped := make([]*model.Page, len(pages))
	for i, pg := range pages {
		if scraped[i], err = scrape.Page(pg.Source, pg.HTML); err != nil {
			b.Fatal(err)
		}
	}
	// Each service is resolved and laid out, and each package rendered, by the
	// vendor that owns its format, as the pipeline does (without history).
	type laidOut struct {
		v vendor.Vendor
		l vendor.Layout
	}
	resolveAll := func() []laidOut {
		var order []vendor.Vendor
		byVendor := map[vendor.Vendor][]*model.Service{}
		for i, p := range scraped {
			v, ok := all.Vendors.Owner(p.Source.Format)
			if !ok {
				b.Fatalf("%s: no vendor reads format %q", p.Source.File, p.Source.Format)
			}
			s, err := v.Resolve(p, pages[i].Overrides)
			if err != nil {
				b.Fatal(err)
			}
			v.Derive(s)
			if byVendor[v] == nil {
				order = append(order, v)
			}
			byVendor[v] = append(byVendor[v], s)
		}
		var out []laidOut
		for _, v := range order {
			l, err := v.Layout(byVendor[v], importRoot)
			if err != nil {
				b.Fatal(err)
			}
			out = append(out, laidOut{v, l})
		}
		return out
	}
	emitAll := func(ls []laidOut) ([]write.File, error) {
		var files []write.File
		for _, x := range ls {
			for _, p := range x.l.Packages {
				fs, err := x.v.Emit(p)
				if err != nil {
					return nil, err
				}
				files = append(files, fs...)
			}
			fs, err := x.v.EmitTree(x.l, vendor.Sources{Dir: in})
			if err != nil {
				return nil, err
			}
			files = append(files, fs...)
		}
		return files, nil
	}
	layouts := resolveAll()
	files, err := emitAll(layouts)
	if err != nil {
		b.Fatal(err)
	}

	b.Run("load", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := source.Load(in); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("scrape", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			for _, pg := range pages {
				if _, err := scrape.Page(pg.Source, pg.HTML); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	b.Run("resolve", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			resolveAll()
		}
	})
	b.Run("emit", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := emitAll(layouts); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("write", func(b *testing.B) {
		tmp := b.TempDir()
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			out := filepath.Join(tmp, strconv.Itoa(i))
			plan, err := write.Compare(out, files)
			if err != nil {
				b.Fatal(err)
			}
			if err := plan.Apply(); err != nil {
				b.Fatal(err)
			}
			b.StopTimer()
			if err := os.RemoveAll(out); err != nil {
				b.Fatal(err)
			}
			i++
			b.StartTimer()
		}
	})
}
