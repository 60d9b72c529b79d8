package awsemit

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/permgen/permgen/internal/emit"
	"github.com/permgen/permgen/internal/gowrite"
	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/naming"
	"github.com/permgen/permgen/internal/resolve"
	"github.com/permgen/permgen/internal/vendors/aws/awsresolve"
	"github.com/permgen/permgen/internal/write"
	"github.com/permgen/permgen/templates"
)

// templateImportRoot is the import path the AWS runtime templates use for each
// other; copies in a generated tree import their siblings there instead.
const templateImportRoot = "github.com/permgen/permgen/templates/aws"

// awsTree renders what the AWS service packages share: the runtimes of
// templates/aws (every folder there, so a new runtime needs no emitter change),
// the tree-wide condition key table of package iam, package global (the aws:
// keys) and package catalog (every action and resource type).
func awsTree(pkgs []*resolve.Package) ([]write.File, error) {
	root := awsresolve.NamesOf(pkgs[0]).Root
	// What the shared files are generated from, as their headers cite it.
	from := "every page of " + emit.SourcesName(pkgs[0].Sources) + "/aws"
	var files []write.File
	entries, err := fs.ReadDir(templates.FS, "aws")
	if err != nil {
		return nil, fmt.Errorf("templates/aws: %w", err)
	}
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		fs, err := awsRuntime(e.Name(), root)
		if err != nil {
			return nil, err
		}
		files = append(files, fs...)
		if e.Name() == "iam" { // the runtime every service package imports
			files = append(files, emit.VersionFile("aws/iam", "iam", "templates/aws/iam", GenVersion))
		}
	}
	if root == ModulePath {
		files = append(files, write.File{Path: path.Join(awsresolve.Dir, "go.mod"), Data: []byte(awsGoMod())})
	}
	keys := awsAllKeys(pkgs)
	for _, f := range []func() (write.File, error){
		func() (write.File, error) { return awsKeyTypes(root, keys, from) },
		func() (write.File, error) { return awsGlobal(root, keys, from) },
		func() (write.File, error) { return awsCatalog(root, pkgs, from) },
	} {
		file, err := f()
		if err != nil {
			return nil, err
		}
		files = append(files, file)
	}
	return files, nil
}

// ModulePath is the module the AWS tree of this repository is published as:
// generated/aws is a nested module, so that a user who imports one AWS package
// downloads the AWS tree only, and a user of the Tencent or Stella packages
// downloads none of it (docs/aws-layout.md has the measurements). A tree
// generated into another module (go generate in a user's repository) gets no
// go.mod and stays part of that module.
const ModulePath = "github.com/permgen/permgen/generated/aws"

// GenVersion is emit.GenVersion for templates/aws/iam and the AWS service
// packages that import it.
//
// 2: service packages call iam.ActionTable for String, MarshalText and
// ParseAction instead of carrying that code (issue 21).
// 3: ParseAction compares its constant prefix itself and calls
// iam.(*ActionTable).Find, new in the runtime (issue 21).
const GenVersion = 3

// awsGoMod is the nested module's go.mod.
func awsGoMod() string { return emit.NestedGoMod(ModulePath, "templates/aws") }

// awsRuntime copies templates/aws/<name> into aws/<name>, rewriting the imports
// of sibling runtimes to the generated tree's.
func awsRuntime(name, root string) ([]write.File, error) {
	dir := "aws/" + name
	return emit.CopyRuntime(dir, dir, "", func(p string) (string, bool, error) {
		rest, ok := strings.CutPrefix(p, templateImportRoot+"/")
		return root + "/" + rest, ok, nil
	})
}

// awsKey is one condition key of the tree, from the first page (in prefix
// order) that defines it; names compare without regard to case, as IAM does.
type awsKey struct {
	model.ConditionKey
	prefix string // the page's service prefix
}

func awsAllKeys(pkgs []*resolve.Package) []awsKey {
	seen := map[string]bool{}
	var out []awsKey
	for _, p := range pkgs {
		for _, k := range p.Service.ConditionKeys {
			l := strings.ToLower(k.Name)
			if seen[l] {
				continue
			}
			seen[l] = true
			out = append(out, awsKey{k, p.Service.ShortName})
		}
	}
	// Global keys that rows use but no table defines still get a name in
	// package global; their type is unknown.
	for _, p := range pkgs {
		var used []string
		for _, a := range p.Service.Actions {
			used = append(used, a.ConditionKeys...)
			for _, r := range a.ResourceTypes {
				used = append(used, r.ConditionKeys...)
			}
		}
		for _, rt := range p.Service.ResourceTypes {
			used = append(used, rt.ConditionKeys...)
		}
		for _, k := range used {
			l := strings.ToLower(k)
			if seen[l] || !strings.HasPrefix(l, "aws:") {
				continue
			}
			seen[l] = true
			out = append(out, awsKey{model.ConditionKey{Name: k}, p.Service.ShortName})
		}
	}
	sort.Slice(out, func(i, j int) bool { return strings.ToLower(out[i].Name) < strings.ToLower(out[j].Name) })
	return out
}

