package naming

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/snapshot"
)

const root = "../.."

// exported returns the exported top-level identifiers declared by the Go files of
// dir that keep(file name) accepts, mapped to their declarations.
func exported(t *testing.T, dir string, keep func(string) bool) map[string]ast.Spec {
	t.Helper()
	fset := token.NewFileSet()
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no Go files in %s: %v", dir, err)
	}
	out := map[string]ast.Spec{}
	for _, file := range files {
		if strings.HasSuffix(file, "_test.go") || !keep(filepath.Base(file)) {
			continue
		}
		f, err := parser.ParseFile(fset, file, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil && d.Name.IsExported() {
					out[d.Name.Name] = nil
				}
			case *ast.GenDecl:
				for _, s := range d.Specs {
					switch s := s.(type) {
					case *ast.TypeSpec:
						if s.Name.IsExported() {
							out[s.Name.Name] = s
						}
					case *ast.ValueSpec:
						for _, n := range s.Names {
							if n.IsExported() {
								out[n.Name] = s
							}
						}
					}
				}
			}
		}
	}
	return out
}

// TestScopeFixtureNames: the fixture of templates/scopes stands in for generated data,
// so each of its scope constants must carry the name the generator gives that scope
// (the fixture once said ScopeAPIAdmin where generated code says ScopeApiAdmin).
func TestScopeFixtureNames(t *testing.T) {
	dir := filepath.Join(root, "templates", "scopes")
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, filepath.Join(dir, "fixture.go"), nil, parser.SkipObjectResolution)
	if err != nil {
		t.Fatal(err)
	}
	var names []string // scopeNames, in order
	consts := map[int]string{}
	for _, d := range f.Decls {
		g, ok := d.(*ast.GenDecl)
		if !ok {
			continue
		}
		for _, s := range g.Specs {
			vs, ok := s.(*ast.ValueSpec)
			if !ok {
				continue
			}
			for i, n := range vs.Names {
				if n.Name == "scopeNames" {
					for _, e := range vs.Values[i].(*ast.CompositeLit).Elts {
						v, _ := strconv.Unquote(e.(*ast.BasicLit).Value)
						names = append(names, v)
					}
				}
				if id, ok := vs.Type.(*ast.Ident); ok && id.Name == "Scope" && n.IsExported() {
					v, _ := strconv.Atoi(vs.Values[i].(*ast.BasicLit).Value)
					consts[v] = n.Name
				}
			}
		}
	}
	if len(names) == 0 || len(consts) != len(names) {
		t.Fatalf("fixture: %d names, %d constants", len(names), len(consts))
	}
	for i, name := range names {
		ns, verb, _ := strings.Cut(name, ":")
		if got, want := consts[i+1], Scope(ns, verb); got != want {
			t.Errorf("fixture names %q %s; the generator names it %s", name, got, want)
		}
	}
	// Every other exported name of the runtime is one the generator reserves.
	for id := range exported(t, dir, func(f string) bool { return f != "fixture.go" }) {
		if !slices.Contains(ScopeFixed, id) {
			t.Errorf("templates/scopes declares %s, which naming.ScopeFixed does not reserve: a scope could take the name", id)
		}
	}
}

// TestGeneratedTreeNames: every exported top-level name of the checked-in packages
// is either reserved (CAMFixed, ScopeFixed) or the name this package gives one entry
// of the package's model snapshot, and every entry's name is declared.
func TestGeneratedTreeNames(t *testing.T) {
	services, err := snapshot.LoadTree(filepath.Join(root, "generated"))
	if err != nil || len(services) == 0 {
		t.Fatalf("load snapshots: %v (%d)", err, len(services))
	}
	for _, s := range services {
		var dir string
		var want []string
		fixed := ScopeFixed
		switch s.Kind {
		case model.FormatTencentCAM:
			pkg := PackageName(s.ShortName)
			if pkg == "cam" { // the runtime owns "cam": CAM's own actions are camapi (camresolve.Layout)
				pkg = "camapi"
			}
			dir, fixed = filepath.Join(root, "generated", s.Source.Vendor, pkg), CAMFixed
			for _, a := range s.Actions {
				want = append(want, Action(a.Name))
			}
			for _, rt := range s.ResourceTypes {
				want = append(want, ResourceBuilder(rt.Service, rt.Name, s.ShortName))
			}
		case model.FormatScopeTable:
			dir = filepath.Join(root, "generated", s.Source.Vendor)
			for _, sc := range s.Scopes {
				want = append(want, Scope(sc.Namespace, sc.Verb))
			}
		case model.FormatAWSSAR:
			// AWS packages number the few names that meet (reported by lint), so
			// the rule checked is the shape: every exported name is reserved, an
			// action, an ARN builder or a condition key.
			dir, fixed = filepath.Join(root, "generated", "aws", awsPackageDir(t, services, s.ShortName)), AWSFixed
			for id := range exported(t, dir, func(string) bool { return true }) {
				if strings.HasPrefix(id, "Action") || strings.HasSuffix(id, "ARN") || strings.HasPrefix(id, "ConditionKey") {
					want = append(want, id)
				}
			}
			for _, a := range s.Actions {
				if !slices.Contains(want, Action(a.Name)) {
					t.Errorf("%s: naming gives %s, which the package does not declare", dir, Action(a.Name))
				}
			}
		}
		decl := exported(t, dir, func(string) bool { return true })
		for _, id := range want {
			if _, ok := decl[id]; !ok {
				t.Errorf("%s: naming gives %s, which the package does not declare", dir, id)
			}
		}
		var extra []string
		for id := range decl {
			if !slices.Contains(want, id) && !slices.Contains(fixed, id) {
				extra = append(extra, id)
			}
		}
		sort.Strings(extra)
		if len(extra) > 0 {
			t.Errorf("%s declares %v, neither reserved nor given by naming", dir, extra)
		}
	}
}

// awsPackageDir is the folder of an AWS prefix among the tree's prefixes.
func awsPackageDir(t *testing.T, services []*model.Service, prefix string) string {
	t.Helper()
	var prefixes []string
	for _, s := range services {
		if s.Kind == model.FormatAWSSAR {
			prefixes = append(prefixes, s.ShortName)
		}
	}
	return AWSPackageNames(prefixes)[prefix]
}
