package gcp

import (
	"errors"
	"fmt"
	"sort"
	"strings"
)

// StageUnknown is the stage of a role that has no row (basic roles, roles of a
// missing page): the pages do not say.
const StageUnknown Stage = "UNKNOWN"

// Sources is everything one snapshot holds, read but not yet joined.
type Sources struct {
	Pages   []*Page
	Support map[string]Support
	// SupportFile and DenyFile are empty when the snapshot lacks the page.
	SupportFile string
	Deny        []DenyEntry
	DenyFile    string
}

// Build joins the pages into one catalog. Role ids and permission names must be
// unique across pages (an error names both places); everything else the pages
// disagree on becomes a note.
func Build(src *Sources) (*Catalog, error) {
	var errs []error
	roles := map[string]*Role{}
	perms := map[string]*Permission{}
	c := &Catalog{}
	note := func(pos Pos, code, format string, args ...any) {
		c.Notes = append(c.Notes, Note{Pos: pos, Code: code, Msg: fmt.Sprintf(format, args...)})
	}
	for _, p := range src.Pages {
		for _, r := range p.Roles {
			if old, dup := roles[r.ID]; dup {
				errs = append(errs, fmt.Errorf("%s:%d: table %d row %d column Role: %s already has a row at %s:%d", r.Pos.File, r.Pos.Line, r.Pos.Table, r.Pos.Row, r.ID, old.Pos.File, old.Pos.Line))
				continue
			}
			r.Permissions = sortedUnique(r.Permissions)
			roles[r.ID] = r
			if pre := r.Prefix(); pre != "" && pre != p.Name {
				note(r.Pos, "role-on-other-page", "%s is on page %s, not %s", r.ID, p.Name, pre)
			}
		}
	}
	for _, p := range src.Pages {
		for _, row := range p.Perms {
			if old, dup := perms[row.Name]; dup {
				errs = append(errs, fmt.Errorf("%s:%d: table %d row %d column Permission: %s already has a row at %s:%d", row.Pos.File, row.Pos.Line, row.Pos.Table, row.Pos.Row, row.Name, old.Pos.File, old.Pos.Line))
				continue
			}
			pm := newPermission(row.Name)
			pm.Page, pm.Pos = p.Name, row.Pos
			perms[row.Name] = pm
			if pm.Prefix != p.Name {
				note(row.Pos, "permission-on-other-page", "%s is on page %s; its service (prefix) is %s", row.Name, p.Name, pm.Prefix)
			}
			for _, ref := range row.Roles {
				pm.Roles = append(pm.Roles, ref.ID)
				r, ok := roles[ref.ID]
				if !ok {
					// A role with no row: basic roles, and the roles of a page the
					// snapshot lacks. Its permissions are assembled from the rows.
					r = &Role{ID: ref.ID, Title: ref.Title, Stage: StageUnknown, Basic: basicRole(ref.ID), ServiceAgent: ref.ServiceAgent, Page: ref.Page, Pos: row.Pos}
					roles[ref.ID] = r
					if !r.Basic {
						note(row.Pos, "role-without-row", "%s (%q, page %s) is named in Included in roles but has no role row; its permissions are those whose rows name it", ref.ID, ref.Title, ref.Page)
					}
				}
				if !r.HasRow {
					r.Permissions = append(r.Permissions, row.Name)
				}
			}
		}
	}
	// A role row is the role's complete list: every permission it names belongs
	// to the catalog, with a row or not (compute.* here), and lists the role.
	for _, r := range roles {
		if !r.HasRow {
			r.Permissions = sortedUnique(r.Permissions)
			continue
		}
		for _, name := range r.Permissions {
			pm, ok := perms[name]
			if !ok {
				pm = newPermission(name)
				perms[name] = pm
			}
			pm.Roles = append(pm.Roles, r.ID)
		}
	}
	for name, level := range src.Support {
		if _, ok := perms[name]; !ok {
			perms[name] = newPermission(name)
		}
		perms[name].Support = level
	}
	for _, d := range src.Deny {
		v1 := d.V1
		if v1 == "" {
			if _, ok := perms[d.V2]; ok {
				v1 = d.V2 // third-party names are the same in both forms
			} else if v, ok := v1Name(d.V2); ok {
				v1 = v
			}
		}
		if pm, ok := perms[v1]; ok && pm.Deny == "" {
			pm.Deny = d.V2
		}
	}
	for _, pm := range perms {
		pm.Roles = sortedUnique(pm.Roles)
		if pm.Support == "" {
			pm.Support = SupportUnlisted
		}
		if pm.Page == "" && len(pm.Roles) > 0 {
			note(Pos{}, "permission-without-row", "%s is granted by %s but no page has its row", pm.Name, pm.Roles[0])
		}
		c.Permissions = append(c.Permissions, pm)
	}
	for _, r := range roles {
		c.Roles = append(c.Roles, r)
	}
	sort.Slice(c.Permissions, func(i, j int) bool { return c.Permissions[i].Name < c.Permissions[j].Name })
	sort.Slice(c.Roles, func(i, j int) bool { return c.Roles[i].ID < c.Roles[j].ID })
	sort.SliceStable(c.Notes, func(i, j int) bool {
		a, b := c.Notes[i], c.Notes[j]
		if a.Code != b.Code {
			return a.Code < b.Code
		}
		return a.Msg < b.Msg
	})
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return c, nil
}

func newPermission(name string) *Permission {
	pm := &Permission{Name: name}
	pm.Prefix, pm.Resource, pm.Verb = splitPermission(name)
	return pm
}

// splitPermission splits service.resource.verb at the first and the last '.'.
// Third-party names keep their domain in the resource
// (cloudonefs.isiloncloud.com/clusters.create: cloudonefs, isiloncloud.com/clusters, create).
func splitPermission(name string) (prefix, resource, verb string) {
	i := strings.IndexByte(name, '.')
	j := strings.LastIndexByte(name, '.')
	if i < 0 {
		return name, "", ""
	}
	if i == j {
		return name[:i], "", name[i+1:]
	}
	return name[:i], name[i+1 : j], name[j+1:]
}

func sortedUnique(s []string) []string {
	if len(s) == 0 {
		return []string{}
	}
	sort.Strings(s)
	out := s[:1]
	for _, v := range s[1:] {
		if v != out[len(out)-1] {
			out = append(out, v)
		}
	}
	return out
}

// Permission returns the named permission, or nil.
func (c *Catalog) Permission(name string) *Permission {
	i := sort.Search(len(c.Permissions), func(i int) bool { return c.Permissions[i].Name >= name })
	if i < len(c.Permissions) && c.Permissions[i].Name == name {
		return c.Permissions[i]
	}
	return nil
}

// Role returns the role with the id roles/…, or nil.
func (c *Catalog) Role(id string) *Role {
	i := sort.Search(len(c.Roles), func(i int) bool { return c.Roles[i].ID >= id })
	if i < len(c.Roles) && c.Roles[i].ID == id {
		return c.Roles[i]
	}
	return nil
}
