package campolicy

import (
	"strings"

	"github.com/permgen/permgen/templates/cam"
)

// acceptsResource reports whether CAM can restrict the action to r: never for an action
// that is authorized only on "*"; otherwise when r's type is one of the action's resource
// types, or when the page lists no types to check against.
func acceptsResource(i cam.ActionInfo, r cam.Resource) bool {
	if i.Granularity.WildcardOnly() {
		return false
	}
	if i.ResourceTypes.Len() == 0 {
		return true
	}
	for rest := string(i.ResourceTypes); rest != ""; {
		var t string
		t, rest, _ = strings.Cut(rest, cam.NamesSep)
		if matchType(r, t) {
			return true
		}
	}
	return false
}

// matchType reports whether r, possibly a pattern, can name a resource of type t
// ("service/type").
func matchType(r cam.Resource, t string) bool {
	svc, typ, ok := strings.Cut(t, "/")
	if !ok {
		return false
	}
	return (r.Service == "" || MatchPattern(r.Service, svc)) && MatchPattern(r.Type(), typ)
}
