package hostile

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/permgen/permgen/internal/pipeline"
	"github.com/permgen/permgen/internal/resolve"
	"github.com/permgen/permgen/internal/write"
)

// isTemplateCopy tells a copy of templates/ (whose header names the template) from
// a data-driven file.
func isTemplateCopy(f write.File) bool {
	first, _, _ := strings.Cut(string(f.Data), "\n")
	return strings.Contains(first, " from templates/")
}

// declCounts lists the top-level declarations of f as "const X", "var X", "type X",
// "func X" and "method T.M", with how often each occurs, so that a second
// declaration of a name (or a second func _) shows.
func declCounts(f *ast.File) map[string]int {
	out := map[string]int{}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.GenDecl:
			for _, s := range d.Specs {
				switch s := s.(type) {
				case *ast.ValueSpec:
					for _, n := range s.Names {
						out[d.Tok.String()+" "+n.Name]++
					}
				case *ast.TypeSpec:
					out["type "+s.Name.Name]++
				}
			}
		case *ast.FuncDecl:
			if d.Recv == nil {
				out["func "+d.Name.Name]++
				continue
			}
			recv := d.Recv.List[0].Type
			if st, ok := recv.(*ast.StarExpr); ok {
				recv = st.X
			}
			out[fmt.Sprintf("method %s.%s", recv.(*ast.Ident).Name, d.Name.Name)]++
		}
	}
	return out
}

// modelDecls is what the resolved model asks each data-driven file to declare: one
// constant per action or scope, one builder per resource type. Everything else a file declares is the package's fixed API.
func modelDecls(pkgs []*resolve.Package) map[string]map[string]int {
	out := map[string]map[string]int{}
	add := func(file, decl string) {
		if out[file] == nil {
			out[file] = map[string]int{}
		}
		out[file][decl]++
	}
	for _, p := range pkgs {
		at := func(suffix string) string { return path.Join(p.Dir, p.Name+suffix) }
		for _, a := range p.Actions {
			add(at("_actions.go"), "const "+a.Ident)
		}
		for _, r := range p.Resources {
			add(at("_resources.go"), "func "+r.Func)
		}
		for _, s := range p.Scopes {
			add(at("_scopes.go"), "const "+s.Ident)
		}
	}
	return out
}

// parsed is one generated Go file, parsed with its comments.
type parsed struct {
	fset *token.FileSet
	file *ast.File
}

func parseGo(t testing.TB, f write.File) parsed {
	t.Helper()
	fset := token.NewFileSet()
	af, err := parser.ParseFile(fset, f.Path, f.Data, parser.ParseComments|parser.SkipObjectResolution)
	if err != nil {
		t.Fatalf("%s does not parse: %v", f.Path, err)
	}
	return parsed{fset, af}
}

// fixedDecls learns the fixed API of each file from a run over a benign page of the
// same shape: its declarations minus those the model asks for. Learning it keeps
// this test about hostile text rather than about the emitter's API, which grows.
func fixedDecls(t testing.TB, base *pipeline.Result) map[string]map[string]int {
	t.Helper()
	model := modelDecls(base.Packages)
	out := map[string]map[string]int{}
	for _, f := range base.Files {
		if !strings.HasSuffix(f.Path, ".go") {
			continue
		}
		if isTemplateCopy(f) {
			// Runtime copies must equal the baseline's byte for byte (checkTree), so
			// checking them here once covers every run.
			checkRuntimeCopy(t, f)
			continue
		}
		fixed := declCounts(parseGo(t, f).file)
		for d, n := range model[f.Path] {
			fixed[d] -= n
			if fixed[d] <= 0 {
				delete(fixed, d)
			}
		}
		for d := range fixed {
			if d == "func init" {
				t.Fatalf("the baseline %s declares func init: generated code must do no init work", f.Path)
			}
		}
		out[f.Path] = fixed
	}
	return out
}

// allowedImports are the packages data-driven files may import besides their
// runtime package.
var allowedImports = []string{"context", "strconv", "strings"}

