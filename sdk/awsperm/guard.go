package awsperm

import (
	"context"
	"fmt"
	"strings"

	"github.com/aws/smithy-go/middleware"
)

// verdict is one decision of the policy evaluator behind a Guard.
type verdict struct {
	allowed   bool
	explicit  bool   // an explicit Deny decided
	statement string // the deciding statement, for the error
	// unknowns the decision depended on, noResourcePolicy the resource-based
	// policy AWS requires and the guard was not given, refused why a policy was
	// refused.
	unknowns         []string
	noResourcePolicy string
	refused          string
}

// evaluator decides one request of a call; ctx holds the request's condition keys
// (aws:RequestedRegion, and the service's keys the input sets).
type evaluator func(q Request, ctx map[string][]string) verdict

// Guard checks every call against IAM policies before it is serialized and signed:
// a call not allowed fails with a *DeniedError, a call it cannot map with an
// *UnmappedError (fail closed), and neither reaches the network.
type Guard struct {
	s    settings
	eval evaluator
}

func newGuard(eval evaluator, opts ...Option) *Guard {
	g := &Guard{eval: eval}
	for _, o := range opts {
		o(&g.s)
	}
	g.s.dryRun = false
	return g
}

// APIOption is the middleware for aws.Config.APIOptions or a client's Options.APIOptions.
func (g *Guard) APIOption() func(*middleware.Stack) error {
	return func(st *middleware.Stack) error { return addTo(st, g) }
}

func (g *Guard) id() string          { return fmt.Sprintf("permgen/awsperm/guard/%p", g) }
func (g *Guard) settings() *settings { return &g.s }
func (g *Guard) decidesEarly() bool  { return true }

func (g *Guard) observe(_ context.Context, c Call, unmapped error) error {
	if unmapped != nil {
		return unmapped
	}
	return g.Check(c)
}

// Check decides a call as the middleware would: nil when every request it needs is
// allowed, else a *DeniedError for the first that is not.
func (g *Guard) Check(c Call) error {
	if g == nil || g.eval == nil {
		return &UnmappedError{ServiceID: c.ServiceID, Operation: c.Operation, Reason: "no guard (use NewGuard)"}
	}
	if len(c.Requests) == 0 && c.NoAuthorization != "" {
		// The SDK sends the call unsigned and no action authorizes it (SSO OIDC
		// CreateToken): there is no caller for a policy to decide about.
		return nil
	}
	if len(c.Requests) == 0 {
		// Nothing known to check is nothing known to allow: fail closed.
		return &UnmappedError{ServiceID: c.ServiceID, Operation: c.Operation, Reason: "the operation maps to no action"}
	}
	ctx := map[string][]string{}
	for k, v := range c.Context {
		ctx[k] = v
	}
	if c.Region != "" {
		ctx["aws:RequestedRegion"] = []string{c.Region}
	}
	for k, v := range g.s.keys {
		if _, set := ctx[k]; !set {
			ctx[k] = v
		}
	}
	for _, q := range c.Requests {
		v := g.eval(q, ctx)
		if v.allowed {
			continue
		}
		res := q.Resource
		if q.Template != "" {
			res = q.Template
		}
		return &DeniedError{ServiceID: c.ServiceID, Operation: c.Operation, Action: q.Action, Resource: res,
			Statement: v.statement, Explicit: v.explicit, Unfilled: q.Unfilled, Unknowns: v.unknowns,
			NoResourcePolicy: v.noResourcePolicy, Refused: v.refused}
	}
	return nil
}

// howToKnow says how a guard can be told an unknown: an option, or the input.
func howToKnow(unknown, unfilled string) string {
	switch {
	case unknown == "Account":
		return "awsperm.Account(id)"
	case unknown == "principal":
		return "awsperm.Principal(arn)"
	case unknown == "resource":
		if unfilled != "" {
			return "the input does not name it: " + unfilled
		}
		return "the input does not name it"
	case strings.Contains(unknown, ":"):
		return fmt.Sprintf("awsperm.ConditionKey(%q, values...)", unknown)
	}
	return "the input field for ${" + unknown + "}"
}
