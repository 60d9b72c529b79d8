package gcpiam

import (
	"fmt"
	"sort"
	"strings"
)

// Role is one role of the catalog, by its place in the sorted list of ids. The
// zero value is no role.
type Role uint16

// Stage is a role's launch stage as far as the pages say.
type Stage uint8

// The stages. The pages mark only Beta; a role with a row and no marker is GA.
// Roles without a row (basic roles, the roles of a page missing from the
// snapshot) have StageUnknown.
const (
	StageUnknown Stage = iota
	GA
	Beta
)

// String returns GA, BETA or UNKNOWN.
func (s Stage) String() string {
	switch s {
	case GA:
		return "GA"
	case Beta:
		return "BETA"
	}
	return "UNKNOWN"
}

// NumRoles is the number of roles in the catalog.
func NumRoles() int { return len(roleRecs) }

// Valid says whether r is a role of the catalog.
func (r Role) Valid() bool { return r >= 1 && int(r) <= len(roleRecs) }

func (r Role) rec() *roleRec { return &roleRecs[int(r)-1] }

// String returns the role's id, roles/storage.admin; "Role(n)" for an invalid one.
func (r Role) String() string {
	if !r.Valid() {
		return fmt.Sprintf("Role(%d)", uint16(r))
	}
	return roleID(int(r) - 1)
}

func roleID(i int) string {
	return roleField(i, roleIDs, func(r *roleRec) uint32 { return r.idEnd })
}

// Title returns the role's title. Titles are not unique ("Connector Admin" names
// three roles); the id is.
func (r Role) Title() string {
	if !r.Valid() {
		return ""
	}
	return roleField(int(r)-1, roleTitles, func(r *roleRec) uint32 { return r.titleEnd })
}

// Description returns the role's description paragraphs, separated by blank lines.
func (r Role) Description() string {
	if !r.Valid() {
		return ""
	}
	return roleField(int(r)-1, roleDescs, func(r *roleRec) uint32 { return r.descEnd })
}

// Resources returns the lowest-level resources where the role can be granted,
// as the page words them; nil when the page lists none.
func (r Role) Resources() []string {
	if !r.Valid() {
		return nil
	}
	s := roleField(int(r)-1, roleResources, func(r *roleRec) uint32 { return r.resEnd })
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// Stage returns the role's launch stage.
func (r Role) Stage() Stage {
	switch {
	case !r.Valid() || r.rec().flags&flagRow == 0:
		return StageUnknown
	case r.rec().flags&flagBeta != 0:
		return Beta
	}
	return GA
}

// ServiceAgent says whether the role is a service-agent role, which Google says
// to grant to no principal except service agents.
func (r Role) ServiceAgent() bool { return r.Valid() && r.rec().flags&flagServiceAgent != 0 }

// Basic says whether the role is one of the basic roles owner, editor, viewer.
func (r Role) Basic() bool { return r.Valid() && r.rec().flags&flagBasic != 0 }

// Documented says whether the role has its own row, and so a complete
// permission list. A role without one is known only from permission rows
// that name it: its Permissions are a lower bound.
func (r Role) Documented() bool { return r.Valid() && r.rec().flags&flagRow != 0 }

// Page returns the page with the role's row and its line there.
func (r Role) Page() (string, int) {
	if !r.Valid() {
		return "", 0
	}
	return pageName(r.rec().page), int(r.rec().line)
}

// Permissions returns the role's permissions as a read-only set; the set of an
// invalid role is empty.
func (r Role) Permissions() View {
	if !r.Valid() {
		return View{}
	}
	return roleSet(r)
}

// LookupRole returns the role with exactly that id (roles/storage.admin).
func LookupRole(id string) (Role, bool) {
	i := sort.Search(len(roleRecs), func(i int) bool { return roleID(i) >= id })
	if i < len(roleRecs) && roleID(i) == id {
		return Role(i + 1), true
	}
	return 0, false
}

// ParseRole returns the role with that id; the error names the nearest known one.
func ParseRole(id string) (Role, error) {
	if r, ok := LookupRole(id); ok {
		return r, nil
	}
	if s := suggest(id, 0, len(roleRecs), roleID); s != "" {
		return 0, fmt.Errorf("gcpiam: unknown role %q; did you mean %q?", id, s)
	}
	return 0, fmt.Errorf("gcpiam: unknown role %q", id)
}

// MarshalText returns the id; an invalid role is an error.
func (r Role) MarshalText() ([]byte, error) {
	if !r.Valid() {
		return nil, fmt.Errorf("gcpiam: marshal invalid %v", r)
	}
	return []byte(r.String()), nil
}

// UnmarshalText parses an id.
func (r *Role) UnmarshalText(b []byte) error {
	v, err := ParseRole(string(b))
	if err != nil {
		return err
	}
	*r = v
	return nil
}