// awsKeyTypes writes the table behind iam.ConditionKey.Type: exact keys by
// lower-case name, templated keys by the lower-case text before their first
// placeholder (templates/aws/iam/fixture.go stands in for it in the template's
// own tests).
func awsKeyTypes(root string, keys []awsKey, from string) (write.File, error) {
	// The file is part of package iam: its type constants print bare.
	iamPkg := gowrite.ImportPath(root + "/iam")
	g := emit.NewGoFile(path.Join(awsresolve.IAMDir, "keytypes.go"), iamPkg, "iam", from)
	var exact, tmpl []string
	seenT := map[string]bool{}
	for _, k := range keys {
		if k.Type == "" {
			continue // used by a row, defined by no table: Type stays unknown
		}
		pieces := naming.ConditionKeyPieces(k.Name)
		l := strings.ToLower(pieces[0])
		row := fmt.Sprintf("\t{%s, %s},\n", strconv.Quote(l), g.Q(awsTypeConst(iamPkg, k.Type)))
		if len(pieces) == 1 {
			exact = append(exact, row)
		} else if !seenT[l] {
			seenT[l] = true
			tmpl = append(tmpl, row)
		}
	}
	sort.Strings(tmpl) // rows start with the quoted lower-case prefix
	b := g
	b.WriteString("// conditionKeyTable holds every condition key the tree's pages define, by\n// lower-case name, with its type; ConditionKey.Type searches it.\n")
	fmt.Fprintf(b, "var conditionKeyTable = [%d]conditionKeyEntry{%s%s}\n\n", len(exact), openList(len(exact)), strings.Join(exact, ""))
	b.WriteString("// conditionKeyTemplates holds the templated keys by the lower-case text before\n// their placeholder (\"aws:requesttag/\").\n")
	fmt.Fprintf(b, "var conditionKeyTemplates = [%d]conditionKeyEntry{%s%s}\n", len(tmpl), openList(len(tmpl)), strings.Join(tmpl, ""))
	return g.Content()
}

// awsGlobal writes package global: AWS's global condition keys (aws:...) that
// the pages reference, each from the first page that defines it.
func awsGlobal(root string, keys []awsKey, from string) (write.File, error) {
	iamPkg := gowrite.ImportPath(root + "/iam")
	g := emit.NewGoFile(path.Join(awsresolve.GlobalDir, "global.go"), gowrite.ImportPath(root+"/global"), "global", from)
	g.PackageDoc = []string{"Package global declares AWS's global condition keys (aws:...) that the",
		"Service Authorization Reference pages of the tree list, with the type and",
		"description of the first page (in service prefix order) that defines each."}
	owner := map[string]string{"ConditionKeys": "the package's own API"}
	var rows []string
	for _, k := range keys {
		if !strings.HasPrefix(strings.ToLower(k.Name), "aws:") {
			continue
		}
		gk := awsresolve.ConditionKey("aws", k.Name)
		base := gk.Ident
		for n := 2; owner[gk.Ident] != ""; n++ {
			gk.Ident = fmt.Sprintf("%s_%d", base, n)
		}
		owner[gk.Ident] = k.Name
		awsKeyDecl(g, iamPkg, gk, k.ConditionKey)
		rows = append(rows, fmt.Sprintf("\t{%s, %s, %s},\n", strconv.Quote(k.Name), strconv.Quote(k.Description), g.Q(awsTypeConst(iamPkg, k.Type))))
	}
	g.Doc("", "ConditionKeys returns the global keys, sorted by lower-case name; a templated", "key keeps its placeholder.")
	awsCopyTable(g, "ConditionKeys", iamPkg.Ident("ConditionKeyInfo"), "conditionKeyInfos")
	g.P("type conditionKeyInfo ", iamPkg.Ident("ConditionKeyInfo"))
	g.P()
	g.P(fmt.Sprintf("var conditionKeyInfos = [%d]conditionKeyInfo{%s%s}", len(rows), openList(len(rows)), strings.Join(rows, "")))
	return g.Content()
}
