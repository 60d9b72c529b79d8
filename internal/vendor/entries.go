package vendor

import (
	"sort"

	"github.com/permgen/permgen/internal/model"
)

// Actions is the EntryKind of model.Service.Actions, for vendors whose named items
// are actions kept in that list; group names an action's Group (nil: none), and
// groupNoun what the vendor calls a group.
func Actions(groupNoun string, group func(a model.Action) string) EntryKind {
	return EntryKind{
		Name: "action", Plural: "actions", GroupNoun: groupNoun,
		List: func(s *model.Service) []Entry {
			out := make([]Entry, len(s.Actions))
			for i, a := range s.Actions {
				out[i] = Entry{Name: a.Name, Deprecated: a.Deprecated, Item: a}
				if group != nil {
					out[i].Group = group(a)
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
	}
}

// Scopes is the EntryKind of model.Service.Scopes.
func Scopes() EntryKind {
	return EntryKind{
		Name: "scope", Plural: "scopes",
		List: func(s *model.Service) []Entry {
			out := make([]Entry, len(s.Scopes))
			for i, sc := range s.Scopes {
				out[i] = Entry{Name: sc.Name, Deprecated: sc.Deprecated, Item: sc}
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
	}
}
