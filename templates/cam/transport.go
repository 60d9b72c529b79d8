package cam

import (
	"context"
	"errors"
	"slices"
	"sync"
)

// Call is one Tencent Cloud API 3.0 request as a generated Client makes it.
type Call struct {
	Action   Action   // the API, e.g. ccc.ActionCreateStaff
	Version  string   // API version, e.g. "2020-02-10"
	Region   string   // region the request is sent to; may be empty
	Resource Resource // the resource the call touches, for authorization; zero for none
	Request  any      // the request body
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

// AccessDeniedError is what Guard returns for a call its policy does not allow.
type AccessDeniedError struct {
	Action   Action
	Resource Resource
	Decision Decision
}

// Error names the action and resource and why the policy denied them.
func (e *AccessDeniedError) Error() string {
	return "cam: access denied: " + e.Decision.String()
}

// Guard checks each call against Policy before passing it to Next, so that a program
// learns what CAM would refuse before it sends anything. A denied call returns an
// *AccessDeniedError and never reaches Next.
type Guard struct {
	Policy Policy
	Next   Transport
	// Context holds condition key values every call is evaluated with, e.g. the
	// program's egress address as "qcs:ip". Conditions on absent keys fail closed.
	Context map[string]string
}

// ErrNoTransport is returned by a Guard without a Next transport for calls it allows.
var ErrNoTransport = errors.New("cam: Guard has no Next transport")

// Do evaluates call and, if the policy allows it, sends it through Next.
func (g *Guard) Do(ctx context.Context, call *Call, response any) error {
	if call == nil {
		return errors.New("cam: Guard.Do: nil call")
	}
	d := g.Policy.Evaluate(Request{Action: call.Action, Resource: call.Resource, Context: SingleValued(g.Context)})
	if !d.Allowed() {
		return &AccessDeniedError{Action: call.Action, Resource: call.Resource, Decision: d}
	}
	if g.Next == nil {
		return ErrNoTransport
	}
	return g.Next.Do(ctx, call, response)
}

// Recorder remembers every call made through it, then passes the call to Next. With a
// nil Next a call succeeds and leaves the response untouched, which lets a program run
// against no cloud at all to learn which permissions it needs. It is safe for
// concurrent use.
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
	r.mu.Lock()
	r.calls = append(r.calls, *call)
	r.mu.Unlock()
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

// Policy returns the least-privilege policy that allows every recorded call, and a
// *GrantError for each call whose resource its action cannot be restricted to (see
// LeastPrivilege).
func (r *Recorder) Policy() (Policy, error) {
	calls := r.Calls()
	grants := make([]Grant, len(calls))
	for i, c := range calls {
		grants[i] = Grant{Action: c.Action, Resource: c.Resource}
	}
	return LeastPrivilege(grants...)
}

// Reset forgets the recorded calls.
func (r *Recorder) Reset() {
	r.mu.Lock()
	r.calls = nil
	r.mu.Unlock()
}
