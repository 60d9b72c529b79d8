package emit

import (
	"bytes"
	"fmt"
	"go/token"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/permgen/permgen/internal/write"
)

// goImportPath is a Go package's import path; Ident names one of its symbols.
type goImportPath string

// Ident is the symbol name of package p.
func (p goImportPath) Ident(name string) goIdent { return goIdent{name: name, path: p} }

// goIdent is one symbol of one package, as protogen's GoIdent: a goFile prints
// it bare inside its own package and qualified elsewhere, importing the package
// as it does so.
type goIdent struct {
	name string
	path goImportPath
}

// goFile is the AWS emitter's one printer of Go, after protogen's
// GeneratedFile: the emitter prints lines with P, naming other packages' symbols
// as goIdents, and the file imports exactly the packages those lines used, so
// no emitter function keeps an import list in step with its text by hand.
// Content writes the header, the package clause and one sorted import block
// before the body. The text is printed in gofmt's form and only parsed (a parse
// failure shows the numbered source), since go/format was 43% of the CPU of a
// whole AWS run; a file whose comments gofmt would rewrite is formatted
// instead. TestAWSGofmtCanonical checks the form.
type goFile struct {
	name  string       // the file's path in the tree
	self  goImportPath // the package the file belongs to
	pkg   string       // its package clause
	from  string       // what the header says it was generated from
	doc   []string     // the package doc comment, one line each
	names map[goImportPath]string
	taken map[string]bool
	body  bytes.Buffer
}

func newGoFile(name string, self goImportPath, pkg, from string) *goFile {
	return &goFile{name: name, self: self, pkg: pkg, from: from, names: map[goImportPath]string{}, taken: map[string]bool{}}
}

// P prints one line made of v: a string as it is, a goIdent as this file must
// write it, anything else as fmt.Print does.
func (g *goFile) P(v ...any) {
	for _, x := range v {
		switch x := x.(type) {
		case string:
			g.body.WriteString(x)
		case goIdent:
			g.body.WriteString(g.Q(x))
		default:
			fmt.Fprint(&g.body, x)
		}
	}
	g.body.WriteByte('\n')
}

// Doc prints lines as a // comment with the given indent (docLines).
func (g *goFile) Doc(indent string, lines ...string) { docLines(&g.body, indent, lines...) }

// Q returns id as this file writes it, and records its import.
func (g *goFile) Q(id goIdent) string {
	if id.path == g.self {
		return id.name
	}
	return g.importName(id.path) + "." + id.name
}

// Name returns the name this file imports p as, and records the import: for
// text that names p's symbols in bulk (a table of rows).
func (g *goFile) Name(p goImportPath) string { return g.importName(p) }

// importName is the name the file imports p as: the last element of its path,
// or that with a number when another import already has it or it is a keyword.
func (g *goFile) importName(p goImportPath) string {
	if n, ok := g.names[p]; ok {
		return n
	}
	base := path.Base(string(p))
	if !token.IsIdentifier(base) && !token.IsKeyword(base) {
		base = "pkg" // a path element such as "bedrock-agentcore"
	}
	n := base
	for i := 2; g.taken[n] || token.IsKeyword(n); i++ {
		n = base + strconv.Itoa(i)
	}
	g.names[p], g.taken[n] = n, true
	return n
}

// Content renders the file: header, package doc and clause, imports (the
// standard library's first, then the others, each group sorted by path), body.
func (g *goFile) Content() (write.File, error) {
	var b bytes.Buffer
	b.WriteString("// " + header(g.from) + "\n\n")
	docLines(&b, "", g.doc...)
	fmt.Fprintf(&b, "package %s\n\n", g.pkg)
	var std, other []string
	for p, n := range g.names {
		spec := strconv.Quote(string(p))
		if n != path.Base(string(p)) {
			spec = n + " " + spec
		}
		if first, _, _ := strings.Cut(string(p), "/"); strings.Contains(first, ".") {
			other = append(other, spec)
		} else {
			std = append(std, spec)
		}
	}
	// Sorting the specs sorts by path: a renamed import is not the base it would sort
	// by, so sort on the quoted path.
	byPath := func(s []string) {
		sort.Slice(s, func(i, j int) bool { return s[i][strings.IndexByte(s[i], '"'):] < s[j][strings.IndexByte(s[j], '"'):] })
	}
	byPath(std)
	byPath(other)
	switch {
	case len(std)+len(other) == 1:
		fmt.Fprintf(&b, "import %s\n\n", strings.Join(append(std, other...), ""))
	case len(std)+len(other) > 1:
		b.WriteString("import (\n")
		for _, s := range std {
			b.WriteString("\t" + s + "\n")
		}
		if len(std) > 0 && len(other) > 0 {
			b.WriteString("\n")
		}
		for _, s := range other {
			b.WriteString("\t" + s + "\n")
		}
		b.WriteString(")\n\n")
	}
	// The last declaration's blank line: a file ends with one newline.
	b.Write(bytes.TrimRight(g.body.Bytes(), "\n"))
	b.WriteByte('\n')
	if !awsCommentsPlain(b.Bytes()) {
		return gofmtFile(g.name, b.Bytes())
	}
	return preformatted(g.name, b.Bytes())
}
