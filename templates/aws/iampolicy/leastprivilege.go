package iampolicy

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/permgen/permgen/templates/aws/iam"
)

// Grant is one permission wanted: an action on a resource (an ARN or ARN pattern;
// empty or "*" for every resource), under optional conditions.
type Grant struct {
	Action     iam.Action
	Resource   string
	Conditions []Condition
}

// Written is what LeastPrivilege wrote: one policy, or several when one would be
// over the quota, and notes on what it added or widened and why.
type Written struct {
	Policies []*Policy
	Notes    []string
}

// LeastPrivilege writes the smallest policy that grants exactly the grants:
// actions that take no resource go under "*"; the others are grouped by service,
// access level, resource type, resource set and conditions, one statement each,
// with Sids made of those ("S3ReadObject"); the actions each lists as dependent
// are added and said so; statements are in Sid order, and split across policies
// to fit kind's quota. A grant on a resource its action does not act on is an
// error (it would never match).
func LeastPrivilege(cat Catalog, kind Kind, grants ...Grant) (*Written, error) {
	w := &Written{}
	type want struct {
		info  iam.ActionInfo
		res   string
		rtype string
		conds []Condition
	}
	var wants []want
	var errs []error
	have := map[string]bool{}
	add := func(info iam.ActionInfo, res string, conds []Condition) error {
		if res == "" {
			res = "*"
		}
		rtype := "Any"
		switch {
		case info.WildcardOnly():
			if res != "*" {
				w.Notes = append(w.Notes, fmt.Sprintf("%s takes no resource, so it is granted on \"*\", not %s", info, res))
				res = "*"
			}
			rtype = "NoResource"
		case res == "*":
			w.Notes = append(w.Notes, fmt.Sprintf("%s acts on %s but no resource was given, so it is granted on \"*\"", info, rowNames(info)))
		default:
			rt, ok := matchingType(cat, info, res)
			if !ok {
				return fmt.Errorf("%s does not act on %s (its resource types: %s)", info, res, rowNames(info))
			}
			rtype = rt
		}
		wants = append(wants, want{info, res, rtype, conds})
		have[strings.ToLower(info.String())+" "+res] = true
		return nil
	}
	for _, g := range grants {
		info := g.Action.Info()
		if !info.Valid() {
			errs = append(errs, fmt.Errorf("unknown action %q", g.Action.String()))
			continue
		}
		if err := add(info, g.Resource, g.Conditions); err != nil {
			errs = append(errs, err)
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	// Dependent actions, once each, on "*": the reference does not say on what.
	for i := 0; i < len(wants); i++ {
		for _, dep := range dependents(wants[i].info, wants[i].rtype) {
			if have[strings.ToLower(dep)+" *"] {
				continue
			}
			info, ok := cat.LookupAction(dep)
			if !ok {
				w.Notes = append(w.Notes, fmt.Sprintf("%s lists %s as a dependent action, which the catalog does not know; not added", wants[i].info, dep))
				have[strings.ToLower(dep)+" *"] = true
				continue
			}
			w.Notes = append(w.Notes, fmt.Sprintf("added %s: %s lists it as a dependent action", info, wants[i].info))
			_ = add(info, "*", nil)
		}
	}
	// Group.
	type group struct {
		service, level, rtype string
		actions, resources    map[string]bool
		conds                 []Condition
	}
	groups := map[string]*group{}
	// First the resource set of each (action, conditions).
	type ak struct{ action, conds string }
	resOf := map[ak]map[string]bool{}
	infoOf := map[ak]want{}
	for _, x := range wants {
		cb, _ := json.Marshal(x.conds)
		k := ak{x.info.String(), string(cb)}
		if resOf[k] == nil {
			resOf[k] = map[string]bool{}
			infoOf[k] = x
		}
		resOf[k][x.res] = true
	}
	for k, rs := range resOf {
		x := infoOf[k]
		set := keys(rs)
		gk := strings.Join([]string{x.info.Service, x.info.AccessLevel.String(), x.rtype, strings.Join(set, " "), k.conds}, "|")
		g := groups[gk]
		if g == nil {
			g = &group{service: x.info.Service, level: x.info.AccessLevel.String(), rtype: x.rtype,
				actions: map[string]bool{}, resources: rs, conds: x.conds}
			groups[gk] = g
		}
		g.actions[x.info.String()] = true
	}
	gks := keys(mapKeys(groups))
	var sts []Statement
	used := map[string]int{}
	for _, gk := range gks {
		g := groups[gk]
		sid := sidPart(g.service) + sidPart(g.level) + sidPart(g.rtype)
		used[sid]++
		if used[sid] > 1 {
			sid += fmt.Sprint(used[sid])
		}
		s := Statement{Sid: sid, Effect: EffectAllow, Action: keys(g.actions), Resource: keys(g.resources)}
		for _, c := range g.conds {
			s.Condition = mergeCondition(s.Condition, c)
		}
		sortConditions(s.Condition)
		sts = append(sts, s)
	}
	sort.SliceStable(sts, func(i, j int) bool { return sts[i].Sid < sts[j].Sid })
	w.Policies = split(sts, kind.Quota())
	return w, nil
}

// matchingType returns the name of the action's resource type whose template
// matches res.
func matchingType(cat Catalog, a iam.ActionInfo, res string) (string, bool) {
	for _, rt := range resourceTypes(cat, a) {
		if actsOnType(rt, res) {
			return rt.Name, true
		}
	}
	return "", false
}

func actsOnType(rt iam.ResourceTypeInfo, res string) bool {
	return iamTemplateMatch(rt.ARN, res) || patternCouldMatch(rt.ARN, res)
}

// dependents lists the dependent actions of an action, for the row of rtype and
// its request-level row.
func dependents(a iam.ActionInfo, rtype string) []string {
	var out []string
	for d := range a.DependentActions.All() {
		out = append(out, d)
	}
	for row := range a.ResourceTypes.All() {
		if row.Name == rtype || strings.HasSuffix(row.Name, ":"+rtype) {
			for d := range row.DependentActions.All() {
				out = append(out, d)
			}
		}
	}
	return out
}

// sidPart turns "Permissions management" or "access-point" into "PermissionsManagement", "AccessPoint".
func sidPart(s string) string {
	var b strings.Builder
	up := true
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9':
			if up && r >= 'a' && r <= 'z' {
				r -= 'a' - 'A'
			}
			b.WriteRune(r)
			up = false
		default:
			up = true
		}
	}
	return b.String()
}

