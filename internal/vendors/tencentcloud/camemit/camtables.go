package camemit

import (
	"bytes"
	"fmt"
	"path"
	"strconv"
	"strings"

	"github.com/permgen/permgen/internal/emit"
	"github.com/permgen/permgen/internal/gowrite"
	"github.com/permgen/permgen/internal/resolve"
	"github.com/permgen/permgen/internal/vendors/tencentcloud/camcatalog"
	"github.com/permgen/permgen/internal/write"
)

// camTables prints the metadata as static tables indexed by Action-1, as stringer
// does: every "service:Name" in one string with offsets (String slices it), and one
// line per action with its ActionInfo. Array literals compile in a fraction of the
// time and memory of a switch or map over the same data (DESIGN.md) and need no
// init work. Like the client, the file is regular enough to be written as text
// already in gofmt's form (checked by TestGofmtCanonical) and is not reformatted.
func camTables(p *resolve.Package) (write.File, error) {
	s := p.Service
	n := len(s.Actions)
	var b bytes.Buffer
	fmt.Fprintf(&b, "// %s\n\npackage %s\n\nimport %q\n\n", emit.Header(emit.SourceName(p)), p.Name, p.Runtime.ImportPath)
	b.WriteString(emit.EnforceVersion(p.Runtime.Name, emit.GenVersion))

	var names strings.Builder
	index := []string{"0"}
	for _, a := range s.Actions {
		names.WriteString(s.ShortName + ":" + a.Name)
		index = append(index, strconv.Itoa(names.Len()))
	}
	fmt.Fprintf(&b, "// actionNames holds every action's \"service:Name\"; actionIndex[i] is where the i-th starts.\n")
	fmt.Fprintf(&b, "const actionNames = %s\n\n", strconv.Quote(names.String()))
	fmt.Fprintf(&b, "var actionIndex = [...]%s{%s}\n\n", emit.UintFor(names.Len()), strings.Join(index, ", "))

	b.WriteString(`// actionInfo is cam.ActionInfo under a local name, so that the table below can list
// its fields in order (go vet asks for field names in literals of another package's
// struct type) and Info can convert an entry for free. A change to the fields of
// cam.ActionInfo fails to compile here or fails the emitter's tests, never silently.
type actionInfo cam.ActionInfo

`)
	fmt.Fprintf(&b, "var actionInfos = [%d]actionInfo{\n", n)
	for _, a := range s.Actions {
		// Lists are cam.Names, one constant string each: Info hands them out
		// without copying and no caller can write through them.
		info, err := camcatalog.Action(s.ShortName, a)
		if err != nil {
			return write.File{}, fmt.Errorf("%s: %w", emit.SourceName(p), err)
		}
		// The order of cam.ActionInfo's fields.
		fmt.Fprintf(&b, "\t{%s, %s, %s, %s, %s, %s, %s, %s, %s, %s},\n",
			strconv.Quote(info.Service), strconv.Quote(info.Name), strconv.Quote(info.Description),
			enumText(categoryNames[a.Category]), strconv.Quote(info.Section),
			enumText(granularityNames[a.Granularity]), enumText(supportNames[a.IPRestriction]),
			strconv.Quote(string(info.Resources)), strconv.Quote(string(info.ResourceTypes)), strconv.Quote(info.Deprecated))
	}
	b.WriteString("}\n")
	// A compile-time guard, as stringer writes: if the constants and the tables ever
	// disagree in length, the package stops compiling instead of misreporting.
	if n > 0 {
		fmt.Fprintf(&b, "\nfunc _() {\n\tvar x [1]struct{}\n\t_ = x[%s-%d]\n\t_ = x[len(actionIndex)-%d]\n}\n", p.Actions[n-1].Ident, n, n+1)
	}
	return gowrite.Preformatted(path.Join(p.Dir, p.Name+"_tables.go"), b.Bytes()), nil
}

// enumText names a runtime constant, or the zero value when the page did not say.
func enumText(name string) string {
	if name == "" {
		return "0"
	}
	return "cam." + name
}

// camService prints the page's service facts.
func camService(g *gowrite.File, p *resolve.Package) {
	s := p.Service
	gran, sup := strKeyed(granularityNames), strKeyed(supportNames)
	g.Doc("", fmt.Sprintf("Service is %s (%s) as CAM's documentation describes it.", emit.CommentText(s.Name), s.ShortName))
	d := map[string]string{
		"Name":             strconv.Quote(s.Name),
		"ShortName":        strconv.Quote(s.ShortName),
		"ConsoleAccess":    enum(g, p, sup, string(s.ConsoleAccess)),
		"TagAuthorization": enum(g, p, sup, string(s.TagAuthorization)),
		"Granularity":      enum(g, p, gran, string(s.Granularity)),
		"IPRestriction":    enum(g, p, sup, string(s.IPRestriction)),
		"Source":           strconv.Quote(emit.SourceName(p)),
	}
	if s.Source.URL != "" {
		d["URL"] = strconv.Quote(s.Source.URL)
	}
	if s.Source.APIVersion != "" {
		d["APIVersion"] = strconv.Quote(s.Source.APIVersion)
	}
	g.P("var Service = ", camQ(p, "ServiceInfo"), "{")
	dict(g, "\t", d)
	g.P("}")
}

// camResources prints one builder per resource type. Parameters follow the
// placeholders of the pattern; the region, which CAM lets a policy leave empty, is
// set with Resource.WithRegion.
func camResources(g *gowrite.File, p *resolve.Package) {
	s := p.Service
	for i, rt := range s.ResourceTypes {
		gr := p.Resources[i]
		seg := segments(rt.Pattern)
		params := strings.Join(gr.Params, ", ")
		if params != "" {
			params += " string"
		}
		next := 0
		fill := func(segment string) string {
			var parts []string
			for _, piece := range splitPlaceholders(segment) {
				if piece.placeholder {
					parts = append(parts, gr.Params[next])
					next++
				} else {
					parts = append(parts, strconv.Quote(piece.text))
				}
			}
			return strings.Join(parts, " + ")
		}
		d := map[string]string{"Service": strconv.Quote(rt.Service)}
		if c := fill(seg[1]); c != "" {
			d["Project"] = c
		}
		if c := fill(seg[4]); c != "" {
			d["Account"] = c
		}
		if c := fill(seg[5]); c != "" {
			d["Resource"] = c
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
		g.Doc("",
			fmt.Sprintf("%s returns the %s resource %s.", gr.Func, emit.CommentText(rt.Name), emit.CommentText(rt.Pattern)),
			fmt.Sprintf("%s of %s can be restricted to it; set a region with WithRegion.", emit.Plural(used, "action"), s.ShortName),
			"An empty argument gives a Resource whose Err says so, which NewPolicy refuses",
			"and Evaluate denies; \"*\" stands for any value.",
		)
		res := g.Q(camQ(p, "Resource"))
		g.P("func ", gr.Func, "(", params, ") ", res, " {")
		g.P("\treturn ", res, "{")
		dict(g, "\t\t", d)
		if len(gr.Params) == 0 {
			g.P("\t}")
		} else {
			require := []string{strconv.Quote(p.Name + "." + gr.Func)}
			for _, n := range gr.Params {
				require = append(require, strconv.Quote(n), n)
			}
			g.P("\t}.Require(", strings.Join(require, ", "), ")")
		}
		g.P("}")
		g.P()
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
