package awssar_test

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"

	"golang.org/x/net/html"

	"github.com/permgen/permgen/internal/pipeline"
)

// sources is the repository's sources folder: the 533 AWS pages of 2026-06-14,
// content only, and the other vendors' pages.
var sources = filepath.Join("..", "..", "..", "..", "sources")

// BenchmarkAWSModel is the pipeline up to the model (pipeline.Load) over every page
// of sources/: read, scrape, resolve, merge prefixes, lint, name. (Emit is measured with the emitter.)
func BenchmarkAWSModel(b *testing.B) {
	for b.Loop() {
		m, err := pipeline.Load(pipeline.Options{In: sources})
		if err != nil {
			b.Fatal(err)
		}
		if len(m.Services) < 460 {
			b.Fatalf("%d services", len(m.Services))
		}
	}
}

// BenchmarkAWSTokenizerFloor is a bare x/net/html tokenizer pass over the same
// bytes, read from disk: the floor any HTML scraper of these pages stands on.
func BenchmarkAWSTokenizerFloor(b *testing.B) {
	files, err := filepath.Glob(filepath.Join(sources, "aws", "*.html"))
	if err != nil || len(files) < 500 {
		b.Fatalf("%d pages, %v", len(files), err)
	}
	for b.Loop() {
		n := 0
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			z := html.NewTokenizer(bytes.NewReader(data))
			for z.Next() != html.ErrorToken {
				n++
			}
			if z.Err() != io.EOF {
				b.Fatal(z.Err())
			}
		}
		if n == 0 {
			b.Fatal("no tokens")
		}
	}
}
