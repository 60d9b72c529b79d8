// Package awsemit prints AWS's part of a generated tree: one package per service
// prefix (constants, builders, keys and static tables, through the one writer,
// internal/gowrite) with its snapshot and README, and the packages every AWS tree
// shares (the runtimes of templates/aws, the tree's key types, package global and
// package catalog). The vendor-neutral kit (headers, comment text, the template
// copier, version stamps) is internal/emit's.
package awsemit

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
	"github.com/permgen/permgen/internal/vendors/aws/awscatalog"
	"github.com/permgen/permgen/internal/vendors/aws/awsresolve"
	"github.com/permgen/permgen/internal/write"
	"github.com/permgen/permgen/templates/aws/iam"
	"github.com/permgen/permgen/templates/aws/iamarn"
)

// awsLevels are the access levels in the order of iam's constants, with the name
// of their runtime constant and of the package function that lists them.
var awsLevels = []struct{ word, constant, fn string }{
	{model.AccessRead, "Read", "ReadActions"},
	{model.AccessWrite, "Write", "WriteActions"},
	{model.AccessList, "List", "ListActions"},
	{model.AccessTagging, "Tagging", "TaggingActions"},
	{model.AccessPermissions, "PermissionsManagement", "PermissionsManagementActions"},
}

// awsLevelConst is the runtime constant of an access level as the page words it.
func awsLevelConst(iamPkg gowrite.ImportPath, word string) gowrite.Ident {
	for _, l := range awsLevels {
		if l.word == word {
			return iamPkg.Ident(l.constant)
		}
	}
	return iamPkg.Ident("UnknownAccessLevel")
}

// Package renders one AWS service package: its Go files, model snapshot and
// README.
func Package(p *resolve.Package) ([]write.File, error) {
	fs, err := awsPackage(p)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", p.Service.Source.File, err)
	}
	return emit.Finish(p, fs, func(b *strings.Builder) { awsReadme(b, p) })
}

// Tree renders the packages every AWS tree shares (iam, arn, global, catalog,
// README) for the service packages pkgs; nil for none.
func Tree(pkgs []*resolve.Package) ([]write.File, error) {
	if len(pkgs) == 0 {
		return nil, nil
	}
	return awsTree(pkgs)
}

// awsPackage renders one AWS service: the API file (constants with their doc
// comments, methods, builders, keys) and the tables file (static arrays, no init).
func awsPackage(p *resolve.Package) ([]write.File, error) {
	s := p.Service
	for i := 1; i < len(s.Actions); i++ {
		if s.Actions[i-1].Name >= s.Actions[i].Name {
			return nil, fmt.Errorf("actions not sorted by name at %q: ParseAction's binary search needs them sorted", s.Actions[i].Name)
		}
	}
	api, err := awsAPI(p)
	if err != nil {
		return nil, err
	}
	tables, err := awsTables(p)
	if err != nil {
		return nil, err
	}
	return []write.File{api, tables}, nil
}

// awsIAM and awsARN are the runtimes a service package calls, in the tree of p.
func awsIAM(p *resolve.Package) gowrite.ImportPath {
	return gowrite.ImportPath(path.Join(awsresolve.NamesOf(p).Root, "iam"))
}
func awsARN(p *resolve.Package) gowrite.ImportPath {
	return gowrite.ImportPath(path.Join(awsresolve.NamesOf(p).Root, "iamarn"))
}

// oneLineFunc prints a function whose body is one statement: on one line when
// gofmt keeps it there (it fits in 100 bytes), else on three.
func oneLineFunc(g *gowrite.File, head, stmt string) {
	if one := head + " { " + stmt + " }"; len(one) <= 100 {
		g.P(one)
	} else {
		g.P(head, " {\n\t", stmt, "\n}")
	}
	g.P()
}

