package awsemit

import (
	"bytes"
	"fmt"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/permgen/permgen/internal/emit"
	"github.com/permgen/permgen/internal/gowrite"
	"github.com/permgen/permgen/internal/resolve"
	"github.com/permgen/permgen/internal/vendors/aws/awsresolve"
	"github.com/permgen/permgen/internal/write"
	"github.com/permgen/permgen/templates/aws/iam"
)

// awsCatalog writes package catalog: every action and resource type of the tree
// in static arrays, for code that meets names at run time (a policy linter, an
// evaluator, an SDK guard) and must look up any service. It holds its own copy
// of the rows, so importing it does not compile every service package.
func awsCatalog(root string, pkgs []*resolve.Package, from string) (write.File, error) {
	type act struct {
		full string
		row  string
	}
	var acts []act
	type rtype struct {
		service, prefix, name, row string
	}
	var rts []rtype
	var prefixes []string
	for _, p := range pkgs {
		s := p.Service
		prefixes = append(prefixes, s.ShortName)
		for _, a := range s.Actions {
			// The catalog file imports the runtime as iam (below).
			row, err := awsActionRow(func(id gowrite.Ident) string { return "iam." + id.Name }, awsIAM(p), s.ShortName, a)
			if err != nil {
				return write.File{}, fmt.Errorf("%s: %w", s.Source.File, err)
			}
			acts = append(acts, act{s.ShortName + ":" + a.Name, row})
		}
		for _, rt := range s.ResourceTypes {
			row, err := awsRTRow(s.ShortName, rt)
			if err != nil {
				return write.File{}, fmt.Errorf("%s: %w", s.Source.File, err)
			}
			svc := ""
			if parts := strings.SplitN(rt.Pattern, ":", 4); len(parts) == 4 {
				svc = parts[2]
			}
			rts = append(rts, rtype{svc, s.ShortName, rt.Name, row})
		}
	}
	sort.Strings(prefixes)
	sort.Slice(acts, func(i, j int) bool { return acts[i].full < acts[j].full })
	sort.Slice(rts, func(i, j int) bool {
		a, b := rts[i], rts[j]
		if a.service != b.service {
			return a.service < b.service
		}
		if a.prefix != b.prefix {
			return a.prefix < b.prefix
		}
		return a.name < b.name
	})

	var b bytes.Buffer
	fmt.Fprintf(&b, "// %s\n\n", emit.Header(from))
	gowrite.Comment(&b, "", "Package catalog is every action and resource type of the generated AWS tree",
		fmt.Sprintf("(%s of %s, %s), in static", emit.Plural(len(acts), "action"), emit.Plural(len(prefixes), "service prefix"), emit.Plural(len(rts), "resource type")),
		"arrays: look up an action named at run time (in a policy, a log line), list a",
		"service's actions, or find which resource type of which service an ARN is.",
		"It keeps its own copy of the rows, so importing it does not compile the",
		"service packages.")
	fmt.Fprintf(&b, "package catalog\n\nimport (\n\t\"strings\"\n\n\t%q\n\t%q\n)\n\n", root+"/iam", root+"/iamarn")
	b.WriteString(awsCatalogAPI)

	var names strings.Builder
	index := []string{"0"}
	for _, a := range acts {
		names.WriteString(a.full)
		index = append(index, strconv.Itoa(names.Len()))
	}
	b.WriteString("// actionNames holds every \"prefix:Name\", sorted; actionIndex[i] is where the i-th starts.\n")
	fmt.Fprintf(&b, "const actionNames = %s\n\n", strconv.Quote(names.String()))
	fmt.Fprintf(&b, "var actionIndex = [...]%s{%s}\n\n", emit.UintFor(names.Len()), strings.Join(index, ", "))
	b.WriteString("type actionInfo iam.ActionInfo\n\n")
	fmt.Fprintf(&b, "var actionInfos = [%d]actionInfo{%s", len(acts), openList(len(acts)))
	for _, a := range acts {
		b.WriteString("\t" + a.row + ",\n")
	}
	b.WriteString("}\n\n")
	fold := make([]int, len(acts))
	for i := range fold {
		fold[i] = i
	}
	sort.SliceStable(fold, func(i, j int) bool { return iam.CompareFold(acts[fold[i]].full, acts[fold[j]].full) < 0 })
	b.WriteString("// actionFold lists the actions' indexes in the order of their lower-cased names.\n")
	fmt.Fprintf(&b, "var actionFold = [%d]%s{%s}\n\n", len(acts), emit.UintFor(len(acts)), joinInts(fold, 0))
	var qs []string
	for _, p := range prefixes {
		qs = append(qs, strconv.Quote(p))
	}
	fmt.Fprintf(&b, "var prefixes = [%d]string{%s}\n\n", len(prefixes), strings.Join(qs, ", "))
	b.WriteString("type resourceTypeInfo iam.ResourceTypeInfo\n\n")
	b.WriteString("// resourceTypeInfos is sorted by the service segment of the ARN template, then\n// prefix and name, so that ResourceTypesOf searches one service's range.\n")
	fmt.Fprintf(&b, "var resourceTypeInfos = [%d]resourceTypeInfo{%s", len(rts), openList(len(rts)))
	for _, r := range rts {
		b.WriteString("\t" + r.row + ",\n")
	}
	b.WriteString("}\n")
	return gowrite.Preformatted(path.Join(awsresolve.CatalogDir, "catalog.go"), b.Bytes()), nil
}

