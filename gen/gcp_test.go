package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// testdata/gcp is a sources folder holding only gcp/: one roles-and-permissions
// page and the two support pages, all in the archives' Markdown form.
const gcpSources = "testdata/gcp"

// gen catalog prints GCP permissions and roles in issue 23's JSON shapes.
func TestCatalogGCPJSON(t *testing.T) {
	code, stdout, stderr := runGen(t, "catalog", "-in", gcpSources, "-format", "json", "-service", "demo")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if len(lines) != 6 {
		t.Fatalf("%d lines, want 4 permissions and 2 roles:\n%s", len(lines), stdout)
	}
	want0 := `{"vendor":"gcp","service":"demo","permission":"demo.things.create","roles":["roles/demo.admin"],"custom_roles_support":"SUPPORTED","deny":null}`
	want1 := `{"vendor":"gcp","service":"demo","permission":"demo.things.get","roles":["roles/demo.admin","roles/demo.viewer"],"custom_roles_support":"SUPPORTED","deny":"demo.googleapis.com/things.get"}`
	want5 := `{"vendor":"gcp","role":"roles/demo.viewer","title":"Demo Viewer","stage":"GA","service_agent":false,"permissions":["demo.things.get","demo.things.list"]}`
	if lines[0] != want0 || lines[1] != want1 || lines[5] != want5 {
		t.Errorf("got\n%s\n%s\n%s", lines[0], lines[1], lines[5])
	}
	for _, l := range lines {
		var v map[string]any
		if err := json.Unmarshal([]byte(l), &v); err != nil {
			t.Errorf("%s: %v", l, err)
		}
	}
	code, stdout, _ = runGen(t, "catalog", "-in", gcpSources)
	if code != 0 || !strings.Contains(stdout, "roles/demo.admin\trole\tGA\tDemo Admin\t4 permissions\n") ||
		!strings.Contains(stdout, "demo.things.list\tpermission\tTESTING\tno-deny\t2 roles\n") {
		t.Errorf("text (exit %d):\n%s", code, stdout)
	}
}

