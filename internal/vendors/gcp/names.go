package gcp

import (
	"fmt"
	"go/token"
	"sort"
	"strings"
	"unicode"
)

// goIdent turns the part of a vendor name after its prefix into an exported Go
// identifier: every run of letters and digits starts with a capital
// (anywhereCaches.create -> AnywhereCachesCreate,
// googleapis.com/oauthClients.get -> GoogleapisComOauthClientsGet). A digit
// first gets a P in front.
func goIdent(s string) string {
	var b strings.Builder
	up := true
	for _, r := range s {
		if !(r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r))) {
			up = true
			continue
		}
		if up {
			r = unicode.ToUpper(r)
			up = false
		}
		b.WriteRune(r)
	}
	id := b.String()
	if id == "" || unicode.IsDigit(rune(id[0])) {
		id = "P" + id
	}
	return id
}

// pkgName turns a permission or role prefix into a package name: lower-case
// letters and digits only (cloudvolumesgcp-api -> cloudvolumesgcpapi,
// apigateway_management -> apigatewaymanagement); a Go keyword or a name that
// starts with a digit gets "gcp" in front.
func pkgName(prefix string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(prefix) {
		if r < 128 && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r)
		}
	}
	n := b.String()
	if n == "" || token.IsKeyword(n) || unicode.IsDigit(rune(n[0])) || n == runtimePkg {
		n = "gcp" + n
	}
	return n
}

// runtimePkg is the runtime's package, which no prefix may take.
const runtimePkg = "gcpiam"

// pkgPlan is one generated package: the permissions and roles of one prefix.
type pkgPlan struct {
	name   string
	prefix string
	perms  []int // indexes into Catalog.Permissions, contiguous and in order
	roles  []int // indexes into Catalog.Roles
	idents map[int]string
	rident map[int]string
}

// plan groups the catalog by prefix and names everything, refusing clashes:
// two prefixes with one package name, or two names with one identifier.
func plan(c *Catalog) ([]*pkgPlan, map[int]string, error) {
	byPrefix := map[string]*pkgPlan{}
	get := func(prefix string) *pkgPlan {
		p := byPrefix[prefix]
		if p == nil {
			p = &pkgPlan{name: pkgName(prefix), prefix: prefix, idents: map[int]string{}, rident: map[int]string{}}
			byPrefix[prefix] = p
		}
		return p
	}
	var errs []string
	for i, pm := range c.Permissions {
		p := get(pm.Prefix)
		if n := len(p.perms); n > 0 && p.perms[n-1] != i-1 {
			errs = append(errs, fmt.Sprintf("permissions of prefix %s are not contiguous in name order at %s", pm.Prefix, pm.Name))
		}
		p.perms = append(p.perms, i)
	}
	// Roles without a service (roles/owner, roles/browser) live in the runtime.
	top := map[int]string{}
	for i, r := range c.Roles {
		pre := r.Prefix()
		if pre == "" {
			top[i] = "Role" + goIdent(strings.TrimPrefix(r.ID, "roles/"))
			continue
		}
		p := get(pre)
		p.roles = append(p.roles, i)
	}
	var pkgs []*pkgPlan
	for _, p := range byPrefix {
		pkgs = append(pkgs, p)
	}
	sort.Slice(pkgs, func(i, j int) bool { return pkgs[i].prefix < pkgs[j].prefix })
	seenPkg := map[string]string{}
	for _, p := range pkgs {
		if o, dup := seenPkg[p.name]; dup {
			errs = append(errs, fmt.Sprintf("prefixes %q and %q both become package %s", o, p.prefix, p.name))
		}
		seenPkg[p.name] = p.prefix
		used := map[string]string{"Permission": "the type", "Permissions": "the list function", "PermissionsOf": "the resource filter", "ParsePermission": "the parser"}
		for _, i := range p.perms {
			name := c.Permissions[i].Name
			id := goIdent(name[len(p.prefix)+1:])
			if o, dup := used[id]; dup {
				errs = append(errs, fmt.Sprintf("package %s: %s and %s both become %s", p.name, o, name, id))
			}
			used[id] = name
			p.idents[i] = id
		}
		for _, i := range p.roles {
			id := c.Roles[i].ID
			g := "Role" + goIdent(id[len("roles/")+len(p.prefix)+1:])
			if o, dup := used[g]; dup {
				errs = append(errs, fmt.Sprintf("package %s: %s and %s both become %s", p.name, o, id, g))
			}
			used[g] = id
			p.rident[i] = g
		}
	}
	if len(errs) > 0 {
		return nil, nil, fmt.Errorf("gcp: Go names clash:\n\t%s", strings.Join(errs, "\n\t"))
	}
	return pkgs, top, nil
}
