package gcpiam

import (
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
)

// CustomRole is a custom role definition in the form "gcloud iam roles create
// ROLE_ID --file FILE" reads (YAML or JSON): the Role resource's title,
// description, stage and includedPermissions.
type CustomRole struct {
	Title               string   `json:"title"`
	Description         string   `json:"description,omitempty"`
	Stage               string   `json:"stage"`
	IncludedPermissions []string `json:"includedPermissions"`
}

// The launch stages a custom role may declare (the RoleLaunchStage enum).
var customStages = []string{"ALPHA", "BETA", "GA", "DEPRECATED", "DISABLED", "EAP"}

// CustomRoleBuilder collects permissions for a custom role and checks them
// against the custom-role support page.
type CustomRoleBuilder struct {
	role    CustomRole
	set     Set
	invalid []Permission
	// AllowUnlisted accepts permissions the support page does not list; by
	// default they are refused, because unlisted is not SUPPORTED.
	AllowUnlisted bool
}

// NewCustomRole starts a custom role definition at stage GA.
func NewCustomRole(title, description string) *CustomRoleBuilder {
	return &CustomRoleBuilder{role: CustomRole{Title: title, Description: description, Stage: "GA"}, set: NewSet()}
}

// Stage sets the launch stage (ALPHA, BETA, GA, DEPRECATED, DISABLED, EAP).
func (b *CustomRoleBuilder) Stage(s string) *CustomRoleBuilder {
	b.role.Stage = s
	return b
}

// Add adds permissions.
func (b *CustomRoleBuilder) Add(ps ...Permission) *CustomRoleBuilder {
	for _, p := range ps {
		if !p.Valid() {
			b.invalid = append(b.invalid, p)
			continue
		}
		b.set.Add(p)
	}
	return b
}

// AddRole adds every permission of a role.
func (b *CustomRoleBuilder) AddRole(r Role) *CustomRoleBuilder {
	b.set.Union(r.Permissions())
	return b
}

// Warning is something Build accepted but the caller should know: a TESTING
// permission ("you might see unexpected behavior. Not recommended for
// production use", says the support page).
type Warning struct {
	Permission string
	Msg        string
}

// String returns "permission: message".
func (w Warning) String() string { return w.Permission + ": " + w.Msg }

// Build returns the definition, with a warning per TESTING permission. It
// refuses NOT_SUPPORTED permissions ("not supported in custom roles"), unlisted
// ones unless AllowUnlisted, invalid permissions, an empty title, an unknown
// stage, and more than 3,000 permissions (the custom role limit); the error
// names every offending permission.
func (b *CustomRoleBuilder) Build() (CustomRole, []Warning, error) {
	var names []string
	for p := range b.set.All() {
		names = append(names, p.String())
	}
	var errs []error
	for _, p := range b.invalid {
		errs = append(errs, fmt.Errorf("gcpiam: custom role: invalid %v", p))
	}
	role, warns, err := CheckCustomRole(b.role, names, func(name string) Support {
		p, _ := LookupPermission(name)
		return p.Info().Support
	}, b.AllowUnlisted)
	if err = errors.Join(append(errs, err)...); err != nil {
		return CustomRole{}, warns, err
	}
	return role, warns, nil
}

// CheckCustomRole checks a definition's fields and the permissions names against
// their support levels (level returns SupportUnlisted for a name it does not
// know) and returns the definition with IncludedPermissions sorted. Build uses
// it with the generated catalog; permgen's CLI with the one it read from the
// pages, so that the two refuse alike.
func CheckCustomRole(role CustomRole, names []string, level func(name string) Support, allowUnlisted bool) (CustomRole, []Warning, error) {
	var errs []error
	var warns []Warning
	if strings.TrimSpace(role.Title) == "" {
		errs = append(errs, errors.New("gcpiam: custom role: empty title"))
	}
	if len(role.Title) > 100 {
		errs = append(errs, fmt.Errorf("gcpiam: custom role: title of %d bytes; the limit is 100", len(role.Title)))
	}
	if !contains(customStages, role.Stage) {
		errs = append(errs, fmt.Errorf("gcpiam: custom role: stage %q; known: %s", role.Stage, strings.Join(customStages, ", ")))
	}
	names = append([]string(nil), names...)
	sort.Strings(names)
	role.IncludedPermissions = []string{}
	for i, n := range names {
		if i > 0 && n == names[i-1] {
			continue
		}
		switch level(n) {
		case NotSupported:
			errs = append(errs, fmt.Errorf("gcpiam: custom role: %s is NOT_SUPPORTED in custom roles", n))
			continue
		case SupportUnlisted:
			if !allowUnlisted {
				errs = append(errs, fmt.Errorf("gcpiam: custom role: %s is not listed on the custom-role support page; set AllowUnlisted to include it anyway", n))
				continue
			}
			warns = append(warns, Warning{n, "not listed on the custom-role support page"})
		case Testing:
			warns = append(warns, Warning{n, "TESTING in custom roles: you might see unexpected behavior; not recommended for production use"})
		}
		role.IncludedPermissions = append(role.IncludedPermissions, n)
	}
	if len(role.IncludedPermissions) == 0 && len(names) == 0 {
		errs = append(errs, errors.New("gcpiam: custom role: no permissions"))
	}
	if n := len(role.IncludedPermissions); n > 3000 {
		errs = append(errs, fmt.Errorf("gcpiam: custom role: %d permissions; a custom role holds at most 3,000", n))
	}
	if err := errors.Join(errs...); err != nil {
		return CustomRole{}, warns, err
	}
	return role, warns, nil
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// JSON returns the definition as JSON.
func (r CustomRole) JSON() ([]byte, error) { return json.MarshalIndent(r, "", "  ") }

// YAML returns the definition as the YAML gcloud's documentation shows; every
// string is double-quoted (JSON quoting is valid YAML), so no title can change
// the document's structure.
func (r CustomRole) YAML() []byte {
	var b strings.Builder
	b.WriteString("title: " + strconv.Quote(r.Title) + "\n")
	if r.Description != "" {
		b.WriteString("description: " + strconv.Quote(r.Description) + "\n")
	}
	b.WriteString("stage: " + strconv.Quote(r.Stage) + "\n")
	b.WriteString("includedPermissions:\n")
	for _, p := range r.IncludedPermissions {
		b.WriteString("- " + p + "\n")
	}
	return []byte(b.String())
}
