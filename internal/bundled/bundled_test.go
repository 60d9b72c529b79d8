package bundled

import (
	"regexp"
	"testing"

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
