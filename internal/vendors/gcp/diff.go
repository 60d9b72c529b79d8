package gcp

import (
	"fmt"
	"sort"
)

// Class says what a change means to users, as issue 23 defines it.
type Class string

// The classes, from harmless to breaking.
const (
	// Additive: something new that no existing grant or code depends on.
	Additive Class = "additive"
	// Policy: existing grants now allow more (a role gained a permission):
	// not breaking, but a reviewer of least privilege wants to see it.
	Policy Class = "policy"
	// Informational: text changed (title, description, resources, stage, support
	// level, deny name); no grant changes.
	Informational Class = "info"
	// Breaking: something users may rely on is gone (a permission, a role, or a
	// role's permission: its holders lose it).
	Breaking Class = "breaking"
)

// Change is one difference between two catalogs.
type Change struct {
	Class Class  `json:"class"`
	Kind  string `json:"kind"` // permission-added, role-gained-permissions, …
	Name  string `json:"name"` // the permission or role id
	// Items are the permissions a role gained or lost, sorted.
	Items  []string `json:"items,omitempty"`
	Detail string   `json:"detail,omitempty"`
}

// Diff compares two catalogs. Changes are sorted by kind, then name.
func Diff(old, new *Catalog) []Change {
	var cs []Change
	add := func(c Class, kind, name string, items []string, detail string) {
		cs = append(cs, Change{Class: c, Kind: kind, Name: name, Items: items, Detail: detail})
	}
	op := map[string]*Permission{}
	for _, p := range old.Permissions {
		op[p.Name] = p
	}
	np := map[string]bool{}
	for _, p := range new.Permissions {
		np[p.Name] = true
		o, ok := op[p.Name]
		if !ok && p.Page == "" {
			// Named only inside role tables or on the support page: the page that
			// would document it is missing (compute.* here).
			add(Additive, "permission-added-without-row", p.Name, nil, "")
			continue
		}
		if !ok {
			add(Additive, "permission-added", p.Name, nil, "")
			continue
		}
		if o.Support != p.Support {
			cls := Informational
			if p.Support == NotSupported {
				// custom roles that hold it can no longer be updated
				cls = Breaking
			}
			add(cls, "permission-support-changed", p.Name, nil, fmt.Sprintf("%s -> %s", o.Support, p.Support))
		}
		if o.Deny != p.Deny {
			cls := Informational
			if o.Deny != "" {
				// deny policies that name the old form stop applying
				cls = Breaking
			}
			add(cls, "permission-deny-changed", p.Name, nil, fmt.Sprintf("%q -> %q", o.Deny, p.Deny))
		}
	}
	for _, p := range old.Permissions {
		if !np[p.Name] {
			add(Breaking, "permission-removed", p.Name, nil, "")
		}
	}
	or := map[string]*Role{}
	for _, r := range old.Roles {
		or[r.ID] = r
	}
	nr := map[string]bool{}
	for _, r := range new.Roles {
		nr[r.ID] = true
		o, ok := or[r.ID]
		if !ok {
			add(Additive, "role-added", r.ID, nil, r.Title)
			continue
		}
		gained, lost := setDiff(o.Permissions, r.Permissions)
		// A role without a row (basic roles, roles of a missing page) is known
		// only through permission rows: its change is reported apart.
		suffix := ""
		if !r.HasRow {
			suffix = "-without-row"
		}
		if len(gained) > 0 {
			add(Policy, "role-gained-permissions"+suffix, r.ID, gained, "")
		}
		if len(lost) > 0 {
			add(Breaking, "role-lost-permissions"+suffix, r.ID, lost, "")
		}
		if o.Title != r.Title {
			add(Informational, "role-title-changed", r.ID, nil, fmt.Sprintf("%q -> %q", o.Title, r.Title))
		}
		if o.Stage != r.Stage {
			add(Informational, "role-stage-changed", r.ID, nil, fmt.Sprintf("%s -> %s", o.Stage, r.Stage))
		}
		if o.ServiceAgent != r.ServiceAgent {
			add(Informational, "role-service-agent-changed", r.ID, nil, fmt.Sprintf("%t -> %t", o.ServiceAgent, r.ServiceAgent))
		}
	}
	for _, r := range old.Roles {
		if !nr[r.ID] {
			add(Breaking, "role-removed", r.ID, nil, r.Title)
		}
	}
	sort.SliceStable(cs, func(i, j int) bool {
		if cs[i].Kind != cs[j].Kind {
			return cs[i].Kind < cs[j].Kind
		}
		return cs[i].Name < cs[j].Name
	})
	return cs
}

// setDiff returns what b has that a lacks, and what a has that b lacks; both
// inputs sorted.
func setDiff(a, b []string) (added, removed []string) {
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || i < len(a) && a[i] < b[j]:
			removed = append(removed, a[i])
			i++
		case i == len(a) || b[j] < a[i]:
			added = append(added, b[j])
			j++
		default:
			i++
			j++
		}
	}
	return added, removed
}

// Worst returns the most severe class among the changes, or "" for none.
func Worst(cs []Change) Class {
	rank := map[Class]int{Informational: 1, Additive: 2, Policy: 3, Breaking: 4}
	var w Class
	for _, c := range cs {
		if rank[c.Class] > rank[w] {
			w = c.Class
		}
	}
	return w
}
