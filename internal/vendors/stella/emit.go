package stella

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/permgen/permgen/internal/emit"
	"github.com/permgen/permgen/internal/resolve"
	"github.com/permgen/permgen/internal/write"
)

// scopePackage renders one scope table: the constants and tables here, the Scope
// and ScopeSet methods copied from templates/scopes, the snapshot and the README.
func scopePackage(p *resolve.Package) ([]write.File, error) {
	docF := emit.NewFile(p)
	scopeDoc(docF, p)
	d, err := emit.Render(p.Dir, "doc.go", docF)
	if err != nil {
		return nil, err
	}
	dataF := emit.NewFile(p)
	scopeData(dataF, p)
	data, err := emit.Render(p.Dir, p.Name+"_scopes.go", dataF)
	if err != nil {
		return nil, err
	}
	rt, err := emit.CopyTemplate("scopes", p.Dir, p.Name)
	if err != nil {
		return nil, err
	}
	return emit.Finish(p, append([]write.File{d, data}, rt...), func(b *strings.Builder) { scopeReadme(b, p) })
}

func scopeDoc(f *jen.File, p *resolve.Package) {
	s := p.Service
	f.PackageComment(fmt.Sprintf("Package %s lists the %d access-token scopes of %s's %q page as", p.Name, len(s.Scopes), emit.CommentText(s.Source.Vendor), emit.CommentText(s.Name)))
	f.PackageComment("typed constants, with a ScopeSet that checks a token's scopes against the scopes a")
	f.PackageComment("call needs, admin scopes included.")
	f.PackageComment("")
	f.PackageComment(fmt.Sprintf("Generated from %s", emit.SourceName(p)))
	if s.Source.URL != "" {
		f.PackageComment(fmt.Sprintf("(%s)", emit.CommentText(s.Source.URL)))
	}
	f.PackageComment("by permgen; the vendor's spelling of every scope is kept.")
}

func scopeData(f *jen.File, p *resolve.Package) {
	s := p.Service
	index := map[string]int{}
	for i, sc := range s.Scopes {
		index[sc.Name] = i + 1
	}
	consts := make([]jen.Code, 0, len(s.Scopes))
	for i, sc := range s.Scopes {
		g := p.Scopes[i]
		lines := []string{fmt.Sprintf("%s is %s: %s", g.Ident, sc.Name, emit.DescOrNone(sc.Description))}
		if len(sc.Implies) > 0 {
			lines = append(lines, "", fmt.Sprintf("It grants %d other scopes: %s.", len(sc.Implies), emit.CommentText(sc.ImpliesWhy)))
		}
		if sc.Deprecated == nil {
			lines = append(lines, "", "Source: "+emit.CommentText(emit.PosText(p, sc.Pos))+".")
		} else {
			lines = append(lines, "", "Deprecated: "+emit.CommentText(emit.DeprecatedText(sc.Deprecated))+".")
		}
		consts = append(consts, jen.Add(emit.Doc(lines...)).Line().Id(g.Ident).Id("Scope").Op("=").Lit(i+1))
	}
	f.Const().Defs(consts...)
	f.Line()
	f.Comment("scopeCount is the number of scopes; ScopeSet sizes its bitset by it.")
	f.Const().Id("scopeCount").Op("=").Lit(len(s.Scopes))
	f.Line()
	lits := func(get func(i int) string) []jen.Code {
		out := make([]jen.Code, len(s.Scopes))
		for i := range s.Scopes {
			out[i] = jen.Line().Lit(get(i))
		}
		return append(out, jen.Line())
	}
	f.Var().Id("scopeNames").Op("=").Index(jen.Id("scopeCount")).String().Values(lits(func(i int) string { return s.Scopes[i].Name })...)
	f.Line()
	f.Var().Id("scopeDescriptions").Op("=").Index(jen.Id("scopeCount")).String().Values(lits(func(i int) string { return s.Scopes[i].Description })...)
	f.Line()
	f.Comment("scopeDeprecated says, for each scope that vanished from the page, when and where.")
	f.Var().Id("scopeDeprecated").Op("=").Index(jen.Id("scopeCount")).String().ValuesFunc(func(g *jen.Group) {
		for i, sc := range s.Scopes {
			if sc.Deprecated != nil {
				g.Line().Id(p.Scopes[i].Ident).Op("-").Lit(1).Op(":").Lit(emit.DeprecatedText(sc.Deprecated))
			}
		}
		g.Line()
	})
	f.Line()

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
	table := func(rows [][]int) []jen.Code {
		var out []jen.Code
		for i, row := range rows {
			if len(row) == 0 {
				continue
			}
			ids := make([]jen.Code, len(row))
			for k, j := range row {
				ids[k] = jen.Id(p.Scopes[j].Ident)
			}
			out = append(out, jen.Line().Id(p.Scopes[i].Ident).Op("-").Lit(1).Op(":").Values(ids...))
		}
		return append(out, jen.Line())
	}
	f.Comment("scopeImplies lists, for each scope with an admin rule, the scopes it grants besides itself.")
	f.Var().Id("scopeImplies").Op("=").Index(jen.Id("scopeCount")).Index().Id("Scope").Values(table(implies)...)
	f.Line()
	f.Comment("scopeGrantedBy lists, for each scope, the scopes that grant it besides itself.")
	f.Var().Id("scopeGrantedBy").Op("=").Index(jen.Id("scopeCount")).Index().Id("Scope").Values(table(grantedBy)...)
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
