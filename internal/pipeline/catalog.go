package pipeline

import (
	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/templates/cam"
)

// CAMActions returns the actions of every Tencent CAM service of the run as the CAM
// runtime describes them, sorted by service then name: the catalog the policy
// linter and writer check against. It comes from the same model the generated
// tables are printed from, so the two cannot disagree.
func (r *Result) CAMActions() []cam.ActionInfo {
	var out []cam.ActionInfo
	for _, p := range r.Packages {
		s := p.Service
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
