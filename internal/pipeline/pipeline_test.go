package pipeline

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/permgen/permgen/internal/golden"
	"github.com/permgen/permgen/internal/write"
)

// importRoot is the import path the cases generate into: another module's, as a team
// running permgen in its own repository would.
const importRoot = "example.com/out"

// TestCases runs every case folder under testdata/: sources/ in, and either want/
// (the generated tree, runtime copies left out) plus lint.txt, or want.err (the
// exact error text) out.
func TestCases(t *testing.T) {
	for _, name := range caseNames(t) {
		t.Run(name, func(t *testing.T) {
			t.Chdir(filepath.Join("testdata", name))
			res, err := Run("sources", importRoot)
			if strings.HasPrefix(name, "bad-") {
				if err == nil {
					t.Fatal("Run succeeded on bad input")
				}
				golden.File(t, "want.err", []byte(err.Error()+"\n"))
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var lint strings.Builder
			for _, d := range res.Diagnostics() {
				lint.WriteString(d.String() + "\n")
			}
			golden.File(t, "lint.txt", []byte(lint.String()))
			golden.Tree(t, "want", serviceFiles(res))
		})
	}
}

// TestCasesCompile builds the whole generated tree of every good case, runtime
// included, as a module of its own, and vets it.
func TestCasesCompile(t *testing.T) {
	if testing.Short() {
		t.Skip("builds generated code")
	}
	for _, name := range caseNames(t) {
		if strings.HasPrefix(name, "bad-") {
			continue
		}
		t.Run(name, func(t *testing.T) {
			res, err := Run(filepath.Join("testdata", name, "sources"), importRoot)
			if err != nil {
				t.Fatal(err)
			}
			dir := writeModule(t, res.Files)
			goCmd(t, dir, "vet", "./...")
		})
	}
}

// TestDeterministic: two runs give the same bytes, whatever the map orders were.
func TestDeterministic(t *testing.T) {
	var first []write.File
	in := liveSources(t)
	for i := 0; i < 3; i++ {
		res, err := Run(in, "github.com/permgen/permgen/generated")
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = res.Files
			continue
		}
		// Compared file by file: cmp.Diff over tens of megabytes took a minute.
		if len(res.Files) != len(first) {
			t.Fatalf("run %d gives %d files, run 0 %d", i, len(res.Files), len(first))
		}
		for j, f := range res.Files {
			if f.Path != first[j].Path || !bytes.Equal(f.Data, first[j].Data) {
				t.Fatalf("run %d differs from run 0 at %s (run 0: %s):\n%s", i, f.Path, first[j].Path, cmp.Diff(string(first[j].Data), string(f.Data)))
			}
		}
	}
}

func caseNames(t *testing.T) []string {
	entries, err := os.ReadDir("testdata")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		if e.IsDir() {
			names = append(names, e.Name())
		}
	}
	if len(names) == 0 {
		t.Fatal("no cases")
	}
	return names
}

// serviceFiles leaves out the copies of templates/ (their header names the
// template), which have tests of their own; goldens of them would only repeat
// templates/.
func serviceFiles(res *Result) map[string][]byte {
	out := map[string][]byte{}
	for _, f := range res.Files {
		first, _, _ := strings.Cut(string(f.Data), "\n")
		if !strings.Contains(first, " from templates/") {
			out[f.Path] = f.Data
		}
	}
	return out
}

// writeModule writes files into a fresh module example.com/out, which needs no
// dependency: generated code imports only the standard library and itself.
func writeModule(t *testing.T, files []write.File) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module "+importRoot+"\n\ngo 1.22\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		full := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func goCmd(t *testing.T, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}
