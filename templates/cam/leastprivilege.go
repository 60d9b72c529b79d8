package cam

import (
	"slices"
	"strconv"
	"strings"
)

// Grant is one permission a program needs: an action, on a resource or, with the zero
// Resource, on no specific resource.
type Grant struct {
	Action   Action
	Resource Resource
}

// LeastPrivilege returns the smallest policy that allows every grant and that NewPolicy
// accepts:
//
//   - actions CAM authorizes only on "*" (operation or service level), and actions granted
//     without a resource, share one statement on "*";
//   - the other actions are grouped by their exact set of resources, one statement each;
//   - a resource whose type the action cannot be restricted to is widened to "*",
//     because CAM would never match the narrower statement;
//   - duplicates are removed, actions and resources sorted, statements sorted by their
//     resource lists, so the output does not depend on the grants' order.
//
// Grants with a nil Action are ignored.
func LeastPrivilege(grants ...Grant) Policy {
	wildcard := map[string]bool{}            // actions granted on "*"
	specific := map[string]map[string]bool{} // action -> resources
	for _, g := range grants {
		if g.Action == nil {
			continue
		}
		name := g.Action.String()
		if g.Resource.IsZero() || !g.Action.Info().acceptsResource(g.Resource) {
			wildcard[name] = true
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
	p := Policy{Version: PolicyVersion, Statement: []Statement{}}
	for _, g := range sorted {
		p.Statement = append(p.Statement, Statement{Effect: EffectAllow, Action: Values(g.actions), Resource: Values(g.resources)})
	}
	return p
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
