package pipeline

import (
	"errors"
	"fmt"
	"path"
	"sort"

	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/resolve"
	"github.com/permgen/permgen/internal/vendor"
	"github.com/permgen/permgen/internal/work"
	"github.com/permgen/permgen/internal/write"
)

// owner is the vendor of a service of the run: page resolved it with that vendor,
// so it exists.
func owner(s *model.Service) vendor.Vendor {
	v, ok := vendors.Owner(s.Kind)
	if !ok {
		panic(fmt.Sprintf("pipeline: no vendor owns kind %q of %s", s.Kind, s.Source.File))
	}
	return v
}

// byVendor splits services by owner, in registry order, each vendor's in the order
// given.
func byVendor(services []*model.Service) [][]*model.Service {
	out := make([][]*model.Service, len(vendors))
	for _, s := range services {
		for i, v := range vendors {
			if v == owner(s) {
				out[i] = append(out[i], s)
			}
		}
	}
	return out
}

// finish lets each vendor finish its services together, and keeps the sources
// order: a service a vendor kept stays where its page was, one it made goes after
// the pages it came from.
func finish(services []*model.Service) ([]*model.Service, error) {
	at := map[*model.Service]int{}
	for i, s := range services {
		at[s] = i
	}
	var out []*model.Service
	var errs []error
	for i, ss := range byVendor(services) {
		if len(ss) == 0 {
			continue
		}
		done, err := vendors[i].Finish(ss)
		if err != nil {
			errs = append(errs, err)
		}
		out = append(out, done...)
	}
	sort.SliceStable(out, func(i, j int) bool { return place(at, out[i]) < place(at, out[j]) })
	return out, errors.Join(errs...)
}

func place(at map[*model.Service]int, s *model.Service) int {
	if i, ok := at[s]; ok {
		return i
	}
	return len(at)
}

// layout names every vendor's packages, and refuses two vendors' packages (or a
// package and a folder another vendor reserves) in one folder; each vendor checks
// its own.
func layout(services []*model.Service, importRoot string) ([]vendor.Layout, error) {
	var errs []error
	layouts := make([]vendor.Layout, len(vendors))
	for i, ss := range byVendor(services) {
		l, err := vendors[i].Layout(ss, importRoot)
		if err != nil {
			errs = append(errs, err)
		}
		layouts[i] = l
	}
	type use struct {
		vendor int
		pkg    *resolve.Package
	}
	dirs := map[string]use{}
	for i, l := range layouts {
		for _, d := range l.Reserved {
			dirs[path.Clean(d)] = use{vendor: i}
		}
	}
	for i, l := range layouts {
		for _, p := range l.Packages {
			prev, dup := dirs[p.Dir]
			if dup && prev.vendor != i {
				other := "the runtime package"
				if prev.pkg != nil {
					other = prev.pkg.Service.Source.File
				}
				errs = append(errs, fmt.Errorf("%s: package folder %q is already used by %s; set \"package\" in the manifest", p.Service.Source.File, p.Dir, other))
				continue
			}
			if !dup {
				dirs[p.Dir] = use{vendor: i, pkg: p}
			}
		}
	}
	return layouts, errors.Join(errs...)
}

// emitTree renders every vendor's shared files, then every package, in parallel.
func emitTree(layouts []vendor.Layout, pkgs []*resolve.Package, src vendor.Sources) ([]write.File, error) {
	var files []write.File
	var errs []error
	results := make([][]write.File, len(pkgs))
	perr := make([]error, len(pkgs))
	work.Each(len(pkgs), func(i int) { results[i], perr[i] = owner(pkgs[i].Service).Emit(pkgs[i]) })
	for i, fs := range results {
		files = append(files, fs...)
		errs = append(errs, perr[i])
	}
	for i, l := range layouts {
		fs, err := vendors[i].EmitTree(l, src)
		if err != nil {
			errs = append(errs, err)
		}
		files = append(files, fs...)
	}
	return files, errors.Join(errs...)
}
