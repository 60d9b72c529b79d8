package tencentcam

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/permgen/permgen/internal/golden"
	"github.com/permgen/permgen/internal/model"
)

// snapshot is the frozen copy of the real page (testdata/README.md at the
// repository root): its golden file pins rows, which a refresh of sources/ must
// not break.
const snapshot = "../../../../testdata/sources/tencentcloud/ccc.html"

func snapshotSource() model.Source {
	return model.Source{
		File:   "sources/tencentcloud/ccc.html",
		Vendor: "tencentcloud",
		Format: model.FormatTencentCAM,
		URL:    "https://cloud.tencent.com/document/product/598/98106",
	}
}

func testSource(path string) model.Source {
	return model.Source{File: filepath.ToSlash(path), Vendor: "test", Format: model.FormatTencentCAM}
}

func scrapeFile(t testing.TB, path string, src model.Source) (*model.Page, error) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return Scrape(src, doc)
}

func marshal(t *testing.T, p *model.Page) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false) // keep "&" and "<" readable in the golden files
	enc.SetIndent("", "  ")
	if err := enc.Encode(p); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestGolden(t *testing.T) {
	cases := map[string]model.Source{snapshot: snapshotSource()}
	inputs, err := filepath.Glob("testdata/*.html")
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range inputs {
		cases[in] = testSource(in)
	}
	for in, src := range cases {
		t.Run(filepath.Base(in), func(t *testing.T) {
			p, err := scrapeFile(t, in, src)
			if err != nil {
				t.Fatalf("Scrape: %v", err)
			}
			want := filepath.Join("testdata", strings.TrimSuffix(filepath.Base(in), ".html")+".golden.json")
			golden.File(t, want, marshal(t, p))
		})
	}
}

func TestBad(t *testing.T) {
	inputs, err := filepath.Glob("testdata/bad/*.html")
	if err != nil {
		t.Fatal(err)
	}
	if len(inputs) == 0 {
		t.Fatal("no bad cases found")
	}
	for _, in := range inputs {
		t.Run(filepath.Base(in), func(t *testing.T) {
			p, err := scrapeFile(t, in, testSource(in))
			if err == nil {
				t.Fatalf("Scrape succeeded, want an error; page has %d tables", len(p.Tables))
			}
			if p != nil {
				t.Errorf("Scrape returned a page with its error")
			}
			golden.File(t, strings.TrimSuffix(in, ".html")+".err", []byte(err.Error()+"\n"))
			// Each problem must be a positioned model.Error, so that callers can
			// sort, count or re-render them.
			joined, ok := err.(interface{ Unwrap() []error })
			if !ok {
				t.Fatalf("error %T is not a joined error", err)
			}
			for _, e := range joined.Unwrap() {
				var me *model.Error
				if !errors.As(e, &me) || me.Pos.File != filepath.ToSlash(in) {
					t.Errorf("%v: not a model.Error at %s", e, in)
				}
			}
		})
	}
}
