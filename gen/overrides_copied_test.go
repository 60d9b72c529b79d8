package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Issue 18: copying only the HTML of one of permgen's pages into a sources folder
// of one's own silently dropped the repository's overrides. The copy is now named,
// with the rows its corrections fix; with the overrides copied too, nothing is said.
func TestCopiedPageWithoutItsOverridesIsNamed(t *testing.T) {
	page, err := os.ReadFile(filepath.Join(repo, "sources", "tencentcloud", "ccc.html"))
	if err != nil {
		t.Fatal(err)
	}
	overrides, err := os.ReadFile(filepath.Join(repo, "sources", "overrides.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, withOverrides := range []bool{false, true} {
		dir := t.TempDir()
		t.Chdir(dir)
		writeFile(t, dir, "sources/tencentcloud/ccc.html", string(page))
		if withOverrides {
			writeFile(t, dir, "sources/overrides.json", string(overrides))
		}
		code, _, stderr := runGen(t, "generate", "-out", "out", "-import", "example.com/x/out")
		if code != 0 {
			t.Fatalf("generate: exit %d\n%s", code, stderr)
		}
		warned := strings.Contains(stderr, "permgen: warning: ") && strings.Contains(stderr, "overrides-not-copied") &&
			strings.Contains(stderr, "CreateCarrierPrivilegeNumberApplicant")
		if warned == withOverrides {
			t.Errorf("overrides copied %v: warned %v\n%s", withOverrides, warned, stderr)
		}
		_, stdout, _ := runGen(t, "lint")
		if strings.Contains(stdout, "overrides-not-copied") == withOverrides {
			t.Errorf("overrides copied %v: lint says %q", withOverrides, stdout)
		}
	}
}
