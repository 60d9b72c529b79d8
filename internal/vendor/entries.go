package vendor

import (
	"sort"

	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/permgen/permgen/internal/model"
)

// ActionRules is what a vendor whose named items are model.Service.Actions says
// about them; Actions makes the EntryKind.
type ActionRules struct {
	// GroupNoun and Group: see EntryKind.GroupNoun and Entry.Group; Group nil
	// for no groups.
	GroupNoun string
	Group     func(model.Action) string
	// Signature and Describe: see Entry.
	Signature, Describe func(model.Action) string
	// Fields: see EntryKind.Fields.
	Fields func(old, new model.Action) []Change
}

// Actions is the EntryKind of model.Service.Actions.
func Actions(r ActionRules) EntryKind {
	return EntryKind{
		Name: "action", Plural: "actions", GroupNoun: r.GroupNoun, Summary: true,
		List: func(s *model.Service) []Entry {
			out := make([]Entry, len(s.Actions))
			for i, a := range s.Actions {
				out[i] = Entry{Name: a.Name, Deprecated: a.Deprecated, Signature: r.Signature(a), Describe: r.Describe(a), Item: a}
				if r.Group != nil {
					out[i].Group = r.Group(a)
				}
			}
			return out
		},
		Keep: func(fresh, old *model.Service, vanished map[string]bool, mark func(*model.Deprecation) *model.Deprecation) {
			for _, a := range old.Actions {
				if vanished[a.Name] {
					a.Deprecated = mark(a.Deprecated)
					fresh.Actions = append(fresh.Actions, a)
				}
			}
			sort.Slice(fresh.Actions, func(i, j int) bool { return fresh.Actions[i].Name < fresh.Actions[j].Name })
		},
		Fields: func(o, n any, _ map[string]bool) []Change { return r.Fields(o.(model.Action), n.(model.Action)) },
	}
}

// ResourceTypes is the EntryKind of model.Service.ResourceTypes, each the builder
// <Name>Resource(placeholders...) in the generated code, named "service/type". They
// are derived from the actions, so history does not keep them.
func ResourceTypes() EntryKind {
	return EntryKind{
		Name: "resource_type", Plural: "resource types", Summary: true,
		List: func(s *model.Service) []Entry {
			out := make([]Entry, len(s.ResourceTypes))
			for i, r := range s.ResourceTypes {
				out[i] = Entry{Name: r.Service + "/" + r.Name, Describe: r.Pattern, Gone: r.Pattern, Item: r}
			}
			return out
		},
		Fields: func(x, y any, _ map[string]bool) []Change {
			o, n := x.(model.ResourceType), y.(model.ResourceType)
			fs := DifferingFields(o, n, cmpopts.IgnoreFields(model.ResourceType{}, "Service", "Name", "Pos"))
			var out []Change
			if fs["Placeholders"] {
				// The builder's parameters are the placeholders.
				out = append(out, Change{Class: Breaking, Field: "placeholders",
					Old: join(o.Placeholders), New: join(n.Placeholders),
					Detail: "pattern " + o.Pattern + " -> " + n.Pattern})
				delete(fs, "Placeholders")
				delete(fs, "Pattern")
			}
			return append(out, ApplyRules(fs, resourceTypeRules, o, n, true)...)
		},
	}
}

var resourceTypeRules = []FieldRule{
	// Same parameters, another string: resources built before and after differ.
	{"Pattern", "pattern", Policy},
	// Another condition key the resource type honours changes what a policy can
	// test.
	{"ConditionKeys", "condition_keys", Policy},
}

func join(list []string) string {
	out := ""
	for i, s := range list {
		if i > 0 {
			out += ", "
		}
		out += s
	}
	return out
}
