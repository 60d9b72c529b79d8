package awsperm

import (
	"fmt"
	"sort"
	"strings"

	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/permgen/permgen/generated/aws/iampolicy"
)

// NewGuard returns a guard that allows a call only when every action it needs, on
// the resource its input names, is allowed by the identity policies (as AWS
// evaluates them: an explicit deny wins, no allow is a deny), decided by permgen's
// AWS evaluator (iampolicy.Evaluate).
func NewGuard(policies []*iampolicy.Policy, opts ...Option) *Guard {
	ps := append([]*iampolicy.Policy(nil), policies...)
	return newGuard(func(action, resource string, ctx map[string]string) verdict {
		req := &iampolicy.Request{Action: action, Resource: resource}
		keys := make([]string, 0, len(ctx))
		for k := range ctx {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			req.Context.Set(k, ctx[k])
		}
		d := iampolicy.Evaluate(req, ps...)
		v := verdict{allowed: d.Allowed(), explicit: d.Outcome == iampolicy.ExplicitDeny}
		var refs []string
		for _, r := range d.Deciding() {
			refs = append(refs, r.String())
		}
		v.statement = strings.Join(refs, ", ")
		if !v.allowed && len(d.Missing()) > 0 {
			v.statement = strings.TrimPrefix(v.statement+"; condition keys not in the request: "+strings.Join(d.Missing(), ", "), "; ")
		}
		return v
	}, opts...)
}

// WithGuard is a config.LoadDefaultConfig option that guards every client made from
// the config with the policies. It knows no account: use NewGuard with Account, and
// its Option, where ARNs name one.
func WithGuard(policies ...*iampolicy.Policy) func(*config.LoadOptions) error {
	return NewGuard(policies).Option()
}

// Option is the config.LoadDefaultConfig option of this guard.
func (g *Guard) Option() func(*config.LoadOptions) error {
	return func(o *config.LoadOptions) error {
		o.APIOptions = append(o.APIOptions, g.APIOption())
		return nil
	}
}

// Policy returns the least-privilege identity policy of the recorded calls: each
// action on exactly the resources the calls named. The error lists what could not
// be narrowed (an action granted on "*" although it takes a resource type, a call
// that could not be mapped); the policy is still returned, with those actions on
// "*", so that the program can run while they are looked at.
func (r *Recorder) Policy() (*iampolicy.Policy, error) {
	grants := r.Grants()
	p := leastPrivilege(grants)
	var problems []string
	for _, g := range grants {
		if g.Unfilled != "" {
			problems = append(problems, fmt.Sprintf("%s on *: %s", g.Action, g.Unfilled))
		}
	}
	for _, u := range r.Unmapped() {
		problems = append(problems, u.Error())
	}
	if len(problems) > 0 {
		return p, &NarrowError{Problems: problems}
	}
	return p, nil
}

// NarrowError lists what the recorder could not narrow to a resource or an action.
type NarrowError struct{ Problems []string }

func (e *NarrowError) Error() string {
	return "awsperm: policy not narrowed:\n\t" + strings.Join(e.Problems, "\n\t")
}

// leastPrivilege groups the grants into Allow statements: resources that need the
// same set of actions share a statement, in a stable order.
func leastPrivilege(grants []Grant) *iampolicy.Policy {
	byResource := map[string][]string{}
	for _, g := range grants {
		byResource[g.Resource] = appendUnique(byResource[g.Resource], g.Action)
	}
	byActions := map[string][]string{}
	var keys []string
	for res, acts := range byResource {
		sort.Strings(acts)
		k := strings.Join(acts, ",")
		if _, ok := byActions[k]; !ok {
			keys = append(keys, k)
		}
		byActions[k] = append(byActions[k], res)
	}
	sort.Strings(keys)
	p := &iampolicy.Policy{Version: iampolicy.Version2012}
	for _, k := range keys {
		res := byActions[k]
		sort.Strings(res)
		p.Statement = append(p.Statement, iampolicy.Statement{Effect: iampolicy.EffectAllow, Action: strings.Split(k, ","), Resource: res})
	}
	return p
}
