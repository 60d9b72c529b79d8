package pipeline

import (
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/permgen/permgen/internal/history"
)

// TestDeprecatedScopeKeepsItsRelations: delete node:read from the Stella page and
// regenerate against the checked-in tree: the scope stays, deprecated, and api:admin
// still grants it, in the model and in the compiled code
// (NewScopeSet(ScopeApiAdmin).Allows(ScopeNodeRead)). Deprecation must not change
// behaviour until the symbol is pruned.
func TestDeprecatedScopeKeepsItsRelations(t *testing.T) {
	in := filepath.Join(t.TempDir(), "sources")
	if err := os.CopyFS(in, os.DirFS(filepath.Join("..", "..", "sources"))); err != nil {
		t.Fatal(err)
	}
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
		History: history.Options{Today: "2026-01-02"}})
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
