package resolve

import "github.com/permgen/permgen/internal/model"

// Derive fills the facts worked out from a whole service rather than from one row
// (a Tencent service's resource types, from every action's patterns). It runs after
// history kept vanished actions, so that their resource builders stay too, and
// before Tree, which only names: the model is complete without any Go.
func Derive(services []*model.Service) {
	for _, s := range services {
		if s.Kind == model.FormatTencentCAM {
			var ds []model.Diagnostic
			s.ResourceTypes, ds = resourceTypes(s.Actions)
			s.Diagnostics = append(s.Diagnostics, ds...)
		}
	}
}
