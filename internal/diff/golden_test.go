package diff

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

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
			golden(t, filepath.Join("testdata", f.file), b.Bytes())
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
			golden(t, filepath.Join("testdata", f.file), b.Bytes())
		})
	}
}

func golden(t *testing.T, file string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), string(got)); diff != "" {
		t.Errorf("%s differs (-want +got):\n%s", file, diff)
	}
}
