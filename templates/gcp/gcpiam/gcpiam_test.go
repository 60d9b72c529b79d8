package gcpiam

import (
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
)

func mustPerm(t testing.TB, name string) Permission {
	t.Helper()
	p, err := ParsePermission(name)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func mustRole(t testing.TB, id string) Role {
	t.Helper()
	r, err := ParseRole(id)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func idsOf(rs []Role) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.String())
	}
	return out
}

func TestPermissionInfo(t *testing.T) {
	p := mustPerm(t, "storage.objects.setIamPolicy")
	got := p.Info()
	if got.Name != "storage.objects.setIamPolicy" || got.Prefix() != "storage" || got.Resource() != "objects" || got.Verb() != "setIamPolicy" ||
		got.Support != NotSupported || got.Deny != "storage.googleapis.com/objects.setIamPolicy" {
		t.Errorf("Info: %+v %q %q %q", got, got.Prefix(), got.Resource(), got.Verb())
	}
	if page, line := p.Source(); page != "storage" || line != 10 {
		t.Errorf("Source: %s %d", page, line)
	}
	if got := mustPerm(t, "storage.objects.testing").Info(); got.Deny != "" || got.Support != Testing {
		t.Errorf("a permission the deny page lacks has no deny name: %+v", got)
	}
	if got := Permission(0).Info(); got != (PermissionInfo{}) {
		t.Errorf("zero permission: %+v", got)
	}
	if Permission(0).String() != "Permission(0)" || Permission(NumPermissions()+1).Valid() {
		t.Error("out-of-range permissions must be invalid")
	}
}

func TestParseSuggests(t *testing.T) {
	_, err := ParsePermission("storage.object.get")
	if err == nil || !strings.Contains(err.Error(), `did you mean "storage.objects.get"`) {
		t.Errorf("ParsePermission typo: %v", err)
	}
	_, err = ParsePermission("Storage.Objects.Get")
	if err == nil || !strings.Contains(err.Error(), `did you mean "storage.objects.get"`) {
		t.Errorf("ParsePermission case: %v", err)
	}
	if _, err := ParsePermission("nothing.like.this.at.all"); err == nil || strings.Contains(err.Error(), "did you mean") {
		t.Errorf("far name: %v", err)
	}
	_, err = ParseRole("roles/storage.admn")
	if err == nil || !strings.Contains(err.Error(), `did you mean "roles/storage.admin"`) {
		t.Errorf("ParseRole: %v", err)
	}
	// A prefix package's range: a name outside it is unknown there.
	first := mustPerm(t, "pubsub.topics.get")
	if _, err := ParsePermissionIn("storage.objects.get", first, 2); err == nil {
		t.Error("ParsePermissionIn accepted a name outside its range")
	}
	if p, err := ParsePermissionIn("pubsub.topics.publish", first, 2); err != nil || p.String() != "pubsub.topics.publish" {
		t.Errorf("ParsePermissionIn: %v %v", p, err)
	}
}

func TestTextRoundTrip(t *testing.T) {
	in := struct {
		P Permission
		R Role
	}{mustPerm(t, "pubsub.topics.publish"), mustRole(t, "roles/pubsub.publisher")}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	if string(b) != `{"P":"pubsub.topics.publish","R":"roles/pubsub.publisher"}` {
		t.Errorf("JSON %s", b)
	}
	var out struct {
		P Permission
		R Role
	}
	if err := json.Unmarshal(b, &out); err != nil || out != in {
		t.Errorf("round trip: %+v %v", out, err)
	}
	if _, err := json.Marshal(Permission(0)); err == nil {
		t.Error("marshalling the zero permission must fail, not write nothing")
	}
	if err := json.Unmarshal([]byte(`"pubsub.topic.publish"`), &out.P); err == nil {
		t.Error("unmarshal of an unknown name must fail")
	}
}

