package emit

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/permgen/permgen/internal/resolve"
)

// camTables prints the metadata as static arrays indexed by Action-1: array literals
// compile in a fraction of the time and memory of a switch or a map literal over the
// same data (DESIGN.md's measurement), and need no init work.
func camTables(f *jen.File, p *resolve.Package) {
	s := p.Service
	// One string with every "service:Name" and the offsets of each, as stringer
	// does: String() slices it without allocating.
	names := ""
	index := []jen.Code{jen.Lit(0)}
	for _, a := range s.Actions {
		names += s.ShortName + ":" + a.Name
		index = append(index, jen.Lit(len(names)))
	}
	idxType := jen.Uint16()
	if len(names) > 0xffff {
		idxType = jen.Uint32()
	}
	f.Const().Id("actionNames").Op("=").Lit(names)
	f.Line()
	f.Var().Id("actionIndex").Op("=").Index(jen.Op("...")).Add(idxType).Values(index...)
	f.Line()

	cat, gran, sup := strKeyed(categoryNames), strKeyed(granularityNames), strKeyed(supportNames)
	rows := make([]jen.Code, 0, len(s.Actions))
	for _, a := range s.Actions {
		res := make([]jen.Code, 0, len(a.Resources))
		var types []jen.Code
		seen := map[string]bool{}
		for _, r := range a.Resources {
			res = append(res, jen.Lit(r.Pattern))
			if t := r.Service + "/" + r.Type; !r.IsWildcard() && !seen[t] {
				seen[t] = true
				types = append(types, jen.Lit(t))
			}
		}
		d := jen.Dict{
			jen.Id("Service"):       jen.Lit(s.ShortName),
			jen.Id("Name"):          jen.Lit(a.Name),
			jen.Id("Category"):      enum(p, cat, string(a.Category)),
			jen.Id("Section"):       jen.Lit(a.Section),
			jen.Id("Granularity"):   enum(p, gran, string(a.Granularity)),
			jen.Id("IPRestriction"): enum(p, sup, string(a.IPRestriction)),
			jen.Id("Resources"):     jen.Index().String().Values(res...),
		}
		if a.Description != "" {
			d[jen.Id("Description")] = jen.Lit(a.Description)
		}
		if len(types) > 0 {
			d[jen.Id("ResourceTypes")] = jen.Index().String().Values(types...)
		}
		if a.Deprecated != nil {
			d[jen.Id("Deprecated")] = jen.Lit(deprecatedText(a.Deprecated))
		}
		rows = append(rows, jen.Values(d))
	}
	f.Var().Id("actionInfos").Op("=").Index(jen.Lit(len(s.Actions))).Add(camQ(p, "ActionInfo")).ValuesFunc(func(g *jen.Group) {
		for _, r := range rows {
			g.Line().Add(r)
		}
		g.Line()
	})
	f.Line()
	// A compile-time guard, as stringer writes: if the constants and the tables ever
	// disagree in length, the package stops compiling instead of misreporting.
	if n := len(s.Actions); n > 0 {
		f.Func().Id("_").Params().Block(
			jen.Var().Id("x").Index(jen.Lit(1)).Struct(),
			jen.Id("_").Op("=").Id("x").Index(jen.Id(p.Actions[n-1].Ident).Op("-").Lit(n)),
			jen.Id("_").Op("=").Id("x").Index(jen.Len(jen.Id("actionIndex")).Op("-").Lit(n+1)),
		)
	}
}

