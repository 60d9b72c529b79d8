package awsperm

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/permgen/permgen/generated/aws/catalog"
	"github.com/permgen/permgen/generated/aws/iampolicy"
)

// NewGuard returns a guard that allows a call only when every action it needs, on
// the resource its input names, is allowed by the identity policies (as AWS
// evaluates them: an explicit deny wins, no allow is a deny), decided by permgen's
// AWS evaluator (iampolicy.EvaluateAll). It refuses a nil policy, one that breaks
// the grammar of an identity-based policy, and resource-based policies given by
// ResourcePolicy that break theirs.
//
// What the guard cannot observe is unknown, never absent: a part of the resource
// the input and the options do not give (the account, without Account), a
// resource the input names with a wildcard character, the caller (without
// Principal) and every condition key the call does not set (without
// ConditionKey). An Allow then applies only if it applies whatever the unknown
// is; a Deny applies if it could. The *DeniedError names the unknowns and how to
// make each known.
func NewGuard(policies []*iampolicy.Policy, opts ...Option) (*Guard, error) {
	var problems []string
	for i, p := range policies {
		if p == nil {
			problems = append(problems, fmt.Sprintf("policy %d is nil", i))
			continue
		}
		if err := p.ValidateAs(iampolicy.IdentityPolicy); err != nil {
			problems = append(problems, fmt.Sprintf("policy %d: %v", i, err))
		}
	}
	ps := append([]*iampolicy.Policy(nil), policies...)
	g := newGuard(nil, opts...)
	problems = append(problems, g.s.optionProblem...)
	if len(problems) > 0 {
		return nil, fmt.Errorf("awsperm: NewGuard: %s", strings.Join(problems, "; "))
	}
	s := &g.s
	g.eval = func(q Request, ctx map[string][]string) verdict {
		req := &iampolicy.Request{Principal: s.principal, Action: q.Action, Resource: q.Resource}
		switch {
		case q.Template != "":
			req.Resource = q.Template
			req.Unknown.Parts = q.UnknownParts
		case q.Resource == "*" && q.Unfilled != "":
			req.Unknown.Resource = true
		}
		// Every key the call does not set is one the guard cannot observe.
		req.Unknown.Keys = []string{"*"}
		keys := make([]string, 0, len(ctx))
		for k := range ctx {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if v := ctx[k]; len(v) == 1 {
				req.Context.Set(k, v[0])
			} else {
				req.Context.SetList(k, v...)
			}
		}
		rp := s.resourcePolicy(req.Resource)
		d := iampolicy.EvaluateAll(req, iampolicy.Policies{Identity: ps, Resource: rp})
		v := verdict{allowed: d.Allowed(), explicit: d.Outcome == iampolicy.ExplicitDeny, unknowns: d.Unknowns(),
			noResourcePolicy: d.NoResourcePolicy, refused: d.Refusal()}
		var refs []string
		for _, r := range d.Deciding() {
			refs = append(refs, r.String())
		}
		v.statement = strings.Join(refs, ", ")
		if !v.allowed && len(d.Missing()) > 0 {
			v.statement = strings.TrimPrefix(v.statement+"; condition keys not in the request: "+strings.Join(d.Missing(), ", "), "; ")
		}
		return v
	}
	return g, nil
}

// resourcePolicy returns the resource-based policy the options give for a
// resource: ResourcePolicy's, else ResourcePolicies' lookup.
func (s *settings) resourcePolicy(resource string) *iampolicy.Policy {
	if p, ok := s.resPolicies[resource]; ok {
		return p
	}
	if s.resLookup != nil {
		return s.resLookup(resource)
	}
	return nil
}

// Principal tells the guard the caller's ARN ("arn:aws:iam::123456789012:user/alice",
// or an assumed-role session's), which resource-based policies match their
// Principal against. Without it the caller is unknown: a resource-based Deny
// naming anyone applies, an Allow naming someone does not.
func Principal(arn string) Option { return func(s *settings) { s.principal = arn } }

// ConditionKey tells the guard the value(s) of a condition key the call itself
// does not set (aws:SourceIp, aws:PrincipalTag/team, aws:MultiFactorAuthPresent):
// without it the key is unknown, not absent.
func ConditionKey(key string, values ...string) Option {
	return func(s *settings) {
		if len(values) == 0 {
			s.optionProblem = append(s.optionProblem, fmt.Sprintf("ConditionKey(%q) needs a value: an absent key cannot be told apart from an unknown one here", key))
			return
		}
		if s.keys == nil {
			s.keys = map[string][]string{}
		}
		s.keys[key] = append([]string(nil), values...)
	}
}

// ResourcePolicy gives the guard the resource-based policy of one resource, by its
// ARN: a KMS key's key policy, a role's trust policy (for sts:AssumeRole), a
// bucket, queue or topic policy. AWS requires a key policy and a trust policy that
// allow: without one the guard denies, saying so. A role's policy is checked as a
// trust policy, any other as a resource-based policy.
func ResourcePolicy(resourceARN string, p *iampolicy.Policy) Option {
	return func(s *settings) {
		kind := iampolicy.ResourcePolicy
		if strings.HasPrefix(resourceARN, "arn:") && strings.Contains(resourceARN, ":iam::") && strings.Contains(resourceARN, ":role/") {
			kind = iampolicy.TrustPolicy
		}
		if p == nil {
			s.optionProblem = append(s.optionProblem, "ResourcePolicy("+resourceARN+"): nil policy")
			return
		}
		if err := p.ValidateAs(kind); err != nil {
			s.optionProblem = append(s.optionProblem, fmt.Sprintf("ResourcePolicy(%s): %v", resourceARN, err))
			return
		}
		if s.resPolicies == nil {
			s.resPolicies = map[string]*iampolicy.Policy{}
		}
		s.resPolicies[resourceARN] = p
	}
}

