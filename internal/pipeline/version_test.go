package pipeline

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/permgen/permgen/internal/emit"
)

// TestVersionMixDoesNotCompile: a generated package asserts the version stamped on
// the runtime it imports; the tree as generated builds, and the same tree with a
// runtime copied by another permgen (its MaxGenVersion below ours) does not.
func TestVersionMixDoesNotCompile(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a module")
	}
	res, err := Run(filepath.Join("testdata", "cam-zh", "sources"), importRoot)
	if err != nil {
		t.Fatal(err)
	}
	dir := writeModule(t, res.Files)
	goCmd(t, dir, "build", "./...")
	var stamp string
	for _, f := range res.Files {
		if strings.HasSuffix(f.Path, "/cam/version.go") {
			stamp = filepath.Join(dir, filepath.FromSlash(f.Path))
		}
	}
	if stamp == "" {
		t.Fatal("the cam runtime carries no version.go")
	}
	data, err := os.ReadFile(stamp)
	if err != nil {
		t.Fatal(err)
	}
	max := "MaxGenVersion = " + strconv.Itoa(emit.GenVersion)
	if !strings.Contains(string(data), max) {
		t.Fatalf("%s lacks %q", stamp, max)
	}
	older := strings.Replace(string(data), max, "MaxGenVersion = "+strconv.Itoa(emit.GenVersion-1), 1)
	if err := os.WriteFile(stamp, []byte(older), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "build", "./...")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	out, err := cmd.CombinedOutput()
	if err == nil || !strings.Contains(string(out), "EnforceVersion") {
		t.Fatalf("a tree mixing versions built (err %v):\n%s", err, out)
	}
}
