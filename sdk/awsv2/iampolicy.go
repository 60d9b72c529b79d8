package awsperm

import (
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
// AWS evaluator (iampolicy.Evaluate).
func NewGuard(policies []*iampolicy.Policy, opts ...Option) *Guard {
	ps := append([]*iampolicy.Policy(nil), policies...)
	return newGuard(func(action, resource string, ctx map[string][]string) verdict {
		req := &iampolicy.Request{Action: action, Resource: resource}
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

// Policy returns the least-privilege identity policy of the recorded calls, written
// by iampolicy.LeastPrivilege: each action on exactly the resources the calls named,
// grouped into statements by service, access level and resource type, with the
// dependent actions the pages list for them added on "*" (Policies' notes say
// which). The error (*NarrowError) lists what could not be narrowed (an action on
// "*" although it takes a resource type, a call that could not be mapped); the
// policy is still returned, with those actions on "*", so that the program can run
// while they are looked at. It is one document with every statement; Policies
// splits it by a kind's size quota.
func (r *Recorder) Policy() (*iampolicy.Policy, error) {
	w, err := r.Policies(iampolicy.RoleInlinePolicy)
	if w == nil {
		return nil, err
	}
	p := &iampolicy.Policy{Version: iampolicy.Version2012}
	for _, q := range w.Policies {
		p.Statement = append(p.Statement, q.Statement...)
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