// ResourcePolicies gives the guard a lookup of resource-based policies by resource
// ARN (nil: the resource has none), for resources not named by ResourcePolicy. A
// policy it returns that breaks its role's grammar is refused when used: the call
// is then denied, saying why.
func ResourcePolicies(lookup func(resourceARN string) *iampolicy.Policy) Option {
	return func(s *settings) { s.resLookup = lookup }
}

// WithGuard is a config.LoadDefaultConfig option that guards every client made from
// the config with the policies; LoadDefaultConfig returns NewGuard's error. It
// knows no account: resources in account-scoped ARNs are then decided with the
// account unknown (an Allow must hold for any account, a Deny applies if it
// could). Use NewGuard with Account, and its Option, to make it known.
func WithGuard(policies ...*iampolicy.Policy) func(*config.LoadOptions) error {
	g, err := NewGuard(policies)
	if err != nil {
		return func(*config.LoadOptions) error { return err }
	}
	return g.Option()
}

// Option is the config.LoadDefaultConfig option of this guard.
func (g *Guard) Option() func(*config.LoadOptions) error {
	return func(o *config.LoadOptions) error {
		o.APIOptions = append(o.APIOptions, g.APIOption())
		return nil
	}
}

// Policy returns the least-privilege identity policy of the recorded calls, written
// by iampolicy.LeastPrivilege: each action on exactly the resources the calls named,
// grouped into statements by service, access level and resource type, with the
// dependent actions the pages list for them added on "*" (Policies' notes say
// which). The error (*NarrowError) lists what could not be narrowed (an action on
// "*" although it takes a resource type, a call that could not be mapped); the
// policy is still returned, with those actions on "*", so that the program can run
// while they are looked at. It is one document with every statement; Policies
// splits it by a kind's size quota.
//
// With nothing to grant (no call recorded, or none the writer could write) it
// returns a nil policy and an error: a policy without statements is not a
// policy, and NewGuard refuses it rather than guard with it.
func (r *Recorder) Policy() (*iampolicy.Policy, error) {
	w, err := r.Policies(iampolicy.RoleInlinePolicy)
	if w == nil {
		if err == nil {
			err = errors.New("awsperm: Policy: nothing written")
		}
		return nil, err
	}
	p := &iampolicy.Policy{Version: iampolicy.Version2012}
	for _, q := range w.Policies {
		p.Statement = append(p.Statement, q.Statement...)
	}
	if len(p.Statement) == 0 {
		return nil, errors.Join(errors.New("awsperm: Policy: no statement to write (no call recorded, or none could be written)"), err)
	}
	return p, err
}

// Policies is Policy split into policies that fit kind's size quota, with
// LeastPrivilege's notes (dependent actions added, resources widened).
func (r *Recorder) Policies(kind iampolicy.Kind) (*iampolicy.Written, error) {
	grants := r.Grants()
	var wants []iampolicy.Grant
	var problems []string
	for _, g := range grants {
		info, ok := catalog.LookupAction(g.Action)
		if !ok {
			problems = append(problems, fmt.Sprintf("%s: not in the catalog", g.Action))
			continue
		}
		wants = append(wants, iampolicy.Grant{Action: info, Resource: g.Resource})
		if g.Unfilled != "" {
			problems = append(problems, fmt.Sprintf("%s on *: %s", g.Action, g.Unfilled))
		}
	}
	for _, u := range r.Unmapped() {
		problems = append(problems, u.Error())
	}
	w, err := iampolicy.LeastPrivilege(awsCatalog, kind, wants...)
	if err != nil {
		// One grant the writer refuses (an ARN from the input that matches none of
		// the action's resource types) must not cost the whole policy: find the
		// refused ones, report them, and write the rest.
		var ok []iampolicy.Grant
		for _, g := range wants {
			if _, err := iampolicy.LeastPrivilege(awsCatalog, kind, g); err != nil {
				problems = append(problems, fmt.Sprintf("%s on %s: left out: %v", g.Action.String(), g.Resource, err))
				continue
			}
			ok = append(ok, g)
		}
		if w, err = iampolicy.LeastPrivilege(awsCatalog, kind, ok...); err != nil {
			return nil, fmt.Errorf("awsperm: writing the policy: %w", err)
		}
	}
	if len(problems) > 0 {
		return w, &NarrowError{Problems: problems}
	}
	return w, nil
}

// awsCatalog is the tree-wide catalog of every action, as LeastPrivilege wants it.
var awsCatalog = iampolicy.CatalogFuncs{
	LookupActionFunc:       catalog.LookupAction,
	ServiceActionsFunc:     catalog.ServiceActions,
	LookupResourceTypeFunc: catalog.LookupResourceType,
}

// NarrowError lists what the recorder could not narrow to a resource or an action.
type NarrowError struct{ Problems []string }

func (e *NarrowError) Error() string {
	return "awsperm: policy not narrowed:\n\t" + strings.Join(e.Problems, "\n\t")
}
