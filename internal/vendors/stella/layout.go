package stella

import (
	"errors"
	"path"
	"sort"
	"strings"

	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/naming"
	"github.com/permgen/permgen/internal/resolve"
	"github.com/permgen/permgen/internal/vendor"
)

// Layout implements vendor.Vendor: a vendor folder's one scope table is the package
// <vendor>; when the folder has several, each is <vendor>/<page name>.
func (Vendor) Layout(services []*model.Service, importRoot string) (vendor.Layout, error) {
	pages := map[string]int{}
	for _, s := range services {
		pages[s.Source.Vendor]++
	}
	var l vendor.Layout
	var errs []error
	for _, s := range services {
		dir := s.Source.Vendor
		if pages[s.Source.Vendor] > 1 {
			base := strings.TrimSuffix(path.Base(s.Source.File), path.Ext(s.Source.File))
			dir = path.Join(s.Source.Vendor, naming.PackageName(base))
		}
		p, err := resolve.NewPackage(s, dir, importRoot)
		if err != nil {
			errs = append(errs, err)
		}
		l.Packages = append(l.Packages, p)
	}
	sort.Slice(l.Packages, func(i, j int) bool { return l.Packages[i].Dir < l.Packages[j].Dir })
	errs = append(errs, resolve.CheckFolders(l.Packages))
	return l, errors.Join(errs...)
}