func awsAPI(p *resolve.Package) (write.File, error) {
	s := p.Service
	pre := s.ShortName
	first := "Name"
	if len(s.Actions) > 0 {
		first = s.Actions[0].Name
	}
	iamPkg := awsIAM(p)
	g := emit.NewGoFile(path.Join(p.Dir, p.Name+".go"), gowrite.ImportPath(p.ImportPath), p.Name, emit.SourceName(p))
	g.PackageDoc = []string{fmt.Sprintf("Package %s is %s (service prefix %s) as AWS's Service Authorization", p.Name, emit.CommentText(s.Name), pre),
		fmt.Sprintf("Reference describes it: %s, %s and %s, each with a typed name.",
			emit.Plural(len(s.Actions), "action"), emit.Plural(len(s.ResourceTypes), "resource type"), emit.Plural(len(s.ConditionKeys), "condition key")),
		"Metadata is in static tables: no init work, and lookups that allocate nothing."}

	g.Doc("", "Prefix is the service prefix that the actions and condition keys of the service use.")
	g.P("const Prefix = ", strconv.Quote(pre))
	g.P()
	g.Doc("", "ServiceName is the service's name as the reference gives it.")
	g.P("const ServiceName = ", strconv.Quote(s.Name))
	g.P()

	g.Doc("", fmt.Sprintf("Action is one action of %s. Its string form is the name a policy uses,", pre),
		fmt.Sprintf("%q; the zero Action is invalid.", pre+":"+first))
	g.P("type Action uint16")
	g.P()
	if len(s.Actions) > 0 {
		g.P("const (")
		for i := range s.Actions {
			if i > 0 {
				g.P()
			}
			g.Doc("\t", awsActionDoc(p, i)...)
			g.P("\t", p.Actions[i].Ident, " Action = ", i+1)
		}
		g.P(")")
		g.P()
	}
	ex := pre + ":" + first
	// The code that names and parses actions is iam.ActionTable's, compiled
	// and tested in templates/aws/iam; these methods keep the package's API
	// and hand it the tables (actions, in the tables file). What must convert
	// the package's own row types stays here (awsCopyTable says why).
	g.Doc("", fmt.Sprintf("String returns the action as policies name it, %q.", ex))
	g.P("func (a Action) String() string { return actions().String(int(a)) }")
	g.P()
	g.Doc("", "Info returns what the reference says about the action; the zero ActionInfo for",
		"an invalid Action. It copies one static entry and allocates nothing.")
	info := g.Q(iamPkg.Ident("ActionInfo"))
	g.P("func (a Action) Info() ", info, " {")
	g.P("\t// One unsigned comparison is both the validity and the bounds check.")
	g.P("\tif i := uint(a) - 1; i < uint(len(actionInfos)) {")
	g.P("\t\treturn ", info, "(actionInfos[i])")
	g.P("\t}")
	g.P("\treturn ", info, "{}")
	g.P("}")
	g.P()
	g.Doc("", "Valid reports whether a is one of the constants.")
	g.P("func (a Action) Valid() bool { return a > 0 && int(a) <= len(actionInfos) }")
	g.P()
	g.Doc("", fmt.Sprintf("MarshalText writes the action's name, %q; an invalid Action is an error.", ex))
	g.P("func (a Action) MarshalText() ([]byte, error) { return actions().MarshalText(int(a)) }")
	g.P()
	g.Doc("", "UnmarshalText reads an action name with ParseAction.")
	g.P("func (a *Action) UnmarshalText(b []byte) error {")
	g.P("\tv, err := ParseAction(string(b))")
	g.P("\tif err != nil {")
	g.P("\t\treturn err")
	g.P("\t}")
	g.P("\t*a = v")
	g.P("\treturn nil")
	g.P("}")
	g.P()
	g.Doc("", fmt.Sprintf("Actions returns every action of %s, sorted by name.", pre))
	g.P("func Actions() []Action {")
	g.P("\tall := make([]Action, len(actionInfos))")
	g.P("\tfor i := range all {")
	g.P("\t\tall[i] = Action(i + 1)")
	g.P("\t}")
	g.P("\treturn all")
	g.P("}")
	g.P()
	g.Doc("", fmt.Sprintf("ParseAction returns the action named s, written %q or %q. Names", ex, first),
		"are compared as IAM compares them, without regard to case; the exact spelling",
		"is tried first. An unknown name is an *"+g.Q(iamPkg.Ident("UnknownActionError"))+" that suggests the",
		"nearest known one. It allocates nothing for a known name.")
	// The prefix is this package's constant: compared here in a few instructions,
	// and the table searched for the name alone (through a pointer); any other
	// spelling (another case, no prefix, an unknown name) goes through Parse.
	g.P("func ParseAction(s string) (Action, error) {")
	g.P("\tt := actions()")
	g.P("\tif len(s) > len(Prefix) && s[len(Prefix)] == ':' && s[:len(Prefix)] == Prefix {")
	g.P("\t\tif i := t.Find(s[len(Prefix)+1:]); i > 0 {")
	g.P("\t\t\treturn Action(i), nil")
	g.P("\t\t}")
	g.P("\t}")
	g.P("\ti, err := t.Parse(s)")
	g.P("\treturn Action(i), err")
	g.P("}")
	g.P()
	for _, l := range awsLevels {
		g.Doc("", fmt.Sprintf("%s returns the actions of access level %s, sorted by name.", l.fn, l.word))
		oneLineFunc(g, "func "+l.fn+"() []Action", "return append([]Action(nil), "+lowerFirst(l.fn)+"[:]...)")
	}
	g.Doc("", "ResourceTypes returns the resource types the reference defines for the service,", "sorted by name.")
	awsCopyTable(g, "ResourceTypes", iamPkg.Ident("ResourceTypeInfo"), "resourceTypeInfos")
	g.Doc("", `LookupResourceType returns the resource type named name ("object"), and whether`, "the service defines it.")
	rt := g.Q(iamPkg.Ident("ResourceTypeInfo"))
	g.P("func LookupResourceType(name string) (", rt, ", bool) {")
	g.P("\tfor _, r := range resourceTypeInfos {")
	g.P("\t\tif r.Name == name {")
	g.P("\t\t\treturn ", rt, "(r), true")
	g.P("\t\t}")
	g.P("\t}")
	g.P("\treturn ", rt, "{}, false")
	g.P("}")
	g.P()
	g.Doc("", "ConditionKeys returns the condition keys the service's page defines, sorted by", "name; a templated key keeps its placeholder.")
	awsCopyTable(g, "ConditionKeys", iamPkg.Ident("ConditionKeyInfo"), "conditionKeyInfos")
	awsBuilders(g, p)
	awsKeys(g, p)
	return g.Content()
}

