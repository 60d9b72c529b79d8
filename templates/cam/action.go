package cam

import "strings"

// Action is one CAM-authorized API. Every generated service package has an Action type
// that implements it; ActionInfo implements it too, for actions known only at run time.
type Action interface {
	// String returns the name CAM policies use, "<service>:<API>", e.g. "ccc:CreateStaff".
	String() string
	// Info returns the action's metadata as the vendor's page gives it.
	Info() ActionInfo
}

// ActionInfo is what a CAM page says about one API.
type ActionInfo struct {
	Service       string      // CAM short name, "ccc"
	Name          string      // API name in the vendor's spelling, "CreateStaff"
	Description   string      // verbatim from the page; may be empty
	Category      Category    // from the section the action is listed in
	Section       string      // that section's heading as found, e.g. "写操作"
	Granularity   Granularity // how finely CAM can authorize it
	IPRestriction Support     // whether an IP condition is honoured
	// Resources are the six-segment patterns the action may be restricted to, with
	// ${placeholders}; ["*"] for an operation-level action.
	Resources []string
	// ResourceTypes are the types of Resources as "service/type", e.g. "ccc/SdkAppId";
	// nil when Resources is ["*"].
	ResourceTypes []string
	// Deprecated is "removed from <page> on <date>" when the action vanished from the
	// docs and is kept only so that code naming it compiles; "" otherwise.
	Deprecated string
}

// String returns "<service>:<name>", the form policies use.
func (i ActionInfo) String() string { return i.Service + ":" + i.Name }

// Info returns i, so that an ActionInfo can stand for an Action that has no generated
// constant, e.g. one read from a file.
func (i ActionInfo) Info() ActionInfo { return i }

// acceptsResource reports whether CAM can restrict the action to r: never for an action
// that is authorized only on "*"; otherwise when r's type is one of the action's resource
// types, or when the page lists no types to check against.
func (i ActionInfo) acceptsResource(r Resource) bool {
	if i.Granularity.wildcardOnly() {
		return false
	}
	if len(i.ResourceTypes) == 0 {
		return true
	}
	for _, t := range i.ResourceTypes {
		if matchType(r, t) {
			return true
		}
	}
	return false
}

// matchType reports whether r, possibly a pattern, can name a resource of type t
// ("service/type").
func matchType(r Resource, t string) bool {
	svc, typ, ok := strings.Cut(t, "/")
	if !ok {
		return false
	}
	return (r.Service == "" || MatchPattern(r.Service, svc)) && MatchPattern(r.Type(), typ)
}

// ServiceInfo is what a CAM page's 基本信息 table says about the whole service, and
// where the page came from.
type ServiceInfo struct {
	Name             string // product name as the page gives it, "云呼叫中心"
	ShortName        string // CAM short name, "ccc"
	APIVersion       string // Tencent Cloud API 3.0 version, e.g. "2020-02-10"
	Source           string // the snapshot the package was generated from
	URL              string // where the vendor publishes the page
	ConsoleAccess    Support
	TagAuthorization Support
	Granularity      Granularity // the page-level value; actions may be finer
	IPRestriction    Support
}
