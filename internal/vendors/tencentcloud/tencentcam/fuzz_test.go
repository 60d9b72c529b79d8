package tencentcam

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

func readDoc(t testing.TB, path string) *goquery.Document {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func FuzzScrape(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/*.html")
	bad, _ := filepath.Glob("testdata/bad/*.html")
	for _, in := range append(append(seeds, bad...), snapshot) {
		b, err := os.ReadFile(in)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	src := testSource("fuzz.html")
	f.Fuzz(func(t *testing.T, b []byte) {
		doc, err := goquery.NewDocumentFromReader(bytes.NewReader(b))
		if err != nil {
			return
		}
		Detect(doc)
		p, err := Scrape(src, doc)
		if err != nil {
			return
		}
		for _, fact := range p.Facts {
			if fact.Pos.File != src.File || fact.Pos.Row < 1 {
				t.Fatalf("fact %s at %+v", fact.Key, fact.Pos)
			}
		}
		if len(p.Tables) == 0 {
			t.Fatal("success without tables")
		}
		for _, tb := range p.Tables {
			if tb.Pos.File != src.File {
				t.Fatalf("table at %+v", tb.Pos)
			}
			for _, r := range tb.Rows {
				if r.Pos.File != src.File || r.Pos.Row < 1 {
					t.Fatalf("row at %+v", r.Pos)
				}
				for _, fl := range r.Fields {
					if fl.Pos.File != src.File || fl.Pos.Row < 1 {
						t.Fatalf("field %s at %+v", fl.Key, fl.Pos)
					}
				}
			}
		}
	})
}
