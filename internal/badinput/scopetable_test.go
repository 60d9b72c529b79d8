package badinput

import "testing"

// Unreachable scope-table errors, and why no case raises them:
//
//   - internal/resolve/scopes.go "scope %q is not namespace:verb": resolve checks
//     the same grammar as the scraper's IsScope, on the same text (the scraper
//     trims it; resolve.Text changes nothing else in a name IsScope accepts), so a
//     name that would fail here has already failed as "malformed scope".
//   - internal/resolve/scopes.go "no scopes found": the scraper fails unless it
//     found a table whose scope column matched in more than half of at least one
//     row, and each such row becomes a scope or an error.

func scopeCase(name, want string, rows ...string) badCase {
	content := "<article><h1>Acme scopes</h1>\n" + table("ACL", append([]string{header("Scope", "Description")}, rows...)...) + "</article>"
	return badCase{name: name, want: want, files: map[string]string{
		"manifest.json": scopeManifest,
		"acme/acl.html": page(content),
	}}
}

func TestScopeTable(t *testing.T) {
	runCases(t, []badCase{
		// internal/vendors/stella/scopetable/rows.go
		scopeCase("missing-cell",
			`sources/acme/acl.html: table ACL row 2: row has only 1 of 2 cells (columns Scope, Description): add the missing cells or remove the row`,
			row("member:read", "Read members"), row("member:write"), row("bot:read", "Read bots")),
		scopeCase("empty-scope-cell",
			`sources/acme/acl.html: table ACL row 2 column Scope: empty scope cell: each row needs a namespace:verb name; fill it in or remove the row`,
			row("member:read", "Read members"), row(" ", "Orphan description"), row("bot:read", "Read bots")),
		scopeCase("malformed-scope",
			`sources/acme/acl.html: table ACL row 2 column Scope: malformed scope "member:write}": want namespace:verb, each part an ASCII letter followed by letters, digits, '_', '.' or '-' (e.g. "member:read")`,
			row("member:read", "Read members"), row("member:write}", "Write"), row("bot:read", "Read bots")),
		scopeCase("non-ascii-scope",
			`sources/acme/acl.html: table ACL row 2 column Scope: malformed scope "mémber:read": want namespace:verb, each part an ASCII letter followed by letters, digits, '_', '.' or '-' (e.g. "member:read")`,
			row("member:read", "Read members"), row("mémber:read", "Accented"), row("bot:read", "Read bots")),
		// internal/vendors/stella/scopetable/scopetable.go
		scopeCase("no-scope-table",
			`sources/acme/acl.html: no scope table found: expected a column of namespace:verb values (e.g. "member:read") in a <table> of the page content (tables in the content: 1, none with such a column); check that the snapshot is the scope page, or name another format in the manifest`,
			row("read members", "Read members"), row("write members", "Write members")),
		// A description that starts "qcs:" makes the reader take the table for a
		// CAM table (hasCAMResource looks at every cell); reported as a limitation.
		scopeCase("description-starting-qcs",
			`sources/acme/acl.html: no scope table found: expected a column of namespace:verb values (e.g. "member:read") in a <table> of the page content (tables in the content: 1, none with such a column); check that the snapshot is the scope page, or name another format in the manifest`,
			row("member:read", "qcs:: resources are not scopes"), row("bot:read", "Read bots")),
		// internal/resolve/scopes.go
		scopeCase("duplicate-scope",
			`sources/acme/acl.html: table ACL row 3: duplicate scope "member:read": already listed at sources/acme/acl.html: table ACL row 1`,
			row("member:read", "Read members"), row("bot:read", "Read bots"), row("member:read", "Again")),
		// internal/resolve/gopkg.go: a:b and A:b are numbered ScopeAB and ScopeAB_2,
		// which a:b_2 also needs.
		scopeCase("go-name-clash-after-numbering",
			`sources/acme/acl.html: table ACL row 1: Go name ScopeAB_2 of scope a:b_2 clashes with scope a:b (sources/acme/acl.html: table ACL row 2)`,
			row("a:b_2", "Numbered by the vendor"), row("a:b", "Lower"), row("A:b", "Upper")),
	})
}
