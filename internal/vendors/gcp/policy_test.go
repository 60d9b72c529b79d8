package gcp

import (
	"strings"
	"testing"

	"github.com/permgen/permgen/templates/gcp/gcpiam"
)

func ids(rs []*Role) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.ID)
	}
	return out
}

// TestSmallestRolesRealCatalog: answers on the real pages that can be checked by
// reading them.
func TestSmallestRolesRealCatalog(t *testing.T) {
	c := catalogOf(t, "2026-05-30")
	g, err := c.SmallestRoles([]string{"storage.objects.get", "storage.objects.list"}, gcpiam.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Several one-role answers exist; the chosen one has the fewest extra permissions,
	// and no one-role answer has fewer.
	if len(g.Roles) != 1 || !g.Exact {
		t.Fatalf("got %v", ids(g.Roles))
	}
	for _, r := range c.Roles {
		if r.ServiceAgent || r.Basic || r.Stage != GA {
			continue
		}
		has := map[string]bool{}
		for _, p := range r.Permissions {
			has[p] = true
		}
		if has["storage.objects.get"] && has["storage.objects.list"] && len(r.Permissions)-2 < g.Extra {
			t.Errorf("%s grants both with %d extra, fewer than the answer's %d", r.ID, len(r.Permissions)-2, g.Extra)
		}
	}
	if _, err := c.SmallestRoles([]string{"storage.object.get"}, gcpiam.Options{}); err == nil || !strings.Contains(err.Error(), `did you mean "storage.objects.get"`) {
		t.Errorf("typo: %v", err)
	}
	// Granted only by basic roles (the snapshot README names it).
	if _, err := c.SmallestRoles([]string{"resourcemanager.projects.undelete"}, gcpiam.Options{}); err == nil || !strings.Contains(err.Error(), "no allowed predefined role grants resourcemanager.projects.undelete") {
		t.Errorf("basic-only: %v", err)
	}
	if g, err := c.SmallestRoles([]string{"resourcemanager.projects.undelete"}, gcpiam.Options{Basic: true}); err != nil || len(g.Roles) != 1 || !g.Roles[0].Basic {
		t.Errorf("basic allowed: %v %v", g, err)
	}
}

func TestCustomRoleRealCatalog(t *testing.T) {
	c := catalogOf(t, "2026-05-30")
	var notSupported, testing string
	for _, p := range c.Permissions {
		if p.Support == NotSupported && notSupported == "" {
			notSupported = p.Name
		}
		if p.Support == Testing && testing == "" {
			testing = p.Name
		}
	}
	role, warns, err := c.CustomRole(gcpiam.CustomRole{Title: "Reader", Stage: "GA"}, []string{"storage.objects.get", testing}, false)
	if err != nil || len(warns) != 1 || len(role.IncludedPermissions) != 2 {
		t.Errorf("TESTING warns: %+v %v %v", role, warns, err)
	}
	if _, _, err := c.CustomRole(gcpiam.CustomRole{Title: "X", Stage: "GA"}, []string{notSupported}, false); err == nil || !strings.Contains(err.Error(), "NOT_SUPPORTED") {
		t.Errorf("NOT_SUPPORTED: %v", err)
	}
	if _, _, err := c.CustomRole(gcpiam.CustomRole{Title: "X", Stage: "GA"}, []string{"ces.evaluations.export"}, false); err == nil || !strings.Contains(err.Error(), "not listed") {
		t.Errorf("unlisted (newer than the support page): %v", err)
	}
}