// awsCopyTable prints function fn, which copies the static table of a local
// type defined as typ out as typ values. It stays in the generated package
// rather than being a generic function of iam: 464 packages each instantiating
// generic helpers compiled the tree 10-25% slower (docs/benchmarks.md, issue 21).
func awsCopyTable(g *gowrite.File, fn string, typ gowrite.Ident, table string) {
	t := g.Q(typ)
	g.P("func ", fn, "() []", t, " {")
	g.P("\tall := make([]", t, ", len(", table, "))")
	g.P("\tfor i, r := range ", table, " {")
	g.P("\t\tall[i] = ", t, "(r)")
	g.P("\t}")
	g.P("\treturn all")
	g.P("}")
	g.P()
}

func lowerFirst(s string) string { return strings.ToLower(s[:1]) + s[1:] }

// awsActionDoc is the doc comment of one action constant: the description
// verbatim, then the access level, resource types, keys, link and source row.
func awsActionDoc(p *resolve.Package, i int) []string {
	a := p.Service.Actions[i]
	lines := []string{fmt.Sprintf("%s is %s:%s: %s", p.Actions[i].Ident, p.Service.ShortName, a.Name, emit.DescOrNone(a.Description)), ""}
	level := a.AccessLevel
	if level == "" {
		level = "not stated"
	}
	lines = append(lines, "Access level: "+emit.CommentText(level)+".")
	if len(a.ResourceTypes) == 0 {
		lines = append(lines, `Resource types: none; a policy grants it on Resource "*".`)
	} else {
		var rts []string
		for _, r := range a.ResourceTypes {
			n := r.Name
			if r.Required {
				n += " (required)"
			}
			rts = append(rts, n)
		}
		lines = append(lines, "Resource types: "+emit.CommentText(strings.Join(rts, ", "))+".")
	}
	if len(a.ConditionKeys) > 0 {
		lines = append(lines, "Condition keys: "+emit.CommentText(strings.Join(a.ConditionKeys, ", "))+".")
	}
	if len(a.DependentActions) > 0 {
		lines = append(lines, "Dependent actions: "+emit.CommentText(strings.Join(a.DependentActions, ", "))+".")
	}
	if a.DocURL != "" {
		lines = append(lines, "Documentation: "+emit.CommentText(a.DocURL))
	}
	if a.Deprecated == nil {
		lines = append(lines, "Source: "+emit.CommentText(emit.PosText(p, a.Pos))+".")
	} else {
		lines = append(lines, "", "Deprecated: "+emit.CommentText(emit.DeprecatedText(a.Deprecated))+".")
	}
	return lines
}

