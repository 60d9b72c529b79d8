package resolve

import (
	"errors"
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/naming"
)

// Package is the Go view of one service: the model plus every Go name the emitter
// prints. Slices run parallel to the model's.
type Package struct {
	Service    *model.Service
	Dir        string // output folder below the generated root, slash-separated
	Name       string // Go package name
	ImportPath string
	// Sources is the sources folder's name as generated comments cite a page
	// ("sources/tencentcloud/ccc.html"): the base name of the folder the run
	// read, set by the pipeline; empty reads as "sources".
	Sources string
	Runtime *Runtime  // the shared runtime package it imports (Tencent CAM), or nil
	AWS     *AWSNames // the Go names only AWS packages have (awsnames.go), or nil

	Actions   []GoAction
	Resources []GoResourceType
	Scopes    []GoScope

	// Diagnostics are what naming found worth a look (names numbered to avoid a
	// clash). They are kept here, not appended to the model: Tree reads the model
	// and writes nothing back.
	Diagnostics []model.Diagnostic
}

// GoAction names one action.
type GoAction struct {
	Ident string // ActionCreateStaff
}

// GoResourceType names the builder of one resource type.
type GoResourceType struct {
	Func   string   // SdkAppIdResource
	Params []string // one per placeholder, in pattern order
}

// GoScope names one scope.
type GoScope struct {
	Ident string // ScopeMemberRead
}

// Runtime is a package of templates/ that generated services import.
type Runtime struct {
	Template   string // folder below templates/, "cam"
	Dir        string // output folder, "tencentcloud/cam"
	Name       string
	ImportPath string
}

// Tree gives every service its package and Go names. importRoot is the import path of
// the generated root. Errors name both sources of any clash.
func Tree(services []*model.Service, importRoot string) ([]*Package, []*Runtime, error) {
	var errs []error
	var pkgs []*Package
	runtimes := map[string]*Runtime{}
	var awsPrefixes []string
	for _, s := range services {
		if s.Kind == model.FormatAWSSAR {
			awsPrefixes = append(awsPrefixes, s.ShortName)
		}
	}
	awsNames := naming.AWSPackageNames(awsPrefixes)
	for _, s := range services {
		p := &Package{Service: s}
		switch s.Kind {
		case model.FormatAWSSAR:
			p.awsPackage(path.Join(AWSDir, awsNames[s.ShortName]), importRoot)
		case model.FormatTencentCAM:
			name := naming.PackageName(s.ShortName)
			if name == "cam" {
				name = "camapi" // the runtime package owns "cam"
			}
			p.Dir = path.Join(s.Source.Vendor, name)
			rdir := path.Join(s.Source.Vendor, "cam")
			if runtimes[rdir] == nil {
				runtimes[rdir] = &Runtime{Template: "cam", Dir: rdir, Name: "cam", ImportPath: path.Join(importRoot, rdir)}
			}
			p.Runtime = runtimes[rdir]
		default:
			errs = append(errs, fmt.Errorf("%s: no layout for format %q here; its vendor lays it out (NewPackage)", s.Source.File, s.Kind))
			continue
		}
		if s.Source.Package != "" {
			p.Dir = path.Clean(s.Source.Package)
		}
		p.Name = naming.PackageName(path.Base(p.Dir))
		p.ImportPath = path.Join(importRoot, p.Dir)
		if p.AWS != nil {
			// named by awsPackage
		} else if err := p.name(); err != nil {
			errs = append(errs, err)
		}
		pkgs = append(pkgs, p)
	}
	sort.Slice(pkgs, func(i, j int) bool { return pkgs[i].Dir < pkgs[j].Dir })
	dirs := map[string]*Package{}
	if len(awsPrefixes) > 0 {
		for _, d := range []string{AWSIAMDir, AWSARNDir, AWSGlobalDir, AWSCatalogDir} {
			dirs[d] = nil
		}
	}
	for _, r := range runtimes {
		dirs[r.Dir] = nil
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
	var rts []*Runtime
	for _, r := range runtimes {
		rts = append(rts, r)
	}
	sort.Slice(rts, func(i, j int) bool { return rts[i].Dir < rts[j].Dir })
	return pkgs, rts, errors.Join(errs...)
}

// NewPackage is the package of s in folder dir below the generated root (the
// manifest's "package" wins), with its Go names: the layout of a vendor whose
// packages need no names beyond its entries'.
func NewPackage(s *model.Service, dir, importRoot string) (*Package, error) {
	p := &Package{Service: s, Dir: dir}
	if s.Source.Package != "" {
		p.Dir = path.Clean(s.Source.Package)
	}
	p.Name = naming.PackageName(path.Base(p.Dir))
	p.ImportPath = path.Join(importRoot, p.Dir)
	return p, p.name()
}

// CheckFolders refuses two packages in one folder, naming both pages.
func CheckFolders(pkgs []*Package) error {
	var errs []error
	dirs := map[string]*Package{}
	for _, p := range pkgs {
		if prev, dup := dirs[p.Dir]; dup {
			errs = append(errs, fmt.Errorf("%s: package folder %q is already used by %s; set \"package\" in the manifest", p.Service.Source.File, p.Dir, prev.Service.Source.File))
			continue
		}
		dirs[p.Dir] = p
	}
	return errors.Join(errs...)
}

// name gives Go names to the package's symbols and checks them for clashes. Scopes
// that differ only where Go names cannot (member:toggle vs member:Toggle) are
// numbered in sorted order, which does not depend on the page's order, and reported.
func (p *Package) name() error {
	s := p.Service
	owner := map[string]string{}
	for _, f := range naming.Fixed() {
		owner[f] = "the package's own API"
	}
	var errs []error
	claim := func(id, who string, pos model.Pos) bool {
		if prev, ok := owner[id]; ok {
			errs = append(errs, model.Errorf(pos, "Go name %s of %s clashes with %s", id, who, prev))
			return false
		}
		owner[id] = fmt.Sprintf("%s (%s)", who, pos)
		return true
	}
	for _, a := range s.Actions {
		id := naming.Action(a.Name)
		claim(id, "action "+a.Name, a.Pos)
		p.Actions = append(p.Actions, GoAction{Ident: id})
	}
	for _, rt := range s.ResourceTypes {
		id := naming.ResourceBuilder(rt.Service, rt.Name, s.ShortName)
		claim(id, "resource type "+rt.Service+"/"+rt.Name, model.Pos{File: s.Source.File})
		g := GoResourceType{Func: id}
		used := map[string]int{}
		for _, ph := range rt.Placeholders {
			n := naming.Param(ph)
			used[n]++
			if used[n] > 1 {
				n = fmt.Sprintf("%s%d", n, used[n])
			}
			g.Params = append(g.Params, n)
		}
		p.Resources = append(p.Resources, g)
	}
	count := map[string]int{}
	for _, sc := range s.Scopes {
		id := naming.Scope(sc.Namespace, sc.Verb)
		count[id]++
		if count[id] > 1 {
			first := owner[id]
			id = fmt.Sprintf("%s_%d", id, count[id])
			p.Diagnostics = append(p.Diagnostics, model.Diagnostic{Pos: sc.Pos, Code: "go-name-collision",
				Msg: fmt.Sprintf("scope %s gets Go name %s because %s is taken by %s", sc.Name, id, id[:strings.LastIndex(id, "_")], first)})
		}
		claim(id, "scope "+sc.Name, sc.Pos)
		p.Scopes = append(p.Scopes, GoScope{Ident: id})
	}
	return errors.Join(errs...)
}
