package camguard

import (
	"context"

	"github.com/permgen/permgen/templates/cam"
	"github.com/permgen/permgen/templates/campolicy"
)

// Call is one Tencent Cloud API 3.0 request as an SDK transport (camhttp) reads it off
// the wire, or as a test or a program of its own makes it.
type Call struct {
	Action   cam.Action   // the API, e.g. ccc.ActionCreateStaff
	Version  string       // API version, e.g. "2020-02-10"
	Region   string       // region the request is sent to; may be empty
	Resource cam.Resource // the resource the call touches, for authorization; zero for none
	// Resources lists every resource the call touches when there are several (an
	// InstanceIds.N parameter names one each). When it is not empty, Resource is
	// ignored.
	Resources []cam.Resource
	// Unfilled names the placeholders of the action's resource patterns that nothing
	// in the request filled, e.g. "${SdkAppId}". A Recorder's Policy reports such a
	// call instead of granting "*". A Guard decides it with the placeholder unknown
	// (see campolicy.Unknown); one that no resource carries makes the call touch a resource
	// nobody named, which only an allow on "*" covers and any deny of the action may.
	Unfilled []string
	// Unknown says what the transport could not know about the call (see campolicy.Unknown): the
	// parts of its resources left as placeholders ("uin" for ".../uin/${uin}:..."), a
	// resource it could not name at all, condition keys it could not observe. A Guard
	// decides with them, so an allow must hold for every value and a deny applies if it
	// could apply for some.
	Unknown campolicy.Unknown
	// Hints says, for an unknown's name, how the program makes it known, e.g.
	// {"uin": "set camhttp.Options{Uin: …} to the account the calls are made as"}.
	// A denial or a Recorder's report that an unknown decided repeats it.
	Hints map[string]string
	// Retry marks a repeat of a call already made (same signed request, or same
	// ClientToken): a Guard checks it again, a Recorder does not record it twice.
	Retry   bool
	Request any // the request body, or for camhttp the *http.Request
}

// AllResources returns the resources the call touches: Resources, else Resource alone.
// The zero Resource stands for "no specific resource".
func (c *Call) AllResources() []cam.Resource {
	if len(c.Resources) > 0 {
		return c.Resources
	}
	return []cam.Resource{c.Resource}
}

// Known reports whether the call's action comes from a catalog: an action with no
// granularity (an ActionInfo made up at run time for an API that no CAM page lists) is
// unknown, and Guard denies it.
func (c *Call) Known() bool {
	return c.Action != nil && c.Action.Info().Granularity != cam.UnknownGranularity
}

// Transport sends calls. Generated clients call Do with a pointer to their response type.
type Transport interface {
	Do(ctx context.Context, call *Call, response any) error
}

// TransportFunc adapts a function to Transport.
type TransportFunc func(ctx context.Context, call *Call, response any) error

// Do calls f.
func (f TransportFunc) Do(ctx context.Context, call *Call, response any) error {
	return f(ctx, call, response)
}