// awsBuilders prints one ARN builder per resource type whose template iamarn
// can build; the others are listed in the README, not guessed at.
func awsBuilders(f *gowrite.File, p *resolve.Package) {
	s := p.Service
	arn := awsARN(p)
	for i, rt := range s.ResourceTypes {
		g := p.Resources[i]
		t := iamarn.Template(rt.Pattern)
		if !awsBuildable(rt, g) {
			continue
		}
		names := t.Placeholders()
		var args []string
		for j := range names {
			args = append(args, g.Params[j])
		}
		lines := []string{fmt.Sprintf("%s returns the ARN of the %s %s %s,", g.Func, s.ShortName, emit.CommentText(rt.Name), "resource"),
			emit.CommentText(rt.Pattern) + ", in partition aws (set another with In)."}
		if len(args) > 0 {
			lines = append(lines, "An empty "+strings.Join(args, " or ")+" makes an ARN whose Err says so and whose String is \"\".")
		}
		f.Doc("", lines...)
		params := ""
		if len(args) > 0 {
			params = strings.Join(args, ", ") + " string"
		}
		f.P("func ", g.Func, "(", params, ") ", arn.Ident("ARN"), " {")
		f.P("\treturn ", arn.Ident("Template"), "(", strconv.Quote(rt.Pattern), ").Build(", strings.Join(args, ", "), ")")
		f.P("}")
		f.P()
	}
}

// awsBuildable reports whether a resource type gets a builder: its template is
// one iamarn builds, and resolve named one parameter per placeholder.
func awsBuildable(rt model.ResourceType, g resolve.GoResourceType) bool {
	t := iamarn.Template(rt.Pattern)
	return t.Valid() && len(t.Placeholders()) == len(g.Params)
}

// awsKeys prints the service's own condition keys: constants, and functions for
// templated keys.
func awsKeys(f *gowrite.File, p *resolve.Package) {
	s := p.Service
	for i, k := range s.ConditionKeys {
		g := awsresolve.NamesOf(p).Keys[i]
		if g.Ident == "" {
			continue
		}
		awsKeyDecl(f, awsIAM(p), g, k)
	}
}

// awsKeyDecl prints one condition key of package iam's tree: a constant, or a
// function that fills in a templated key's placeholder.
func awsKeyDecl(f *gowrite.File, iamPkg gowrite.ImportPath, g awsresolve.GoConditionKey, k model.ConditionKey) {
	key := iamPkg.Ident("ConditionKey")
	typ := k.Type
	if typ == "" {
		typ = "not stated"
	}
	if len(g.Params) == 0 {
		f.Doc("", fmt.Sprintf("%s is %s, of type %s: %s", g.Ident, emit.CommentText(k.Name), emit.CommentText(typ), emit.DescOrNone(k.Description)))
		f.P("const ", g.Ident, " ", key, " = ", strconv.Quote(k.Name))
		f.P()
		return
	}
	f.Doc("", fmt.Sprintf("%s returns the key %s with its placeholder filled in, of type %s:", g.Ident, emit.CommentText(k.Name), emit.CommentText(typ)),
		emit.DescOrNone(k.Description))
	var expr []string
	for j, piece := range g.Pieces {
		if j%2 == 1 {
			expr = append(expr, g.Params[j/2])
		} else if piece != "" {
			expr = append(expr, strconv.Quote(piece))
		}
	}
	f.P("func ", g.Ident, "(", strings.Join(g.Params, ", "), " string) ", key, " {")
	f.P("\treturn ", key, "(", strings.Join(expr, " + "), ")")
	f.P("}")
	f.P()
}

