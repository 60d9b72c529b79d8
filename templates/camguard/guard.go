package camguard

import (
	"context"
	"errors"
	"slices"
	"strings"

	"github.com/permgen/permgen/templates/cam"
	"github.com/permgen/permgen/templates/campolicy"
)

// DeniedError is what Guard returns for a call its policies do not allow.
type DeniedError struct {
	Action   cam.Action
	Resource cam.Resource // the first resource of the call that was denied
	Decision campolicy.Decision
	// Unknown is set when the action is not in the catalog, so no policy was asked.
	Unknown bool
	// Hints say how to make known what the decision had to take as unknown, one per
	// unknown of Decision.Unknowns that the call or the guard has a hint for.
	Hints []string
}

// Error names the action and resource and why the policies denied them, and how to make
// known what the decision could not know.
func (e *DeniedError) Error() string {
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
// a *DeniedError and never reaches Next. A call is allowed when Evaluate allows
// every resource it touches, with all the policies attached (Policy and Policies) and
// the Boundary if set. Actions not in the catalog are denied.
type Guard struct {
	// Policy is one policy; Policies are more. All of them are evaluated together, as
	// CAM evaluates the policies attached to one identity.
	Policy   campolicy.Policy
	Policies []campolicy.Policy
	// Boundary, when set, is the permission boundary: it can only narrow.
	Boundary *campolicy.Policy
	Next     Transport
	// Caller is who the program calls as; it fills ${uin} and the other policy
	// variables. PolicyOwner is the root account owning the policies, which an empty
	// account segment in a policy's resource stands for. Left empty, statements that
	// need them do not allow (and deny statements apply).
	Caller      campolicy.Caller
	PolicyOwner campolicy.Account
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
		return &DeniedError{Action: call.Action, Resource: call.Resource, Decision: campolicy.Decision{Policy: -1, Statement: -1, Action: call.Action}, Unknown: true}
	}
	policies := g.Policies
	if len(g.Policy.Statement) > 0 {
		policies = append([]campolicy.Policy{g.Policy}, g.Policies...)
	}
	ctxValues := campolicy.SingleValued(g.Context)
	keys := g.unknownKeys(policies, call)
	requests := make([]campolicy.Request, 0, len(call.AllResources())+1)
	for _, r := range call.AllResources() {
		requests = append(requests, campolicy.Request{Action: call.Action, Resource: r, Caller: g.Caller, PolicyOwner: g.PolicyOwner, Context: ctxValues,
			Unknown: campolicy.Unknown{Parts: call.Unknown.Parts, Keys: keys}})
	}
	if call.Unknown.Resource || unnamedResource(call) || unnamedResourceLevel(call) {
		// Part of what the call touches is unnamed: it is decided as unknown, so
		// only an allow on "*" covers it and a deny naming any resource applies.
		requests = append(requests, campolicy.Request{Action: call.Action, Caller: g.Caller, PolicyOwner: g.PolicyOwner, Context: ctxValues,
			Unknown: campolicy.Unknown{Resource: true, Keys: keys}})
	}
	for i := range requests {
		if d := campolicy.EvaluateAll(&requests[i], campolicy.Policies{Identity: policies, Boundary: g.Boundary}); !d.Allowed() {
			return &DeniedError{Action: call.Action, Resource: requests[i].Resource, Decision: d, Hints: g.hints(call, &d)}
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
// it is unknown rather than "no specific resource". A call whose transport could not read
// the resource off the request is the usual case. Operation- and service-level calls name none by design.
func unnamedResourceLevel(call *Call) bool {
	if call.Action == nil || call.Action.Info().Granularity.WildcardOnly() {
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
func (g *Guard) unknownKeys(policies []campolicy.Policy, call *Call) []string {
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
	read := func(p *campolicy.Policy) {
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
func (g *Guard) hints(call *Call, d *campolicy.Decision) []string {
	var out []string
	for _, u := range d.Unknowns() {
		switch h, ok := call.Hints[u]; {
		case ok:
			out = append(out, h)
		case u == campolicy.UnknownResource:
			out = append(out, "the call names no resource the guard can read: name it in Call.Resource")
		case slices.Contains(call.Unknown.Keys, u):
			out = append(out, "the call could not observe "+u)
		default:
			out = append(out, "give "+u+" in Guard.Context (or list it in Guard.Absent) if the program knows it")
		}
	}
	return out
}
