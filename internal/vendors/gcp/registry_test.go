package gcp_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/permgen/permgen/internal/diff"
	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/pipeline"
	"github.com/permgen/permgen/internal/vendors/gcp"
)

// service is what Finish makes of one frozen snapshot.
func service(t *testing.T, date string) *model.Service {
	t.Helper()
	c, err := gcp.LoadArchive(filepath.Join("testdata", "snapshots", date+".tar.gz"))
	if err != nil {
		t.Fatal(err)
	}
	return &model.Service{Kind: gcp.FormatRoles, Source: model.Source{Path: gcp.VendorName, Vendor: gcp.VendorName, Format: gcp.FormatRoles}, ShortName: gcp.VendorName, Payload: &gcp.Run{Catalog: c}}
}

// TestModelDiffRealSnapshots: the registry's diff classifier, given only the
// vendor's entry kinds, classifies the real change 2026-05-26 → 2026-05-30 as
// Diff does (TestDiffRealSnapshots): 14 permissions added (3 of them compute.*,
// named only in role tables), 2 roles added, 46 roles gaining permissions (40
// with a row, 6 without) as policy changes, nothing breaking.
func TestModelDiffRealSnapshots(t *testing.T) {
	old, cur := service(t, "2026-05-26"), service(t, "2026-05-30")
	r, err := diff.Compare(diff.Side{Services: []*model.Service{old}, Scraped: true}, diff.Side{Services: []*model.Service{cur}, Scraped: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Services) != 1 {
		t.Fatalf("%d services changed, want the one catalog", len(r.Services))
	}
	count := map[string]int{}
	for _, c := range r.Services[0].Changes {
		count[string(c.Subject)+" "+string(c.Kind)+" "+c.Field+" "+string(c.Class)]++
	}
	want := map[string]int{
		"permission added  additive":                       14,
		"role added  additive":                             2,
		"role changed permissions policy":                  46,
		"permission changed roles cosmetic":                count["permission changed roles cosmetic"], // follows the roles
		"permission changed pos cosmetic":                  count["permission changed pos cosmetic"],   // rows moved
		"role changed pos cosmetic":                        count["role changed pos cosmetic"],
		"permission changed custom_roles_support cosmetic": count["permission changed custom_roles_support cosmetic"],
	}
	for k, n := range count {
		if want[k] != n {
			t.Errorf("%s: %d changes, want %d", k, n, want[k])
		}
	}
	for k, n := range want {
		if count[k] != n {
			t.Errorf("%s: %d changes, want %d", k, count[k], n)
		}
	}
	if worst, _ := r.Worst(); worst != diff.Policy {
		t.Errorf("worst class %s, want policy", worst)
	}
	back, err := diff.Compare(diff.Side{Services: []*model.Service{cur}, Scraped: true}, diff.Side{Services: []*model.Service{old}, Scraped: true})
	if err != nil {
		t.Fatal(err)
	}
	if worst, _ := back.Worst(); worst != diff.Breaking {
		t.Errorf("reversed: worst class %s, want breaking", worst)
	}
}

// TestPipelineReadsPagesFolderAlone: a sources folder holding nothing but gcp/
// with the pages as the archives hold them (Markdown) is a valid sources folder
// for the pipeline, which reads *.html pages only: the vendor's FinishSources
// reads its own folder.
func TestPipelineReadsPagesFolderAlone(t *testing.T) {
	in := t.TempDir()
	dir := filepath.Join(in, gcp.VendorName)
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(filepath.Join("..", "..", "..", "sources", "gcp", "accessapproval.md"))
	if err != nil {
		t.Skip("no sources/gcp in this checkout:", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "accessapproval.md"), src, 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := pipeline.Run(in, "example.com/gen")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Services) != 1 || gcp.CatalogOf(res.Services[0]) == nil {
		t.Fatalf("services %v, want the one GCP catalog", res.Services)
	}
	var paths []string
	for _, f := range res.Files {
		paths = append(paths, f.Path)
	}
	has := map[string]bool{}
	for _, p := range paths {
		has[p] = true
	}
	for _, p := range []string{"gcp/gcpiam/catalog_gen.go", "gcp/accessapproval/accessapproval.go"} {
		if !has[p] {
			t.Errorf("no %s in %q", p, paths)
		}
	}
	// An empty folder is still "no pages".
	if _, err := pipeline.Run(t.TempDir(), "example.com/gen"); err == nil {
		t.Error("an empty sources folder: no error")
	}
}

// TestPipelineReadsLiveHTMLPages: a page as the site serves it (HTML in page
// chrome) goes through the registry's formats (detected from content, so lint
// says to list it in the manifest), a Markdown page through FinishSources, and
// Finish joins both into one catalog. An override of a GCP page is refused
// with the reason.
func TestPipelineReadsLiveHTMLPages(t *testing.T) {
	root := filepath.Join("..", "..", "..", "sources", "gcp")
	md, err := os.ReadFile(filepath.Join(root, "accessapproval.md"))
	if err != nil {
		t.Skip("no sources/gcp in this checkout:", err)
	}
	other, err := os.ReadFile(filepath.Join(root, "accesscontextmanager.md"))
	if err != nil {
		t.Fatal(err)
	}
	in := t.TempDir()
	dir := filepath.Join(in, gcp.VendorName)
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	live := "<!doctype html><html><head><title>Access Approval</title></head><body><nav><table><tr><th>Product</th></tr><tr><td>nav</td></tr></table></nav><article>\n" + string(md) + "\n</article></body></html>\n"
	write := func(name, data string) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("accessapproval.html", live)
	write("accesscontextmanager.md", string(other))
	m, err := pipeline.Load(pipeline.Options{In: in})
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Services) != 1 {
		t.Fatalf("%d services, want the one catalog", len(m.Services))
	}
	c := gcp.CatalogOf(m.Services[0])
	if c == nil || c.Permission("accessapproval.requests.get") == nil || c.Permission("accesscontextmanager.policies.get") == nil {
		t.Fatalf("catalog lacks a permission of one of the pages")
	}
	detected := false
	for _, d := range m.Diagnostics() {
		detected = detected || d.Code == "no-manifest-entry" && strings.HasSuffix(d.Pos.File, "accessapproval.html")
	}
	if !detected {
		t.Error("the live page, detected from its content, is not reported for the manifest")
	}
	ovs := `[{"file":"gcp/accessapproval.html","row":"x","field":"title","from":"a","to":"b","reason":"test"}]`
	if err := os.WriteFile(filepath.Join(in, "overrides.json"), []byte(ovs), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := pipeline.Load(pipeline.Options{In: in}); err == nil || !strings.Contains(err.Error(), "take no overrides") {
		t.Errorf("an override of a GCP page: %v, want refused", err)
	}
}