// awsTables prints the static tables: names in one string with offsets (String
// slices it), one ActionInfo row per action, the case-folded order ParseAction
// searches, one array per access level, and the resource types and keys.
func awsTables(p *resolve.Package) (write.File, error) {
	s := p.Service
	n := len(s.Actions)
	iamPkg := awsIAM(p)
	g := emit.NewGoFile(path.Join(p.Dir, p.Name+"_tables.go"), gowrite.ImportPath(p.ImportPath), p.Name, emit.SourceName(p))
	// The tables are text in bulk; q qualifies the iam names they use.
	q := g.Import(iamPkg) + "."
	b := g
	b.WriteString(emit.EnforceVersion(g.Import(iamPkg), GenVersion))
	var names strings.Builder
	index := []string{"0"}
	for _, a := range s.Actions {
		names.WriteString(s.ShortName + ":" + a.Name)
		index = append(index, strconv.Itoa(names.Len()))
	}
	b.WriteString("// actionNames holds every action's \"prefix:Name\"; actionIndex[i] is where the i-th starts.\n")
	fmt.Fprintf(b, "const actionNames = %s\n\n", strconv.Quote(names.String()))
	// Fixed element types (not the smallest that fits) because iam.ActionTable,
	// which reads them, is one compiled type for every package.
	fmt.Fprintf(b, "var actionIndex = [...]uint32{%s}\n\n", strings.Join(index, ", "))
	b.WriteString(`// actionInfo is iam.ActionInfo under a local name, so that the table below can
// list its fields in order (go vet asks for field names in literals of another
// package's struct type) and Info can convert an entry for free.
type actionInfo ` + q + `ActionInfo

`)
	fmt.Fprintf(b, "var actionInfos = [%d]actionInfo{%s", n, openList(n))
	for _, a := range s.Actions {
		row, err := awsActionRow(g.Q, iamPkg, s.ShortName, a)
		if err != nil {
			return write.File{}, err
		}
		b.WriteString("\t" + row + ",\n")
	}
	b.WriteString("}\n\n")

	fold := make([]int, n)
	for i := range fold {
		fold[i] = i
	}
	sort.SliceStable(fold, func(i, j int) bool {
		return iam.CompareFold(s.Actions[fold[i]].Name, s.Actions[fold[j]].Name) < 0
	})
	// actionStart[c] is the first action whose name (without prefix) starts
	// with a byte >= c; ParseAction searches [actionStart[c], actionStart[c+1]).
	var start []int
	for c := 0; c < 128; c++ {
		i := sort.Search(n, func(i int) bool { nm := s.Actions[i].Name; return nm != "" && nm[0] >= byte(c) })
		start = append(start, i)
	}
	b.WriteString("// actionStart[c] is the index of the first action whose name starts with a byte >= c.\n")
	fmt.Fprintf(b, "var actionStart = [128]uint16{%s}\n\n", joinInts(start, 0))
	b.WriteString("// actionFold lists the actions' indexes in the order of their lower-cased names.\n")
	fmt.Fprintf(b, "var actionFold = [%d]uint16{%s}\n\n", n, joinInts(fold, 0))
	b.WriteString(`// actions is the view of the tables above that iam's action functions read. It
// is built on each call, on the stack: a package-level value would slice the
// arrays at init.
func actions() ` + q + `ActionTable {
	return ` + q + `ActionTable{Prefix: Prefix, Names: actionNames, Index: actionIndex[:], Start: &actionStart, Fold: actionFold[:]}
}

`)
	for _, l := range awsLevels {
		var idx []string
		for i, a := range s.Actions {
			if a.AccessLevel == l.word {
				idx = append(idx, p.Actions[i].Ident)
			}
		}
		fmt.Fprintf(b, "var %s = [%d]Action{%s}\n\n", lowerFirst(l.fn), len(idx), strings.Join(idx, ", "))
	}

	b.WriteString("type resourceTypeInfo " + q + "ResourceTypeInfo\n\n")
	fmt.Fprintf(b, "var resourceTypeInfos = [%d]resourceTypeInfo{%s", len(s.ResourceTypes), openList(len(s.ResourceTypes)))
	for _, rt := range s.ResourceTypes {
		row, err := awsRTRow(s.ShortName, rt)
		if err != nil {
			return write.File{}, err
		}
		fmt.Fprintf(b, "\t%s,\n", row)
	}
	b.WriteString("}\n\n")

	b.WriteString("type conditionKeyInfo " + q + "ConditionKeyInfo\n\n")
	fmt.Fprintf(b, "var conditionKeyInfos = [%d]conditionKeyInfo{%s", len(s.ConditionKeys), openList(len(s.ConditionKeys)))
	for _, k := range s.ConditionKeys {
		fmt.Fprintf(b, "\t{%s, %s, %s},\n", strconv.Quote(k.Name), strconv.Quote(k.Description), g.Q(awsTypeConst(iamPkg, k.Type)))
	}
	b.WriteString("}\n")
	if n > 0 {
		// stringer's guard: constants and tables that disagree stop compiling.
		fmt.Fprintf(b, "\nfunc _() {\n\tvar x [1]struct{}\n\t_ = x[%s-%d]\n\t_ = x[len(actionIndex)-%d]\n}\n", p.Actions[n-1].Ident, n, n+1)
	}
	return g.Content()
}

