// Package examples holds the acceptance programs of the issues: real programs that
// import generated/ as a user would. The test runs each and compares what it prints
// with its want.txt, so generated code is compiled and run on every `make test`.
//
// The programs print counts of the pages (119 actions, 145 scopes), so they are
// built against the tree generated from the frozen sources (testdata/sources at the
// repository root), laid over generated/ with go's -overlay: refreshing sources/
// and regenerating does not change what they print.
package examples

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/permgen/permgen/internal/pipeline"
)

// frozenOverlay writes the tree generated from the frozen sources to a temporary
// folder and returns a go -overlay file that puts it in place of generated/.
func frozenOverlay(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	res, err := pipeline.Run(filepath.Join(root, "testdata", "sources"), "github.com/permgen/permgen/generated")
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	replace := map[string]string{}
	// Every checked-in generated Go file is hidden unless the frozen tree has it,
	// except the nested module generated/aws when the frozen sources have no AWS
	// pages: examples/aws reads the live tree and prints only what a refresh of
	// the pages does not change.
	live := filepath.Join(root, "generated")
	frozenAWS := false
	for _, f := range res.Files {
		frozenAWS = frozenAWS || strings.HasPrefix(f.Path, "aws/")
	}
	err = filepath.WalkDir(live, func(p string, d os.DirEntry, err error) error {
		if err == nil && d.IsDir() && p == filepath.Join(live, "aws") && !frozenAWS {
			return filepath.SkipDir
		}
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".go") {
			replace[p] = ""
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Files {
		if !strings.HasSuffix(f.Path, ".go") {
			continue
		}
		file := filepath.Join(tmp, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
		replace[filepath.Join(live, filepath.FromSlash(f.Path))] = file
	}
	data, err := json.Marshal(map[string]any{"Replace": replace})
	if err != nil {
		t.Fatal(err)
	}
	overlay := filepath.Join(tmp, "overlay.json")
	if err := os.WriteFile(overlay, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return overlay
}

func TestPrograms(t *testing.T) {
	dirs, err := filepath.Glob("*/want.txt")
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no programs found: %v", err)
	}
	overlay := frozenOverlay(t)
	for _, want := range dirs {
		dir := filepath.Dir(want)
		t.Run(dir, func(t *testing.T) {
			wantOut, err := os.ReadFile(want)
			if err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command("go", "run", "-overlay", overlay, "./"+dir)
			if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
				// A module of its own (sdkrecord needs the Tencent Cloud SDK, which
				// permgen's go.mod must not gain; examples/aws imports the nested
				// module generated/aws): run it from its folder, in the
				// repository's workspace (go.work), which resolves the versions
				// its go.mod requires to this checkout.
				cmd = exec.Command("go", "run", "-overlay", overlay, ".")
				cmd.Dir = dir
			}
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("go run ./%s: %v\n%s", dir, err, out)
			}
			if diff := cmp.Diff(string(wantOut), string(out)); diff != "" {
				t.Errorf("output differs (-want +got):\n%s", diff)
			}
		})
	}
}
