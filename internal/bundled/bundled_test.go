package bundled

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/permgen/permgen/internal/model"
)

// The compiled-in catalog decodes, names the date of its AWS pages, and holds the
// whole AWS reference and the Tencent CAM pages (lower bounds: a refresh adds).
func TestCompiledInCatalog(t *testing.T) {
	b, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	if !regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`).MatchString(b.AWSPages) {
		t.Errorf("AWS pages date %q, want YYYY-MM-DD", b.AWSPages)
	}
	count := func(kind string) (n int) {
		for _, s := range b.Of(kind) {
			n += len(s.Actions)
		}
		return n
	}
	if n := count(model.FormatAWSSAR); n < 20000 {
		t.Errorf("%d AWS actions compiled in, want the whole reference (21,190 on 2026-06-14)", n)
	}
	if n := count(model.FormatTencentCAM); n < 119 {
		t.Errorf("%d Tencent CAM actions compiled in, want at least ccc's 119", n)
	}
	for _, s := range b.Services {
		if s.Source.File != "" || s.Source.Fetched != "" {
			t.Fatalf("%s keeps where its page was (%q, %q): the bundle must not depend on the machine", s.ShortName, s.Source.File, s.Source.Fetched)
		}
	}
	again, err := Encode(b)
	if err != nil {
		t.Fatal(err)
	}
	if c, err := Decode(again); err != nil || len(c.Services) != len(b.Services) {
		t.Errorf("re-encoded bundle: %d services, %v; want %d", len(c.Services), err, len(b.Services))
	}
}

// The compiled-in list of corrected pages is the sources folder's overrides.json,
// grouped by page with each page's hash as it is on disk: stale, and a copied page
// would go unnamed (make generate writes it).
func TestCorrectedPagesAreFresh(t *testing.T) {
	var ovs []model.Override
	b, err := os.ReadFile("../../sources/overrides.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &ovs); err != nil {
		t.Fatal(err)
	}
	want, err := CorrectedPages(ovs, func(f string) ([]byte, error) { return os.ReadFile(filepath.Join("../../sources", f)) })
	if err != nil {
		t.Fatal(err)
	}
	var got []CorrectedPage
	if err := json.Unmarshal(overridesData, &got); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("internal/bundled/overrides.json is stale: run make generate (-want +got):\n%s", diff)
	}
	for _, c := range want {
		page, _ := os.ReadFile(filepath.Join("../../sources", c.File))
		if got, ok := Corrected(page); !ok || got.File != c.File {
			t.Errorf("Corrected(%s) = %v, %v", c.File, got.File, ok)
		}
	}
	if _, ok := Corrected([]byte("<html>another page</html>")); ok {
		t.Error("an unknown page is reported as corrected")
	}
}
