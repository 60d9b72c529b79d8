package emit

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/permgen/permgen/internal/resolve"
	"github.com/permgen/permgen/internal/write"
	"github.com/permgen/permgen/templates"
)

// runtime copies a runtime package from templates/ into the tree.
func runtime(r *resolve.Runtime) ([]write.File, error) {
	return copyTemplate(r.Template, r.Dir, r.Name)
}

// copyTemplate copies the files of templates/<dir> into outDir as package pkg. The
// template is parsed and printed, not edited as text, so only the package clause
// changes and the result is gofmt-clean.
func copyTemplate(dir, outDir, pkg string) ([]write.File, error) {
	entries, err := fs.ReadDir(templates.FS, dir)
	if err != nil {
		return nil, fmt.Errorf("template %s: %w", dir, err)
	}
	var names []string
	for _, e := range entries {
		n := e.Name()
		if strings.HasSuffix(n, ".go") && !strings.HasSuffix(n, "_test.go") && n != "fixture.go" {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	var files []write.File
	for _, n := range names {
		src, err := fs.ReadFile(templates.FS, path.Join(dir, n))
		if err != nil {
			return nil, err
		}
		out, err := renamePackage(src, pkg, "templates/"+dir+"/"+n)
		if err != nil {
			return nil, fmt.Errorf("template %s/%s: %w", dir, n, err)
		}
		files = append(files, write.File{Path: path.Join(outDir, n), Data: out})
	}
	return files, nil
}

func renamePackage(src []byte, pkg, from string) ([]byte, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, from, src, parser.ParseComments)
	if err != nil {
		return nil, err
	}
	if ast.IsGenerated(f) {
		return nil, fmt.Errorf("already carries a generated-code header")
	}
	f.Name.Name = pkg
	var buf bytes.Buffer
	buf.WriteString("// " + header(from) + "\n\n")
	if err := format.Node(&buf, fset, f); err != nil {
		return nil, err
	}
	return format.Source(buf.Bytes())
}
