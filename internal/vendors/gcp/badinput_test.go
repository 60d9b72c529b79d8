package gcp

import (
	"sort"
	"strings"
	"testing"
)

// page wraps rows in the archive's layout: a role table and a permission table.
func page(roleRows, permRows string) []byte {
	return []byte(`---
uri: https://docs.cloud.google.com/iam/docs/roles-permissions/demo
---
## Demo roles

<table>
<thead>
<tr class="header">
<th>Role</th>
<th>Permissions</th>
</tr>
</thead>
<tbody>
` + roleRows + `
</tbody>
</table>

## Demo permissions

<table>
<thead>
<tr class="header">
<th>Permission</th>
<th>Included in roles</th>
</tr>
</thead>
<tbody>
` + permRows + `
</tbody>
</table>
`)
}

const goodRole = `<tr class="odd">
<td><h4 id="demo.admin" class="role-title add-link" data-text="Demo Admin Beta" tabindex="-1">Demo Admin <sup>Beta</sup></h4>
<p>( <code dir="ltr" translate="no">roles/  demo.admin</code> )</p>
<p>Administers <strong>demo</strong> things.</p>
<p>Lowest-level resources where you can grant this role:</p>
<ul>
<li>Thing</li>
</ul>
<blockquote>
<strong>Warning:</strong> Do not grant service agent roles to any principals except service agents.
</blockquote></td>
<td><p><code dir="ltr" translate="no">demo.things.*</code></p>
<ul>
<li><code dir="ltr" translate="no">demo.  things.  get</code></li>
</ul>
<p><code dir="ltr" translate="no">iam.googleapis.  com/oauthClients.  get</code></p></td>
</tr>`

const goodPerm = `<tr class="odd">
<td><h4 id="demo.things.get" class="permission-name add-link" data-text="demo.things.get" tabindex="-1"><code dir="ltr" translate="no">demo.things.get</code></h4></td>
<td><p><a href="https://docs.cloud.google.com/iam/docs/roles-overview#basic">Owner</a> ( <code class="role-name" dir="ltr" translate="no">roles/  owner</code> )</p>
<blockquote><strong>Note:</strong> maps to <code>WRITER</code>.</blockquote>
<p>Service agent roles</p>
<ul>
<li><a href="https://docs.cloud.google.com/iam/docs/roles-permissions/demo#demo.admin">Demo Admin</a> ( <code class="role-name" dir="ltr" translate="no">roles/  demo.admin</code> )</li>
</ul></td>
</tr>`

// TestScrapeQuirks reads one row of each kind with every quirk of the README:
// split code text, group headers, Beta in the title, the service-agent warning,
// a note with a code that is not a role.
func TestScrapeQuirks(t *testing.T) {
	p, err := ScrapePage("demo.md", page(goodRole, goodPerm))
	if err != nil {
		t.Fatal(err)
	}
	r := p.Roles[0]
	if r.ID != "roles/demo.admin" || r.Title != "Demo Admin" || r.Stage != Beta || !r.ServiceAgent ||
		r.Description != "Administers demo things." || strings.Join(r.Resources, ",") != "Thing" ||
		strings.Join(r.Permissions, ",") != "demo.things.get,iam.googleapis.com/oauthClients.get" {
		t.Errorf("role: %+v", r)
	}
	pr := p.Perms[0]
	if pr.Name != "demo.things.get" || len(pr.Roles) != 2 || pr.Roles[0].ID != "roles/owner" || pr.Roles[0].Page != "roles-overview" ||
		pr.Roles[1] != (RoleRef{ID: "roles/demo.admin", Title: "Demo Admin", Page: "demo", ServiceAgent: true}) {
		t.Errorf("permission row: %+v", pr)
	}
	if pr.Pos.Line != 45 || pr.Pos.Table != 2 || pr.Pos.Row != 1 {
		t.Errorf("position %+v", pr.Pos)
	}
}

