package stamp

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/permgen/permgen/internal/write"
)

// TestDiskIsRendered: the hash of files as rendered is the hash of the same files
// once on disk, whatever order they were rendered in; any byte changed on disk, a
// file added or one beside the tree changed, and the hashes differ.
func TestDiskIsRendered(t *testing.T) {
	out := t.TempDir()
	besideDir := t.TempDir()
	tree := []write.File{{Path: "b/x.go", Data: []byte("package b\n")}, {Path: "a.json", Data: []byte("{}")}}
	beside := []write.File{{Path: filepath.Join(besideDir, "ops.go"), Data: []byte("package ops\n")}}
	for _, f := range append(tree, beside[0]) {
		p := f.Path
		if !filepath.IsAbs(p) {
			p = filepath.Join(out, p)
		}
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	st := Stamp{Tree: Rendered(tree, beside), Inputs: "x", Beside: []string{beside[0].Path}}
	if err := os.WriteFile(filepath.Join(out, File), st.Render().Data, 0o644); err != nil {
		t.Fatal(err)
	}
	back, err := Read(out)
	if err != nil || back.Tree != st.Tree || len(back.Beside) != 1 || back.Beside[0] != beside[0].Path {
		t.Fatalf("Read = %+v, %v; want %+v", back, err, st)
	}
	disk, n, err := Disk(out, back.Beside)
	if err != nil || disk != st.Tree || n != 2 {
		t.Fatalf("Disk = %s (%d files), %v; want %s (2 files)", disk, n, err, st.Tree)
	}
	for _, edit := range []struct{ name, path, data string }{
		{"a byte of the tree", filepath.Join(out, "b/x.go"), "package c\n"},
		{"a file added", filepath.Join(out, "user.txt"), "mine"},
		{"a file beside", beside[0].Path, "package x\n"},
	} {
		before, _ := os.ReadFile(edit.path)
		if err := os.WriteFile(edit.path, []byte(edit.data), 0o644); err != nil {
			t.Fatal(err)
		}
		if h, _, _ := Disk(out, back.Beside); h == st.Tree {
			t.Errorf("%s: the hash did not change", edit.name)
		}
		if before == nil {
			os.Remove(edit.path)
		} else {
			os.WriteFile(edit.path, before, 0o644)
		}
	}
	if h, _, _ := Disk(out, back.Beside); h != st.Tree {
		t.Error("restored files hash differently")
	}
}

// TestInputsFollowSourcesAndSettings: a source's bytes and a setting are inputs.
func TestInputsFollowSourcesAndSettings(t *testing.T) {
	in := t.TempDir()
	page := filepath.Join(in, "v", "p.html")
	os.MkdirAll(filepath.Dir(page), 0o755)
	os.WriteFile(page, []byte("<html></html>"), 0o644)
	a, err := Inputs(in, "today=2026-01-01")
	if err != nil {
		t.Fatal(err)
	}
	if b, _ := Inputs(in, "today=2026-01-01"); b != a {
		t.Fatal("two hashes of the same inputs differ")
	}
	if b, _ := Inputs(in, "today=2026-01-02"); b == a {
		t.Error("a setting is not an input")
	}
	os.WriteFile(page, []byte("<html> </html>"), 0o644)
	if b, _ := Inputs(in, "today=2026-01-01"); b == a {
		t.Error("a source's bytes are not an input")
	}
}

// TestFiles: a few named files hash as the same files rendered beside a tree, any
// byte changed changes the hash, and a missing file is an error (a full run).
func TestFiles(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "catalog.json.gz"), filepath.Join(dir, "overrides.json")
	if err := os.WriteFile(a, []byte("gz"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(b, []byte("[]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	h, err := Files(a, b)
	if err != nil {
		t.Fatal(err)
	}
	if want := Rendered(nil, []write.File{{Path: a, Data: []byte("gz")}, {Path: b, Data: []byte("[]\n")}}); h != want {
		t.Errorf("Files = %s, Rendered = %s", h, want)
	}
	if err := os.WriteFile(b, []byte("[ ]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if h2, err := Files(a, b); err != nil || h2 == h {
		t.Errorf("after an edit: %s, %v; want another hash", h2, err)
	}
	if _, err := Files(a, filepath.Join(dir, "missing")); err == nil {
		t.Error("a missing file hashed")
	}
}
