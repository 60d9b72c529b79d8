package tencentcloud

import (
	"slices"
	"sort"

	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/templates/cam"
)

// CAMActions returns the actions of every Tencent CAM service among services as
// the CAM runtime describes them, sorted by service then name: the catalog the
// policy linter and writer check against. It comes from the same model the
// generated tables are printed from, so the two cannot disagree.
func CAMActions(services []*model.Service) []cam.ActionInfo {
	services = slices.Clone(services)
	key := func(s *model.Service) string { return s.Source.Vendor + "/" + s.ShortName }
	sort.SliceStable(services, func(i, j int) bool { return key(services[i]) < key(services[j]) })
	var out []cam.ActionInfo
	for _, s := range services {
		if s.Kind != model.FormatTencentCAM {
			continue
		}
		for _, a := range s.Actions {
			info := cam.ActionInfo{Service: s.ShortName, Name: a.Name, Description: a.Description, Section: a.Section}
			// The model's values are the runtime's names; an unknown one stays zero.
			_ = info.Category.UnmarshalText([]byte(a.Category))
			_ = info.Granularity.UnmarshalText([]byte(a.Granularity))
			_ = info.IPRestriction.UnmarshalText([]byte(a.IPRestriction))
			info.Resources, info.ResourceTypes = cam.NewNames(a.Patterns()...), cam.NewNames(a.TypeNames()...)
			out = append(out, info)
		}
	}
	return out
}
