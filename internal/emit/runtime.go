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
	"strconv"
	"strings"

	"github.com/permgen/permgen/internal/resolve"
	"github.com/permgen/permgen/internal/write"
	"github.com/permgen/permgen/templates"
)

// runtime copies a runtime package from templates/ into the tree.
func runtime(r *resolve.Runtime) ([]write.File, error) {
	return copyTemplate(r.Template, r.Dir, r.Name)
}

// copyTemplate copies the files of templates/<dir> into outDir as package pkg.
func copyTemplate(dir, outDir, pkg string) ([]write.File, error) {
	return copyRuntime(dir, outDir, pkg, nil)
}

// copyRuntime is the one template copier: it copies the Go files of
// templates/<dir> (tests and the fixture left out) into outDir, renamed to package
// pkg ("" keeps the template's name), each import that imports maps rewritten (nil:
// none; an import it refuses is an error). The template is parsed and printed,
// not edited as text, so only the package clause and imports change, the result
// is gofmt-clean, and every file gets the generated-code header naming its
// template.
func copyRuntime(dir, outDir, pkg string, imports func(path string) (to string, ok bool, err error)) ([]write.File, error) {
	entries, err := fs.ReadDir(templates.FS, dir)
	if err != nil {
		return nil, fmt.Errorf("template %s: %w", dir, err)
	}
	var names []string
	for _, e := range entries {
		n := e.Name()
		if !e.IsDir() && strings.HasSuffix(n, ".go") && !strings.HasSuffix(n, "_test.go") && n != "fixture.go" {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	var files []write.File
	for _, n := range names {
		from := "templates/" + dir + "/" + n
		src, err := fs.ReadFile(templates.FS, path.Join(dir, n))
		if err != nil {
			return nil, err
		}
		out, err := copyFile(src, from, pkg, imports)
		if err != nil {
			return nil, fmt.Errorf("template %s: %w", from, err)
		}
		files = append(files, write.File{Path: path.Join(outDir, n), Data: out})
	}
	return files, nil
}

func copyFile(src []byte, from, pkg string, imports func(string) (string, bool, error)) ([]byte, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, from, src, parser.ParseComments)
	if err != nil {
		return nil, err
	}
	if ast.IsGenerated(f) {
		return nil, fmt.Errorf("already carries a generated-code header")
	}
	if pkg != "" {
		f.Name.Name = pkg
	}
	if imports != nil {
		rewritten := false
		for _, spec := range f.Imports {
			p, _ := strconv.Unquote(spec.Path.Value)
			to, ok, err := imports(p)
			if err != nil {
				return nil, err
			}
			if ok {
				spec.Path.Value = strconv.Quote(to)
				rewritten = true
			}
		}
		if rewritten {
			ast.SortImports(fset, f)
		}
	}
	var buf bytes.Buffer
	buf.WriteString("// " + header(from) + "\n\n")
	if err := format.Node(&buf, fset, f); err != nil {
		return nil, err
	}
	return format.Source(buf.Bytes())
}
