package diff

import (
	"strings"

	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/permgen/permgen/internal/model"
)

// compareResourceTypes compares the resource types, each the builder
// <Name>Resource(placeholders...) in the generated code.
func compareResourceTypes(old, new []model.ResourceType) []Change {
	id := func(r model.ResourceType) string { return r.Service + "/" + r.Name }
	om, nm := map[string]model.ResourceType{}, map[string]model.ResourceType{}
	for _, r := range old {
		om[id(r)] = r
	}
	for _, r := range new {
		nm[id(r)] = r
	}
	var out []Change
	for _, name := range sortedNames(om) {
		o := om[name]
		n, ok := nm[name]
		if !ok {
			out = append(out, Change{Class: Breaking, Kind: Removed, Name: name, Detail: o.Pattern})
			continue
		}
		fs := differingFields(o, n, cmpopts.IgnoreFields(model.ResourceType{}, "Service", "Name", "Pos"))
		if fs["Placeholders"] {
			// The builder's parameters are the placeholders.
			out = append(out, Change{Class: Breaking, Kind: Changed, Name: name, Field: "placeholders",
				Old: strings.Join(o.Placeholders, ", "), New: strings.Join(n.Placeholders, ", "),
				Detail: "pattern " + o.Pattern + " -> " + n.Pattern})
			delete(fs, "Placeholders")
			delete(fs, "Pattern")
		}
		out = append(out, named(name, applyRules(fs, resourceTypeRules, o, n))...)
	}
	for _, name := range sortedNames(nm) {
		if _, ok := om[name]; !ok {
			out = append(out, Change{Class: Additive, Kind: Added, Name: name, Detail: nm[name].Pattern})
		}
	}
	for i := range out {
		out[i].Subject = SubjectResourceType
	}
	return out
}

var resourceTypeRules = []rule{
	// Same parameters, another string: resources built before and after differ.
	{"Pattern", "pattern", Policy},
	// AWS: another key the resource type honours changes what a policy can test.
	{"ConditionKeys", "condition_keys", Policy},
}
