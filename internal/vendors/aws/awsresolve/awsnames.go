package awsresolve

import (
	"errors"
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/naming"
	"github.com/permgen/permgen/internal/resolve"
)

// AWS package layout. Every service prefix becomes generated/aws/<pkg>
// (naming.AWSPackageNames); the shared packages below sit beside them.
const (
	Dir        = "aws"
	IAMDir     = "aws/iam"     // templates/aws/iam: records shared by every service
	ARNDir     = "aws/iamarn"  // templates/aws/iamarn: ARN type, builders, matching
	GlobalDir  = "aws/global"  // the aws: condition keys
	CatalogDir = "aws/catalog" // every action and resource type of the tree
)

// Reserved are the folders of the shared packages, which no service package may use.
var Reserved = []string{IAMDir, ARNDir, GlobalDir, CatalogDir}

// Names are the Go names of an AWS service package beyond Package.Actions
// (ActionGetObject) and Package.Resources (ObjectARN and its parameters): the
// resolve.Package's VendorNames.
type Names struct {
	Root string // import path of the AWS tree, ".../generated/aws"
	// Keys run parallel to Service.ConditionKeys; Ident is empty for the aws:
	// keys, which package global declares.
	Keys []GoConditionKey
}

// GoConditionKey names one condition key: a constant, or for a templated key
// ("s3:ExistingObjectTag/<key>") a function with one parameter per placeholder.
type GoConditionKey struct {
	Ident  string   // ConditionKeyAuthType, ConditionKeyExistingObjectTag
	Pieces []string // the name cut at placeholders: literal, placeholder, literal, ...
	Params []string // one per placeholder; nil for a constant
}

// ConditionKey names key in a package whose own prefix is prefix.
func ConditionKey(prefix, key string) GoConditionKey {
	id, params := naming.ConditionKey(prefix, key)
	return GoConditionKey{Ident: id, Pieces: naming.ConditionKeyPieces(key), Params: params}
}

// NamesOf returns the AWS names of a package Layout made.
func NamesOf(p *resolve.Package) *Names { return p.VendorNames.(*Names) }

// Layout gives every AWS service its package below importRoot and its Go names:
// folder aws/<pkg> (naming.AWSPackageNames; the manifest's "package" wins). Errors
// name both sources of any clash of folders.
func Layout(services []*model.Service, importRoot string) ([]*resolve.Package, error) {
	var prefixes []string
	for _, s := range services {
		prefixes = append(prefixes, s.ShortName)
	}
	pkgNames := naming.AWSPackageNames(prefixes)
	var pkgs []*resolve.Package
	for _, s := range services {
		p := &resolve.Package{Service: s}
		name(p, path.Join(Dir, pkgNames[s.ShortName]), importRoot)
		if s.Source.Package != "" {
			p.Dir = path.Clean(s.Source.Package)
		}
		p.Name = naming.PackageName(path.Base(p.Dir))
		p.ImportPath = path.Join(importRoot, p.Dir)
		pkgs = append(pkgs, p)
	}
	sort.Slice(pkgs, func(i, j int) bool { return pkgs[i].Dir < pkgs[j].Dir })
	var errs []error
	dirs := map[string]*resolve.Package{}
	if len(pkgs) > 0 {
		for _, d := range Reserved {
			dirs[d] = nil
		}
	}
	for _, p := range pkgs {
		if prev, dup := dirs[p.Dir]; dup {
			other := "the runtime package"
			if prev != nil {
				other = prev.Service.Source.File
			}
			errs = append(errs, fmt.Errorf("%s: package folder %q is already used by %s; set \"package\" in the manifest", p.Service.Source.File, p.Dir, other))
			continue
		}
		dirs[p.Dir] = p
	}
	return pkgs, errors.Join(errs...)
}

// name places an AWS service and names its symbols. Clashes are numbered
// in sorted order and reported in p.Diagnostics; they never stop generation.
func name(p *resolve.Package, dir, importRoot string) {
	s := p.Service
	p.Dir = dir
	names := &Names{Root: path.Join(importRoot, Dir)}
	p.VendorNames = names
	owner := map[string]string{}
	for _, f := range naming.AWSFixed {
		owner[f] = "the package's own API"
	}
	claim := func(id, who string, pos model.Pos) string {
		base := id
		for n := 2; owner[id] != ""; n++ {
			id = fmt.Sprintf("%s_%d", base, n)
		}
		if id != base {
			p.Diagnostics = append(p.Diagnostics, model.Diagnostic{Pos: pos, Code: "go-name-collision",
				Msg: fmt.Sprintf("%s gets Go name %s because %s is taken by %s", who, id, base, owner[base])})
		}
		owner[id] = who
		return id
	}
	for _, a := range s.Actions {
		p.Actions = append(p.Actions, resolve.GoAction{Ident: claim(naming.Action(a.Name), "action "+a.Name, a.Pos)})
	}
	for _, rt := range s.ResourceTypes {
		g := resolve.GoResourceType{Func: claim(naming.ARNBuilder(rt.Name), "resource type "+rt.Name, model.Pos{File: s.Source.File})}
		used := map[string]int{}
		seen := map[string]bool{}
		for _, ph := range rt.Placeholders {
			if seen[ph] || ph == "Partition" {
				continue
			}
			seen[ph] = true
			n := naming.ARNParam(ph)
			used[n]++
			if used[n] > 1 {
				n = fmt.Sprintf("%s%d", n, used[n])
			}
			g.Params = append(g.Params, n)
		}
		p.Resources = append(p.Resources, g)
	}
	// Constants first, then templated keys: a templated key whose words meet a
	// constant's ("codebuild:secondarySources.location" and
	// "codebuild:secondarySources/${sourceIdentifier}.location") names its
	// placeholders too, whatever the order of the page.
	names.Keys = make([]GoConditionKey, len(s.ConditionKeys))
	for pass := 0; pass < 2; pass++ {
		for i, k := range s.ConditionKeys {
			if strings.HasPrefix(strings.ToLower(k.Name), "aws:") {
				continue
			}
			g := ConditionKey(s.ShortName, k.Name)
			if (len(g.Params) > 0) != (pass == 1) {
				continue
			}
			if owner[g.Ident] != "" && len(g.Params) > 0 {
				g.Ident = naming.ConditionKeyWithPlaceholders(s.ShortName, k.Name)
			}
			g.Ident = claim(g.Ident, "condition key "+k.Name, model.Pos{File: s.Source.File})
			names.Keys[i] = g
		}
	}
}
