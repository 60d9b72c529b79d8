package aws

import (
	"fmt"
	"strings"

	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/vendor"
)

var actions = vendor.Actions(vendor.ActionRules{Signature: signature, Describe: describe, Fields: actionFields})

// signature is what stays when only the name changed: the description, which must
// say something, and what a policy may name.
func signature(a model.Action) string {
	if strings.TrimSpace(a.Description) == "" {
		return ""
	}
	return strings.Join([]string{a.Description, a.AccessLevel, resourceTypes(a.ResourceTypes)}, "\x00")
}

func describe(a model.Action) string {
	s := a.AccessLevel
	if rts := resourceTypes(a.ResourceTypes); rts != "" {
		s += ", " + rts
	}
	if a.Description == "" {
		return s
	}
	return a.Description + "; " + s
}

// actionFields compares two versions of one action: what a policy may do changes
// with the access level (the level is what least-privilege tools select by), the
// resource types, the keys, the dependent actions and the scenarios; the
// documentation link and the operation it names do not.
func actionFields(o, n model.Action) []vendor.Change {
	fs := vendor.DifferingFields(o, n, cmpopts.IgnoreFields(model.Action{}, "Name", "Deprecated", "Pos"))
	var out []vendor.Change
	if fs["AccessLevel"] {
		out = append(out, vendor.Change{Class: vendor.Policy, Field: "access_level", Old: o.AccessLevel, New: n.AccessLevel})
	}
	if fs["ResourceTypes"] {
		out = append(out, vendor.Change{Class: vendor.Policy, Field: "resource_types", Old: resourceTypes(o.ResourceTypes), New: resourceTypes(n.ResourceTypes)})
	}
	if fs["ConditionKeys"] {
		out = append(out, vendor.Change{Class: vendor.Policy, Field: "condition_keys", Old: strings.Join(o.ConditionKeys, ", "), New: strings.Join(n.ConditionKeys, ", ")})
	}
	if fs["DependentActions"] {
		out = append(out, vendor.Change{Class: vendor.Policy, Field: "dependent_actions", Old: strings.Join(o.DependentActions, ", "), New: strings.Join(n.DependentActions, ", ")})
	}
	if fs["Scenarios"] {
		out = append(out, vendor.Change{Class: vendor.Policy, Field: "scenarios", Old: scenarios(o.Scenarios), New: scenarios(n.Scenarios)})
	}
	if fs["DocURL"] {
		out = append(out, vendor.Change{Class: vendor.Cosmetic, Field: "doc_url", Old: o.DocURL, New: n.DocURL})
	}
	if fs["Operation"] {
		out = append(out, vendor.Change{Class: vendor.Cosmetic, Field: "operation", Old: o.Operation, New: n.Operation})
	}
	for _, f := range []string{"AccessLevel", "ResourceTypes", "ConditionKeys", "DependentActions", "Scenarios", "DocURL", "Operation"} {
		delete(fs, f)
	}
	return append(out, vendor.ApplyRules(fs, []vendor.FieldRule{{Path: "Description", Name: "description", Class: vendor.Cosmetic}}, o, n, true)...)
}

// resourceTypes renders an action's resource-type rows as the page does, "object*,
// bucket", each with its keys and dependent actions when it has any.
func resourceTypes(rts []model.ActionResourceType) string {
	var parts []string
	for _, rt := range rts {
		s := rt.Name
		if rt.Required {
			s += "*"
		}
		if len(rt.ConditionKeys) > 0 {
			s += " keys " + strings.Join(rt.ConditionKeys, " ")
		}
		if len(rt.DependentActions) > 0 {
			s += " needs " + strings.Join(rt.DependentActions, " ")
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, ", ")
}

func scenarios(ss []model.ActionScenario) string {
	var parts []string
	for _, s := range ss {
		parts = append(parts, s.Name+": "+resourceTypes(s.ResourceTypes))
	}
	return strings.Join(parts, "; ")
}

// conditionKeys is the EntryKind of the condition keys a service defines, each a
// generated constant: one gone breaks code that names it; another type changes
// what a policy may compare it with; another description is only words. History
// does not keep them.
var conditionKeys = vendor.EntryKind{
	Name: "condition_key", Plural: "condition keys",
	List: func(s *model.Service) []vendor.Entry {
		out := make([]vendor.Entry, len(s.ConditionKeys))
		for i, k := range s.ConditionKeys {
			out[i] = vendor.Entry{Name: k.Name, Describe: fmt.Sprintf("%s: %s", k.Type, k.Description), Gone: k.Type, Item: k}
		}
		return out
	},
	Fields: func(x, y any, _ map[string]bool) []vendor.Change {
		o, n := x.(model.ConditionKey), y.(model.ConditionKey)
		fs := vendor.DifferingFields(o, n, cmpopts.IgnoreFields(model.ConditionKey{}, "Name", "Pos"))
		return vendor.ApplyRules(fs, conditionKeyRules, o, n, true)
	},
}

var conditionKeyRules = []vendor.FieldRule{
	{Path: "Type", Name: "type", Class: vendor.Policy},
	{Path: "Description", Name: "description", Class: vendor.Cosmetic},
}
