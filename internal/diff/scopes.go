package diff

import (
	"fmt"
	"strings"

	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/permgen/permgen/internal/model"
)

func (c comparer) scopes(old, new []model.Scope) []Change {
	return lifecycle[model.Scope]{
		newScraped: c.newScraped,
		subject:    SubjectScope,
		name:       func(s model.Scope) string { return s.Name },
		deprecated: func(s model.Scope) *model.Deprecation { return s.Deprecated },
		signature: func(s model.Scope) string {
			return strings.TrimSpace(s.Description)
		},
		describe: func(s model.Scope) string { return s.Description },
		fields:   scopeFields,
	}.run(old, new)
}

var scopeRules = []rule{
	{"Description", "description", Cosmetic},
}

// scopeFields compares two versions of one scope. Namespace and verb are parts of
// the name; ImpliesWhy cites row numbers, which move whenever a row is inserted
// above, and what it explains is Implies.
func scopeFields(o, n model.Scope, churn map[string]bool) []Change {
	fs := differingFields(o, n, cmpopts.IgnoreFields(model.Scope{}, "Name", "Namespace", "Verb", "ImpliesWhy", "Deprecated", "Pos"))
	var out []Change
	if fs["Implies"] {
		delete(fs, "Implies")
		if ch, ok := impliesChange(o, n, churn); ok {
			out = append(out, ch)
		}
	}
	return append(out, applyRules(fs, scopeRules, o, n)...)
}

// impliesChange reports what a scope grants besides itself, as the scopes taken out
// (Old) and put in (New). Scopes that themselves came, went or were renamed are left
// out: "member:admin grants every member scope" still holds, and the scope's own
// change is reported already. What is left is the rule itself applying differently.
func impliesChange(o, n model.Scope, churn map[string]bool) (Change, bool) {
	was, is := set(o.Implies), set(n.Implies)
	var out, in []string
	for _, s := range o.Implies {
		if !is[s] && !churn[s] {
			out = append(out, s)
		}
	}
	for _, s := range n.Implies {
		if !was[s] && !churn[s] {
			in = append(in, s)
		}
	}
	if len(out) == 0 && len(in) == 0 {
		return Change{}, false
	}
	return Change{Class: Policy, Kind: Changed, Field: "implies", Old: strings.Join(out, ", "), New: strings.Join(in, ", "),
		Detail: fmt.Sprintf("grants %d other scopes, was %d", len(n.Implies), len(o.Implies))}, true
}

func set(list []string) map[string]bool {
	m := make(map[string]bool, len(list))
	for _, s := range list {
		m[s] = true
	}
	return m
}
