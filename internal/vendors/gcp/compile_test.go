package gcp

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestEmittedTreeCompiles renders the fixture catalog's tree (the nested module's
// go.mod, the runtime, three prefix packages), adds a program that uses it as the
// README does, and runs go vet and go test on it: the generated catalog's own
// round-trip test and the use test below.
func TestEmittedTreeCompiles(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	files, err := Emit(fixtureCatalog(), "github.com/permgen/permgen/generated", "sources/gcp")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	files = append(files, writeFile("gcp/use/use_test.go", []byte(useTest)))
	for _, f := range files {
		if err := gofmtCheck(f); err != nil {
			t.Error(err)
		}
		full := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, args := range [][]string{{"vet", "./..."}, {"test", "-count=1", "./..."}} {
		cmd := exec.Command("go", args...)
		cmd.Dir = filepath.Join(dir, "gcp")
		cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}
}

const useTest = `package use

import (
	"strings"
	"testing"

	"github.com/permgen/permgen/generated/gcp/gcpiam"
	"github.com/permgen/permgen/generated/gcp/pubsub"
	"github.com/permgen/permgen/generated/gcp/storage"
)

func TestUse(t *testing.T) {
	if storage.ObjectsGet.String() != "storage.objects.get" || storage.ObjectsGet.Info().Deny != "storage.googleapis.com/objects.get" {
		t.Errorf("ObjectsGet: %s %+v", storage.ObjectsGet, storage.ObjectsGet.Info())
	}
	if storage.RoleAdmin.String() != "roles/storage.admin" || storage.RoleAdmin.Title() != "Storage Admin" {
		t.Errorf("RoleAdmin: %s", storage.RoleAdmin)
	}
	if !storage.RoleObjectViewer.Permissions().Contains(storage.ObjectsList.ID()) {
		t.Error("objectViewer grants objects.list")
	}
	g, err := gcpiam.SmallestRoles(gcpiam.Options{}, storage.ObjectsGet.ID(), pubsub.TopicsGet.ID())
	if err != nil || len(g.Roles) != 1 || g.Roles[0] != pubsub.RoleEditor {
		t.Errorf("SmallestRoles: %v %v", g, err)
	}
	if _, err := storage.ParsePermission("pubsub.topics.get"); err == nil {
		t.Error("storage.ParsePermission accepted another prefix's name")
	}
	if _, err := storage.ParsePermission("storage.object.get"); err == nil || !strings.Contains(err.Error(), "did you mean") {
		t.Errorf("typo: %v", err)
	}
	b, err := storage.ObjectsGet.MarshalText()
	var p storage.Permission
	if err != nil || p.UnmarshalText(b) != nil || p != storage.ObjectsGet {
		t.Errorf("text round trip: %s %v", b, err)
	}
	if gcpiam.RoleOwner.String() != "roles/owner" || !gcpiam.RoleOwner.Basic() {
		t.Error("basic roles live in gcpiam")
	}
	if got := storage.PermissionsOf("buckets"); len(got) != 4 || got[0] != storage.BucketsCreate {
		t.Errorf("PermissionsOf: %v", got)
	}
	if storage.Permission(0).String() != "storage.Permission(0)" {
		t.Errorf("invalid: %s", storage.Permission(0))
	}
	if n := len(storage.Permissions()); n != 9 {
		t.Errorf("%d storage permissions, want 9", n)
	}
}
`
