// Package camemit prints Tencent Cloud CAM's part of a generated tree: one
// package per product (its doc, the Action constants and their tables, resource
// builders, service facts and the SDK stub), with its snapshot and README, and
// the tree's catalog and camhttp transport (Catalogs). The vendor-neutral kit
// (headers, comment text, the template copier, version stamps) is
// internal/emit's.
package camemit

import (
	"fmt"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/permgen/permgen/internal/emit"
	"github.com/permgen/permgen/internal/gowrite"
	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/resolve"
	"github.com/permgen/permgen/internal/write"
)

// Package renders one product's package: its Go files, model snapshot and
// README.
func Package(p *resolve.Package) ([]write.File, error) {
	fs, err := camPackage(p)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p.Service.Source.File, err)
	}
	return emit.Finish(p, fs, func(b *strings.Builder) { camReadme(b, p) })
}

// camPackage renders one Tencent service: its doc, the Action type with one constant
// per API, the metadata tables, the resource builders and the service facts. The
// files are all written in gofmt's form already (dict aligns the keyed literals as
// gofmt would), so no file of a Tencent package goes through go/format unless
// page text in a comment would be rewritten by it (gowrite's commentsPlain).
func camPackage(p *resolve.Package) ([]write.File, error) {
	var files []write.File
	for _, part := range []struct {
		name string
		body func(*gowrite.File, *resolve.Package)
	}{
		{"doc.go", camDoc},
		{p.Name + "_actions.go", camActions},
		{p.Name + "_resources.go", camResources},
		{p.Name + "_service.go", camService},
	} {
		g := emit.NewGoFile(path.Join(p.Dir, part.name), gowrite.ImportPath(p.ImportPath), p.Name, emit.SourceName(p))
		part.body(g, p)
		file, err := g.Content()
		if err != nil {
			return nil, err
		}
		files = append(files, file)
	}
	// No Client: the generated Client (one any-in, any-out method per API) was a test
	// double nobody used for real calls; programs call through tencentcloud-sdk-go
	// with camhttp, and tests hand camguard.Call values to a Guard or a Recorder.
	file, err := camTables(p)
	if err != nil {
		return nil, err
	}
	return append(files, file), nil
}

func camDoc(g *gowrite.File, p *resolve.Package) {
	s := p.Service
	g.PackageDoc = []string{fmt.Sprintf("Package %s is the CAM catalog of %s (%s): one Action constant per API that",
		p.Name, emit.CommentText(s.Name), s.ShortName),
		"supports CAM, with its description, category, authorization granularity, resource",
		"patterns and IP restriction, and one builder per resource type.",
		"",
		fmt.Sprintf("Generated from %s", emit.SourceName(p))}
	if s.Source.URL != "" {
		g.PackageDoc = append(g.PackageDoc, fmt.Sprintf("(%s)", emit.CommentText(s.Source.URL)))
	}
	g.PackageDoc = append(g.PackageDoc, "by permgen; the vendor's spelling of every name is kept.")
}

// camQ names a symbol of the runtime package.
func camQ(p *resolve.Package, name string) gowrite.Ident {
	return gowrite.ImportPath(p.Runtime.ImportPath).Ident(name)
}

var granularityNames = map[model.Granularity]string{
	model.ServiceLevel: "ServiceLevel", model.OperationLevel: "OperationLevel", model.ResourceLevel: "ResourceLevel",
	model.Undocumented: "UndocumentedGranularity",
}
var supportNames = map[model.Support]string{
	model.Supported: "Supported", model.Unsupported: "Unsupported", model.PartiallySupported: "PartiallySupported",
}
var categoryNames = map[model.Category]string{
	model.Write: "Write", model.Read: "Read", model.List: "List", model.Other: "Other", model.Unknown: "UnknownCategory",
}

// enum prints a runtime constant, or the zero value when the page did not say.
func enum(g *gowrite.File, p *resolve.Package, names map[string]string, v string) string {
	if n, ok := names[v]; ok {
		return g.Q(camQ(p, n))
	}
	return "0"
}

