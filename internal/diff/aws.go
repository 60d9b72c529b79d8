package diff

import (
	"fmt"
	"strings"

	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/permgen/permgen/internal/model"
)

// awsActionFields classifies the AWS fields of an action, taking them out of fs:
// what a policy may do changes with the access level (the level is what least-
// privilege tools select by), the resource types, the keys, the dependent actions
// and the scenarios; the documentation link and the operation it names do not.
func awsActionFields(fs map[string]bool, o, n model.Action) []Change {
	var out []Change
	if fs["AccessLevel"] {
		out = append(out, Change{Class: Policy, Kind: Changed, Field: "access_level", Old: o.AccessLevel, New: n.AccessLevel})
	}
	if fs["ResourceTypes"] {
		out = append(out, Change{Class: Policy, Kind: Changed, Field: "resource_types", Old: awsResourceTypes(o.ResourceTypes), New: awsResourceTypes(n.ResourceTypes)})
	}
	if fs["ConditionKeys"] {
		out = append(out, Change{Class: Policy, Kind: Changed, Field: "condition_keys", Old: strings.Join(o.ConditionKeys, ", "), New: strings.Join(n.ConditionKeys, ", ")})
	}
	if fs["DependentActions"] {
		out = append(out, Change{Class: Policy, Kind: Changed, Field: "dependent_actions", Old: strings.Join(o.DependentActions, ", "), New: strings.Join(n.DependentActions, ", ")})
	}
	if fs["Scenarios"] {
		out = append(out, Change{Class: Policy, Kind: Changed, Field: "scenarios", Old: awsScenarios(o.Scenarios), New: awsScenarios(n.Scenarios)})
	}
	if fs["DocURL"] {
		out = append(out, Change{Class: Cosmetic, Kind: Changed, Field: "doc_url", Old: o.DocURL, New: n.DocURL})
	}
	if fs["Operation"] {
		out = append(out, Change{Class: Cosmetic, Kind: Changed, Field: "operation", Old: o.Operation, New: n.Operation})
	}
	for _, f := range []string{"AccessLevel", "ResourceTypes", "ConditionKeys", "DependentActions", "Scenarios", "DocURL", "Operation"} {
		delete(fs, f)
	}
	return out
}

// awsResourceTypes renders an action's resource-type rows as the page does,
// "object*, bucket", each with its keys and dependent actions when it has any.
func awsResourceTypes(rts []model.ActionResourceType) string {
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

func awsScenarios(ss []model.ActionScenario) string {
	var parts []string
	for _, s := range ss {
		parts = append(parts, s.Name+": "+awsResourceTypes(s.ResourceTypes))
	}
	return strings.Join(parts, "; ")
}

func describeAWSAction(a model.Action) string {
	s := a.AccessLevel
	if rts := awsResourceTypes(a.ResourceTypes); rts != "" {
		s += ", " + rts
	}
	if a.Description == "" {
		return s
	}
	return a.Description + "; " + s
}

// compareConditionKeys compares the condition keys a service defines, each a
// generated constant: one gone breaks code that names it; another type changes what
// a policy may compare it with; another description is only words.
func compareConditionKeys(old, new []model.ConditionKey) []Change {
	om, nm := map[string]model.ConditionKey{}, map[string]model.ConditionKey{}
	for _, k := range old {
		om[k.Name] = k
	}
	for _, k := range new {
		nm[k.Name] = k
	}
	var out []Change
	for _, name := range sortedNames(om) {
		o := om[name]
		n, ok := nm[name]
		if !ok {
			out = append(out, Change{Class: Breaking, Kind: Removed, Name: name, Detail: o.Type})
			continue
		}
		fs := differingFields(o, n, cmpopts.IgnoreFields(model.ConditionKey{}, "Name", "Pos"))
		out = append(out, named(name, applyRules(fs, conditionKeyRules, o, n))...)
	}
	for _, name := range sortedNames(nm) {
		if _, ok := om[name]; !ok {
			out = append(out, Change{Class: Additive, Kind: Added, Name: name, Detail: fmt.Sprintf("%s: %s", nm[name].Type, nm[name].Description)})
		}
	}
	for i := range out {
		out[i].Subject = SubjectConditionKey
	}
	return out
}

var conditionKeyRules = []rule{
	{"Type", "type", Policy},
	{"Description", "description", Cosmetic},
}
