package camguard

import (
	"context"
	"errors"
	"slices"
	"strings"
	"sync"

	"github.com/permgen/permgen/templates/campolicy"
)

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
func (r *Recorder) Policy() (campolicy.Policy, error) {
	calls := r.Calls()
	var grants []campolicy.Grant
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
		case len(c.Unfilled) > 0 && !c.Action.Info().Granularity.WildcardOnly():
			report(&CallError{Action: c.Action.String(), Unfilled: c.Unfilled, Hints: unfilledHints(c)})
		default:
			for _, res := range c.AllResources() {
				grants = append(grants, campolicy.Grant{Action: c.Action, Resource: res})
			}
		}
	}
	p, err := campolicy.LeastPrivilege(grants...)
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
