// Package camresolve turns a scraped Tencent Cloud "APIs supporting CAM" page into
// the model (Entries: facts and actions in CAM's closed vocabularies, resource
// patterns parsed), derives the resource types the patterns name (Derive) and
// lays the products out as packages that share one cam runtime (Layout). The
// vendor-neutral frame (overrides, normalized text, Go names) is
// internal/resolve's.
package camresolve

import (
	"errors"
	"fmt"
	"path"
	"sort"

	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/naming"
	"github.com/permgen/permgen/internal/resolve"
)

// camFields are the fields of a Tencent CAM page.
var camFields = resolve.OverrideFields{
	Rows: []string{model.KeyAPI, model.KeyDescription, model.KeyGranularity, model.KeyResource, model.KeyIP},
	Facts: []string{model.FactProductName, model.FactShortName, model.FactConsoleAccess, model.FactTagAuthorization,
		model.FactGranularity, model.FactIPRestriction},
	RowKind: "action",
}

// Entries resolves the entries of one page in resolve's frame (resolve.Page),
// with the overrides that name its file, and derives nothing: history merges
// the actions that vanished first, so that Derive sees every one.
func Entries(p *model.Page, ovs []model.Override) (*model.Service, error) {
	return resolve.Page(p, ovs, camFields, resolveCAM)
}

// Layout gives every product its package below importRoot, <vendor>/<short
// name> ("camapi" for CAM's own, since the runtime package owns "cam"), and the
// cam runtime they share, one per vendor folder. Errors name both sources of
// any clash of folders.
func Layout(services []*model.Service, importRoot string) ([]*resolve.Package, []*resolve.Runtime, error) {
	var errs []error
	var pkgs []*resolve.Package
	runtimes := map[string]*resolve.Runtime{}
	for _, s := range services {
		name := naming.PackageName(s.ShortName)
		if name == "cam" {
			name = "camapi" // the runtime package owns "cam"
		}
		rdir := path.Join(s.Source.Vendor, "cam")
		if runtimes[rdir] == nil {
			runtimes[rdir] = &resolve.Runtime{Template: "cam", Dir: rdir, Name: "cam", ImportPath: path.Join(importRoot, rdir)}
		}
		p, err := resolve.NewPackage(s, path.Join(s.Source.Vendor, name), importRoot)
		if err != nil {
			errs = append(errs, err)
		}
		p.Runtime = runtimes[rdir]
		pkgs = append(pkgs, p)
	}
	sort.Slice(pkgs, func(i, j int) bool { return pkgs[i].Dir < pkgs[j].Dir })
	dirs := map[string]*resolve.Package{}
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
	var rts []*resolve.Runtime
	for _, r := range runtimes {
		rts = append(rts, r)
	}
	sort.Slice(rts, func(i, j int) bool { return rts[i].Dir < rts[j].Dir })
	return pkgs, rts, errors.Join(errs...)
}
