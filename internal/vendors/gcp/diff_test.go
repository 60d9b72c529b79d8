package gcp

import (
	"reflect"
	"testing"
)

// TestDiffRealSnapshots asserts the real change between the two frozen
// snapshots, as the snapshot README lists it: 11 permissions and 2 roles added,
// 40 roles gain permissions, nothing removed or lost.
func TestDiffRealSnapshots(t *testing.T) {
	old, new := catalogOf(t, "2026-05-26"), catalogOf(t, "2026-05-30")
	kinds := map[string][]Change{}
	for _, c := range Diff(old, new) {
		kinds[c.Kind] = append(kinds[c.Kind], c)
	}
	names := func(kind string) []string {
		var n []string
		for _, c := range kinds[kind] {
			n = append(n, c.Name)
		}
		return n
	}
	wantPerms := []string{
		"ces.evaluations.export",
		"cloudsql.blueGreenDeployments.create", "cloudsql.blueGreenDeployments.delete",
		"cloudsql.blueGreenDeployments.get", "cloudsql.blueGreenDeployments.list",
		"cloudsql.blueGreenDeployments.switchover",
		"networkservices.googleTagGatewayPolicies.create", "networkservices.googleTagGatewayPolicies.delete",
		"networkservices.googleTagGatewayPolicies.get", "networkservices.googleTagGatewayPolicies.list",
		"networkservices.googleTagGatewayPolicies.update",
	}
	if got := names("permission-added"); !reflect.DeepEqual(got, wantPerms) {
		t.Errorf("permissions added:\n got %q\nwant %q", got, wantPerms)
	}
	wantRoles := []string{"roles/chronicle.orgServiceAgent", "roles/networkservices.GoogleTagGatewayPolicyAdmin"}
	if got := names("role-added"); !reflect.DeepEqual(got, wantRoles) {
		t.Errorf("roles added: got %q, want %q", got, wantRoles)
	}
	if got := names("permission-added-without-row"); !reflect.DeepEqual(got, []string{"compute.hosts.get", "compute.hosts.getVersion", "compute.hosts.list"}) {
		t.Errorf("names added inside role tables only (compute page missing): %q", got)
	}
	if got := names("role-gained-permissions-without-row"); !reflect.DeepEqual(got, []string{"roles/compute.networkAdmin", "roles/compute.networkUser", "roles/compute.networkViewer", "roles/editor", "roles/owner", "roles/viewer"}) {
		t.Errorf("roles without a row that gained permissions: %q", got)
	}
	if got := len(kinds["role-gained-permissions"]); got != 40 {
		t.Errorf("roles that gained permissions: got %d, want 40", got)
	}
	gained := map[string]int{}
	for _, c := range kinds["role-gained-permissions"] {
		gained[c.Name] = len(c.Items)
		if c.Class != Policy {
			t.Errorf("%s gained permissions: class %s, want policy", c.Name, c.Class)
		}
	}
	for role, n := range map[string]int{"roles/composer.serviceAgent": 13, "roles/cloudtpu.serviceAgent": 8, "roles/iam.databasesAdmin": 8, "roles/cloudsql.admin": 5} {
		if gained[role] != n {
			t.Errorf("%s gained %d permissions, want %d", role, gained[role], n)
		}
	}
	for _, k := range []string{"permission-removed", "role-removed", "role-lost-permissions", "role-lost-permissions-without-row", "role-title-changed", "role-stage-changed"} {
		if len(kinds[k]) != 0 {
			t.Errorf("%s: %d changes, want none: %+v", k, len(kinds[k]), kinds[k][0])
		}
	}
	if w := Worst(Diff(old, new)); w != Policy {
		t.Errorf("worst class %q, want policy", w)
	}
	// Reversed, the same facts are breaking.
	back := Diff(new, old)
	if w := Worst(back); w != Breaking {
		t.Errorf("reversed: worst class %q, want breaking", w)
	}
}