func TestRole(t *testing.T) {
	r := mustRole(t, "roles/storage.admin")
	if r.Title() != "Storage Admin" || r.Stage() != GA || r.ServiceAgent() || r.Basic() || !r.Documented() ||
		!reflect.DeepEqual(r.Resources(), []string{"Bucket"}) || r.Description() != "Grants full control of objects and buckets." {
		t.Errorf("storage.admin: %q %v %v", r.Title(), r.Stage(), r.Resources())
	}
	if mustRole(t, "roles/storage.betaViewer").Stage() != Beta || !mustRole(t, "roles/storage.serviceAgent").ServiceAgent() {
		t.Error("Beta and service-agent flags")
	}
	o := RoleOwner
	if !o.Basic() || o.Documented() || o.Stage() != StageUnknown || o.Permissions().Len() != NumPermissions() {
		t.Errorf("owner: basic, no row, unknown stage, every permission")
	}
	if got := r.Permissions().Names(); len(got) != 7 || got[0] != "storage.buckets.create" {
		t.Errorf("storage.admin permissions: %q", got)
	}
	if Role(0).Permissions().Len() != 0 || Role(0).Title() != "" {
		t.Error("the zero role has nothing")
	}
}

func TestSetOperations(t *testing.T) {
	get, list, pub := mustPerm(t, "storage.objects.get"), mustPerm(t, "storage.objects.list"), mustPerm(t, "pubsub.topics.publish")
	s := NewSet(get, pub)
	if !s.Contains(get) || s.Contains(list) || s.Len() != 2 {
		t.Fatal("NewSet")
	}
	s.Union(mustRole(t, "roles/storage.objectViewer").Permissions())
	if !s.Contains(list) || s.Len() != 3 {
		t.Error("Union")
	}
	s.Difference(mustRole(t, "roles/pubsub.publisher").Permissions())
	if s.Contains(pub) || s.Len() != 2 {
		t.Error("Difference")
	}
	s.Intersect(NewSet(get).View())
	if got := s.View().Names(); !reflect.DeepEqual(got, []string{"storage.objects.get"}) {
		t.Errorf("Intersect: %q", got)
	}
	if !mustRole(t, "roles/storage.admin").Permissions().ContainsAll(NewSet(get, list).View()) ||
		mustRole(t, "roles/storage.objectViewer").Permissions().ContainsAll(NewSet(get, pub).View()) {
		t.Error("ContainsAll")
	}
	// A role's set is read-only: changing a clone leaves the role as it was.
	c := mustRole(t, "roles/storage.objectViewer").Permissions().Clone()
	c.Add(pub)
	if mustRole(t, "roles/storage.objectViewer").Permissions().Contains(pub) {
		t.Error("a clone shares storage with the role")
	}
	var zero Set
	zero.Add(Permission(0))
	zero.Add(get)
	if zero.Len() != 1 || zero.Contains(Permission(0)) {
		t.Error("the zero Set grows; invalid permissions are ignored")
	}
}

func TestSetOperationsDoNotAllocate(t *testing.T) {
	v := mustRole(t, "roles/storage.admin").Permissions()
	s := NewSet()
	p := mustPerm(t, "storage.objects.get")
	n := testing.AllocsPerRun(100, func() {
		s.Union(v)
		s.Difference(v)
		s.Intersect(v)
		_ = s.Contains(p)
		_ = v.Contains(p)
		_ = p.Info()
	})
	if n != 0 {
		t.Errorf("%v allocations per run, want 0", n)
	}
}

func TestRolesGranting(t *testing.T) {
	got := idsOf(RolesGranting(mustPerm(t, "storage.objects.get"), mustPerm(t, "storage.buckets.get")))
	want := []string{"roles/owner", "roles/storage.admin", "roles/storage.betaViewer", "roles/storage.gaViewer", "roles/storage.serviceAgent"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %q\nwant %q", got, want)
	}
	if RolesGranting() != nil || RolesGranting(Permission(0)) != nil {
		t.Error("no permissions or an invalid one: no roles")
	}
	if got := idsOf(mustPerm(t, "pubsub.topics.get").Roles()); !reflect.DeepEqual(got, []string{"roles/owner", "roles/pubsub.editor", "roles/pubsub.viewer"}) {
		t.Errorf("Roles: %q", got)
	}
}

