package golden

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
)

// recorder is a testing.TB that records failures instead of stopping.
type recorder struct {
	testing.TB
	failed bool
}

func (r *recorder) Errorf(string, ...any) { r.failed = true }
func (r *recorder) Fatalf(string, ...any) { r.failed = true }
func (r *recorder) Helper()               {}

func TestFileAndTree(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "sub", "a.txt")
	set := func(v string) {
		if err := flag.Set("update", v); err != nil {
			t.Fatal(err)
		}
	}
	defer set("false")
	set("true")
	File(t, file, []byte("one\n"))
	Tree(t, filepath.Join(dir, "tree"), map[string][]byte{"x/y.txt": []byte("y")})
	set("false")
	fails := func(check func(testing.TB)) bool {
		r := &recorder{TB: t}
		check(r)
		return r.failed
	}
	if fails(func(r testing.TB) { File(r, file, []byte("one\n")) }) {
		t.Error("File fails on equal content")
	}
	if !fails(func(r testing.TB) { File(r, file, []byte("two\n")) }) {
		t.Error("File passes on different content")
	}
	tree := filepath.Join(dir, "tree")
	if fails(func(r testing.TB) { Tree(r, tree, map[string][]byte{"x/y.txt": []byte("y")}) }) {
		t.Error("Tree fails on equal files")
	}
	if !fails(func(r testing.TB) { Tree(r, tree, map[string][]byte{"x/y.txt": []byte("y"), "z": nil}) }) {
		t.Error("Tree passes with a file missing")
	}
	if _, err := os.Stat(filepath.Join(dir, "tree", "x", "y.txt")); err != nil {
		t.Error(err)
	}
}
