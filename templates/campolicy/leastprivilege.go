package campolicy

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/permgen/permgen/templates/cam"
)

// Grant is one permission a program needs: an action, on a resource or, with the zero
// Resource, on no specific resource.
type Grant struct {
	Action   cam.Action
	Resource cam.Resource
}

// GrantError is a grant LeastPrivilege could not honour without granting more than
// was asked: a resource of a type the action cannot be restricted to.
type GrantError struct {
	Grant Grant
	Rule  string // RuleResourceType, or RuleBadResource for a Resource its builder refused
	Msg   string
}

// Error names the grant, what is wrong and the rule.
func (e *GrantError) Error() string {
	return "cam: least privilege: " + e.Grant.Action.String() + " on " + e.Grant.Resource.String() + ": " + e.Msg + " [" + e.Rule + "]"
}

// LeastPrivilege returns the smallest policy that allows every grant and that New
// accepts:
//
//   - actions CAM authorizes only on "*" (operation or service level), actions of
//     undocumented granularity, and actions granted without a resource, share one
//     statement on "*";
//   - the other actions are grouped by their exact set of resources, one statement each;
//   - duplicates are removed, actions and resources sorted, statements sorted by their
//     resource lists, so the output does not depend on the grants' order.
//
// A grant whose resource is of a type the action cannot be restricted to is left out
// and reported as a *GrantError (joined with errors.Join): CAM would never match a
// statement naming it, and widening it to "*" would grant far more than was asked.
// The policy of the other grants is returned with the error. Grants with a nil Action
// are ignored.
func LeastPrivilege(grants ...Grant) (Policy, error) {
	wildcard := map[string]bool{}            // actions granted on "*"
	specific := map[string]map[string]bool{} // action -> resources
	var errs []error
	reported := map[string]bool{}
	for _, g := range grants {
		if g.Action == nil {
			continue
		}
		name := g.Action.String()
		info := g.Action.Info()
		if err := g.Resource.Err(); err != nil {
			errs = append(errs, &GrantError{Grant: g, Rule: RuleBadResource, Msg: err.Error()})
			continue
		}
		// An undocumented granularity is granted on "*" too: a statement naming a
		// resource would not apply if CAM authorizes the API only on "*"
		// (UndocumentedWhy says so to the user).
		if g.Resource.IsZero() || info.Granularity.WildcardOnly() || info.Granularity == cam.UndocumentedGranularity {
			wildcard[name] = true
			continue
		}
		if !acceptsResource(info, g.Resource) {
			if k := name + " " + g.Resource.String(); !reported[k] {
				reported[k] = true
				errs = append(errs, &GrantError{Grant: g, Rule: RuleResourceType,
					Msg: "the action cannot be restricted to a resource of type " + g.Resource.Service + "/" + g.Resource.Type() +
						"; its types: " + info.ResourceTypes.Join(", ") + "; name one of those, or no resource"})
			}
			continue
		}
		if specific[name] == nil {
			specific[name] = map[string]bool{}
		}
		specific[name][g.Resource.String()] = true
	}
	type group struct{ resources, actions []string }
	groups := map[string]*group{} // keyed by the resource list, each length-prefixed
	if len(wildcard) > 0 {
		groups[listKey([]string{"*"})] = &group{resources: []string{"*"}, actions: sortedKeys(wildcard)}
	}
	for name, set := range specific {
		if wildcard[name] {
			continue // already allowed everywhere
		}
		rs := sortedKeys(set)
		key := listKey(rs)
		if groups[key] == nil {
			groups[key] = &group{resources: rs}
		}
		groups[key].actions = append(groups[key].actions, name)
	}
	sorted := make([]*group, 0, len(groups))
	for _, g := range groups {
		slices.Sort(g.actions)
		sorted = append(sorted, g)
	}
	// "*" sorts before every "qcs:..." name, so the wildcard statement comes first.
	slices.SortFunc(sorted, func(a, b *group) int { return slices.Compare(a.resources, b.resources) })
	p := Policy{Version: Version2, Statement: []Statement{}}
	for _, g := range sorted {
		p.Statement = append(p.Statement, Statement{Effect: EffectAllow, Action: Values(g.actions), Resource: Values(g.resources)})
	}
	return p, errors.Join(errs...)
}

// UndocumentedWhy says why LeastPrivilege grants an action of undocumented
// granularity on "*", for a policy writer to print beside the policy.
func UndocumentedWhy(name string) string {
	return name + ` has no documented granularity: no CAM source says whether CAM can restrict it to a resource, and a statement naming one would not apply if CAM authorizes it only on "*"; it is granted on "*"`
}

// listKey identifies a list of strings whatever bytes they hold.
func listKey(l []string) string {
	var b strings.Builder
	for _, s := range l {
		b.WriteString(strconv.Itoa(len(s)))
		b.WriteByte(':')
		b.WriteString(s)
	}
	return b.String()
}
