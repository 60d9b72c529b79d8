package pipeline

import (
	"bytes"
	"go/format"
	"path/filepath"
	"strings"
	"testing"
)

// TestGofmtCanonical: every generated Go file is already in gofmt's form, whether
// the emitter formatted it or wrote it preformatted, for the real sources and for
// every good case.
func TestGofmtCanonical(t *testing.T) {
	ins := []string{liveSources(t)}
	for _, name := range caseNames(t) {
		if !strings.HasPrefix(name, "bad-") {
			ins = append(ins, filepath.Join("testdata", name, "sources"))
		}
	}
	for _, in := range ins {
		res, err := Run(in, "example.com/out")
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range res.Files {
			if !strings.HasSuffix(f.Path, ".go") {
				continue
			}
			got, err := format.Source(f.Data)
			if err != nil {
				t.Errorf("%s: %s: %v", in, f.Path, err)
			} else if !bytes.Equal(got, f.Data) {
				t.Errorf("%s: %s is not gofmt-canonical", in, f.Path)
			}
		}
	}
}
