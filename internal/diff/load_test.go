package diff

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/vendors/all"
)

const repoRoot = "../.."

// The checked-in snapshots are the checked-in sources resolved: read either way,
// the models are equal.
func TestLoadDirBothKinds(t *testing.T) {
	scraped, err := LoadDir(filepath.Join(repoRoot, "sources"))
	if err != nil {
		t.Fatal(err)
	}
	snap, err := LoadDir(filepath.Join(repoRoot, "generated"))
	if err != nil {
		t.Fatal(err)
	}
	// The generated tree holds every service of the sources that has a snapshot.
	if n := len(all.Vendors.Snapshotted(scraped.Services)); n < 2 || len(snap.Services) != n || !scraped.Scraped || snap.Scraped {
		t.Fatalf("%d services scraped and emitted (Scraped %v), %d from snapshots (Scraped %v); want the same, at least 2", n, scraped.Scraped, len(snap.Services), snap.Scraped)
	}
	r, err := Compare(snap, scraped)
	if err != nil {
		t.Fatal(err)
	}
	if r.Len() != 0 {
		var b strings.Builder
		r.WriteText(&b)
		t.Errorf("snapshots and sources differ:\n%s", b.String())
	}
}

func TestLoadDirErrors(t *testing.T) {
	empty := t.TempDir()
	if _, err := LoadDir(empty); err == nil || !strings.Contains(err.Error(), "neither a sources folder") {
		t.Errorf("empty folder: err = %v", err)
	}
	if _, err := LoadDir(filepath.Join(empty, "missing")); err == nil {
		t.Error("missing folder: no error")
	}
	file := filepath.Join(empty, "f.json")
	if err := os.WriteFile(file, []byte("{}"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadDir(file); err == nil || !strings.Contains(err.Error(), "not a folder") {
		t.Errorf("file: err = %v", err)
	}
}

// LoadSnapshots of a tree that does not exist yet is an empty model: the first
// generate adds everything.
func TestLoadSnapshotsMissing(t *testing.T) {
	ss, err := LoadSnapshots(filepath.Join(t.TempDir(), "generated"))
	if err != nil || len(ss.Services) != 0 {
		t.Fatalf("LoadSnapshots = %v, %v; want none", ss, err)
	}
	r, err := Compare(ss, Side{Services: []*model.Service{camService("cvm", "云服务器", nil)}})
	if err != nil {
		t.Fatal(err)
	}
	if c, _ := r.Worst(); c != Additive {
		t.Errorf("worst class %q, want additive", c)
	}
}
