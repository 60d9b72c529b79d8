package stella

import (
	"fmt"
	"path"
	"strconv"
	"strings"

	"github.com/permgen/permgen/internal/emit"
	"github.com/permgen/permgen/internal/gowrite"
	"github.com/permgen/permgen/internal/resolve"
	"github.com/permgen/permgen/internal/write"
)

// scopePackage renders one scope table: the constants and tables here, the Scope
// and ScopeSet methods copied from templates/scopes, the snapshot and the README.
// Both files are gofmt'd: their tables are aligned as gofmt decides.
func scopePackage(p *resolve.Package) ([]write.File, error) {
	var files []write.File
	for _, part := range []struct {
		name string
		body func(*gowrite.File, *resolve.Package)
	}{
		{"doc.go", scopeDoc},
		{p.Name + "_scopes.go", scopeData},
	} {
		g := emit.NewGoFile(path.Join(p.Dir, part.name), gowrite.ImportPath(p.ImportPath), p.Name, emit.SourceName(p))
		g.Format = true
		part.body(g, p)
		f, err := g.Content()
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	rt, err := emit.CopyTemplate("scopes", p.Dir, p.Name)
	if err != nil {
		return nil, err
	}
	return emit.Finish(p, append(files, rt...), func(b *strings.Builder) { scopeReadme(b, p) })
}

func scopeDoc(g *gowrite.File, p *resolve.Package) {
	s := p.Service
	g.PackageDoc = []string{
		fmt.Sprintf("Package %s lists the %d access-token scopes of %s's %q page as", p.Name, len(s.Scopes), emit.CommentText(s.Source.Vendor), emit.CommentText(s.Name)),
		"typed constants, with a ScopeSet that checks a token's scopes against the scopes a",
		"call needs, admin scopes included.",
		"",
		fmt.Sprintf("Generated from %s", emit.SourceName(p)),
	}
	if s.Source.URL != "" {
		g.PackageDoc = append(g.PackageDoc, fmt.Sprintf("(%s)", emit.CommentText(s.Source.URL)))
	}
	g.PackageDoc = append(g.PackageDoc, "by permgen; the vendor's spelling of every scope is kept.")
}

func scopeData(g *gowrite.File, p *resolve.Package) {
	s := p.Service
	index := map[string]int{}
	for i, sc := range s.Scopes {
		index[sc.Name] = i + 1
	}
	g.P("const (")
	for i, sc := range s.Scopes {
		id := p.Scopes[i]
		lines := []string{fmt.Sprintf("%s is %s: %s", id.Ident, sc.Name, emit.DescOrNone(sc.Description))}
		if len(sc.Implies) > 0 {
			lines = append(lines, "", fmt.Sprintf("It grants %d other scopes: %s.", len(sc.Implies), emit.CommentText(sc.ImpliesWhy)))
		}
		if sc.Deprecated == nil {
			lines = append(lines, "", "Source: "+emit.CommentText(emit.PosText(p, sc.Pos))+".")
		} else {
			lines = append(lines, "", "Deprecated: "+emit.CommentText(emit.DeprecatedText(sc.Deprecated))+".")
		}
		g.Doc("\t", lines...)
		g.P("\t", id.Ident, " Scope = ", i+1)
	}
	g.P(")")
	g.P()
	g.Doc("", "scopeCount is the number of scopes; ScopeSet sizes its bitset by it.")
	g.P("const scopeCount = ", len(s.Scopes))
	g.P()
	lits := func(name string, get func(i int) string) {
		g.P("var ", name, " = [scopeCount]string{")
		for i := range s.Scopes {
			g.P("\t", strconv.Quote(get(i)), ",")
		}
		g.P("}")
		g.P()
	}
	lits("scopeNames", func(i int) string { return s.Scopes[i].Name })
	lits("scopeDescriptions", func(i int) string { return s.Scopes[i].Description })
	g.Doc("", "scopeDeprecated says, for each scope that vanished from the page, when and where.")
	g.P("var scopeDeprecated = [scopeCount]string{")
	for i, sc := range s.Scopes {
		if sc.Deprecated != nil {
			g.P("\t", p.Scopes[i].Ident, " - 1: ", strconv.Quote(emit.DeprecatedText(sc.Deprecated)), ",")
		}
	}
	g.P("}")
	g.P()

	implies := make([][]int, len(s.Scopes))
	grantedBy := make([][]int, len(s.Scopes))
	for i, sc := range s.Scopes {
		for _, n := range sc.Implies {
			j := index[n] - 1
			implies[i] = append(implies[i], j)
			grantedBy[j] = append(grantedBy[j], i)
		}
	}
	// Implication is spelled out scope by scope, so a reviewer of generated/ sees
	// exactly what each scope grants.
	table := func(name string, rows [][]int) {
		g.P("var ", name, " = [scopeCount][]Scope{")
		for i, row := range rows {
			if len(row) == 0 {
				continue
			}
			ids := make([]string, len(row))
			for k, j := range row {
				ids[k] = p.Scopes[j].Ident
			}
			g.P("\t", p.Scopes[i].Ident, " - 1: {", strings.Join(ids, ", "), "},")
		}
		g.P("}")
	}
	g.Doc("", "scopeImplies lists, for each scope with an admin rule, the scopes it grants besides itself.")
	table("scopeImplies", implies)
	g.P()
	g.Doc("", "scopeGrantedBy lists, for each scope, the scopes that grant it besides itself.")
	table("scopeGrantedBy", grantedBy)
}

// scopeReadme is the vendor part of a scope table's README: counts per namespace,
// then every scope with what grants it.
func scopeReadme(b *strings.Builder, p *resolve.Package) {
	s := p.Service
	byNS := map[string]int{}
	var nss []string
	grantedBy := map[string][]string{}
	for _, sc := range s.Scopes {
		if byNS[sc.Namespace] == 0 {
			nss = append(nss, sc.Namespace)
		}
		byNS[sc.Namespace]++
		for _, n := range sc.Implies {
			grantedBy[n] = append(grantedBy[n], sc.Name)
		}
	}
	fmt.Fprintf(b, "%d scopes in %d namespaces.\n\n## Counts\n\n| namespace | scopes |\n|---|---:|\n", len(s.Scopes), len(nss))
	for _, ns := range nss {
		fmt.Fprintf(b, "| %s | %d |\n", emit.MD(ns), byNS[ns])
	}
	b.WriteString("\n## Scopes\n\n| scope | description | granted by |\n|---|---|---|\n")
	for i, sc := range s.Scopes {
		name := "`" + p.Scopes[i].Ident + "`"
		if sc.Deprecated != nil {
			name += " (deprecated: " + emit.MD(emit.DeprecatedText(sc.Deprecated)) + ")"
		}
		var by []string
		for _, g := range grantedBy[sc.Name] {
			by = append(by, emit.Code(g))
		}
		fmt.Fprintf(b, "| %s %s | %s | %s |\n", emit.Code(sc.Name), name, emit.MD(sc.Description), strings.Join(by, ", "))
	}
}