func strKeyed[K ~string](m map[K]string) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[string(k)] = v
	}
	return out
}

// dict prints a keyed composite literal's elements one a line, sorted by key,
// as the tables of the runtime's records have always been printed, and aligned
// as gofmt aligns them: each value one blank after the widest "key:". gofmt
// aligns a run of one-line elements whose keys are all at most 40 bytes long (its
// go/printer exprList); the keys here are the runtime's field names, far
// shorter, and the values one-line expressions, so the run is the whole literal.
// TestCommittedTreeGofmtCanonical and TestGofmtCanonical hold the output to
// gofmt's form.
func dict(g *gowrite.File, indent string, kv map[string]string) {
	keys := make([]string, 0, len(kv))
	width := 0
	for k := range kv {
		keys = append(keys, k)
		width = max(width, len(k))
	}
	sort.Strings(keys)
	for _, k := range keys {
		g.P(indent, k, ":", strings.Repeat(" ", width-len(k)+1), kv[k], ",")
	}
}

func camActions(g *gowrite.File, p *resolve.Package) {
	s := p.Service
	short := s.ShortName
	first := strconv.Quote(short + ":" + firstName(s))
	g.Doc("",
		fmt.Sprintf("Action is one API of %s that CAM can authorize. Its string form is the", short),
		fmt.Sprintf("action name a policy uses, %s; the zero Action is invalid.", first),
		"",
		"The integer value is no public contract: it is the action's place in the sorted",
		"list and changes when the page gains or loses an API. Store and send the name",
		"(String, MarshalText), never the number; JSON, YAML, flags and database drivers",
		"get the name through encoding.TextMarshaler.",
	)
	g.P("type Action uint16")
	g.P()
	g.P("const (")
	for i, a := range s.Actions {
		id := p.Actions[i]
		lines := []string{fmt.Sprintf("%s is %s:%s: %s", id.Ident, short, a.Name, emit.DescOrNone(a.Description))}
		lines = append(lines, "", fmt.Sprintf("Category %s (%s); %s level; IP restriction %s.",
			a.Category, emit.CommentText(a.Section), a.Granularity, ipText(a.IPRestriction)))
		if a.Granularity == model.Undocumented {
			lines = append(lines, `No source documents its granularity: policies grant it on resource "*".`)
		} else if res := patterns(a); res != "*" {
			lines = append(lines, "Resources: "+emit.CommentText(res)+".")
		} else {
			lines = append(lines, `Authorized only on resource "*".`)
		}
		if a.Deprecated == nil {
			lines = append(lines, "Source: "+emit.CommentText(emit.PosText(p, a.Pos))+".")
		} else {
			lines = append(lines, "", "Deprecated: "+emit.CommentText(emit.DeprecatedText(a.Deprecated))+".")
		}
		g.Doc("\t", lines...)
		g.P("\t", id.Ident, " Action = ", i+1)
	}
	g.P(")")
	g.P()
	info := g.Q(camQ(p, "ActionInfo"))
	g.Doc("", fmt.Sprintf("String returns the action as policies name it, %s.", first))
	g.P("func (a Action) String() string {")
	g.P("\tif a == 0 || int(a) >= len(actionIndex) {")
	g.P("\t\treturn \"Action(\" + ", gowrite.ImportPath("strconv").Ident("Itoa"), "(int(a)) + \")\"")
	g.P("\t}")
	g.P("\treturn actionNames[actionIndex[a-1]:actionIndex[a]]")
	g.P("}")
	g.P()
	g.Doc("", "Info returns the action's metadata as the documentation gives it; the zero",
		"ActionInfo for an invalid Action. It copies one static entry and allocates nothing.")
	g.P("func (a Action) Info() ", info, " {")
	g.P("\t// One unsigned comparison is both the validity and the bounds check.")
	g.P("\tif i := uint(a) - 1; i < uint(len(actionInfos)) {")
	g.P("\t\treturn ", info, "(actionInfos[i])")
	g.P("\t}")
	g.P("\treturn ", info, "{}")
	g.P("}")
	g.P()
	g.Doc("", "actionName returns the API name of the i-th action, without the service prefix.")
	g.P("func actionName(i int) string {")
	g.P("\treturn actionInfos[i].Name")
	g.P("}")
	g.P()
	g.Doc("", "Valid reports whether a is one of the constants.")
	g.P("func (a Action) Valid() bool {")
	g.P("\treturn a > 0 && int(a) <= len(actionInfos)")
	g.P("}")
	g.P()
	g.Doc("", fmt.Sprintf("Actions returns every action of %s, sorted by name.", short))
	g.P("func Actions() []Action {")
	g.P("\tall := make([]Action, len(actionInfos))")
	g.P("\tfor i := range all {")
	g.P("\t\tall[i] = Action(i + 1)")
	g.P("\t}")
	g.P("\treturn all")
	g.P("}")
	g.P()
	g.Doc("", fmt.Sprintf("MarshalText returns the action's name, %s. The zero Action marshals", first),
		"as \"\" so that an unset field survives a round trip; any other invalid Action is an",
		"error rather than a name no parser would accept.")
	g.P("func (a Action) MarshalText() ([]byte, error) {")
	g.P("\tif a == 0 {")
	g.P("\t\treturn []byte{}, nil")
	g.P("\t}")
	g.P("\tif !a.Valid() {")
	g.P("\t\treturn nil, &", camQ(p, "InvalidActionError"), "{")
	dict(g, "\t\t\t", map[string]string{"Service": strconv.Quote(short), "Value": "int(a)"})
	g.P("\t\t}")
	g.P("\t}")
	g.P("\treturn []byte(a.String()), nil")
	g.P("}")
	g.P()
	g.Doc("", "UnmarshalText sets a to the action named by text, read as ParseAction reads it, or",
		"to the zero Action for \"\". An unknown name is a *cam.UnknownActionError that",
		"suggests the nearest known one; a is then left unchanged.")
	g.P("func (a *Action) UnmarshalText(text []byte) error {")
	g.P("\tif len(text) == 0 {")
	g.P("\t\t*a = 0")
	g.P("\t\treturn nil")
	g.P("\t}")
	g.P("\tp, err := ParseAction(string(text))")
	g.P("\tif err != nil {")
	g.P("\t\treturn err")
	g.P("\t}")
	g.P("\t*a = p")
	g.P("\treturn nil")
	g.P("}")
	g.P()
	g.Doc("", fmt.Sprintf("ParseAction returns the action named s, written %s or %q.", first, firstName(s)),
		"An unknown name is a *cam.UnknownActionError that suggests the nearest known one.")
	g.P("func ParseAction(s string) (Action, error) {")
	g.P("\tname := ", gowrite.ImportPath("strings").Ident("TrimPrefix"), "(s, ", strconv.Quote(short+":"), ")")
	g.P("\t// Binary search over the sorted names: no allocation, no map to build at start-up.")
	g.P("\tlo, hi := 0, len(actionInfos)")
	g.P("\tfor lo < hi {")
	g.P("\t\tm := int(uint(lo+hi) >> 1)")
	g.P("\t\tif actionName(m) < name {")
	g.P("\t\t\tlo = m + 1")
	g.P("\t\t} else {")
	g.P("\t\t\thi = m")
	g.P("\t\t}")
	g.P("\t}")
	g.P("\tif lo < len(actionInfos) && actionName(lo) == name {")
	g.P("\t\treturn Action(lo + 1), nil")
	g.P("\t}")
	g.P("\treturn 0, ", camQ(p, "NewUnknownActionError"), "(", strconv.Quote(short), ", s, len(actionInfos), actionName)")
	g.P("}")
}

func firstName(s *model.Service) string {
	if len(s.Actions) == 0 {
		return "Name"
	}
	return s.Actions[0].Name
}

func ipText(s model.Support) string {
	if s == "" {
		return "not stated"
	}
	return string(s)
}

func patterns(a model.Action) string { return strings.Join(a.Patterns(), ", ") }
