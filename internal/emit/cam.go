package emit

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/resolve"
	"github.com/permgen/permgen/internal/write"
)

// camPackage renders one Tencent service: its doc, the Action type with one constant
// per API, the metadata tables, the resource builders and the service facts.
func camPackage(p *resolve.Package) ([]write.File, error) {
	var files []write.File
	for _, part := range []struct {
		name string
		body func(*jen.File, *resolve.Package)
	}{
		{"doc.go", camDoc},
		{p.Name + "_actions.go", camActions},
		{p.Name + "_resources.go", camResources},
		{p.Name + "_service.go", camService},
	} {
		f := newFile(p)
		part.body(f, p)
		file, err := render(p.Dir, part.name, f)
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

func camDoc(f *jen.File, p *resolve.Package) {
	s := p.Service
	f.PackageComment(fmt.Sprintf("Package %s is the CAM catalog of %s (%s): one Action constant per API that",
		p.Name, commentText(s.Name), s.ShortName))
	f.PackageComment("supports CAM, with its description, category, authorization granularity, resource")
	f.PackageComment("patterns and IP restriction, and one builder per resource type.")
	f.PackageComment("")
	f.PackageComment(fmt.Sprintf("Generated from %s", sourceName(p)))
	if s.Source.URL != "" {
		f.PackageComment(fmt.Sprintf("(%s)", commentText(s.Source.URL)))
	}
	f.PackageComment("by permgen; the vendor's spelling of every name is kept.")
}

// camQ names a symbol of the runtime package.
func camQ(p *resolve.Package, name string) *jen.Statement {
	return jen.Qual(p.Runtime.ImportPath, name)
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
func enum(p *resolve.Package, names map[string]string, v string) jen.Code {
	if n, ok := names[v]; ok {
		return camQ(p, n)
	}
	return jen.Lit(0)
}

func strKeyed[K ~string](m map[K]string) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[string(k)] = v
	}
	return out
}

func camActions(f *jen.File, p *resolve.Package) {
	s := p.Service
	short := s.ShortName
	f.Add(doc(
		fmt.Sprintf("Action is one API of %s that CAM can authorize. Its string form is the", short),
		fmt.Sprintf("action name a policy uses, %q; the zero Action is invalid.", short+":"+firstName(s)),
		"",
		"The integer value is no public contract: it is the action's place in the sorted",
		"list and changes when the page gains or loses an API. Store and send the name",
		"(String, MarshalText), never the number; JSON, YAML, flags and database drivers",
		"get the name through encoding.TextMarshaler.",
	))
	f.Type().Id("Action").Uint16()
	f.Line()

	consts := make([]jen.Code, 0, len(s.Actions))
	for i, a := range s.Actions {
		g := p.Actions[i]
		lines := []string{fmt.Sprintf("%s is %s:%s: %s", g.Ident, short, a.Name, descOrNone(a.Description))}
		lines = append(lines, "", fmt.Sprintf("Category %s (%s); %s level; IP restriction %s.",
			a.Category, commentText(a.Section), a.Granularity, ipText(a.IPRestriction)))
		if a.Granularity == model.Undocumented {
			lines = append(lines, `No source documents its granularity: policies grant it on resource "*".`)
		} else if res := patterns(a); res != "*" {
			lines = append(lines, "Resources: "+commentText(res)+".")
		} else {
			lines = append(lines, `Authorized only on resource "*".`)
		}
		if a.Deprecated == nil {
			lines = append(lines, "Source: "+commentText(posText(p, a.Pos))+".")
		} else {
			lines = append(lines, "", "Deprecated: "+commentText(deprecatedText(a.Deprecated))+".")
		}
		consts = append(consts, jen.Add(doc(lines...)).Line().Id(g.Ident).Id("Action").Op("=").Lit(i+1))
	}
	f.Const().Defs(consts...)
	f.Line()

	f.Add(doc(fmt.Sprintf("String returns the action as policies name it, %q.", short+":"+firstName(s))))
	f.Func().Params(jen.Id("a").Id("Action")).Id("String").Params().String().Block(
		jen.If(jen.Id("a").Op("==").Lit(0).Op("||").Int().Call(jen.Id("a")).Op(">=").Len(jen.Id("actionIndex"))).Block(
			jen.Return(jen.Lit("Action(").Op("+").Qual("strconv", "Itoa").Call(jen.Int().Call(jen.Id("a"))).Op("+").Lit(")")),
		),
		jen.Return(jen.Id("actionNames").Index(jen.Id("actionIndex").Index(jen.Id("a").Op("-").Lit(1)).Op(":").Id("actionIndex").Index(jen.Id("a")))),
	)
	f.Line()
	f.Add(doc("Info returns the action's metadata as the documentation gives it; the zero",
		"ActionInfo for an invalid Action. It copies one static entry and allocates nothing."))
	f.Func().Params(jen.Id("a").Id("Action")).Id("Info").Params().Add(camQ(p, "ActionInfo")).Block(
		jen.Comment("One unsigned comparison is both the validity and the bounds check."),
		jen.If(jen.Id("i").Op(":=").Uint().Call(jen.Id("a")).Op("-").Lit(1), jen.Id("i").Op("<").Uint().Call(jen.Len(jen.Id("actionInfos")))).Block(
			jen.Return(camQ(p, "ActionInfo").Call(jen.Id("actionInfos").Index(jen.Id("i")))),
		),
		jen.Return(camQ(p, "ActionInfo").Values()),
	)
	f.Line()
	f.Comment("actionName returns the API name of the i-th action, without the service prefix.")
	f.Func().Id("actionName").Params(jen.Id("i").Int()).String().Block(
		jen.Return(jen.Id("actionInfos").Index(jen.Id("i")).Dot("Name")),
	)
	f.Line()
	f.Add(doc("Valid reports whether a is one of the constants."))
	f.Func().Params(jen.Id("a").Id("Action")).Id("Valid").Params().Bool().Block(
		jen.Return(jen.Id("a").Op(">").Lit(0).Op("&&").Int().Call(jen.Id("a")).Op("<=").Len(jen.Id("actionInfos"))),
	)
	f.Line()
	f.Add(doc(fmt.Sprintf("Actions returns every action of %s, sorted by name.", short)))
	f.Func().Id("Actions").Params().Index().Id("Action").Block(
		jen.Id("all").Op(":=").Make(jen.Index().Id("Action"), jen.Len(jen.Id("actionInfos"))),
		jen.For(jen.Id("i").Op(":=").Range().Id("all")).Block(
			jen.Id("all").Index(jen.Id("i")).Op("=").Id("Action").Call(jen.Id("i").Op("+").Lit(1)),
		),
		jen.Return(jen.Id("all")),
	)
	f.Line()
	f.Add(doc(fmt.Sprintf("MarshalText returns the action's name, %q. The zero Action marshals", short+":"+firstName(s)),
		"as \"\" so that an unset field survives a round trip; any other invalid Action is an",
		"error rather than a name no parser would accept."))
	f.Func().Params(jen.Id("a").Id("Action")).Id("MarshalText").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.If(jen.Id("a").Op("==").Lit(0)).Block(jen.Return(jen.Index().Byte().Values(), jen.Nil())),
		jen.If(jen.Op("!").Id("a").Dot("Valid").Call()).Block(
			jen.Return(jen.Nil(), jen.Op("&").Add(camQ(p, "InvalidActionError")).Values(jen.Dict{
				jen.Id("Service"): jen.Lit(short), jen.Id("Value"): jen.Int().Call(jen.Id("a")),
			})),
		),
		jen.Return(jen.Index().Byte().Call(jen.Id("a").Dot("String").Call()), jen.Nil()),
	)
	f.Line()
	f.Add(doc("UnmarshalText sets a to the action named by text, read as ParseAction reads it, or",
		"to the zero Action for \"\". An unknown name is a *cam.UnknownActionError that",
		"suggests the nearest known one; a is then left unchanged."))
	f.Func().Params(jen.Id("a").Op("*").Id("Action")).Id("UnmarshalText").Params(jen.Id("text").Index().Byte()).Error().Block(
		jen.If(jen.Len(jen.Id("text")).Op("==").Lit(0)).Block(jen.Op("*").Id("a").Op("=").Lit(0), jen.Return(jen.Nil())),
		jen.List(jen.Id("p"), jen.Err()).Op(":=").Id("ParseAction").Call(jen.String().Call(jen.Id("text"))),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		jen.Op("*").Id("a").Op("=").Id("p"),
		jen.Return(jen.Nil()),
	)
	f.Line()
	f.Add(doc(fmt.Sprintf("ParseAction returns the action named s, written %q or %q.", short+":"+firstName(s), firstName(s)),
		"An unknown name is a *cam.UnknownActionError that suggests the nearest known one."))
	f.Func().Id("ParseAction").Params(jen.Id("s").String()).Params(jen.Id("Action"), jen.Error()).Block(
		jen.Id("name").Op(":=").Qual("strings", "TrimPrefix").Call(jen.Id("s"), jen.Lit(short+":")),
		jen.Comment("Binary search over the sorted names: no allocation, no map to build at start-up."),
		jen.List(jen.Id("lo"), jen.Id("hi")).Op(":=").List(jen.Lit(0), jen.Len(jen.Id("actionInfos"))),
		jen.For(jen.Id("lo").Op("<").Id("hi")).Block(
			jen.Id("m").Op(":=").Int().Call(jen.Uint().Call(jen.Id("lo").Op("+").Id("hi")).Op(">>").Lit(1)),
			jen.If(jen.Id("actionName").Call(jen.Id("m")).Op("<").Id("name")).Block(
				jen.Id("lo").Op("=").Id("m").Op("+").Lit(1),
			).Else().Block(jen.Id("hi").Op("=").Id("m")),
		),
		jen.If(jen.Id("lo").Op("<").Len(jen.Id("actionInfos")).Op("&&").Id("actionName").Call(jen.Id("lo")).Op("==").Id("name")).Block(
			jen.Return(jen.Id("Action").Call(jen.Id("lo").Op("+").Lit(1)), jen.Nil()),
		),
		jen.Return(jen.Lit(0), camQ(p, "NewUnknownActionError").Call(jen.Lit(short), jen.Id("s"), jen.Len(jen.Id("actionInfos")), jen.Id("actionName"))),
	)
}

func firstName(s *model.Service) string {
	if len(s.Actions) == 0 {
		return "Name"
	}
	return s.Actions[0].Name
}

func descOrNone(d string) string {
	if d == "" {
		return "(no description in the documentation)"
	}
	return commentText(d)
}

func ipText(s model.Support) string {
	if s == "" {
		return "not stated"
	}
	return string(s)
}

func patterns(a model.Action) string { return strings.Join(a.Patterns(), ", ") }

// posText names a row of p's page by its place below the sources folder, never by
// an absolute path. A merged-catalog action names its own sources (several
// archives), and keeps them.
func posText(p *resolve.Package, pos model.Pos) string {
	if p.Service.Source.Path != "" && !strings.HasPrefix(pos.File, model.CatalogProvenance) {
		pos.File = SourcesName(p.Sources) + "/" + p.Service.Source.Path
	}
	return pos.String()
}

// deprecatedText is how a vanished symbol is described, in its doc comment (where
// staticcheck finds it) and in its metadata.
func deprecatedText(d *model.Deprecation) string {
	return fmt.Sprintf("removed from %s on %s", d.Page, d.Date)
}