func TestSmallestRoles(t *testing.T) {
	for _, c := range []struct {
		name  string
		opt   Options
		perms []string
		want  []string
		extra int
	}{
		{"one role, no extra", Options{}, []string{"storage.objects.get", "storage.objects.list"}, []string{"roles/storage.objectViewer"}, 0},
		{"GA preferred over its Beta twin", Options{}, []string{"storage.objects.get", "storage.buckets.get"}, []string{"roles/storage.gaViewer"}, 1},
		{"fewest extra among one-role answers", Options{}, []string{"pubsub.topics.publish"}, []string{"roles/pubsub.publisher"}, 0},
		{"across services", Options{}, []string{"pubsub.topics.get", "storage.objects.list"}, []string{"roles/pubsub.viewer", "roles/storage.objectViewer"}, 1},
		{"exact beats greedy", Options{}, []string{"demo.x.a", "demo.x.b", "demo.x.c", "demo.x.d", "demo.x.e", "demo.x.f"}, []string{"roles/demo.left", "roles/demo.right"}, 0},
		{"service agents when asked", Options{ServiceAgents: true}, []string{"storage.objects.restricted"}, []string{"roles/storage.serviceAgent"}, 2},
		{"basic roles when asked", Options{Basic: true}, []string{"storage.buckets.unlisted"}, []string{"roles/owner"}, NumPermissions() - 1},
	} {
		var ps []Permission
		for _, n := range c.perms {
			ps = append(ps, mustPerm(t, n))
		}
		g, err := SmallestRoles(c.opt, ps...)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if got := idsOf(g.Roles); !reflect.DeepEqual(got, c.want) || g.Extra != c.extra || !g.Exact {
			t.Errorf("%s: got %q extra %d exact %v, want %q extra %d", c.name, got, g.Extra, g.Exact, c.want, c.extra)
		}
	}
	// Greedy alone takes the big middle role first and then needs two more.
	abc, def, abde := []uint64{0b000111}, []uint64{0b111000}, []uint64{0b011011}
	cands := []Candidate{{Grants: abc, Order: 1}, {Grants: abde, Order: 2}, {Grants: def, Order: 3}}
	if g := greedy(cands, []int{0, 1, 2}, 6); len(g) != 3 {
		t.Errorf("greedy: %d roles, want 3 (the example's point)", len(g))
	}
	if picked, exact := Cover(cands, 6, func([]int) int { return 0 }); !exact || len(picked) != 2 {
		t.Errorf("Cover: %v exact %v, want 2 roles, exact", picked, exact)
	}
	// Beyond ExactLimit: greedy, and said so.
	many := make([]Candidate, ExactLimit+1)
	for i := range many {
		many[i] = Candidate{Grants: make([]uint64, 2), Order: i}
		many[i].Grants[i/64] |= 1 << (i % 64)
	}
	if picked, exact := Cover(many, ExactLimit+1, func([]int) int { return 0 }); exact || len(picked) != ExactLimit+1 {
		t.Errorf("beyond the limit: %d picked, exact %v", len(picked), exact)
	}
}

func TestSmallestRolesRefuses(t *testing.T) {
	// Only a service-agent role (and owner) grants it: by default, an error that
	// names it, never a silent partial answer.
	_, err := SmallestRoles(Options{}, mustPerm(t, "storage.objects.restricted"), mustPerm(t, "storage.objects.get"))
	if !errors.Is(err, ErrNotGranted) || !strings.Contains(err.Error(), "storage.objects.restricted") || strings.Contains(err.Error(), "storage.objects.get") {
		t.Errorf("got %v", err)
	}
	if _, err := SmallestRoles(Options{}, Permission(0)); err == nil {
		t.Error("an invalid permission must be an error")
	}
	if g, err := SmallestRoles(Options{}); err != nil || len(g.Roles) != 0 {
		t.Error("nothing asked: no roles")
	}
}

