package camresolve

import "github.com/permgen/permgen/internal/model"

// Derive computes the facts that follow from a service's entries, live and deprecated
// alike: the resource types its actions' patterns name (the
// builders). It runs once, after history merged the entries that vanished, and
// replaces whatever a previous snapshot carried, so that data flows one way (page ->
// entries -> history -> derived facts -> names) and a deprecated entry keeps every
// relation until it is pruned. Its anomalies are appended to s.Diagnostics.
func Derive(s *model.Service) {
	var ds []model.Diagnostic
	s.ResourceTypes, ds = resourceTypes(s.Actions)
	s.Diagnostics = append(s.Diagnostics, ds...)
}
