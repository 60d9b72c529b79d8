package stella

import (
	"fmt"
	"sort"
	"strings"

	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/vendor"
)

var _ vendor.Differ = Vendor{}

// scopes is the EntryKind of a scope table's scopes.
var scopes = vendor.EntryKind{
	Name: "scope", Plural: "scopes", Summary: true,
	List: func(s *model.Service) []vendor.Entry {
		out := make([]vendor.Entry, len(s.Scopes))
		for i, sc := range s.Scopes {
			out[i] = vendor.Entry{Name: sc.Name, Deprecated: sc.Deprecated, Signature: strings.TrimSpace(sc.Description), Describe: sc.Description, Item: sc}
		}
		return out
	},
	Keep: func(fresh, old *model.Service, vanished map[string]bool, mark func(*model.Deprecation) *model.Deprecation) {
		for _, sc := range old.Scopes {
			if vanished[sc.Name] {
				sc.Deprecated = mark(sc.Deprecated)
				// What it grants, and what grants it, is derived after this
				// merge (Derive), from the same rules as for the live scopes.
				fresh.Scopes = append(fresh.Scopes, sc)
			}
		}
		sort.Slice(fresh.Scopes, func(i, j int) bool { return fresh.Scopes[i].Name < fresh.Scopes[j].Name })
	},
	Fields: func(o, n any, churn map[string]bool) []vendor.Change {
		return scopeFields(o.(model.Scope), n.(model.Scope), churn)
	},
}

var scopeRules = []vendor.FieldRule{
	{Path: "Description", Name: "description", Class: vendor.Cosmetic},
}

// scopeFields compares two versions of one scope. Namespace and verb are parts of
// the name; ImpliesWhy cites row numbers, which move whenever a row is inserted
// above, and what it explains is Implies.
func scopeFields(o, n model.Scope, churn map[string]bool) []vendor.Change {
	fs := vendor.DifferingFields(o, n, cmpopts.IgnoreFields(model.Scope{}, "Name", "Namespace", "Verb", "ImpliesWhy", "Deprecated", "Pos"))
	var out []vendor.Change
	if fs["Implies"] {
		delete(fs, "Implies")
		if ch, ok := impliesChange(o, n, churn); ok {
			out = append(out, ch)
		}
	}
	return append(out, vendor.ApplyRules(fs, scopeRules, o, n, true)...)
}

// impliesChange reports what a scope grants besides itself, as the scopes taken out
// (Old) and put in (New). Scopes that themselves came, went or were renamed are left
// out: "member:admin grants every member scope" still holds, and the scope's own
// change is reported already. What is left is the rule itself applying differently.
func impliesChange(o, n model.Scope, churn map[string]bool) (vendor.Change, bool) {
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
		return vendor.Change{}, false
	}
	return vendor.Change{Class: vendor.Policy, Field: "implies", Old: strings.Join(out, ", "), New: strings.Join(in, ", "),
		Detail: fmt.Sprintf("grants %d other scopes, was %d", len(n.Implies), len(o.Implies))}, true
}

func set(list []string) map[string]bool {
	m := make(map[string]bool, len(list))
	for _, s := range list {
		m[s] = true
	}
	return m
}

// Identity implements vendor.Differ: a scope table's short name is its vendor,
// which several pages share (generate gives each its own package), so the page is
// part of its identity.
func (Vendor) Identity(s *model.Service) string { return s.Source.Path }

// ServiceFields implements vendor.Differ: a scope table has no facts of its own.
func (Vendor) ServiceFields(map[string]bool, *model.Service, *model.Service) []vendor.Change {
	return nil
}