// checkTree checks a run over hostile pages against the run over the benign
// baseline: the same files; template copies byte for byte; and in each data-driven
// Go file exactly the fixed API plus what the model holds, no init, only allowed
// imports, only // comments and no directives, and no character that could make the
// source read differently from what it is.
func checkTree(t testing.TB, res, base *pipeline.Result, fixed map[string]map[string]int) {
	t.Helper()
	baseFiles := map[string][]byte{}
	for _, f := range base.Files {
		baseFiles[f.Path] = f.Data
	}
	var got, want []string
	for _, f := range res.Files {
		got = append(got, f.Path)
	}
	for p := range baseFiles {
		want = append(want, p)
	}
	sort.Strings(got)
	sort.Strings(want)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Fatalf("hostile text changed the set of generated files (-baseline +hostile):\n%s", diff)
	}
	model := modelDecls(res.Packages)
	runtimes := map[string]bool{}
	for _, p := range res.Packages {
		if p.Runtime != nil {
			runtimes[p.Runtime.ImportPath] = true
		}
	}
	for _, f := range res.Files {
		switch {
		case strings.HasSuffix(f.Path, ".json"):
			if !json.Valid(f.Data) {
				t.Errorf("%s is not valid JSON", f.Path)
			}
			continue
		case strings.HasSuffix(f.Path, ".md"):
			checkMarkdown(t, f, baseFiles[f.Path])
			continue
		case isTemplateCopy(f):
			if string(f.Data) != string(baseFiles[f.Path]) {
				t.Errorf("%s: a runtime copy depends on page text", f.Path)
			}
			continue
		}
		pf := parseGo(t, f)
		if !ast.IsGenerated(pf.file) {
			t.Errorf("%s: no generated-code header", f.Path)
		}
		wantDecls := map[string]int{}
		for d, n := range fixed[f.Path] {
			wantDecls[d] += n
		}
		for d, n := range model[f.Path] {
			wantDecls[d] += n
		}
		gotDecls := declCounts(pf.file)
		if diff := cmp.Diff(wantDecls, gotDecls); diff != "" {
			t.Errorf("%s: declarations differ from fixed API + model (-want +got):\n%s", f.Path, diff)
		}
		if gotDecls["func init"] > 0 {
			t.Errorf("%s declares func init", f.Path)
		}
		for _, imp := range pf.file.Imports {
			p, err := strconv.Unquote(imp.Path.Value)
			// The catalog imports every service package of its tree; camhttp's tree.go
			// imports the catalog.
			dir := path.Base(path.Dir(f.Path))
			catalog := (dir == "catalog" || dir == "camhttp") && strings.HasPrefix(p, importRoot+"/")
			if err != nil || !(slices.Contains(allowedImports, p) || runtimes[p] || catalog) {
				t.Errorf("%s imports %s, not in the allowlist %v or the runtime", f.Path, imp.Path.Value, allowedImports)
			}
		}
		for _, cg := range pf.file.Comments {
			for _, c := range cg.List {
				checkComment(t, pf.fset.Position(c.Pos()), c.Text)
			}
		}
		checkRunes(t, f)
	}
}

// directives are the comment prefixes the go tool or compiler act on.
var directives = []string{"//go:", "//line ", "//line:", "//export ", "//extern ", "// +build", "//nolint"}

func checkComment(t testing.TB, pos token.Position, text string) {
	t.Helper()
	if !strings.HasPrefix(text, "//") {
		t.Errorf("%s: a /* */ comment in a data-driven file: %.80q", pos, text)
		return
	}
	for _, d := range directives {
		if strings.HasPrefix(text, d) {
			t.Errorf("%s: directive comment %.80q", pos, text)
		}
	}
}

// checkRunes rejects what would let the source display differently from what it
// is, or not compile: invalid UTF-8, NUL and other control characters (tab and
// newline aside), a byte order mark, bidirectional controls, and line or paragraph
// separators. Page text holding them must appear escaped.
func checkRunes(t testing.TB, f write.File) {
	t.Helper()
	s := string(f.Data)
	if !utf8.ValidString(s) {
		t.Errorf("%s: invalid UTF-8", f.Path)
		return
	}
	line := 1
	for _, r := range s {
		switch {
		case r == '\n':
			line++
		case r == '\t':
		case r < 0x20 || 0x7f <= r && r < 0xa0, r == '\uFEFF', r == '\u2028', r == '\u2029',
			unicode.Is(unicode.Bidi_Control, r):
			t.Errorf("%s:%d: raw %U in generated source", f.Path, line, r)
		}
	}
}

// info is the text a generated tree holds for one action or scope, read back from
// its string literals.
type info struct{ Description, Section string }

// literals reads back, without compiling, the page text the data-driven files hold
// as string literals: each action's Name, Description and Section from actionInfos, the
// service Name from Service, each scope's description from scopeDescriptions. A
// value that is not a single string literal is an error: text must stay data.
func literals(t testing.TB, res *pipeline.Result) (actions map[string]info, service string, scopes map[string]string) {
	t.Helper()
	actions, scopes = map[string]info{}, map[string]string{}
	for _, p := range res.Packages {
		files := map[string]*ast.File{}
		for _, f := range res.Files {
			if path.Dir(f.Path) == p.Dir && strings.HasSuffix(f.Path, ".go") && !isTemplateCopy(f) {
				files[path.Base(f.Path)] = parseGo(t, f).file
			}
		}
		if p.Runtime != nil {
			// One positional line per action, in cam.ActionInfo's field order:
			// Service, Name, Description, Category, Section, ...
			for i, el := range elements(t, files[p.Name+"_tables.go"], "actionInfos") {
				row, ok := el.(*ast.CompositeLit)
				if !ok || len(row.Elts) != 10 {
					t.Fatalf("actionInfos[%d] is not a 10-field literal", i)
				}
				actions[str(t, row.Elts[1])] = info{Description: str(t, row.Elts[2]), Section: str(t, row.Elts[4])}
			}
			svc := elements(t, files[p.Name+"_service.go"], "Service")
			if len(svc) != 1 {
				t.Fatalf("var Service: %d values", len(svc))
			}
			service = fields(t, svc[0])["Name"]
			continue
		}
		names := elements(t, files[p.Name+"_scopes.go"], "scopeNames")
		descs := elements(t, files[p.Name+"_scopes.go"], "scopeDescriptions")
		if len(names) != len(descs) {
			t.Fatalf("%d scope names, %d descriptions", len(names), len(descs))
		}
		for i := range names {
			scopes[str(t, names[i])] = str(t, descs[i])
		}
	}
	return actions, service, scopes
}

