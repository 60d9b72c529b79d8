// Package gcp reads Google Cloud IAM's documentation — the generated "roles and
// permissions" page of every service, the custom-role support page and the
// deny-permissions page — into one catalog of permissions and predefined roles,
// compares two catalogs, and renders the typed Go tree generated/gcp.
//
// Everything Google-specific lives here and in templates/gcp; the rest of permgen
// reaches it through the vendor registry (Vendor, vendor.go), listed by one line
// in internal/vendors/all.
package gcp

// VendorName is the vendor's registry name, the name of its folder in sources
// and of its generated root.
const VendorName = "gcp"

// The formats this package reads, detected from a page's content.
const (
	FormatRoles   = "gcp-roles"          // docs/…/iam/docs/roles-permissions/<service>
	FormatSupport = "gcp-custom-support" // custom-roles-permissions-support
	FormatDeny    = "gcp-deny-support"   // deny-permissions-support
)

// Support is a permission's custom-role support level, as the support page spells it.
type Support string

// The support levels. SupportUnlisted is not Google's: the permission is not on the
// support page at all (the page is older than some role pages), which is not the
// same as SUPPORTED.
const (
	Supported       Support = "SUPPORTED"
	Testing         Support = "TESTING"
	NotSupported    Support = "NOT_SUPPORTED"
	SupportUnlisted Support = "UNLISTED"
)

// Stage is a role's launch stage as far as the pages say: the only marker they
// carry is <sup>Beta</sup>, so every other role is GA by the pages' silence.
type Stage string

// The stages the pages distinguish.
const (
	GA   Stage = "GA"
	Beta Stage = "BETA"
)

// Pos is where a fact was read: the file, its line, and the table row (1-based,
// header excluded) when it came from a table.
type Pos struct {
	File  string `json:"file"`
	Line  int    `json:"line"`
	Table int    `json:"table,omitempty"`
	Row   int    `json:"row,omitempty"`
}

// Permission is one permission of the catalog.
type Permission struct {
	Name     string `json:"name"`     // storage.objects.get, exactly as published
	Prefix   string `json:"prefix"`   // storage: the text before the first '.', the "service"
	Resource string `json:"resource"` // objects; may contain '.' or '/' for third-party forms
	Verb     string `json:"verb"`     // get: the text after the last '.'
	// Page is the page whose permission table has the row; empty when no page
	// has one (compute.* here: the page is missing; or a name known only from a
	// role table or the support page).
	Page string `json:"page,omitempty"`
	Pos  Pos    `json:"pos"`
	// Roles are every role the row names, basic roles included, sorted.
	Roles   []string `json:"roles"`
	Support Support  `json:"custom_roles_support"`
	// Deny is the permission's name in deny policies (v2 form), empty when the
	// deny page does not list it: such a permission cannot be denied.
	Deny string `json:"deny,omitempty"`
}

// Role is one role: predefined roles have a row; basic roles (owner, editor,
// viewer) and roles whose page is missing are known only from permission rows.
type Role struct {
	ID           string   `json:"id"` // roles/storage.admin
	Title        string   `json:"title"`
	Description  string   `json:"description,omitempty"`
	Stage        Stage    `json:"stage"`
	ServiceAgent bool     `json:"service_agent,omitempty"`
	Resources    []string `json:"lowest_level_resources,omitempty"`
	// Permissions is the role's complete list from its row, sorted; for a role
	// without a row, the permissions whose rows name it.
	Permissions []string `json:"permissions"`
	Page        string   `json:"page,omitempty"`
	Pos         Pos      `json:"pos"`
	// HasRow is false for roles named only in "Included in roles".
	HasRow bool `json:"has_row"`
	Basic  bool `json:"basic,omitempty"`
}

// Prefix is the role's service: the text between "roles/" and the first '.',
// empty for basic roles.
func (r *Role) Prefix() string {
	id := r.ID[len("roles/"):]
	for i := 0; i < len(id); i++ {
		if id[i] == '.' {
			return id[:i]
		}
	}
	return ""
}

// Catalog is every permission and role of one snapshot, each sorted by name.
type Catalog struct {
	Permissions []*Permission `json:"permissions"`
	Roles       []*Role       `json:"roles"`
	// Notes are what a reader should know that is not an error: names on a page
	// of another name, names in role tables without a row, and so on.
	Notes []Note `json:"notes,omitempty"`
}

// Note is one anomaly of the pages, with where it was seen.
type Note struct {
	Pos  Pos    `json:"pos"`
	Code string `json:"code"`
	Msg  string `json:"msg"`
}