// awsCatalogAPI is the fixed code of package catalog.
const awsCatalogAPI = `// NumActions is the number of actions in the catalog.
func NumActions() int { return len(actionInfos) }

func actionName(i int) string { return actionNames[actionIndex[i]:actionIndex[i+1]] }

// LookupAction returns the action named "prefix:Name" ("s3:GetObject"), compared
// as IAM compares action names, without regard to case (the exact spelling is
// tried first), and whether the catalog has it. It allocates nothing.
func LookupAction(name string) (iam.ActionInfo, bool) {
	lo, hi := 0, len(actionInfos)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if actionName(m) < name {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(actionInfos) && actionName(lo) == name {
		return iam.ActionInfo(actionInfos[lo]), true
	}
	lo, hi = 0, len(actionFold)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if iam.CompareFold(actionName(int(actionFold[m])), name) < 0 {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(actionFold) && iam.CompareFold(actionName(int(actionFold[lo])), name) == 0 {
		return iam.ActionInfo(actionInfos[actionFold[lo]]), true
	}
	return iam.ActionInfo{}, false
}

// Prefixes returns every service prefix, sorted.
func Prefixes() []string { return append([]string(nil), prefixes[:]...) }

// ServiceActions returns the actions of one service prefix, sorted by name; nil
// for an unknown prefix.
func ServiceActions(prefix string) []iam.ActionInfo {
	var out []iam.ActionInfo
	for i := range actionInfos {
		if actionInfos[i].Service == prefix {
			out = append(out, iam.ActionInfo(actionInfos[i]))
		}
	}
	return out
}

// MatchActions returns the actions a policy's Action pattern names: "s3:Get*",
// "s3:*", "*", "ec2:Describe?nstances". '*' stands for any run of characters and
// '?' for one; case does not matter, as in IAM.
func MatchActions(pattern string) []iam.ActionInfo {
	var out []iam.ActionInfo
	for i := range actionInfos {
		if globFold(pattern, actionName(i)) {
			out = append(out, iam.ActionInfo(actionInfos[i]))
		}
	}
	return out
}

// globFold matches s against p with '*' and '?', ignoring ASCII case.
func globFold(p, s string) bool {
	px, sx := 0, 0
	star, mark := -1, 0
	for sx < len(s) {
		switch {
		case px < len(p) && p[px] == '*':
			star, mark = px, sx
			px++
		case px < len(p) && (p[px] == '?' || lowerASCII(p[px]) == lowerASCII(s[sx])):
			px++
			sx++
		case star >= 0:
			px = star + 1
			mark++
			sx = mark
		default:
			return false
		}
	}
	for px < len(p) && p[px] == '*' {
		px++
	}
	return px == len(p)
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// ResourceTypes returns every resource type, sorted by the service of its ARN,
// then prefix and name.
func ResourceTypes() []iam.ResourceTypeInfo {
	all := make([]iam.ResourceTypeInfo, len(resourceTypeInfos))
	for i, r := range resourceTypeInfos {
		all[i] = iam.ResourceTypeInfo(r)
	}
	return all
}

// LookupResourceType returns the resource type name of service prefix.
func LookupResourceType(prefix, name string) (iam.ResourceTypeInfo, bool) {
	for _, r := range resourceTypeInfos {
		if r.Service == prefix && r.Name == name {
			return iam.ResourceTypeInfo(r), true
		}
	}
	return iam.ResourceTypeInfo{}, false
}

// arnService returns the service segment of an ARN or ARN template.
func arnService(s string) string {
	_, rest, _ := strings.Cut(s, ":")
	_, rest, _ = strings.Cut(rest, ":")
	svc, _, _ := strings.Cut(rest, ":")
	return svc
}

// ResourceTypesOf returns the resource types whose ARN template arn is an
// instance of (iamarn.Template.Match): usually one; several where templates
// overlap. Nil for an ARN no template describes.
func ResourceTypesOf(arn string) []iam.ResourceTypeInfo {
	svc := arnService(arn)
	lo, hi := 0, len(resourceTypeInfos)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if arnService(resourceTypeInfos[m].ARN) < svc {
			lo = m + 1
		} else {
			hi = m
		}
	}
	var out []iam.ResourceTypeInfo
	for i := lo; i < len(resourceTypeInfos) && arnService(resourceTypeInfos[i].ARN) == svc; i++ {
		if iamarn.Template(resourceTypeInfos[i].ARN).Match(arn) {
			out = append(out, iam.ResourceTypeInfo(resourceTypeInfos[i]))
		}
	}
	return out
}

`
