package bench

import (
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/permgen/permgen/internal/emit"
	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/pipeline"
	"github.com/permgen/permgen/internal/resolve"
	"github.com/permgen/permgen/internal/scrape"
	"github.com/permgen/permgen/internal/source"
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
	resolveAll := func() ([]*resolve.Package, []*resolve.Runtime) {
		services := make([]*model.Service, len(scraped))
		for i, p := range scraped {
			var err error
			if services[i], err = resolve.Service(p, pages[i].Overrides); err != nil {
				b.Fatal(err)
			}
		}
		pkgs, rts, err := resolve.Tree(services, importRoot)
		if err != nil {
			b.Fatal(err)
		}
		return pkgs, rts
	}
	pkgs, rts := resolveAll()
	files, err := emit.Tree(pkgs, rts)
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
			if _, err := emit.Tree(pkgs, rts); err != nil {
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
