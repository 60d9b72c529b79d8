package scopes

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestTemplateRules checks what the emitter relies on when it copies the non-test
// files of this directory into a generated package: only the package clause changes,
// so a copied file must not carry the package doc, an init, a dependency, or a name
// the emitter writes itself.
func TestTemplateRules(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	copied := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") || name == "fixture.go" {
			continue
		}
		copied++
		if name == "doc.go" || strings.HasSuffix(name, "_scopes.go") {
			t.Errorf("%s: the emitter writes files of this name", name)
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		if f.Doc != nil {
			t.Errorf("%s: package doc comment; it belongs in fixture.go (the generated doc.go replaces it)", name)
		}
		for _, imp := range f.Imports {
			path, _ := strconv.Unquote(imp.Path.Value)
			if first, _, _ := strings.Cut(path, "/"); strings.Contains(first, ".") {
				t.Errorf("%s: imports %s; generated packages may depend on the standard library only", name, path)
			}
		}
		for _, d := range f.Decls {
			if fn, ok := d.(*ast.FuncDecl); ok && fn.Recv == nil && fn.Name.Name == "init" {
				t.Errorf("%s: func init; generated packages do no work at init", name)
			}
		}
	}
	if copied == 0 {
		t.Error("no template files found")
	}
}
