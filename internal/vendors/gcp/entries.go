package gcp

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/vendor"
)

// Entries implements vendor.Vendor: permissions and roles. History keeps
// neither (Keep is nil): the tree carries no model snapshot to keep them from
// (vendor.Unsnapshotted). The model diff uses the rules between two scraped
// sources folders; they classify as Diff does, in the model diff's classes
// (Diff's "info" is cosmetic there).
func (Vendor) Entries() []vendor.EntryKind {
	return []vendor.EntryKind{
		{
			Name: "permission", Plural: "permissions", Summary: true,
			List: func(s *model.Service) []vendor.Entry {
				c := CatalogOf(s)
				if c == nil {
					return nil
				}
				out := make([]vendor.Entry, len(c.Permissions))
				for i, p := range c.Permissions {
					out[i] = vendor.Entry{Name: p.Name, Describe: strconv.Itoa(len(p.Roles)) + " roles, custom roles " + string(p.Support), Item: p}
				}
				return out
			},
			Fields: permissionFields,
		},
		{
			Name: "role", Plural: "roles", Summary: true,
			List: func(s *model.Service) []vendor.Entry {
				c := CatalogOf(s)
				if c == nil {
					return nil
				}
				out := make([]vendor.Entry, len(c.Roles))
				for i, r := range c.Roles {
					out[i] = vendor.Entry{Name: r.ID, Describe: r.Title, Gone: r.Title, Item: r}
				}
				return out
			},
			Fields: roleFields,
		},
	}
}

// permissionFields: a permission that custom roles can no longer hold, or whose
// deny name changed, breaks what names it; its list of roles follows from the
// roles' own changes, reported there.
func permissionFields(o, n any, _ map[string]bool) []vendor.Change {
	a, b := o.(*Permission), n.(*Permission)
	fs := vendor.DifferingFields(*a, *b, whereRead(Permission{}))
	var out []vendor.Change
	if fs["Support"] {
		delete(fs, "Support")
		cls := vendor.Cosmetic
		if b.Support == NotSupported {
			cls = vendor.Breaking // custom roles that hold it can no longer be updated
		}
		out = append(out, vendor.Change{Class: cls, Field: "custom_roles_support", Old: string(a.Support), New: string(b.Support)})
	}
	if fs["Deny"] {
		delete(fs, "Deny")
		cls := vendor.Cosmetic
		if a.Deny != "" {
			cls = vendor.Breaking // deny policies that name the old form stop applying
		}
		out = append(out, vendor.Change{Class: cls, Field: "deny", Old: a.Deny, New: b.Deny})
	}
	return append(out, vendor.ApplyRules(fs, permissionRules, *a, *b, true)...)
}

// whereRead leaves out where an entry was read (page, line, row), as the model
// diff leaves out Source.File, and as Diff does: rows move, the file names of an
// archive's pages carry the archive's name.
func whereRead(typ any) cmp.Option { return cmpopts.IgnoreFields(typ, "Page", "Pos") }

var permissionRules = []vendor.FieldRule{
	{Path: "Roles", Name: "roles", Class: vendor.Cosmetic},
}

// roleFields: a role gaining permissions is a policy change, losing one breaks
// its holders; its words, stage and place are cosmetic.
func roleFields(o, n any, _ map[string]bool) []vendor.Change {
	a, b := o.(*Role), n.(*Role)
	fs := vendor.DifferingFields(*a, *b, whereRead(Role{}))
	var out []vendor.Change
	if fs["Permissions"] {
		delete(fs, "Permissions")
		gained, lost := setDiff(a.Permissions, b.Permissions)
		if len(gained) > 0 {
			out = append(out, vendor.Change{Class: vendor.Policy, Field: "permissions", New: strings.Join(gained, ", "), Detail: fmt.Sprintf("gained %d", len(gained))})
		}
		if len(lost) > 0 {
			out = append(out, vendor.Change{Class: vendor.Breaking, Field: "permissions", Old: strings.Join(lost, ", "), Detail: fmt.Sprintf("lost %d", len(lost))})
		}
	}
	return append(out, vendor.ApplyRules(fs, roleRules, *a, *b, true)...)
}

var roleRules = []vendor.FieldRule{
	{Path: "Title", Name: "title", Class: vendor.Cosmetic},
	{Path: "Description", Name: "description", Class: vendor.Cosmetic},
	{Path: "Stage", Name: "stage", Class: vendor.Cosmetic},
	{Path: "ServiceAgent", Name: "service_agent", Class: vendor.Cosmetic},
	{Path: "Resources", Name: "lowest_level_resources", Class: vendor.Cosmetic},
	{Path: "HasRow", Name: "has_row", Class: vendor.Cosmetic},
	{Path: "Basic", Name: "basic", Class: vendor.Cosmetic},
}