func TestPolicyWriteGCP(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "perms.txt")
	write := func(s string) {
		if err := os.WriteFile(in, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("demo.things.get\n# reading only\ndemo.things.list\n")
	code, stdout, stderr := runGen(t, "policy", "write", "-vendor", "gcp", "-in", gcpSources, in)
	if code != 0 || stdout != "roles/demo.viewer\tGA\tDemo Viewer\n" || !strings.Contains(stderr, "1 roles grant the 2 permissions with 0 extra (exact)") {
		t.Errorf("smallest roles: exit %d\n%s%s", code, stdout, stderr)
	}
	code, stdout, stderr = runGen(t, "policy", "write", "-vendor", "gcp", "-in", gcpSources, "-custom-role", "Thing reader", in)
	if code != 0 || stdout != "title: \"Thing reader\"\nstage: \"GA\"\nincludedPermissions:\n- demo.things.get\n- demo.things.list\n" ||
		!strings.Contains(stderr, "warning: demo.things.list: TESTING") {
		t.Errorf("custom role: exit %d\n%s%s", code, stdout, stderr)
	}
	code, stdout, _ = runGen(t, "policy", "write", "-vendor", "gcp", "-in", gcpSources, "-custom-role", "R", "-format", "json", in)
	var role map[string]any
	if code != 0 || json.Unmarshal([]byte(stdout), &role) != nil || !reflect.DeepEqual(role["includedPermissions"], []any{"demo.things.get", "demo.things.list"}) {
		t.Errorf("custom role JSON: exit %d\n%s", code, stdout)
	}
	// The support page: NOT_SUPPORTED "is not supported in custom roles".
	write("demo.things.secret\n")
	code, stdout, stderr = runGen(t, "policy", "write", "-vendor", "gcp", "-in", gcpSources, "-custom-role", "R", in)
	if code != 2 || stdout != "" || !strings.Contains(stderr, "demo.things.secret is NOT_SUPPORTED") {
		t.Errorf("NOT_SUPPORTED: exit %d\n%s%s", code, stdout, stderr)
	}
	write("demo.thing.get\n")
	code, _, stderr = runGen(t, "policy", "write", "-vendor", "gcp", "-in", gcpSources, in)
	if code != 2 || !strings.Contains(stderr, `did you mean "demo.things.get"`) {
		t.Errorf("typo: exit %d\n%s", code, stderr)
	}
}

// gen diff -vendor gcp on the frozen snapshots: the real change is additive and
// policy (roles gained permissions): exit 1; reversed it is breaking: exit 3.
func TestDiffGCPSnapshots(t *testing.T) {
	if testing.Short() {
		t.Skip("reads two 45 MB snapshots")
	}
	snaps := filepath.Join(repo, "internal", "vendors", "gcp", "testdata", "snapshots")
	old, cur := filepath.Join(snaps, "2026-05-26.tar.gz"), filepath.Join(snaps, "2026-05-30.tar.gz")
	code, stdout, stderr := runGen(t, "diff", "-vendor", "gcp", "-old", old, "-new", cur)
	if code != 1 {
		t.Fatalf("exit %d, want 1\n%s", code, stderr)
	}
	kinds := map[string]int{}
	for _, l := range strings.Split(strings.TrimSpace(stdout), "\n") {
		f := strings.Split(l, "\t")
		kinds[f[0]+" "+f[1]]++
	}
	want := map[string]int{
		"additive permission-added": 11, "additive role-added": 2, "policy role-gained-permissions": 40,
		"additive permission-added-without-row": 3, "policy role-gained-permissions-without-row": 6,
	}
	if !reflect.DeepEqual(kinds, want) {
		t.Errorf("got %v\nwant %v", kinds, want)
	}
	if code, _, _ := runGen(t, "diff", "-vendor", "gcp", "-old", cur, "-new", old); code != 3 {
		t.Errorf("reversed: exit %d, want 3 (breaking)", code)
	}
}

// A bad GCP page stops generate with an error naming file, line, table, row and
// column, and nothing is written; the good folder generates the tree.
func TestGenerateGCPBadPageWritesNothing(t *testing.T) {
	in := t.TempDir()
	if err := os.MkdirAll(filepath.Join(in, "gcp"), 0o755); err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"demo.md", "custom-roles-permissions-support.md", "deny-permissions-support.md"} {
		data, err := os.ReadFile(filepath.Join(gcpSources, "gcp", n))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(in, "gcp", n), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := t.TempDir()
	code, _, stderr := runGen(t, "generate", "-in", in, "-out", out, "-import", "example.com/gen")
	if code != 0 {
		t.Fatalf("good folder: exit %d\n%s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "gcp", "demo", "demo.go")); err != nil {
		t.Fatalf("no demo package: %v", err)
	}
	page := filepath.Join(in, "gcp", "demo.md")
	data, _ := os.ReadFile(page)
	bad := strings.Replace(string(data), "roles/  demo.viewer</code>", "demo.viewer</code>", 1)
	if err := os.WriteFile(page, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(filepath.Join(out, "gcp", "demo", "demo.go"))
	if err := os.RemoveAll(filepath.Join(out, "gcp", "gcpiam")); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = runGen(t, "generate", "-in", in, "-out", out, "-import", "example.com/gen")
	if code != 2 || !strings.Contains(stderr, "demo.md:27: table 1 (Role | Permissions) row 2 column Role: no role id") {
		t.Errorf("bad page: exit %d\n%s", code, stderr)
	}
	after, _ := os.ReadFile(filepath.Join(out, "gcp", "demo", "demo.go"))
	if _, err := os.Stat(filepath.Join(out, "gcp", "gcpiam")); err == nil || string(before) != string(after) {
		t.Error("a failed run wrote files")
	}
}
