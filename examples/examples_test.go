// Package examples holds the acceptance programs of the issues: real programs that
// import generated/ as a user would. The test runs each and compares what it prints
// with its want.txt, so generated code is compiled and run on every `make test`.
package examples

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestPrograms(t *testing.T) {
	dirs, err := filepath.Glob("*/want.txt")
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no programs found: %v", err)
	}
	for _, want := range dirs {
		dir := filepath.Dir(want)
		t.Run(dir, func(t *testing.T) {
			wantOut, err := os.ReadFile(want)
			if err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command("go", "run", "./"+dir)
			if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
				// A module of its own (sdkrecord needs the Tencent Cloud SDK, which
				// permgen's go.mod must not gain; examples/aws imports the nested
				// module generated/aws): run it from its folder.
				cmd = exec.Command("go", "run", ".")
				cmd.Dir = dir
				cmd.Env = append(os.Environ(), "GOWORK=off")
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