func TestCustomRole(t *testing.T) {
	b := NewCustomRole("Bucket reader", "Reads buckets").Add(mustPerm(t, "storage.buckets.get"), mustPerm(t, "storage.objects.testing"))
	role, warns, err := b.Build()
	if err != nil {
		t.Fatal(err)
	}
	if len(warns) != 1 || warns[0].Permission != "storage.objects.testing" || !strings.Contains(warns[0].String(), "TESTING") {
		t.Errorf("warnings: %v", warns)
	}
	if !reflect.DeepEqual(role.IncludedPermissions, []string{"storage.buckets.get", "storage.objects.testing"}) || role.Stage != "GA" {
		t.Errorf("role: %+v", role)
	}
	wantYAML := "title: \"Bucket reader\"\ndescription: \"Reads buckets\"\nstage: \"GA\"\nincludedPermissions:\n- storage.buckets.get\n- storage.objects.testing\n"
	if got := string(role.YAML()); got != wantYAML {
		t.Errorf("YAML:\n%s", got)
	}
	j, _ := role.JSON()
	var back map[string]any
	if err := json.Unmarshal(j, &back); err != nil || back["title"] != "Bucket reader" || back["stage"] != "GA" {
		t.Errorf("JSON: %s", j)
	}

	// The support page: "NOT_SUPPORTED: The permission is not supported in custom roles."
	_, _, err = NewCustomRole("Admin", "").AddRole(mustRole(t, "roles/storage.admin")).Build()
	if err == nil || !strings.Contains(err.Error(), "storage.objects.setIamPolicy is NOT_SUPPORTED") {
		t.Errorf("NOT_SUPPORTED: %v", err)
	}
	_, _, err = NewCustomRole("X", "").Add(mustPerm(t, "storage.buckets.unlisted")).Build()
	if err == nil || !strings.Contains(err.Error(), "not listed") {
		t.Errorf("unlisted refused by default: %v", err)
	}
	b = NewCustomRole("X", "").Add(mustPerm(t, "storage.buckets.unlisted"))
	b.AllowUnlisted = true
	if _, w, err := b.Build(); err != nil || len(w) != 1 {
		t.Errorf("unlisted allowed: %v %v", w, err)
	}
	for _, bad := range []*CustomRoleBuilder{
		NewCustomRole("", "").Add(mustPerm(t, "storage.buckets.get")),
		NewCustomRole("X", "").Stage("PREVIEW").Add(mustPerm(t, "storage.buckets.get")),
		NewCustomRole("X", ""),
		NewCustomRole("X", "").Add(Permission(0), mustPerm(t, "storage.buckets.get")),
	} {
		if _, _, err := bad.Build(); err == nil {
			t.Errorf("accepted %+v", bad.role)
		}
	}
	// A title cannot break the YAML document.
	y := CustomRole{Title: "a\"\nstage: EVIL", Stage: "GA"}.YAML()
	if strings.Count(string(y), "\nstage:") != 1 {
		t.Errorf("YAML injection:\n%s", y)
	}
}

func TestTestIamPermissions(t *testing.T) {
	ps := PermissionsOf("storage", "buckets")
	if got := func() []string { n, _ := Names(ps...); return n }(); !reflect.DeepEqual(got, []string{"storage.buckets.create", "storage.buckets.get", "storage.buckets.list", "storage.buckets.unlisted"}) {
		t.Errorf("PermissionsOf: %q", got)
	}
	miss, err := Missing(ps, []string{"storage.buckets.get", "storage.buckets.list"})
	if err != nil || len(miss) != 2 || miss[0].String() != "storage.buckets.create" {
		t.Errorf("Missing: %v %v", miss, err)
	}
	// An answer naming what was not asked is not this request's answer: all is missing.
	miss, err = Missing(ps, []string{"storage.objects.get"})
	if err == nil || len(miss) != len(ps) {
		t.Errorf("foreign answer: %v %v", miss, err)
	}
	if _, err := Names(Permission(0)); err == nil {
		t.Error("Names of an invalid permission")
	}
	big := make([]Permission, 250)
	if b := Batches(big); len(b) != 3 || len(b[0]) != 100 || len(b[2]) != 50 {
		t.Errorf("Batches: %d", len(b))
	}
}

// sink keeps benchmark results alive. The loops count to b.N rather than use
// b.Loop, which keeps every call's result alive by storing it: for a struct
// result, that store cost more than Info itself.
var sink int

func BenchmarkInfo(b *testing.B) {
	p := mustPerm(b, "storage.objects.setIamPolicy")
	n := 0
	for i := 0; i < b.N; i++ {
		n += len(p.Info().Deny)
	}
	sink = n
}

func BenchmarkContains(b *testing.B) {
	v := RoleOwner.Permissions()
	p := mustPerm(b, "storage.objects.get")
	n := 0
	for i := 0; i < b.N; i++ {
		if v.Contains(p) {
			n++
		}
	}
	sink = n
}
