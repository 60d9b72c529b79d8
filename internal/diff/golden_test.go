package diff

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/permgen/permgen/internal/golden"
)

// TestGolden renders one report with a change of every kind in every format.
func TestGolden(t *testing.T) {
	r, err := compareLists(goldenOld(), goldenNew())
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []struct{ format, file string }{
		{"text", "report.txt"},
		{"markdown", "report.md"},
		{"json", "report.json"},
	} {
		t.Run(f.format, func(t *testing.T) {
			var b bytes.Buffer
			if err := r.Write(&b, f.format); err != nil {
				t.Fatal(err)
			}
			golden.File(t, filepath.Join("testdata", f.file), b.Bytes())
		})
	}
}

// TestGoldenEmpty: what each format says when nothing changed.
func TestGoldenEmpty(t *testing.T) {
	r, err := compareLists(goldenNew(), goldenNew())
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range []struct{ format, file string }{
		{"text", "empty.txt"},
		{"markdown", "empty.md"},
		{"json", "empty.json"},
	} {
		t.Run(f.format, func(t *testing.T) {
			var b bytes.Buffer
			if err := r.Write(&b, f.format); err != nil {
				t.Fatal(err)
			}
			golden.File(t, filepath.Join("testdata", f.file), b.Bytes())
		})
	}
}
