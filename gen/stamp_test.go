package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNoOpSkipsAndCheckStillSeesHandEdits: a second generate with nothing changed
// skips the render (the stamp holds); a hand edit of a generated file breaks the
// stamp, so check reports it and generate restores it.
func TestNoOpSkipsAndCheckStillSeesHandEdits(t *testing.T) {
	in, out, _ := workspace(t)
	args := []string{"-in", in, "-out", out, "-import", "github.com/permgen/permgen/generated"}
	if code, _, stderr := runGen(t, append([]string{"generate"}, args...)...); code != 0 {
		t.Fatalf("generate: exit %d\n%s", code, stderr)
	}
	code, _, stderr := runGen(t, append([]string{"generate"}, args...)...)
	if code != 0 || !strings.Contains(stderr, "nothing it reads or wrote changed") {
		t.Fatalf("second generate: exit %d, not skipped:\n%s", code, stderr)
	}
	edited := filepath.Join(out, "tencentcloud", "ccc", "ccc_service.go")
	want := read(t, edited)
	if err := os.WriteFile(edited, []byte(want+"// hand edit\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, stdout, _ := runGen(t, append([]string{"check"}, args...)...); code != 1 || !strings.Contains(stdout, "-// hand edit") {
		t.Fatalf("check after a hand edit: exit %d, want 1 with the edit in the diff:\n%s", code, stdout)
	}
	if code, _, stderr := runGen(t, append([]string{"generate"}, args...)...); code != 0 || strings.Contains(stderr, "nothing it reads") {
		t.Fatalf("generate after a hand edit: exit %d, skipped or failed:\n%s", code, stderr)
	}
	if read(t, edited) != want {
		t.Error("generate did not restore the edited file")
	}
	// A deleted generated file breaks the stamp too: check reports it, generate
	// writes it again.
	if err := os.Remove(edited); err != nil {
		t.Fatal(err)
	}
	if code, _, stderr := runGen(t, append([]string{"check"}, args...)...); code != 1 || !strings.Contains(stderr, "1 created") {
		t.Fatalf("check after a deletion: exit %d, want 1 with the file to create:\n%s", code, stderr)
	}
	if code, _, stderr := runGen(t, append([]string{"generate"}, args...)...); code != 0 || read(t, edited) != want {
		t.Fatalf("generate after a deletion: exit %d, file not restored:\n%s", code, stderr)
	}
	// So does a file someone added to the tree: the run is a full one.
	if err := os.WriteFile(filepath.Join(out, "tencentcloud", "ccc", "extra.go"), []byte("package ccc\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, stderr := runGen(t, append([]string{"generate"}, args...)...); strings.Contains(stderr, "nothing it reads") {
		t.Errorf("generate with a file added to the tree skipped:\n%s", stderr)
	}
	// A changed setting is a changed input: no skip.
	if _, _, stderr := runGen(t, append([]string{"generate", "-max-loss", "0.5"}, args...)...); strings.Contains(stderr, "nothing it reads") {
		t.Errorf("generate with another -max-loss skipped:\n%s", stderr)
	}
}
