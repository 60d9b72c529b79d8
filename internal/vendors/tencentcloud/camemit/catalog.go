package camemit

import (
	"bytes"
	"errors"
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

// ParameterOverride names the request parameter that fills a placeholder of an
// action's resource patterns when it is not the parameter of the placeholder's name
// (sources/parameters.json). Reason says why; it is required.
type ParameterOverride struct {
	Action      string `json:"action"`      // "ccc:CreateStaff"
	Placeholder string `json:"placeholder"` // "${SdkAppId}"
	Parameter   string `json:"parameter"`   // "SdkAppId"
	Reason      string `json:"reason"`
}

// Catalogs renders, for each Tencent CAM runtime, the catalog of every action of
// every service that imports it (<vendor>/catalog), and copies beside it the
// runtimes that build on cam (camSiblings: campolicy, camguard and the SDK transport
// camhttp, which looks actions up in the catalog). params are
// checked against the actions: each must name an action of the tree and a placeholder
// of its patterns. from names the source in the header, file the parameters file in
// errors.
func Catalogs(pkgs []*resolve.Package, rts []*resolve.Runtime, params []ParameterOverride, from, file string) ([]write.File, error) {
	var files []write.File
	var errs []error
	used := make([]bool, len(params))
	for _, r := range rts {
		if r.Template != "cam" {
			continue
		}
		var members []*resolve.Package
		for _, p := range pkgs {
			if p.Runtime == r {
				members = append(members, p)
			}
		}
		root := path.Dir(r.Dir)
		for _, sub := range append([]string{"catalog"}, camSiblings...) {
			for _, p := range members {
				if p.Dir == path.Join(root, sub) {
					errs = append(errs, fmt.Errorf("%s: package folder %q is the tree's %s; set \"package\" in the manifest", p.Service.Source.File, p.Dir, sub))
				}
			}
		}
		cat, err := catalogFile(r, members, params, used, from, file)
		if err != nil {
			errs = append(errs, err)
		} else {
			files = append(files, cat)
		}
		fs, err := camSiblingFiles(r)
		if err != nil {
			errs = append(errs, err)
		}
		files = append(files, fs...)
		files = append(files, treeFile(r, from))
	}
	for i, p := range params {
		if !used[i] {
			errs = append(errs, fmt.Errorf("%s: [%d]: action %s is not an action of the tree; write it \"<service>:<API>\" as policies do", file, i, p.Action))
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return files, nil
}

const templatesImport = "github.com/permgen/permgen/templates/"

// camSiblings are the runtimes copied beside the cam runtime r (templates/cam), one
// role each: the policy language, the guard and recorder, the SDK's wire format.
// Product packages import cam alone; these import cam and one another.
var camSiblings = []string{"campolicy", "camguard", "camhttp"}

// camSiblingFiles copies camSiblings beside r, each import of a CAM template
// rewritten to the tree's copy and each copy stamped with GenVersion.
func camSiblingFiles(r *resolve.Runtime) ([]write.File, error) {
	root := path.Dir(r.Dir)
	imports := map[string]string{templatesImport + r.Template: r.ImportPath}
	for _, t := range camSiblings {
		imports[templatesImport+t] = path.Join(path.Dir(r.ImportPath), t)
	}
	var files []write.File
	for _, t := range camSiblings {
		fs, err := copyTemplateImports(t, path.Join(root, t), t, imports)
		if err != nil {
			return nil, err
		}
		files = append(files, fs...)
		files = append(files, emit.VersionFile(path.Join(root, t), t, "templates/"+t, emit.GenVersion))
	}
	return files, nil
}

type catalogEntry struct {
	name, expr string
}

func catalogFile(r *resolve.Runtime, members []*resolve.Package, params []ParameterOverride, used []bool, from, file string) (write.File, error) {
	dir := path.Join(path.Dir(r.Dir), "catalog")
	var entries []catalogEntry
	patterns := map[string][]model.Resource{}
	// requests maps the name an API request carries ("<endpoint service>:<Action>")
	// to the CAM name where the two differ: Operation of a Tencent action is the API
	// operation it authorizes (cbs:AttachDisks is authorized as cvm:AttachDisks).
	requests := map[string]string{}
	for _, p := range members {
		for i, a := range p.Service.Actions {
			name := p.Service.ShortName + ":" + a.Name
			entries = append(entries, catalogEntry{name, p.Name + "." + p.Actions[i].Ident})
			patterns[name] = a.Resources
			if a.Operation != "" && a.Operation != name {
				requests[a.Operation] = name
			}
		}
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].name < entries[j].name })
	for i := 1; i < len(entries); i++ {
		if entries[i].name == entries[i-1].name {
			return write.File{}, fmt.Errorf("%s: action %s is listed by two services of the tree", dir, entries[i].name)
		}
	}
	type row struct{ action, placeholder, parameter string }
	var rows []row
	var errs []error
	for i, o := range params {
		res, ok := patterns[o.Action]
		if !ok {
			continue
		}
		used[i] = true
		found := false
		for _, r := range res {
			found = found || strings.Contains(r.Pattern, o.Placeholder)
		}
		switch {
		case !found:
			errs = append(errs, fmt.Errorf("%s: [%d]: action %s has no resource pattern with placeholder %s", file, i, o.Action, o.Placeholder))
		case strings.TrimSpace(o.Reason) == "":
			errs = append(errs, fmt.Errorf("%s: [%d]: %s %s -> %s has no reason; every override must say why", file, i, o.Action, o.Placeholder, o.Parameter))
		case !isIdent(o.Parameter):
			errs = append(errs, fmt.Errorf("%s: [%d]: parameter %q of %s is not an API parameter name", file, i, o.Parameter, o.Action))
		default:
			rows = append(rows, row{o.Action, o.Placeholder, o.Parameter})
		}
	}
	if len(errs) > 0 {
		return write.File{}, errors.Join(errs...)
	}
	sort.Slice(rows, func(i, j int) bool {
		if rows[i].action != rows[j].action {
			return rows[i].action < rows[j].action
		}
		return rows[i].placeholder < rows[j].placeholder
	})
	for i := 1; i < len(rows); i++ {
		if rows[i].action == rows[i-1].action && rows[i].placeholder == rows[i-1].placeholder {
			return write.File{}, fmt.Errorf("%s: two overrides for %s %s", file, rows[i].action, rows[i].placeholder)
		}
	}

	var b bytes.Buffer
	fmt.Fprintf(&b, "// %s\n\n", emit.Header(from))
	b.WriteString("// Package catalog lists every CAM action of every service of this tree, for code that\n")
	b.WriteString("// meets an action by name at run time, such as camhttp reading SDK requests.\n")
	b.WriteString("// Its tables are static arrays searched by name: no init work, no maps.\n")
	// The catalog lists every action, deprecated ones too (a program that meets one
	// by name must still find it), so linters are told that here, once.
	b.WriteString("package catalog\n\n//lint:file-ignore SA1019 the catalog lists every action, deprecated ones included: a program that meets one by name must still find it\n\nimport (\n")
	// Sorted by path, as gofmt sorts one block of imports.
	type imported struct{ name, path string }
	imports := []imported{{r.Name, r.ImportPath}}
	for _, p := range members {
		imports = append(imports, imported{p.Name, p.ImportPath})
	}
	sort.Slice(imports, func(i, j int) bool { return imports[i].path < imports[j].path })
	for _, im := range imports {
		fmt.Fprintf(&b, "\t%s %q\n", im.name, im.path)
	}
	b.WriteString(")\n\n")
	b.WriteString("// names holds every action's CAM name, sorted; actions[i] is the action names[i] names.\n")
	b.WriteString("var names = [...]string{" + listOpen(len(entries)))
	for _, e := range entries {
		fmt.Fprintf(&b, "\t%s,\n", strconv.Quote(e.name))
	}
	b.WriteString("}\n\nvar actions = [...]" + r.Name + ".Action{" + listOpen(len(entries)))
	for _, e := range entries {
		fmt.Fprintf(&b, "\t%s,\n", e.expr)
	}
	b.WriteString("}\n\n")
	index := make(map[string]int, len(entries))
	for i, e := range entries {
		index[e.name] = i
	}
	reqNames := make([]string, 0, len(requests))
	for n := range requests {
		if _, clash := index[n]; !clash { // a CAM name is looked up as itself
			reqNames = append(reqNames, n)
		}
	}
	sort.Strings(reqNames)
	b.WriteString("// requestNames holds, sorted, the request names (\"<endpoint service>:<Action>\") that are\n")
	b.WriteString("// not the CAM name of the action they call; requestActions[i] indexes actions.\n")
	b.WriteString("var requestNames = [...]string{" + listOpen(len(reqNames)))
	for _, n := range reqNames {
		fmt.Fprintf(&b, "\t%s,\n", strconv.Quote(n))
	}
	b.WriteString("}\n\nvar requestActions = [...]" + emit.UintFor(len(entries)) + "{" + listOpen(len(reqNames)))
	// The trailing comments aligned as gofmt aligns a run of them: one blank
	// after the widest "index,".
	width := 0
	for _, n := range reqNames {
		width = max(width, len(strconv.Itoa(index[requests[n]])))
	}
	for _, n := range reqNames {
		i := strconv.Itoa(index[requests[n]])
		fmt.Fprintf(&b, "\t%s,%s// %s\n", i, strings.Repeat(" ", width-len(i)+1), requests[n])
	}
	b.WriteString("}\n\n")
	b.WriteString("// parameters are the placeholder -> request parameter overrides, sorted by action and\n")
	b.WriteString("// placeholder.\n")
	b.WriteString("var parameters = [...][3]string{" + listOpen(len(rows)))
	for _, r := range rows {
		fmt.Fprintf(&b, "\t{%s, %s, %s},\n", strconv.Quote(r.action), strconv.Quote(r.placeholder), strconv.Quote(r.parameter))
	}
	b.WriteString("}\n\n")
	fmt.Fprintf(&b, `// Lookup returns the action named name, e.g. "ccc:CreateStaff", in any service of the
// tree. Names match exactly, as CAM's do in policies.
func Lookup(name string) (%[1]s.Action, bool) {
	lo, hi := 0, len(names)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if names[m] < name {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(names) && names[lo] == name {
		return actions[lo], true
	}
	return nil, false
}

// LookupRequest returns the action an API request calls, named as the request names
// it: "<endpoint service>:<Action>" from X-TC-Action and the signing scope. Most are
// their CAM name; some products are authorized under another prefix (cbs:AttachDisks
// is cvm:AttachDisks, autoscaling:CreateAutoScalingGroup is as:...).
func LookupRequest(name string) (%[1]s.Action, bool) {
	if a, ok := Lookup(name); ok {
		return a, true
	}
	if i, ok := search(requestNames[:], name); ok {
		return actions[requestActions[i]], true
	}
	return nil, false
}

// search finds name in the sorted list.
func search(list []string, name string) (int, bool) {
	lo, hi := 0, len(list)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if list[m] < name {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo, lo < len(list) && list[lo] == name
}

// Actions returns every action of the tree, sorted by name.
func Actions() []%[1]s.Action {
	out := make([]%[1]s.Action, len(actions))
	copy(out, actions[:])
	return out
}

// Parameter returns the request parameter that fills placeholder (e.g. "${SdkAppId}")
// in action's resource patterns when an override names one; otherwise false, and the
// parameter of the placeholder's own name is meant.
func Parameter(action, placeholder string) (string, bool) {
	// Binary search: the table holds one row per derived override of every service.
	lo, hi := 0, len(parameters)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if p := parameters[m]; p[0] < action || p[0] == action && p[1] < placeholder {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(parameters) && parameters[lo][0] == action && parameters[lo][1] == placeholder {
		return parameters[lo][2], true
	}
	return "", false
}
`, r.Name)
	// Written in gofmt's form (imports sorted, comments aligned), not reformatted:
	// TestCommittedTreeGofmtCanonical checks it.
	return gowrite.Preformatted(path.Join(dir, "catalog.go"), b.Bytes()), nil
}

// listOpen ends the opening line of a composite literal of n elements one a
// line: gofmt writes an empty one as "{}" on one line.
func listOpen(n int) string {
	if n == 0 {
		return ""
	}
	return "\n"
}

// treeFile binds the camhttp copy to its tree's catalog, in place of the template's
// fixture.go.
func treeFile(r *resolve.Runtime, from string) write.File {
	root := path.Dir(r.Dir)
	catalogImport := path.Join(path.Dir(r.ImportPath), "catalog")
	src := fmt.Sprintf(`// %s

package camhttp

import "%s"

// The tree's catalog, for Options that leave Lookup and Parameter nil.
var (
	catalogLookup    = catalog.LookupRequest
	catalogParameter = catalog.Parameter
)
`, emit.Header(from), catalogImport)
	return write.File{Path: path.Join(root, "camhttp", "tree.go"), Data: []byte(src)}
}

func isIdent(s string) bool {
	if s == "" {
		return false
	}
	for i, c := range s {
		if !(c == '_' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || i > 0 && '0' <= c && c <= '9') {
			return false
		}
	}
	return true
}

// copyTemplateImports copies templates/<dir> as package pkg, each import of a
// template package rewritten to the tree's copy (imports); an import of a
// template package the tree does not carry is an error.
func copyTemplateImports(dir, outDir, pkg string, imports map[string]string) ([]write.File, error) {
	return emit.CopyRuntime(dir, outDir, pkg, func(p string) (string, bool, error) {
		if to, ok := imports[p]; ok {
			return to, true, nil
		}
		if strings.HasPrefix(p, templatesImport) {
			return "", false, fmt.Errorf("imports %s, which the tree does not carry", p)
		}
		return "", false, nil
	})
}
