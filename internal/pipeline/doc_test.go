package pipeline

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
	"testing"
)

// TestDocComments: every exported symbol of every generated Go file has a doc
// comment that starts with its name, and every file carries Go's generated-code
// header, as STYLE.md asks.
func TestDocComments(t *testing.T) {
	res, err := Run(liveSources(t), "github.com/permgen/permgen/generated")
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for _, f := range res.Files {
		if !strings.HasSuffix(f.Path, ".go") {
			continue
		}
		fset := token.NewFileSet()
		file, err := parser.ParseFile(fset, f.Path, f.Data, parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		if !ast.IsGenerated(file) {
			t.Errorf("%s: no generated-code header", f.Path)
		}
		check := func(name string, doc *ast.CommentGroup, pos token.Pos) {
			if !ast.IsExported(name) {
				return
			}
			checked++
			text := ""
			if doc != nil {
				text = doc.Text()
			}
			if !strings.HasPrefix(text, name+" ") {
				t.Errorf("%s: %s has no doc comment starting with its name (got %q)", fset.Position(pos), name, text)
			}
		}
		for _, d := range file.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				check(d.Name.Name, d.Doc, d.Pos())
			case *ast.GenDecl:
				for _, s := range d.Specs {
					switch s := s.(type) {
					case *ast.TypeSpec:
						doc := s.Doc
						if doc == nil {
							doc = d.Doc
						}
						check(s.Name.Name, doc, s.Pos())
					case *ast.ValueSpec:
						doc := s.Doc
						if doc == nil && len(d.Specs) == 1 {
							doc = d.Doc
						}
						for _, n := range s.Names {
							if doc == nil && len(d.Specs) > 1 {
								// A documented group of constants (enums) documents its members.
								doc = d.Doc
								if doc != nil {
									continue
								}
							}
							check(n.Name, doc, n.Pos())
						}
					}
				}
			}
		}
	}
	if checked < 119+145 {
		t.Errorf("checked only %d exported symbols", checked)
	}
}