// TestBadPages: each bad page is an error naming file, line, table, row and
// column, and the page yields nothing.
func TestBadPages(t *testing.T) {
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"no role id", page(strings.Replace(goodRole, "roles/  demo.admin", "demo.admin", 1), goodPerm),
			"demo.md:15: table 1 (Role | Permissions) row 1 column Role: no role id"},
		{"h4 id and role id disagree", page(strings.Replace(goodRole, `id="demo.admin"`, `id="demo.other"`, 1), goodPerm),
			`column Role: h4 id "demo.other" does not match role id roles/demo.admin`},
		{"unknown stage marker", page(strings.Replace(goodRole, "<sup>Beta</sup>", "<sup>Alpha</sup>", 1), goodPerm),
			"column Role: unknown marker <sup>Alpha</sup> in the title; known: Beta"},
		{"bad permission in a role", page(strings.Replace(goodRole, "demo.  things.  get", "demo things get!", 1), goodPerm),
			`table 1 (Role | Permissions) row 1 column Permissions: "demothingsget!" is not a permission name`},
		{"data-text and code disagree", page(goodRole, strings.Replace(goodPerm, `data-text="demo.things.get"`, `data-text="demo.things.list"`, 1)),
			`demo.md:45: table 2 (Permission | Included in roles) row 1 column Permission: h4 data-text "demo.things.list" and code "demo.things.get" disagree`},
		{"bad role id in a permission row", page(goodRole, strings.Replace(goodPerm, "roles/  owner", "roles/ own er!", 1)),
			`column Included in roles: role id "roles/owner!" is not roles/<service>.<name> or roles/<name>`},
		{"three cells", page(strings.Replace(goodRole, "</tr>", "<td>x</td></tr>", 1), goodPerm),
			"table 1 (Role | Permissions) row 1: 3 cells, want 2"},
		{"no tables", []byte("<html><body><p>roles-permissions/demo moved</p></body></html>"),
			"demo.md: no role table and no permission table"},
	} {
		p, err := ScrapePage("demo.md", c.data)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v\nwant %q", c.name, err, c.want)
		}
		if p != nil {
			t.Errorf("%s: a bad page still yielded a result", c.name)
		}
	}
}

func TestBadSources(t *testing.T) {
	dup := page(goodRole, goodPerm)
	_, err := Load([]File{{"a.md", dup}, {"b.md", dup}})
	if err == nil || !strings.Contains(err.Error(), "b.md:15: table 1 row 1 column Role: roles/demo.admin already has a row at a.md:15") ||
		!strings.Contains(err.Error(), "column Permission: demo.things.get already has a row at a.md:45") {
		t.Errorf("duplicates: %v", err)
	}
	support := "---\ntitle: Support levels for permissions in custom roles\n---\n| Permission name | Custom roles support level |\n| --- | --- |\n| `demo.things.get` | `SUPPORTED` |\n| `demo.things.list` | `MAYBE` |\n"
	_, err = Load([]File{{"demo.md", page(goodRole, goodPerm)}, {"custom-roles-permissions-support.md", []byte(support)}})
	if err == nil || !strings.Contains(err.Error(), `custom-roles-permissions-support.md:7: table Permission name | Custom roles support level row 2 column Custom roles support level: unknown level "MAYBE"`) {
		t.Errorf("support: %v", err)
	}
	_, err = Load([]File{{"demo.md", page(goodRole, goodPerm)}, {"notes.md", []byte("# my notes\n")}})
	if err == nil || !strings.Contains(err.Error(), "notes.md: not a Google Cloud IAM page") {
		t.Errorf("stray file: %v", err)
	}
}

// TestLivePageWithChrome: the live site serves the same tables inside page
// chrome (navigation, other tables, scripts); only the two table kinds count.
func TestLivePageWithChrome(t *testing.T) {
	body := page(goodRole, goodPerm)
	html := []byte(`<!doctype html><html><head><title>Demo roles and permissions</title><script>var t = "<table><tr><td>x</td></tr></table>";</script></head>
<body><nav><table><tr><th>Product</th></tr><tr><td>nav</td></tr></table></nav><article>` + string(body) + `</article></body></html>`)
	p, err := ScrapePage("demo.html", html)
	if err != nil {
		t.Fatal(err)
	}
	if p.Name != "demo" || len(p.Roles) != 1 || len(p.Perms) != 1 || p.Roles[0].Pos.Table != 2 {
		t.Errorf("live page: %d roles, %d permissions, role at table %d", len(p.Roles), len(p.Perms), p.Roles[0].Pos.Table)
	}
	// Cells and rows left open, as HTML allows, read the same.
	open := strings.NewReplacer("</td>", "", "</tr>", "").Replace(string(body))
	q, err := ScrapePage("demo.html", []byte(open))
	if err != nil || len(q.Roles) != 1 || len(q.Perms) != 1 || q.Roles[0].ID != "roles/demo.admin" || q.Perms[0].Roles[1].ID != "roles/demo.admin" {
		t.Errorf("open cells: %v", err)
	}
	if !DetectRoles(html) || DetectRoles([]byte("<html>other</html>")) {
		t.Error("detection")
	}
}

// TestNameClashes: two names that become one Go identifier, or a name that
// becomes one of the package's own functions, are an error naming both.
func TestNameClashes(t *testing.T) {
	c := &Catalog{Permissions: []*Permission{newPermission("demo.a_b.get"), newPermission("demo.aB.get"), newPermission("demo.permissions.of")}}
	sortCatalog(c)
	_, _, err := plan(c)
	if err == nil || !strings.Contains(err.Error(), "package demo: demo.aB.get and demo.a_b.get both become ABGet") ||
		!strings.Contains(err.Error(), "package demo: the resource filter and demo.permissions.of both become PermissionsOf") {
		t.Errorf("got %v", err)
	}
}

func sortCatalog(c *Catalog) {
	sort.Slice(c.Permissions, func(i, j int) bool { return c.Permissions[i].Name < c.Permissions[j].Name })
}
