package gcp

// gcp/<prefix>/<prefix>.go: one prefix's Permission enum and roles.

import (
	"bytes"
	"fmt"
	"sort"
	"strings"
)

// writeDoc writes text as // comment lines, one per line of text, so that no
// page text can end the comment.
func writeDoc(b *bytes.Buffer, indent, text string) {
	for _, l := range strings.Split(text, "\n") {
		l = commentSafe(l)
		if l == "" {
			b.WriteString(indent + "//\n")
			continue
		}
		b.WriteString(indent + "// " + l + "\n")
	}
}

// commentSafe drops what cannot stand in a line comment: control characters
// (a carriage return would end the line).
func commentSafe(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == '\u2028' || r == '\u2029' || r == '\uFEFF' {
			return -1
		}
		return r
	}, strings.TrimSpace(s))
}

func roleDoc(r *Role) string {
	var b strings.Builder
	if r.HasRow {
		fmt.Fprintf(&b, "From %s.md line %d, roles table row %d.", r.Page, r.Pos.Line, r.Pos.Row)
	} else {
		b.WriteString("No page has its row: its permissions are those whose rows name it.")
	}
	if r.Stage == Beta {
		b.WriteString(" Beta.")
	}
	if r.ServiceAgent {
		b.WriteString(" Service-agent role: Google says to grant it to no principal except service agents.")
	}
	fmt.Fprintf(&b, " %d permissions.", len(r.Permissions))
	if len(r.Resources) > 0 {
		b.WriteString(" Lowest-level resources: " + strings.Join(r.Resources, ", ") + ".")
	}
	if r.Description != "" {
		b.WriteString("\n\n" + r.Description)
	}
	return b.String()
}

func permDoc(p *Permission) string {
	var b strings.Builder
	if p.Page != "" {
		fmt.Fprintf(&b, "From %s.md line %d, permissions table row %d.", p.Page, p.Pos.Line, p.Pos.Row)
	} else {
		b.WriteString("No page has its row: named only in role tables or on the custom-role support page.")
	}
	fmt.Fprintf(&b, " Custom roles: %s.", p.Support)
	if p.Deny != "" {
		fmt.Fprintf(&b, " Deny policies: %s.", p.Deny)
	} else {
		b.WriteString(" Not usable in deny policies.")
	}
	fmt.Fprintf(&b, " Granted by %d roles.", len(p.Roles))
	return b.String()
}

