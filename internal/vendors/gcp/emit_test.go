package gcp

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEmitRealCatalog renders the whole tree of the newest snapshot: every Go file
// is in gofmt's form (generation does not format), two renderings are the same
// bytes, and names do not clash. GCP_EMIT_DIR=dir also writes the tree there,
// for compiling it by hand.
func TestEmitRealCatalog(t *testing.T) {
	if testing.Short() {
		t.Skip("renders 300 packages")
	}
	c := catalogOf(t, "2026-05-30")
	files, err := Emit(c, "github.com/permgen/permgen/generated", "sources/gcp")
	if err != nil {
		t.Fatal(err)
	}
	again, err := Emit(c, "github.com/permgen/permgen/generated", "sources/gcp")
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != len(again) {
		t.Fatalf("%d files, then %d", len(files), len(again))
	}
	for i := range files {
		if files[i].Path != again[i].Path || !bytes.Equal(files[i].Data, again[i].Data) {
			t.Fatalf("%s: two renderings differ", files[i].Path)
		}
		if err := gofmtCheck(files[i]); err != nil {
			t.Error(err)
		}
	}
	var sawMod, sawStorage bool
	for _, f := range files {
		sawMod = sawMod || f.Path == "gcp/go.mod"
		if f.Path == "gcp/storage/storage.go" {
			sawStorage = true
			for _, want := range []string{
				"\tObjectsGet\n",
				"// ObjectsGet is storage.objects.get.",
				"Deny policies: storage.googleapis.com/objects.get.",
				"\tRoleAdmin gcpiam.Role = ",
				`// RoleAdmin is roles/storage.admin, "Storage Admin".`,
			} {
				if !strings.Contains(string(f.Data), want) {
					t.Errorf("storage.go lacks %q", want)
				}
			}
		}
	}
	if !sawMod || !sawStorage {
		t.Errorf("go.mod %v, storage package %v", sawMod, sawStorage)
	}
	if dir := os.Getenv("GCP_EMIT_DIR"); dir != "" {
		for _, f := range files {
			p := filepath.Join(dir, filepath.FromSlash(f.Path))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(p, f.Data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}
