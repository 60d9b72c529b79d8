package campolicy

import (
	"errors"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/permgen/permgen/templates/cam"
)

func TestLeastPrivilege(t *testing.T) {
	app2 := app.WithRegion("ap-guangzhou")
	other := cam.Resource{Service: "ccc", Account: "uin/100001", Resource: "Queue/1"}
	grants := []Grant{
		{Action: createStaff, Resource: app},
		{Action: deleteStaff, Resource: app},
		{Action: deleteStaff, Resource: app2},
		{Action: createStaff, Resource: app2},
		{Action: createStaff, Resource: app}, // duplicate
		{Action: createIVR},
		{Action: describeIVRList, Resource: app},       // operation level: widened to "*"
		{Action: describeTelCdr, Resource: app},        // alone on app
		{Action: describeStaffInfoList},                // no resource: "*"
		{Action: describeStaffInfoList, Resource: app}, // already on "*"
		{Action: cvmRunInstances, Resource: other},     // wrong type: reported, left out
		{Action: nil, Resource: app},                   // ignored
	}
	const want = `{"version":"2.0","statement":[` +
		`{"effect":"allow","action":["ccc:CreateIVR","ccc:DescribeIVRList","ccc:DescribeStaffInfoList"],"resource":["*"]},` +
		`{"effect":"allow","action":["ccc:DescribeTelCdr"],"resource":["qcs::ccc::uin/100001:SdkAppId/1400001"]},` +
		`{"effect":"allow","action":["ccc:CreateStaff","ccc:DeleteStaff"],"resource":["qcs::ccc::uin/100001:SdkAppId/1400001","qcs::ccc:ap-guangzhou:uin/100001:SdkAppId/1400001"]}]}`
	p, err := LeastPrivilege(grants...)
	if got := p.String(); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	var ge *GrantError
	if !errors.As(err, &ge) || ge.Grant.Action != cvmRunInstances || ge.Rule != RuleResourceType {
		t.Fatalf("err = %v, want a *GrantError for cvm:RunInstances", err)
	}
	if p.Allows(cvmRunInstances, other) || p.Allows(cvmRunInstances, cam.Resource{}) {
		t.Error("the wrong-type grant was widened instead of left out")
	}
	checkLeastPrivilege(t, p, grants[:len(grants)-2])

	r := rand.New(rand.NewPCG(1, 2))
	for range 50 {
		r.Shuffle(len(grants), func(i, j int) { grants[i], grants[j] = grants[j], grants[i] })
		if got, _ := LeastPrivilege(grants...); got.String() != want {
			t.Fatalf("order of grants changed the policy:\n%s", got)
		}
	}
}

// checkLeastPrivilege checks that p passes New's rules, allows every grant, and
// denies what was not granted.
func checkLeastPrivilege(t *testing.T, p Policy, grants []Grant) {
	t.Helper()
	var builders []*StatementBuilder
	for _, s := range p.Statement {
		var actions []cam.Action
		for _, name := range s.Action {
			for i := range fakeInfo {
				if fakeAction(i).String() == name {
					actions = append(actions, fakeAction(i))
				}
			}
		}
		if len(actions) != len(s.Action) {
			t.Fatalf("statement names unknown actions: %v", s.Action)
		}
		builders = append(builders, Allow(actions...).OnPattern(s.Resource...))
	}
	q, err := New(builders...)
	if err != nil {
		t.Fatalf("LeastPrivilege output fails New: %v", err)
	}
	if q.String() != p.String() {
		t.Errorf("New rebuilt %s as %s", p, q)
	}
	for _, g := range grants {
		if g.Action != nil && !p.Allows(g.Action, g.Resource) {
			t.Errorf("grant %v on %v not allowed: %v", g.Action, g.Resource, p.Evaluate(Request{Action: g.Action, Resource: g.Resource}))
		}
	}
	if fs := LintPolicy(p, fakeKnown()); len(fs) != 0 {
		t.Errorf("lint findings on LeastPrivilege output: %v", fs)
	}
}

func TestLeastPrivilegeDoesNotOvergrant(t *testing.T) {
	p, err := LeastPrivilege(Grant{Action: createStaff, Resource: app})
	if err != nil {
		t.Fatal(err)
	}
	if p.Allows(createStaff, app.WithRegion("x").WithProject("y")) != true {
		// empty region and project in the policy cover every value: that is CAM's reading
		t.Error("regional variant of app not allowed")
	}
	other := cam.Resource{Service: "ccc", Account: "uin/100001", Resource: "SdkAppId/2"}
	for _, c := range []struct {
		a cam.Action
		r cam.Resource
	}{{createStaff, other}, {createStaff, cam.Resource{}}, {deleteStaff, app}, {createIVR, cam.Resource{}}} {
		if p.Allows(c.a, c.r) {
			t.Errorf("%v on %v allowed", c.a, c.r)
		}
	}
}

func TestLeastPrivilegeEmpty(t *testing.T) {
	if got, err := LeastPrivilege(); got.String() != `{"version":"2.0","statement":[]}` || err != nil {
		t.Errorf("got %s", got)
	}
}

func FuzzLeastPrivilege(f *testing.F) {
	f.Add([]byte{0, 1, 2, 3, 4, 5, 6}, "SdkAppId/1", "SdkAppId/2")
	f.Fuzz(func(t *testing.T, picks []byte, id1, id2 string) {
		ids := []string{id1, id2, ""}
		var grants []Grant
		for i, b := range picks {
			a := fakeAction(int(b) % len(fakeInfo))
			var r cam.Resource
			if id := ids[i%len(ids)]; id != "" {
				r = cam.Resource{Service: "ccc", Account: "uin/1", Resource: id}
			}
			grants = append(grants, Grant{Action: a, Resource: r})
		}
		p, err := LeastPrivilege(grants...)
		for _, g := range grants {
			if p.Allows(g.Action, g.Resource) {
				continue
			}
			// Only a grant reported as an error may be missing.
			if err == nil || !strings.Contains(err.Error(), g.Action.String()+" on "+g.Resource.String()+":") {
				t.Fatalf("%v on %v not allowed by %s, and not reported (err %v)", g.Action, g.Resource, p, err)
			}
		}
		if len(grants) > 1 {
			grants[0], grants[len(grants)-1] = grants[len(grants)-1], grants[0]
			if q, _ := LeastPrivilege(grants...); q.String() != p.String() {
				t.Fatalf("order changed %s into %s", p, q)
			}
		}
	})
}
