package gcpiam

import (
	"fmt"
	"sort"
)

// Permission is one permission of the catalog, by its place in the sorted list
// of names. The zero value is no permission: every method treats it as unknown.
type Permission uint16

// Support is a permission's custom-role support level.
type Support uint8

// The support levels. SupportUnlisted: the support page does not list the
// permission (it is older than the role pages, or the name is known only from
// a role table); that is not the same as SUPPORTED.
const (
	SupportUnlisted Support = iota
	Supported
	Testing
	NotSupported
)

// String returns the level as Google spells it (UNLISTED is ours).
func (s Support) String() string {
	switch s {
	case Supported:
		return "SUPPORTED"
	case Testing:
		return "TESTING"
	case NotSupported:
		return "NOT_SUPPORTED"
	}
	return "UNLISTED"
}

// PermissionInfo is what the pages say about a permission. The name's parts
// are methods, so that the value stays small enough to be returned in registers.
type PermissionInfo struct {
	Name string // storage.objects.get
	// Deny is the name deny policies use (storage.googleapis.com/objects.get);
	// empty when the deny page does not list the permission: it cannot be denied.
	Deny string
	// Support is the custom-role support level.
	Support Support

	prefixLen, verbLen uint8
}

// Prefix returns the permission's service: storage for storage.objects.get.
func (i PermissionInfo) Prefix() string { return i.Name[:i.prefixLen] }

// Verb returns the text after the last '.': get.
func (i PermissionInfo) Verb() string { return i.Name[len(i.Name)-int(i.verbLen):] }

// Resource returns the text between the prefix and the verb: objects. Third-party
// names keep their domain (isiloncloud.com/clusters).
func (i PermissionInfo) Resource() string {
	if lo, hi := int(i.prefixLen)+1, len(i.Name)-int(i.verbLen)-1; lo < hi {
		return i.Name[lo:hi]
	}
	return ""
}

// Source returns the roles-and-permissions page with p's row and the row's line
// there; "" when no page has one (compute.*: the page is missing from the
// snapshot). Kept out of Info, which stays small and fast.
func (p Permission) Source() (page string, line int) {
	if !p.Valid() {
		return "", 0
	}
	r := &permRecs[int(p)-1]
	return pageName(r.page), int(r.line)
}

// NumPermissions is the number of permissions in the catalog.
func NumPermissions() int { return len(permRecs) }

// Valid says whether p is a permission of the catalog.
func (p Permission) Valid() bool { return p >= 1 && int(p) <= len(permRecs) }

// String returns the permission's name, or "Permission(n)" for an invalid one.
func (p Permission) String() string {
	if !p.Valid() {
		return fmt.Sprintf("Permission(%d)", uint16(p))
	}
	return permName(int(p) - 1)
}

// Info returns what the pages say about p; the zero PermissionInfo for an
// invalid p.
func (p Permission) Info() PermissionInfo {
	if !p.Valid() {
		return PermissionInfo{}
	}
	i := int(p) - 1
	r := &permRecs[i]
	start := uint32(0)
	denyStart := uint32(0)
	if i > 0 {
		start, denyStart = permRecs[i-1].end, permRecs[i-1].denyEnd
	}
	return PermissionInfo{
		Name:      permNames[start:r.end],
		Deny:      denyNames[denyStart:r.denyEnd],
		Support:   r.support,
		prefixLen: r.prefixLen,
		verbLen:   r.verbLen,
	}
}

// Roles returns every role that grants p, sorted by id.
func (p Permission) Roles() []Role {
	if !p.Valid() {
		return nil
	}
	return append([]Role(nil), index().granting[p]...)
}

// LookupPermission returns the permission with exactly that name.
func LookupPermission(name string) (Permission, bool) {
	return lookupPermission(name, 0, len(permRecs))
}

// lookupPermission searches the names of indexes [lo, hi).
func lookupPermission(name string, lo, hi int) (Permission, bool) {
	i := lo + sort.Search(hi-lo, func(i int) bool { return permName(lo+i) >= name })
	if i < hi && permName(i) == name {
		return Permission(i + 1), true
	}
	return 0, false
}

// ParsePermission returns the permission with that name; the error names the
// nearest known one.
func ParsePermission(name string) (Permission, error) {
	return ParsePermissionIn(name, 1, len(permRecs))
}

// ParsePermissionIn parses a name among the n permissions starting at first
// (one prefix's range): the generated prefix packages use it.
func ParsePermissionIn(name string, first Permission, n int) (Permission, error) {
	lo := int(first) - 1
	if p, ok := lookupPermission(name, lo, lo+n); ok {
		return p, nil
	}
	if s := suggest(name, lo, lo+n, permName); s != "" {
		return 0, fmt.Errorf("gcpiam: unknown permission %q; did you mean %q?", name, s)
	}
	return 0, fmt.Errorf("gcpiam: unknown permission %q", name)
}

// MarshalText returns the name; an invalid permission is an error, never an
// empty string that would read back as nothing.
func (p Permission) MarshalText() ([]byte, error) {
	if !p.Valid() {
		return nil, fmt.Errorf("gcpiam: marshal invalid %v", p)
	}
	return []byte(p.String()), nil
}

// UnmarshalText parses a name.
func (p *Permission) UnmarshalText(b []byte) error {
	v, err := ParsePermission(string(b))
	if err != nil {
		return err
	}
	*p = v
	return nil
}

// PermissionsOf returns the permissions of one resource of a service, in name
// order: PermissionsOf("storage", "buckets") is what TestIamPermissions on a
// bucket can ask about. The pages name no resource types, so this is the
// permission names' own segment, nothing more.
func PermissionsOf(prefix, resource string) []Permission {
	lead := prefix + "." + resource + "."
	i := sort.Search(len(permRecs), func(i int) bool { return permName(i) >= lead })
	var out []Permission
	for ; i < len(permRecs); i++ {
		n := permName(i)
		if len(n) < len(lead) || n[:len(lead)] != lead {
			break
		}
		if p := Permission(i + 1); p.Info().Resource() == resource {
			out = append(out, p)
		}
	}
	return out
}