// split packs statements, in order, into as few policies as fit the quota; a
// statement too large alone is cut into numbered pieces by its actions, or by its
// resources when it has one action.
func split(sts []Statement, quota int) []*Policy {
	size := func(ss ...Statement) int {
		b, _ := json.Marshal(&Policy{Version: Version2012, Statement: ss})
		n, _ := Size(b)
		return n
	}
	var pieces []Statement
	for _, s := range sts {
		if size(s) <= quota || (len(s.Action) < 2 && len(s.Resource) < 2) {
			pieces = append(pieces, s)
			continue
		}
		byActions := len(s.Action) > 1
		list := s.Resource
		if byActions {
			list = s.Action
		}
		var chunk []string
		n := 0
		flush := func() {
			n++
			p := s
			if byActions {
				p.Action = chunk
			} else {
				p.Resource = chunk
			}
			if n > 1 {
				p.Sid = fmt.Sprintf("%s%d", s.Sid, n)
			}
			pieces = append(pieces, p)
			chunk = nil
		}
		for _, x := range list {
			try := s
			if byActions {
				try.Action = append(append([]string(nil), chunk...), x)
			} else {
				try.Resource = append(append([]string(nil), chunk...), x)
			}
			if len(chunk) > 0 && size(try) > quota {
				flush()
			}
			chunk = append(chunk, x)
		}
		flush()
	}
	var out []*Policy
	cur := &Policy{Version: Version2012}
	for _, st := range pieces {
		if len(cur.Statement) > 0 && size(append(append([]Statement(nil), cur.Statement...), st)...) > quota {
			out = append(out, cur)
			cur = &Policy{Version: Version2012}
		}
		cur.Statement = append(cur.Statement, st)
	}
	if len(cur.Statement) > 0 {
		out = append(out, cur)
	}
	return out
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func mapKeys[V any](m map[string]V) map[string]bool {
	out := make(map[string]bool, len(m))
	for k := range m {
		out[k] = true
	}
	return out
}

// GrantsFor turns an intent, the way policy_sentry's CRUD mode takes it, into
// grants: every action of the ARN's service at one of levels that acts on the
// ARN's resource type.
func GrantsFor(cat Catalog, arn string, levels ...iam.AccessLevel) ([]Grant, error) {
	parts, ok := splitARN(arn)
	if !ok {
		return nil, fmt.Errorf("%q is not an ARN", arn)
	}
	var out []Grant
	for _, a := range ActionsByLevel(cat, parts[1], levels...) {
		if a.WildcardOnly() {
			continue
		}
		if _, ok := matchingType(cat, a, arn); ok {
			out = append(out, Grant{Action: a, Resource: arn})
		}
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no %v action of %s acts on %s", levels, parts[1], arn)
	}
	return out, nil
}