// camService prints the page's service facts.
func camService(f *jen.File, p *resolve.Package) {
	s := p.Service
	gran, sup := strKeyed(granularityNames), strKeyed(supportNames)
	f.Add(doc(fmt.Sprintf("Service is %s (%s) as CAM's documentation describes it.", commentText(s.Name), s.ShortName)))
	d := jen.Dict{
		jen.Id("Name"):             jen.Lit(s.Name),
		jen.Id("ShortName"):        jen.Lit(s.ShortName),
		jen.Id("ConsoleAccess"):    enum(p, sup, string(s.ConsoleAccess)),
		jen.Id("TagAuthorization"): enum(p, sup, string(s.TagAuthorization)),
		jen.Id("Granularity"):      enum(p, gran, string(s.Granularity)),
		jen.Id("IPRestriction"):    enum(p, sup, string(s.IPRestriction)),
		jen.Id("Source"):           jen.Lit(sourceName(p)),
	}
	if s.Source.URL != "" {
		d[jen.Id("URL")] = jen.Lit(s.Source.URL)
	}
	if s.Source.APIVersion != "" {
		d[jen.Id("APIVersion")] = jen.Lit(s.Source.APIVersion)
	}
	f.Var().Id("Service").Op("=").Add(camQ(p, "ServiceInfo")).Values(d)
}

// camResources prints one builder per resource type. Parameters follow the
// placeholders of the pattern; the region, which CAM lets a policy leave empty, is
// set with Resource.WithRegion.
func camResources(f *jen.File, p *resolve.Package) {
	s := p.Service
	for i, rt := range s.ResourceTypes {
		g := p.Resources[i]
		seg := segments(rt.Pattern)
		params := make([]jen.Code, 0, len(g.Params))
		for _, n := range g.Params {
			params = append(params, jen.Id(n))
		}
		if len(params) > 0 {
			params[len(params)-1] = jen.Add(params[len(params)-1]).String()
		}
		next := 0
		fill := func(segment string) jen.Code {
			var parts []jen.Code
			for _, piece := range splitPlaceholders(segment) {
				if piece.placeholder {
					parts = append(parts, jen.Id(g.Params[next]))
					next++
				} else {
					parts = append(parts, jen.Lit(piece.text))
				}
			}
			if len(parts) == 0 {
				return nil
			}
			st := jen.Add(parts[0])
			for _, pt := range parts[1:] {
				st = st.Op("+").Add(pt)
			}
			return st
		}
		d := jen.Dict{jen.Id("Service"): jen.Lit(rt.Service)}
		if c := fill(seg[1]); c != nil {
			d[jen.Id("Project")] = c
		}
		if c := fill(seg[4]); c != nil {
			d[jen.Id("Account")] = c
		}
		if c := fill(seg[5]); c != nil {
			d[jen.Id("Resource")] = c
		}
		used := 0
		for _, a := range s.Actions {
			for _, r := range a.Resources {
				if r.Service == rt.Service && r.Type == rt.Name {
					used++
					break
				}
			}
		}
		f.Add(doc(
			fmt.Sprintf("%s returns the %s resource %s.", g.Func, commentText(rt.Name), commentText(rt.Pattern)),
			fmt.Sprintf("%s of %s can be restricted to it; set a region with WithRegion.", plural(used, "action"), s.ShortName),
		))
		f.Func().Id(g.Func).Params(params...).Add(camQ(p, "Resource")).Block(
			jen.Return(camQ(p, "Resource").Values(d)),
		)
		f.Line()
	}
}

// segments splits a pattern built by resolve into its six segments; the sixth keeps
// any further colons.
func segments(pattern string) [6]string {
	var seg [6]string
	copy(seg[:], strings.SplitN(pattern, ":", 6))
	return seg
}

type piece struct {
	text        string
	placeholder bool
}

// splitPlaceholders cuts "uin/${uin}" into the literal "uin/" and one placeholder.
func splitPlaceholders(s string) []piece {
	var out []piece
	for s != "" {
		i := strings.Index(s, "${")
		j := strings.Index(s[max(i, 0):], "}")
		if i < 0 || j < 0 {
			out = append(out, piece{text: s})
			break
		}
		if i > 0 {
			out = append(out, piece{text: s[:i]})
		}
		out = append(out, piece{text: s[i+2 : i+j], placeholder: true})
		s = s[i+j+1:]
	}
	return out
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
