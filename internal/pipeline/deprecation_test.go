package pipeline

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/permgen/permgen/internal/history"
)

// TestDeprecatedScopeKeepsItsRelations: delete node:read from the Stella page and
// regenerate against the checked-in tree: the scope stays, deprecated, and api:admin
// still grants it, in the model and in the compiled code
// (NewScopeSet(ScopeApiAdmin).Allows(ScopeNodeRead)). Deprecation must not change
// behaviour until the symbol is pruned.
//
// The sources are the live ones with a few AWS pages (liveSources); Force lets the
// checked-in snapshots of the pages left out go without the "page is gone" refusal,
// which is not what this test is about.
func TestDeprecatedScopeKeepsItsRelations(t *testing.T) {
	in := liveSources(t)
	page := filepath.Join(in, "stella", "access-control-list.html")
	html, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	row := regexp.MustCompile(`<tr><td><code>node:read</code></td>.*?</tr>\n`)
	if !row.Match(html) {
		t.Fatal("fixture: no node:read row")
	}
	if err := os.WriteFile(page, row.ReplaceAll(html, nil), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := RunWith(Options{In: in, ImportRoot: importRoot, Out: filepath.Join("..", "..", "generated"),
		History: history.Options{Today: "2026-01-02", Force: true}})
	if err != nil {
		t.Fatal(err)
	}
	var implied, deprecated bool
	for _, s := range res.Services {
		for _, sc := range s.Scopes {
			switch sc.Name {
			case "api:admin":
				for _, n := range sc.Implies {
					implied = implied || n == "node:read"
				}
			case "node:read":
				deprecated = sc.Deprecated != nil
			}
		}
	}
	if !deprecated || !implied {
		t.Fatalf("node:read deprecated %v, granted by api:admin %v; want both", deprecated, implied)
	}
	if testing.Short() {
		return
	}
	dir := writeModule(t, res.Files)
	main := `package main

import "example.com/out/stella"

func main() {
	if !stella.NewScopeSet(stella.ScopeApiAdmin).Allows(stella.ScopeNodeRead) {
		panic("api:admin no longer grants the deprecated node:read")
	}
	if stella.ScopeNodeRead.Deprecated() == "" {
		panic("node:read is not marked deprecated")
	}
}
`
	if err := os.MkdirAll(filepath.Join(dir, "cmd", "check"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "cmd", "check", "main.go"), []byte(main), 0o644); err != nil {
		t.Fatal(err)
	}
	goCmd(t, dir, "run", "./cmd/check")
}

// TestDeprecatedActionKeepsItsBuilder: DescribeThing is the only action of the cam-zh
// case on a cos bucket; deleted from the page, it stays deprecated, and so does the
// CosBucketResource builder its pattern gives, since resource types are derived after
// history merged it back.
func TestDeprecatedActionKeepsItsBuilder(t *testing.T) {
	in := filepath.Join(t.TempDir(), "sources")
	if err := os.CopyFS(in, os.DirFS(filepath.Join("testdata", "cam-zh", "sources"))); err != nil {
		t.Fatal(err)
	}
	first, err := Run(in, importRoot)
	if err != nil {
		t.Fatal(err)
	}
	out := writeModule(t, first.Files)
	page := filepath.Join(in, "acme", "demo.html")
	html, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	row := regexp.MustCompile(`<tr><td>DescribeThing</td>.*?</tr>\n`)
	if !row.Match(html) {
		t.Fatal("fixture: no DescribeThing row")
	}
	if err := os.WriteFile(page, row.ReplaceAll(html, nil), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := RunWith(Options{In: in, ImportRoot: importRoot, Out: out, History: history.Options{Today: "2026-01-02"}})
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, f := range res.Files {
		files[f.Path] = string(f.Data)
	}
	if !regexp.MustCompile(`(?s)Deprecated: removed from sources/acme/demo.html on 2026-01-02.\n\tActionDescribeThing`).MatchString(files["acme/demo/demo_actions.go"]) {
		t.Error("DescribeThing is not kept as deprecated")
	}
	if !regexp.MustCompile(`func CosBucketResource\(appid, bucket string\) cam.Resource`).MatchString(files["acme/demo/demo_resources.go"]) {
		t.Error("the builder of the deprecated action's resource type is gone")
	}
}

// TestSourcesFolderNameIsCited: generated comments, snapshots' deprecations and
// history's messages cite a page below the folder the run read, whatever its name,
// not below a "sources/" it does not have.
func TestSourcesFolderNameIsCited(t *testing.T) {
	in := filepath.Join(t.TempDir(), "pages")
	if err := os.CopyFS(in, os.DirFS(filepath.Join("testdata", "cam-zh", "sources"))); err != nil {
		t.Fatal(err)
	}
	res, err := Run(in, importRoot)
	if err != nil {
		t.Fatal(err)
	}
	cited := false
	for _, f := range res.Files {
		if strings.Contains(string(f.Data), "sources/acme") {
			t.Errorf("%s cites sources/, which the run did not read", f.Path)
		}
		cited = cited || strings.Contains(string(f.Data), "pages/acme/demo.html")
	}
	if !cited {
		t.Error("no generated file cites pages/acme/demo.html")
	}
}
