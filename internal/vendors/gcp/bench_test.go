package gcp

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/net/html"

	"github.com/permgen/permgen/templates/gcp/gcpiam"
)

// pages reads the 347 pages and the two support pages of sources/gcp.
func pages(b *testing.B) ([]File, int64) {
	b.Helper()
	names, err := filepath.Glob("../../../sources/gcp/*.md")
	if err != nil || len(names) == 0 {
		b.Fatalf("sources/gcp: %v", err)
	}
	var files []File
	var n int64
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			b.Fatal(err)
		}
		files = append(files, File{Name: name, Data: data})
		n += int64(len(data))
	}
	return files, n
}

// BenchmarkPipeline is the whole reading of a snapshot: scrape every page, read
// the support pages, join the catalog. Compare with BenchmarkTokenizerFloor.
func BenchmarkPipeline(b *testing.B) {
	files, n := pages(b)
	b.SetBytes(n)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Load(files); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTokenizerFloor is the bare x/net/html tokenizer over the same bytes,
// on as many cores as the pipeline's scraping uses: the floor a scraper built on
// it cannot beat.
func BenchmarkTokenizerFloor(b *testing.B) {
	files, n := pages(b)
	b.SetBytes(n)
	for b.Loop() {
		done := make(chan struct{})
		next := make(chan []byte)
		workers := 2
		for range workers {
			go func() {
				for data := range next {
					z := html.NewTokenizer(bytes.NewReader(data))
					for z.Next() != html.ErrorToken {
					}
					if z.Err() != io.EOF {
						panic(z.Err())
					}
				}
				done <- struct{}{}
			}()
		}
		for _, f := range files {
			next <- f.Data
		}
		close(next)
		for range workers {
			<-done
		}
	}
}

// BenchmarkEmit renders generated/gcp in memory from a joined catalog.
func BenchmarkEmit(b *testing.B) {
	files, _ := pages(b)
	c, err := Load(files)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Emit(c, "github.com/permgen/permgen/generated", "sources/gcp"); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkCatalogSmallestRoles is the CLI's SmallestRoles over the catalog
// read from the pages.
func BenchmarkCatalogSmallestRoles200(b *testing.B) {
	files, _ := pages(b)
	c, err := Load(files)
	if err != nil {
		b.Fatal(err)
	}
	var names []string
	for i := 0; len(names) < 200; i += len(c.Permissions) / 400 {
		p := c.Permissions[i%len(c.Permissions)]
		for _, id := range p.Roles {
			if r := c.Role(id); r != nil && !r.ServiceAgent && !r.Basic {
				names = append(names, p.Name)
				break
			}
		}
	}
	for b.Loop() {
		if _, err := c.SmallestRoles(names, gcpiam.Options{}); err != nil {
			b.Fatal(err)
		}
	}
}
