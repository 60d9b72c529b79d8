package cam

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"
)

// Call is one Tencent Cloud API 3.0 request as a generated Client or an SDK transport
// (camhttp) makes it.
type Call struct {
	Action   Action   // the API, e.g. ccc.ActionCreateStaff
	Version  string   // API version, e.g. "2020-02-10"
	Region   string   // region the request is sent to; may be empty
	Resource Resource // the resource the call touches, for authorization; zero for none
	// Resources lists every resource the call touches when there are several (an
	// InstanceIds.N parameter names one each). When it is not empty, Resource is
	// ignored.
	Resources []Resource
	// Unfilled names the placeholders of the action's resource patterns that nothing
	// in the request filled, e.g. "${SdkAppId}". A Recorder's Policy reports such a
	// call instead of granting "*". A Guard decides it with the placeholder unknown
	// (see Unknown); one that no resource carries makes the call touch a resource
	// nobody named, which only an allow on "*" covers and any deny of the action may.
	Unfilled []string
	// Unknown says what the transport could not know about the call (see Unknown): the
	// parts of its resources left as placeholders ("uin" for ".../uin/${uin}:..."), a
	// resource it could not name at all, condition keys it could not observe. A Guard
	// decides with them, so an allow must hold for every value and a deny applies if it
	// could apply for some.
	Unknown Unknown
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
func (c *Call) AllResources() []Resource {
	if len(c.Resources) > 0 {
		return c.Resources
	}
	return []Resource{c.Resource}
}

// Known reports whether the call's action comes from a catalog: an action with no
// granularity (an ActionInfo made up at run time for an API that no CAM page lists) is
// unknown, and Guard denies it.
func (c *Call) Known() bool {
	return c.Action != nil && c.Action.Info().Granularity != UnknownGranularity
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

// AccessDeniedError is what Guard returns for a call its policies do not allow.
type AccessDeniedError struct {
	Action   Action
	Resource Resource // the first resource of the call that was denied
	Decision Decision
	// Unknown is set when the action is not in the catalog, so no policy was asked.
	Unknown bool
	// Hints say how to make known what the decision had to take as unknown, one per
	// unknown of Decision.Unknowns that the call or the guard has a hint for.
	Hints []string
}

// Error names the action and resource and why the policies denied them, and how to make
// known what the decision could not know.
func (e *AccessDeniedError) Error() string {
	if e.Unknown {
		name := "<nil action>"
		if e.Action != nil {
			name = e.Action.String()
		}
		return "cam: access denied: " + name + " is not a known action; a guard allows only actions of its catalog"
	}
	msg := "cam: access denied: " + e.Decision.String()
	if len(e.Hints) > 0 {
		msg += " (" + strings.Join(e.Hints, "; ") + ")"
	}
	return msg
}

// Guard checks each call against its policies before passing it to Next, so that a
// program learns what CAM would refuse before it sends anything. A denied call returns
// an *AccessDeniedError and never reaches Next. A call is allowed when Evaluate allows
// every resource it touches, with all the policies attached (Policy and Policies) and
// the Boundary if set. Actions not in the catalog are denied.
type Guard struct {
	// Policy is one policy; Policies are more. All of them are evaluated together, as
	// CAM evaluates the policies attached to one identity.
	Policy   Policy
	Policies []Policy
	// Boundary, when set, is the permission boundary: it can only narrow.
	Boundary *Policy
	Next     Transport
	// Caller is who the program calls as; it fills ${uin} and the other policy
	// variables. PolicyOwner is the root account owning the policies, which an empty
	// account segment in a policy's resource stands for. Left empty, statements that
	// need them do not allow (and deny statements apply).
	Caller      Caller
	PolicyOwner Account
	// Context holds condition key values every call is evaluated with, e.g. the
	// program's egress address as "qcs:ip".
	//
	// A key a policy conditions on that is neither in Context nor in Absent is unknown,
	// not absent: a guard cannot observe what CAM will see (the source address, tags,
	// MFA), so an allow conditioned on it does not apply and a deny conditioned on it
	// does, and the denial says to give the key here.
	Context map[string]string
	// Absent lists condition keys the program knows its calls do not carry; conditions
	// on them are decided as the docs decide absent keys (_if_exist holds, the others
	// do not).
	Absent []string
}

// ErrNoTransport is returned by a Guard without a Next transport for calls it allows.
var ErrNoTransport = errors.New("cam: Guard has no Next transport")

// Do evaluates call and, if the policies allow it, sends it through Next.
func (g *Guard) Do(ctx context.Context, call *Call, response any) error {
	if call == nil {
		return errors.New("cam: Guard.Do: nil call")
	}
	if !call.Known() {
		return &AccessDeniedError{Action: call.Action, Resource: call.Resource, Decision: Decision{Policy: -1, Statement: -1, Action: call.Action}, Unknown: true}
	}
	policies := g.Policies
	if len(g.Policy.Statement) > 0 {
		policies = append([]Policy{g.Policy}, g.Policies...)
	}
	ctxValues := SingleValued(g.Context)
	keys := g.unknownKeys(policies, call)
	requests := make([]Request, 0, len(call.AllResources())+1)
	for _, r := range call.AllResources() {
		requests = append(requests, Request{Action: call.Action, Resource: r, Caller: g.Caller, PolicyOwner: g.PolicyOwner, Context: ctxValues,
			Unknown: Unknown{Parts: call.Unknown.Parts, Keys: keys}})
	}
	if call.Unknown.Resource || unnamedResource(call) || unnamedResourceLevel(call) {
		// Part of what the call touches is unnamed: it is decided as unknown, so
		// only an allow on "*" covers it and a deny naming any resource applies.
		requests = append(requests, Request{Action: call.Action, Caller: g.Caller, PolicyOwner: g.PolicyOwner, Context: ctxValues,
			Unknown: Unknown{Resource: true, Keys: keys}})
	}
	for i := range requests {
		if d := Evaluate(requests[i], policies, g.Boundary); !d.Allowed() {
			return &AccessDeniedError{Action: call.Action, Resource: requests[i].Resource, Decision: d, Hints: g.hints(call, &d)}
		}
	}
	if g.Next == nil {
		return ErrNoTransport
	}
	return g.Next.Do(ctx, call, response)
}

// unnamedResource reports whether the call left a placeholder unfilled that none of
// its resources carries: a transport that reports Unfilled but names no resource with
// it (or only other ones) touches something unnamed.
func unnamedResource(call *Call) bool {
	for _, u := range call.Unfilled {
		carried := false
		for _, r := range call.AllResources() {
			if strings.Contains(r.String(), u) {
				carried = true
				break
			}
		}
		if !carried {
			return true
		}
	}
	return false
}

// unnamedResourceLevel reports whether a resource-level call (or one whose level is not
// known) names no resource at all: it touches one all the same, which nobody named, so
// it is unknown rather than "no specific resource". A generated Client's call without
// OnResource is the usual case. Operation- and service-level calls name none by design.
func unnamedResourceLevel(call *Call) bool {
	if call.Action == nil || call.Action.Info().Granularity.wildcardOnly() {
		return false
	}
	for _, r := range call.AllResources() {
		if !r.IsZero() {
			return false
		}
	}
	return true
}

// unknownKeys returns the condition keys the policies read that the guard cannot
// observe: neither in Context nor in Absent, or unknown to the call itself. Sorted.
func (g *Guard) unknownKeys(policies []Policy, call *Call) []string {
	var set map[string]bool // made only when some key is unknown
	add := func(k string) {
		if set == nil {
			set = map[string]bool{}
		}
		set[k] = true
	}
	for _, k := range call.Unknown.Keys {
		add(k)
	}
	read := func(p *Policy) {
		for i := range p.Statement {
			for _, keys := range p.Statement[i].Condition {
				for k := range keys {
					if _, ok := g.Context[k]; !ok && !slices.Contains(g.Absent, k) {
						add(k)
					}
				}
			}
		}
	}
	for i := range policies {
		read(&policies[i])
	}
	if g.Boundary != nil {
		read(g.Boundary)
	}
	if len(set) == 0 {
		return nil
	}
	keys := make([]string, 0, len(set))
	for k := range set {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// hints says how to make known each unknown that decided d: the call's own hints for
// the parts it could not fill, Guard.Context for condition keys.
func (g *Guard) hints(call *Call, d *Decision) []string {
	var out []string
	for _, u := range d.Unknowns() {
		switch h, ok := call.Hints[u]; {
		case ok:
			out = append(out, h)
		case u == unknownResource:
			out = append(out, "the call names no resource the guard can read: name it (cam.OnResource for a generated Client's call)")
		case call.Unknown.hasKey(u):
			out = append(out, "the call could not observe "+u)
		default:
			out = append(out, "give "+u+" in Guard.Context (or list it in Guard.Absent) if the program knows it")
		}
	}
	return out
}

// Recorder remembers every call made through it, then passes the call to Next. With a
// nil Next a call succeeds and leaves the response untouched, which lets a program run
// against no cloud at all to learn which permissions it needs. Retries (Call.Retry)
// are passed on but not recorded again. It is safe for concurrent use.
type Recorder struct {
	Next Transport

	mu    sync.Mutex
	calls []Call
}

// Do records call, before sending it: an attempt needs the permission whether or not
// it succeeds.
func (r *Recorder) Do(ctx context.Context, call *Call, response any) error {
	if call == nil {
		return errors.New("cam: Recorder.Do: nil call")
	}
	if !call.Retry {
		c := *call
		c.Resources = slices.Clone(c.Resources)
		c.Unfilled = slices.Clone(c.Unfilled)
		r.mu.Lock()
		r.calls = append(r.calls, c)
		r.mu.Unlock()
	}
	if r.Next == nil {
		return nil
	}
	return r.Next.Do(ctx, call, response)
}

// Calls returns the calls recorded so far, in the order they were made.
func (r *Recorder) Calls() []Call {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.calls)
}

// CallError is a recorded call that Policy could not turn into a grant without granting
// more than the call needed: its action is not in the catalog, or a placeholder of its
// resource pattern was not filled by the request.
type CallError struct {
	Action   string   // "ccc:CreateStaff"
	Unknown  bool     // the action is not in the catalog
	Unfilled []string // placeholders nothing filled, e.g. "${SdkAppId}"
	// Hints say how to fill them, from Call.Hints, e.g. "set camhttp.Options{Uin: …}
	// to the account the calls are made as" for ${uin}; empty when the call had none.
	Hints []string
}

// Error names the action and what is missing, and how to fill it.
func (e *CallError) Error() string {
	if e.Unknown {
		return "cam: recorded call " + e.Action + " is not a known action; no policy can be written for it (regenerate with the service's CAM page, or grant it by hand)"
	}
	how := "add a parameter override, or grant it by hand"
	if len(e.Hints) > 0 {
		how = strings.Join(e.Hints, "; ")
	}
	return "cam: recorded call " + e.Action + ": no request parameter filled " + strings.Join(e.Unfilled, ", ") +
		"; the call is left out of the policy rather than granted on \"*\" (" + how + ")"
}

// Policy returns the least-privilege policy that allows every recorded call, and the
// errors of the calls it left out: a *CallError for an unknown action or an unfilled
// placeholder, a *GrantError for a resource its action cannot be restricted to (see
// LeastPrivilege). Each problem is reported once.
func (r *Recorder) Policy() (Policy, error) {
	calls := r.Calls()
	var grants []Grant
	var errs []error
	reported := map[string]bool{}
	report := func(e *CallError) {
		k := e.Action + " " + strings.Join(e.Unfilled, " ")
		if !reported[k] {
			reported[k] = true
			errs = append(errs, e)
		}
	}
	for i := range calls {
		c := &calls[i]
		if c.Action == nil {
			continue
		}
		switch {
		case !c.Known():
			report(&CallError{Action: c.Action.String(), Unknown: true})
		case len(c.Unfilled) > 0 && !c.Action.Info().Granularity.wildcardOnly():
			report(&CallError{Action: c.Action.String(), Unfilled: c.Unfilled, Hints: unfilledHints(c)})
		default:
			for _, res := range c.AllResources() {
				grants = append(grants, Grant{Action: c.Action, Resource: res})
			}
		}
	}
	p, err := LeastPrivilege(grants...)
	if err != nil {
		errs = append(errs, err)
	}
	return p, errors.Join(errs...)
}

// Reset forgets the recorded calls.
func (r *Recorder) Reset() {
	r.mu.Lock()
	r.calls = nil
	r.mu.Unlock()
}

// unfilledHints returns the call's hints for its unfilled placeholders, in their order,
// each once.
func unfilledHints(c *Call) []string {
	var out []string
	for _, u := range c.Unfilled {
		name := strings.TrimSuffix(strings.TrimPrefix(u, "${"), "}")
		if h, ok := c.Hints[name]; ok && !slices.Contains(out, h) {
			out = append(out, h)
		}
	}
	return out
}
