package resolve

import (
	"errors"
	"fmt"
	"path"
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
	Runtime *Runtime // the shared runtime package it imports, or nil
	// VendorNames are the Go names only the vendor's packages have, as its
	// Layout gives them and its emitter reads them (AWS's condition keys), or nil.
	VendorNames any

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
	Template   string // folder below templates/
	Dir        string // output folder below the generated root
	Name       string
	ImportPath string
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
