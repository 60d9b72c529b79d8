package cam

import (
	"fmt"
	"strings"
)

// Request is one access to decide: an action, the resource it touches and the values of
// condition keys such as "qcs:ip".
type Request struct {
	Action Action
	// Resource is the resource the call touches; the zero Resource means no specific
	// resource, which only statements on "*" cover.
	Resource Resource
	// Context holds condition key values, e.g. {"qcs:ip": "10.1.2.3"}. A condition on a
	// key missing here fails closed (see Condition).
	Context map[string]string
}

// Outcome is how a policy decided a request. The zero value is an implicit deny, so
// a Decision nobody filled in denies.
type Outcome uint8

// Outcomes.
const (
	OutcomeImplicitDeny Outcome = iota // no statement allows the request
	OutcomeAllow                       // an allow applies and no deny does
	OutcomeExplicitDeny                // a deny applies; it wins over any allow
)

// String returns "allowed", "denied explicitly" or "denied implicitly".
func (o Outcome) String() string {
	switch o {
	case OutcomeImplicitDeny:
		return "denied implicitly"
	case OutcomeAllow:
		return "allowed"
	case OutcomeExplicitDeny:
		return "denied explicitly"
	}
	return fmt.Sprintf("Outcome(%d)", uint8(o))
}

// Decision is a policy's answer to a Request, with what decided it.
type Decision struct {
	Outcome Outcome
	// Statement is the index of the statement that decided: the first applying deny,
	// else the first applying allow; -1 when none applied.
	Statement int
	Action    Action   // the request's action
	Resource  Resource // the request's resource
	// WildcardOnly is set when the action is authorized only on "*" (operation or
	// service level), so only statements on resource "*" could apply.
	WildcardOnly bool
}

// Allowed reports whether the request is allowed.
func (d Decision) Allowed() bool { return d.Outcome == OutcomeAllow }

// Explicit reports whether a deny statement denied the request, as opposed to no
// statement allowing it.
func (d Decision) Explicit() bool { return d.Outcome == OutcomeExplicitDeny }

// String explains the decision, e.g. "denied explicitly: statement 1 denies
// ccc:DescribeTelCdr on qcs::ccc::uin/100001:SdkAppId/1400001".
func (d Decision) String() string {
	action := "<nil action>"
	if d.Action != nil {
		action = d.Action.String()
	}
	what := action + " on " + d.Resource.String()
	switch d.Outcome {
	case OutcomeAllow:
		return fmt.Sprintf("allowed: statement %d allows %s", d.Statement, what)
	case OutcomeExplicitDeny:
		return fmt.Sprintf("denied explicitly: statement %d denies %s", d.Statement, what)
	}
	s := "denied implicitly: no statement allows " + what
	if d.WildcardOnly && !d.Resource.IsZero() {
		s += " (" + action + " is authorized only on resource \"*\", so statements on specific resources do not apply)"
	}
	return s
}

// Evaluate decides req the way CAM does for one policy: a deny that applies wins; else
// an allow that applies allows; else the request is denied implicitly. A statement
// applies when one of its actions and one of its resources match (with '*' wildcards,
// see MatchPattern and Resource) and its condition holds. An action authorized only on
// "*" is matched against resource "*" whatever the request names, so only statements
// whose resources include "*" apply to it. Principals are not considered.
func (p Policy) Evaluate(req Request) Decision {
	d := Decision{Statement: -1, Action: req.Action, Resource: req.Resource}
	if req.Action == nil || req.Resource.Err() != nil {
		return d // fail closed: a resource a builder refused names nothing to allow
	}
	name := req.Action.String()
	res := req.Resource
	if req.Action.Info().Granularity.wildcardOnly() {
		d.WildcardOnly = true
		res = Resource{}
	}
	var buf [128]byte // room to spell res for patterns matched as whole names
	allow := -1
	for i := range p.Statement {
		s := &p.Statement[i]
		if s.Effect == EffectAllow && allow >= 0 {
			continue // only a deny can still change the answer
		}
		if s.Effect != EffectAllow && s.Effect != EffectDeny {
			continue
		}
		if !s.matchesAction(name) || !s.matchesResource(res, buf[:0]) {
			continue
		}
		if len(s.Condition) > 0 && !s.Condition.holds(req.Context, s.Effect == EffectDeny) {
			continue
		}
		if s.Effect == EffectDeny {
			d.Outcome, d.Statement = OutcomeExplicitDeny, i
			return d
		}
		allow = i
	}
	if allow >= 0 {
		d.Outcome, d.Statement = OutcomeAllow, allow
	}
	return d
}

// Allows reports whether p allows action on resource, with no condition context.
func (p Policy) Allows(action Action, resource Resource) bool {
	return p.Evaluate(Request{Action: action, Resource: resource}).Allowed()
}

func (s *Statement) matchesAction(name string) bool {
	for _, pat := range s.Action {
		if MatchPattern(strings.TrimPrefix(pat, "name/"), name) {
			return true
		}
	}
	return false
}

func (s *Statement) matchesResource(r Resource, buf []byte) bool {
	for _, pat := range s.Resource {
		if matchResource(pat, r, buf) {
			return true
		}
	}
	return false
}
