// Package golden compares test output with files under testdata/ and rewrites them
// when the tests run with -update: the one golden-file helper and the one -update
// flag of permgen's tests.
package golden

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func init() {
	// A test package that defines -update itself keeps working: the flag is
	// shared, never defined twice.
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite the golden files under testdata/ from the current output")
	}
}

// Updating reports whether the tests run with -update.
func Updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// File compares got with the file, or writes it (and its folder) under -update.
func File(t testing.TB, file string, got []byte) {
	t.Helper()
	if Updating() {
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
	if d := cmp.Diff(string(want), string(got)); d != "" {
		t.Errorf("%s differs (-want +got; run go test -update if the change is intended):\n%s", file, d)
	}
}

// Tree compares the files of got (slash paths below dir) with the files under dir,
// or replaces dir with them under -update.
func Tree(t testing.TB, dir string, got map[string][]byte) {
	t.Helper()
	if Updating() {
		if err := os.RemoveAll(dir); err != nil {
			t.Fatal(err)
		}
		for p, data := range got {
			File(t, filepath.Join(dir, filepath.FromSlash(p)), data)
		}
		return
	}
	want := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		data, err := os.ReadFile(p)
		want[filepath.ToSlash(rel)] = string(data)
		return err
	})
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	gotS := make(map[string]string, len(got))
	for k, v := range got {
		gotS[k] = string(v)
	}
	if d := cmp.Diff(want, gotS); d != "" {
		t.Errorf("files differ from %s (-want +got; run go test -update if the change is intended):\n%s", dir, d)
	}
}