// elements returns the elements of the composite literal that initializes the
// package-level var name; for a struct literal (var Service), the literal itself.
func elements(t testing.TB, f *ast.File, name string) []ast.Expr {
	t.Helper()
	if f == nil {
		t.Fatalf("no file declares %s", name)
	}
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.VAR {
			continue
		}
		for _, s := range g.Specs {
			vs := s.(*ast.ValueSpec)
			if len(vs.Names) != 1 || vs.Names[0].Name != name || len(vs.Values) != 1 {
				continue
			}
			cl, ok := vs.Values[0].(*ast.CompositeLit)
			if !ok {
				t.Fatalf("var %s is not a composite literal", name)
			}
			if _, isArray := cl.Type.(*ast.ArrayType); isArray {
				return cl.Elts
			}
			return []ast.Expr{cl}
		}
	}
	t.Fatalf("var %s not found", name)
	return nil
}

// fields reads the string-literal fields of a keyed struct literal.
func fields(t testing.TB, e ast.Expr) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, el := range e.(*ast.CompositeLit).Elts {
		kv := el.(*ast.KeyValueExpr)
		if bl, ok := kv.Value.(*ast.BasicLit); ok && bl.Kind == token.STRING {
			out[kv.Key.(*ast.Ident).Name] = str(t, bl)
		}
	}
	return out
}

func str(t testing.TB, e ast.Expr) string {
	t.Helper()
	bl, ok := e.(*ast.BasicLit)
	if !ok || bl.Kind != token.STRING {
		t.Fatalf("%T is not one string literal", e)
	}
	s, err := strconv.Unquote(bl.Value)
	if err != nil {
		t.Fatalf("literal %.80s: %v", bl.Value, err)
	}
	return s
}

// checkMarkdown checks a README against the baseline's: page text may neither add
// an HTML tag or comment end, nor a table cell, nor a character that displays
// differently from what it is.
func checkMarkdown(t testing.TB, f write.File, base []byte) {
	t.Helper()
	checkRunes(t, f)
	for _, s := range []string{"<", ">", "-->"} {
		if got, want := strings.Count(outsideCode(string(f.Data)), s), strings.Count(outsideCode(string(base)), s); got != want {
			t.Errorf("%s: %d %q, the baseline has %d: page text reached the README unescaped", f.Path, got, s, want)
		}
	}
	gotCells, wantCells := tableShape(string(f.Data)), tableShape(string(base))
	if diff := cmp.Diff(wantCells, gotCells); diff != "" {
		t.Errorf("%s: page text changed the table layout (-baseline +hostile):\n%s", f.Path, diff)
	}
}

// tableShape counts the unescaped cell separators of each table line.
func tableShape(md string) []int {
	var out []int
	for _, l := range strings.Split(md, "\n") {
		if !strings.HasPrefix(l, "|") {
			continue
		}
		n := 0
		for i := 0; i < len(l); i++ {
			switch l[i] {
			case '\\':
				i++
			case '|':
				n++
			}
		}
		out = append(out, n)
	}
	return out
}

// outsideCode drops the inline code spans of md, where Markdown shows < and > as
// they are; elsewhere they would be HTML.
func outsideCode(md string) string {
	var b strings.Builder
	in := false
	for i := 0; i < len(md); i++ {
		switch c := md[i]; {
		case c == '\\' && !in && i+1 < len(md):
			b.WriteByte(c)
			b.WriteByte(md[i+1])
			i++
		case c == '`':
			in = !in
		case c == '\n':
			in = false
			b.WriteByte(c)
		case !in:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// checkRuntimeCopy: a copy of templates/ imports only the standard library, has no
// init work and no directives.
func checkRuntimeCopy(t testing.TB, f write.File) {
	t.Helper()
	pf := parseGo(t, f)
	for _, imp := range pf.file.Imports {
		p, _ := strconv.Unquote(imp.Path.Value)
		// A runtime may import another runtime of the same tree (camhttp imports cam).
		if first, _, _ := strings.Cut(p, "/"); strings.Contains(first, ".") && !strings.HasPrefix(p, importRoot+"/") {
			t.Errorf("%s imports %s, which is not in the standard library or the tree", f.Path, p)
		}
	}
	if declCounts(pf.file)["func init"] > 0 {
		t.Errorf("%s declares func init", f.Path)
	}
	for _, cg := range pf.file.Comments {
		for _, c := range cg.List {
			for _, d := range directives {
				if strings.HasPrefix(c.Text, d) {
					t.Errorf("%s: directive comment %.80q", pf.fset.Position(c.Pos()), c.Text)
				}
			}
		}
	}
}