// prefixFile renders one prefix's package: its Permission enum and its roles.
func prefixFile(c *Catalog, p *pkgPlan, base, sourceName string) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(header(sourceName))
	pages := map[string]bool{}
	for _, i := range p.perms {
		if pg := c.Permissions[i].Page; pg != "" {
			pages[pg] = true
		}
	}
	for _, i := range p.roles {
		if pg := c.Roles[i].Page; pg != "" && c.Roles[i].HasRow {
			pages[pg] = true
		}
	}
	var pl []string
	for pg := range pages {
		pl = append(pl, pg+".md")
	}
	sort.Strings(pl)
	fmt.Fprintf(&b, "\n// Package %s holds the Google Cloud IAM permissions named %s.* and the\n// predefined roles roles/%s.*", p.name, p.prefix, p.prefix)
	if len(pl) > 0 {
		fmt.Fprintf(&b, ", from the roles-and-permissions page(s) %s", strings.Join(pl, ", "))
	}
	b.WriteString(".\n")
	if len(pl) == 1 && pl[0] != p.prefix+".md" || len(pl) > 1 {
		b.WriteString("//\n// The service is the names' prefix, not the page: some of these sit on a page\n// of another name.\n")
	}
	if len(pl) == 0 {
		b.WriteString("//\n// No page has a row for these names (the page is missing from the snapshot):\n// they are known only from other roles' tables and the custom-role support page.\n")
	}
	fmt.Fprintf(&b, "package %s\n\n", p.name)
	if len(p.perms) > 0 {
		fmt.Fprintf(&b, "import (\n\t\"fmt\"\n\n\t%q\n)\n\n", base+"/"+runtimePkg)
	} else {
		fmt.Fprintf(&b, "import %q\n\n", base+"/"+runtimePkg)
	}
	fmt.Fprintf(&b, "// The catalog this package was generated with; a mismatch does not compile.\nvar (\n\t_ [gcpiam.CatalogPermissions - %d]struct{}\n\t_ [%d - gcpiam.CatalogPermissions]struct{}\n)\n\n", len(c.Permissions), len(c.Permissions))
	if len(p.perms) > 0 {
		first := p.perms[0] + 1
		fmt.Fprintf(&b, "// Permission is a permission named %s.*. The zero value is no permission.\ntype Permission uint16\n\n", p.prefix)
		b.WriteString("// The permissions, in name order.\nconst (\n")
		for k, i := range p.perms {
			pm := c.Permissions[i]
			fmt.Fprintf(&b, "\t// %s is %s.\n\t//\n", p.idents[i], pm.Name)
			writeDoc(&b, "\t", permDoc(pm))
			if k == 0 {
				fmt.Fprintf(&b, "\t%s Permission = iota + 1\n", p.idents[i])
			} else {
				fmt.Fprintf(&b, "\t%s\n", p.idents[i])
			}
		}
		b.WriteString(")\n\n")
		fmt.Fprintf(&b, `const (
	first = gcpiam.Permission(%d)
	count = %d
)

// Valid says whether p is one of this package's permissions.
func (p Permission) Valid() bool { return p >= 1 && p <= count }

// ID returns p in the whole catalog, for sets and roles; 0 for an invalid p.
func (p Permission) ID() gcpiam.Permission {
	if !p.Valid() {
		return 0
	}
	return first + gcpiam.Permission(p-1)
}

// String returns the permission's name.
func (p Permission) String() string {
	if !p.Valid() {
		return fmt.Sprintf("%[3]s.Permission(%%d)", uint16(p))
	}
	return p.ID().String()
}

// Info returns what the pages say about p.
func (p Permission) Info() gcpiam.PermissionInfo { return p.ID().Info() }

// MarshalText returns the name; an invalid permission is an error.
func (p Permission) MarshalText() ([]byte, error) { return p.ID().MarshalText() }

// UnmarshalText parses a name of this package.
func (p *Permission) UnmarshalText(b []byte) error {
	v, err := ParsePermission(string(b))
	if err != nil {
		return err
	}
	*p = v
	return nil
}

// ParsePermission returns the permission with that name; the error names the
// nearest one of this package.
func ParsePermission(name string) (Permission, error) {
	g, err := gcpiam.ParsePermissionIn(name, first, count)
	if err != nil {
		return 0, err
	}
	return Permission(g-first) + 1, nil
}

// Permissions returns every permission of this package, in name order.
func Permissions() []Permission {
	out := make([]Permission, count)
	for i := range out {
		out[i] = Permission(i + 1)
	}
	return out
}

// PermissionsOf returns the permissions whose resource segment is resource
// (PermissionsOf("buckets"): %[3]s.buckets.*), for a TestIamPermissions request on
// such a resource; gcpiam.Names turns them into the request's strings. The pages
// name no resource types: this is the permission names' own segment.
func PermissionsOf(resource string) []Permission {
	var out []Permission
	for _, g := range gcpiam.PermissionsOf(%[4]q, resource) {
		out = append(out, Permission(g-first)+1)
	}
	return out
}
`, first, len(p.perms), p.name, p.prefix)
	}
	if len(p.roles) > 0 {
		if len(p.perms) > 0 {
			b.WriteString("\n")
		}
		fmt.Fprintf(&b, "// The predefined roles roles/%s.*, in id order.\nconst (\n", p.prefix)
		for _, i := range p.roles {
			r := c.Roles[i]
			fmt.Fprintf(&b, "\t// %s is %s, %q.\n\t//\n", p.rident[i], r.ID, r.Title)
			writeDoc(&b, "\t", roleDoc(r))
			fmt.Fprintf(&b, "\t%s gcpiam.Role = %d\n", p.rident[i], i+1)
		}
		b.WriteString(")\n")
	}
	return b.Bytes(), nil
}
