package write

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// gen returns content that permgen owns.
func gen(body string) string { return "// " + Marker + ". DO NOT EDIT.\n\n" + body }

func writeTree(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for rel, data := range files {
		full := filepath.Join(root, filepath.FromSlash(rel))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// readTree maps every entry under root to its content; directories map to
// "<dir>" and symlinks to "-> target", so any change to the tree shows.
func readTree(t *testing.T, root string) map[string]string {
	t.Helper()
	tree := map[string]string{}
	err := filepath.WalkDir(root, func(full string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, full)
		rel = filepath.ToSlash(rel)
		switch {
		case d.IsDir():
			tree[rel] = "<dir>"
		case d.Type()&fs.ModeSymlink != 0:
			target, err := os.Readlink(full)
			tree[rel] = "-> " + target
			return err
		default:
			data, err := os.ReadFile(full)
			tree[rel] = string(data)
			return err
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return tree
}

func files(m map[string]string) []File {
	var out []File
	for p, d := range m {
		out = append(out, File{Path: p, Data: []byte(d)})
	}
	return out
}

func mustApply(t *testing.T, root string, out []File) *Plan {
	t.Helper()
	p, err := Compare(root, out)
	if err != nil {
		t.Fatalf("Compare: %v", err)
	}
	if err := p.Apply(); err != nil {
		t.Fatalf("Apply: %v", err)
	}
	return p
}

func kinds(p *Plan) map[string]ChangeKind {
	m := map[string]ChangeKind{}
	for _, c := range p.Changes {
		m[c.Path] = c.Kind
	}
	return m
}

func TestCreateInMissingRootThenNothingToDo(t *testing.T) {
	root := filepath.Join(t.TempDir(), "out", "generated")
	want := map[string]string{
		"README.md":       "<!-- " + Marker + ". DO NOT EDIT. -->\n",
		"ccc/actions.go":  gen("package ccc\n"),
		"ccc/x/deep.json": "{\n  \"//\": \"" + Marker + ". DO NOT EDIT.\",\n}",
	}
	p := mustApply(t, root, files(want))
	if diff := cmp.Diff(map[string]ChangeKind{"README.md": Create, "ccc/actions.go": Create, "ccc/x/deep.json": Create}, kinds(p)); diff != "" {
		t.Errorf("plan (-want +got):\n%s", diff)
	}
	for i := 1; i < len(p.Changes); i++ {
		if p.Changes[i-1].Path >= p.Changes[i].Path {
			t.Errorf("changes not sorted: %s before %s", p.Changes[i-1].Path, p.Changes[i].Path)
		}
	}
	tree := map[string]string{".": "<dir>", "ccc": "<dir>", "ccc/x": "<dir>"}
	for rel, data := range want {
		tree[rel] = data
	}
	if diff := cmp.Diff(tree, readTree(t, root)); diff != "" {
		t.Errorf("tree (-want +got):\n%s", diff)
	}
	info, err := os.Stat(filepath.Join(root, "ccc", "actions.go"))
	if err != nil {
		t.Fatal(err)
	}
	if perm := info.Mode().Perm(); perm != 0o644 {
		t.Errorf("file mode = %o, want 644", perm)
	}

	again, err := Compare(root, files(want))
	if err != nil {
		t.Fatal(err)
	}
	if len(again.Changes) != 0 || again.Unchanged != 3 {
		t.Errorf("second Compare: %s; want no changes, 3 unchanged", again.Summary())
	}
}

func TestApplyWithoutChangesWritesNothing(t *testing.T) {
	defer func() { faultHook = nil }()
	faultHook = func(step, path string) error { return errors.New("touched " + path) }

	root := filepath.Join(t.TempDir(), "missing")
	p, err := Compare(root, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Apply(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(root); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Apply of an empty plan created the root: %v", err)
	}
}

func TestOnlyChangedFilesAreRewritten(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, map[string]string{"same.go": gen("package a\n"), "changed.go": gen("package a\n// old\n")})
	past := time.Now().Add(-time.Hour).Truncate(time.Second)
	before := map[string]fs.FileInfo{}
	for _, name := range []string{"same.go", "changed.go"} {
		full := filepath.Join(root, name)
		if err := os.Chtimes(full, past, past); err != nil {
			t.Fatal(err)
		}
		info, err := os.Stat(full)
		if err != nil {
			t.Fatal(err)
		}
		before[name] = info
	}

	p := mustApply(t, root, files(map[string]string{"same.go": gen("package a\n"), "changed.go": gen("package a\n// new\n")}))
	if diff := cmp.Diff(map[string]ChangeKind{"changed.go": Update}, kinds(p)); diff != "" {
		t.Errorf("plan (-want +got):\n%s", diff)
	}
	if p.Unchanged != 1 {
		t.Errorf("Unchanged = %d, want 1", p.Unchanged)
	}
	for name, wantSame := range map[string]bool{"same.go": true, "changed.go": false} {
		after, err := os.Stat(filepath.Join(root, name))
		if err != nil {
			t.Fatal(err)
		}
		if got := os.SameFile(before[name], after) && after.ModTime().Equal(past); got != wantSame {
			t.Errorf("%s: untouched = %v, want %v (mtime %v, was %v)", name, got, wantSame, after.ModTime(), past)
		}
	}
}

func TestStaleFilesAndEmptyDirsRemoved(t *testing.T) {
	root := t.TempDir()
	writeTree(t, root, map[string]string{
		"keep.go":            gen("package keep\n"),
		"gone/a/b/old.go":    gen("package b\n"),
		"gone/a/also.go":     gen("package a\n"),
		"mixed/old.go":       gen("package mixed\n"),
		"mixed/notes.txt":    "mine\n",
		"mixed/sub/stale.go": gen("package sub\n"),
		".git/HEAD":          gen("not really, but never look in here\n"),
	})
	p := mustApply(t, root, files(map[string]string{"keep.go": gen("package keep\n")}))
	wantPlan := map[string]ChangeKind{"gone/a/b/old.go": Delete, "gone/a/also.go": Delete, "mixed/old.go": Delete, "mixed/sub/stale.go": Delete}
	if diff := cmp.Diff(wantPlan, kinds(p)); diff != "" {
		t.Errorf("plan (-want +got):\n%s", diff)
	}
	want := map[string]string{
		".":               "<dir>",
		"keep.go":         gen("package keep\n"),
		"mixed":           "<dir>",
		"mixed/notes.txt": "mine\n",
		".git":            "<dir>",
		".git/HEAD":       gen("not really, but never look in here\n"),
	}
	if diff := cmp.Diff(want, readTree(t, root)); diff != "" {
		t.Errorf("tree (-want +got):\n%s", diff)
	}

	// The root stays even when nothing is left in it.
	mustApply(t, root, nil)
	if _, err := os.Stat(root); err != nil {
		t.Errorf("root removed: %v", err)
	}
}

func TestUserFilesAreNeverTouched(t *testing.T) {
	root := t.TempDir()
	late := strings.Repeat("x", ownershipWindow) + "\n" + gen("")
	user := map[string]string{
		"doc.go":  "package a // hand-written\n",
		"late.go": late, // marker beyond the first KiB: not ours
		// The marker quoted, not a header line: not ours either.
		"quote.go":      "package a\n\nconst m = \"" + Marker + ". DO NOT EDIT.\"\n",
		"prose.go":      "// This file says " + Marker + " but is not. DO NOT EDIT.\npackage a\n",
		"sub/helper.go": "package sub\n",
	}
	writeTree(t, root, user)
	before := readTree(t, root)

	p := mustApply(t, root, files(map[string]string{"new.go": gen("package a\n")}))
	if diff := cmp.Diff(map[string]ChangeKind{"new.go": Create}, kinds(p)); diff != "" {
		t.Errorf("plan (-want +got):\n%s", diff)
	}
	for rel, data := range user {
		if got := readTree(t, root)[rel]; got != data {
			t.Errorf("%s changed to %q", rel, got)
		}
	}

	before["new.go"] = gen("package a\n")
	_, err := Compare(root, files(map[string]string{"doc.go": gen("package a\n"), "late.go": gen("package a\n")}))
	if err == nil {
		t.Fatal("Compare agreed to overwrite user files")
	}
	for _, name := range []string{"doc.go", "late.go"} {
		if !strings.Contains(err.Error(), filepath.Join(root, name)) {
			t.Errorf("error does not name %s: %v", name, err)
		}
	}
	if diff := cmp.Diff(before, readTree(t, root)); diff != "" {
		t.Errorf("failed Compare changed the tree (-want +got):\n%s", diff)
	}
}

func TestInvalidPathsRejected(t *testing.T) {
	tests := []struct {
		paths []string
		want  string
	}{
		{[]string{""}, "empty output path"},
		{[]string{"/etc/passwd"}, "must be relative"},
		{[]string{"../escape.go"}, "must be relative"},
		{[]string{"a/../../escape.go"}, "must be relative"},
		{[]string{"a/../b.go"}, "not clean"},
		{[]string{"./a.go"}, "not clean"},
		{[]string{"a//b.go"}, "not clean"},
		{[]string{"a/"}, "not clean"},
		{[]string{"."}, "names the root itself"},
		{[]string{`a\b.go`}, "backslash"},
		{[]string{"a/" + tempPrefix + "x"}, "reserved"},
		{[]string{"a.go", "a.go"}, "a.go: produced twice"},
		{[]string{"A.go", "a.go"}, "differ only in case"},
		{[]string{"a", "a/b/c.go"}, "a is an output file, but a/b/c.go needs it as a directory"},
	}
	for _, tt := range tests {
		var out []File
		for _, p := range tt.paths {
			out = append(out, File{Path: p, Data: []byte(gen(""))})
		}
		root := t.TempDir()
		_, err := Compare(root, out)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Compare(%q) error = %v, want it to contain %q", tt.paths, err, tt.want)
		}
		if entries, _ := os.ReadDir(root); len(entries) != 0 {
			t.Errorf("Compare(%q) wrote %d entries", tt.paths, len(entries))
		}
	}
}

func TestAllErrorsReportedAtOnce(t *testing.T) {
	_, err := Compare(t.TempDir(), []File{{Path: "/abs"}, {Path: "../up"}, {Path: "ok.go"}, {Path: "ok.go"}})
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{`"/abs"`, `"../up"`, "ok.go: produced twice"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
}

func TestSymlinksAreNotFollowed(t *testing.T) {
	outside := t.TempDir()
	writeTree(t, outside, map[string]string{"victim.go": gen("package victim\n")})
	root := t.TempDir()
	writeTree(t, root, map[string]string{"real/x.go": gen("package real\n")})
	for link, target := range map[string]string{
		"linkdir":      outside,
		"linkfile.go":  filepath.Join(outside, "victim.go"),
		"real/loop":    root,
		"dangling.go":  filepath.Join(outside, "nothing"),
		"real/rel.go":  "x.go",
		"real/reldir":  "..",
		"real/abs2.go": filepath.Join(root, "real", "x.go"),
	} {
		if err := os.Symlink(target, filepath.Join(root, filepath.FromSlash(link))); err != nil {
			t.Skipf("symlinks unavailable: %v", err)
		}
	}
	outsideBefore := readTree(t, outside)

	// Stale detection neither deletes the links nor looks through them.
	p := mustApply(t, root, files(map[string]string{"real/x.go": gen("package real\n")}))
	if len(p.Changes) != 0 {
		t.Errorf("plan has changes: %v", kinds(p))
	}
	if diff := cmp.Diff(outsideBefore, readTree(t, outside)); diff != "" {
		t.Errorf("outside tree changed (-want +got):\n%s", diff)
	}

	// An output that would be written through or over a link is an error.
	for _, out := range []string{"linkdir/victim.go", "linkdir/new.go", "linkfile.go", "dangling.go", "real/reldir/x.go"} {
		_, err := Compare(root, []File{{Path: out, Data: []byte(gen("package evil\n"))}})
		if err == nil || !strings.Contains(err.Error(), "symlink") {
			t.Errorf("Compare(%s) error = %v, want a symlink refusal", out, err)
		}
	}
}

func TestRootMayBeASymlink(t *testing.T) {
	real := t.TempDir()
	writeTree(t, real, map[string]string{"old/stale.go": gen("package old\n"), "keep.go": gen("package keep\n")})
	root := filepath.Join(t.TempDir(), "link")
	if err := os.Symlink(real, root); err != nil {
		t.Skipf("symlinks unavailable: %v", err)
	}
	p := mustApply(t, root, files(map[string]string{"keep.go": gen("package keep\n// v2\n")}))
	if diff := cmp.Diff(map[string]ChangeKind{"keep.go": Update, "old/stale.go": Delete}, kinds(p)); diff != "" {
		t.Errorf("plan (-want +got):\n%s", diff)
	}
	want := map[string]string{".": "<dir>", "keep.go": gen("package keep\n// v2\n")}
	if diff := cmp.Diff(want, readTree(t, real)); diff != "" {
		t.Errorf("tree (-want +got):\n%s", diff)
	}
}

func TestTempFilesAreIgnored(t *testing.T) {
	root := t.TempDir()
	tmp := map[string]string{tempPrefix + "123": gen("package half\n"), "sub/" + tempPrefix + "9": gen("x")}
	writeTree(t, root, tmp)
	p, err := Compare(root, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Changes) != 0 {
		t.Errorf("temp files taken for outputs: %v", kinds(p))
	}
}

// failingTree sets up a tree where one Apply updates two files, creates two
// (one in a new directory) and deletes one.
func failingTree(t *testing.T) (root string, next []File) {
	root = t.TempDir()
	writeTree(t, root, map[string]string{
		"a.go":       gen("package a\n// v1\n"),
		"b/b.go":     gen("package b\n// v1\n"),
		"stale.go":   gen("package stale\n"),
		"user.txt":   "mine\n",
		"same/ok.go": gen("package ok\n"),
	})
	next = files(map[string]string{
		"a.go":         gen("package a\n// v2\n"),
		"b/b.go":       gen("package b\n// v2\n"),
		"c.go":         gen("package c\n"),
		"new/dir/d.go": gen("package d\n"),
		"same/ok.go":   gen("package ok\n"),
	})
	return root, next
}

func TestFailedApplyLeavesTreeWhole(t *testing.T) {
	defer func() { faultHook = nil }()
	for _, step := range []string{"write", "rename"} {
		// Fail at each target in turn: before anything, midway, at the last.
		for _, at := range []string{"a.go", "b/b.go", "c.go", filepath.Join("new", "dir", "d.go")} {
			root, next := failingTree(t)
			before := readTree(t, root)
			p, err := Compare(root, next)
			if err != nil {
				t.Fatal(err)
			}
			faultHook = func(s, full string) error {
				if s == step && full == filepath.Join(root, at) {
					return errors.New("injected fault")
				}
				return nil
			}
			err = p.Apply()
			faultHook = nil
			if err == nil || !strings.Contains(err.Error(), "injected fault") {
				t.Fatalf("%s at %s: Apply error = %v, want the injected fault", step, at, err)
			}
			if diff := cmp.Diff(before, readTree(t, root)); diff != "" {
				t.Errorf("%s fails at %s: tree changed (-want +got):\n%s", step, at, diff)
			}
			// The same plan still applies once the fault is gone.
			if err := p.Apply(); err != nil {
				t.Errorf("%s at %s: retry: %v", step, at, err)
			}
			if again, err := Compare(root, next); err != nil || len(again.Changes) != 0 {
				t.Errorf("%s at %s: after retry: %v, %v", step, at, err, again)
			}
		}
	}
}

func TestFailedRemoveKeepsNewFilesAndReports(t *testing.T) {
	defer func() { faultHook = nil }()
	root, next := failingTree(t)
	p, err := Compare(root, next)
	if err != nil {
		t.Fatal(err)
	}
	faultHook = func(s, full string) error {
		if s == "remove" {
			// Shaped like the *PathError os.Remove returns.
			return &fs.PathError{Op: "remove", Path: full, Err: errors.New("injected fault")}
		}
		return nil
	}
	if err := p.Apply(); err == nil || !strings.Contains(err.Error(), "stale.go") {
		t.Errorf("Apply error = %v, want one naming stale.go", err)
	}
	if got := readTree(t, root)["stale.go"]; got == "" {
		t.Error("stale.go removed despite the fault")
	}
}

func TestApplyRefusesAPlanTheTreeMovedAwayFrom(t *testing.T) {
	for name, edit := range map[string]func(root string) error{
		"updated file edited": func(root string) error {
			return os.WriteFile(filepath.Join(root, "a.go"), []byte("user edit\n"), 0o644)
		},
		"created file appeared": func(root string) error {
			return os.WriteFile(filepath.Join(root, "c.go"), []byte("user file\n"), 0o644)
		},
		"stale file edited": func(root string) error {
			return os.WriteFile(filepath.Join(root, "stale.go"), []byte("now mine\n"), 0o644)
		},
		"directory became a symlink": func(root string) error {
			return os.Symlink(t.TempDir(), filepath.Join(root, "new"))
		},
	} {
		root, next := failingTree(t)
		p, err := Compare(root, next)
		if err != nil {
			t.Fatal(err)
		}
		if err := edit(root); err != nil {
			t.Fatal(err)
		}
		before := readTree(t, root)
		if err := p.Apply(); err == nil {
			t.Errorf("%s: Apply succeeded on a stale plan", name)
		}
		if diff := cmp.Diff(before, readTree(t, root)); diff != "" {
			t.Errorf("%s: tree changed (-want +got):\n%s", name, diff)
		}
	}
}

func TestRootMustBeADirectory(t *testing.T) {
	root := filepath.Join(t.TempDir(), "file")
	writeTree(t, filepath.Dir(root), map[string]string{"file": "x"})
	if _, err := Compare(root, nil); err == nil || !strings.Contains(err.Error(), "not a directory") {
		t.Errorf("Compare on a file root: %v", err)
	}
	if _, err := Compare("", nil); err == nil {
		t.Error("Compare accepted an empty root")
	}
}