// openList ends the line that opens a composite literal of n rows, one a line;
// gofmt writes an empty one as {}.
func openList(n int) string {
	if n == 0 {
		return ""
	}
	return "\n"
}

func joinInts(xs []int, add int) string {
	var b strings.Builder
	for i, x := range xs {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(strconv.Itoa(x + add))
	}
	return b.String()
}

// awsActionRow is one iam.ActionInfo literal, fields in iam.ActionInfo's order.
// q writes a runtime name as the file that holds the row imports it.
func awsActionRow(q func(gowrite.Ident) string, iamPkg gowrite.ImportPath, prefix string, a model.Action) (string, error) {
	info, err := awscatalog.Action(prefix, a)
	if err != nil {
		return "", err
	}
	// Appended into one buffer rather than quoted one by one into Sprintf: 21,000
	// rows, printed twice (service tables and catalog), were an eighth of a run.
	b := make([]byte, 0, 64+len(info.Description)+len(info.ResourceTypes)+len(info.ConditionKeys)+len(info.DependentActions)+len(info.DocURL))
	b = append(b, '{')
	b = strconv.AppendQuote(b, info.Service)
	b = append(b, ", "...)
	b = strconv.AppendQuote(b, info.Name)
	b = append(b, ", "...)
	b = strconv.AppendQuote(b, info.Description)
	b = append(b, ", "...)
	b = append(b, q(awsLevelConst(iamPkg, a.AccessLevel))...)
	for _, f := range []string{string(info.ResourceTypes), string(info.ConditionKeys), string(info.DependentActions), info.DocURL, info.Operation, info.Deprecated} {
		b = append(b, ", "...)
		b = strconv.AppendQuote(b, f)
	}
	return string(append(b, '}')), nil
}

// awsRTRow is one iam.ResourceTypeInfo literal, fields in its order.
func awsRTRow(prefix string, rt model.ResourceType) (string, error) {
	info, err := awscatalog.ResourceType(prefix, rt)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("{%s, %s, %s, %s}", strconv.Quote(info.Service), strconv.Quote(info.Name), strconv.Quote(info.ARN), strconv.Quote(string(info.ConditionKeys))), nil
}

// awsTypeConst names the runtime constant of a condition key type as written.
func awsTypeConst(iamPkg gowrite.ImportPath, typ string) gowrite.Ident {
	t, err := iam.ParseConditionType(typ)
	if err != nil {
		return iamPkg.Ident("UnknownConditionType")
	}
	return iamPkg.Ident("Type" + t.String())
}
