package campolicy

import (
	"errors"
	"strings"
	"testing"

	"github.com/permgen/permgen/templates/cam"
)

func TestNewPolicyErrors(t *testing.T) {
	other := cam.Resource{Service: "ccc", Account: "uin/100001", Resource: "Other/1"}
	_, err := New(
		Allow(createStaff).On(app),                         // 0: fine
		Allow(),                                            // 1: no action
		Allow(createIVR).On(app),                           // 2: operation level on a specific resource
		Deny(describeIVRList).On(app),                      // 3: the same for a deny
		Allow(deleteStaff).On(other),                       // 4: wrong type
		Allow(createStaff, nil),                            // 5: nil action
		Allow(createStaff).OnPattern("qcs::ccc:uin/1:x/1"), // 6: not six segments
		nil,                                     // 7: nil statement
		Allow(createIVR).On(app).OnPattern("*"), // 8: fine: "*" covers it
		Allow(createStaff).OnPattern("qcs::ccc::uin/1:*"),      // 9: fine: wildcard type
		Allow(cvmRunInstances).On(app),                         // 10: other service's type
		Allow(cam.ActionInfo{Service: "x", Name: "Y"}).On(app), // 11: fine: nothing known to check
	)
	if err == nil {
		t.Fatal("New accepted broken statements")
	}
	want := []RuleError{
		{Statement: 1, Rule: RuleNoAction},
		{Statement: 2, Rule: RuleOperationLevelResource, Action: "ccc:CreateIVR", Resource: app.String()},
		{Statement: 3, Rule: RuleOperationLevelResource, Action: "ccc:DescribeIVRList", Resource: app.String()},
		{Statement: 4, Rule: RuleResourceType, Action: "ccc:DeleteStaff", Resource: other.String()},
		{Statement: 5, Rule: RuleNoAction},
		{Statement: 6, Rule: RuleBadResource, Resource: "qcs::ccc:uin/1:x/1"},
		{Statement: 7, Rule: RuleNoAction},
		{Statement: 10, Rule: RuleResourceType, Action: "cvm:RunInstances", Resource: app.String()},
	}
	var got []RuleError
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		var re *RuleError
		if !errors.As(e, &re) {
			t.Fatalf("error %v is not a *RuleError", e)
		}
		got = append(got, RuleError{Statement: re.Statement, Rule: re.Rule, Action: re.Action, Resource: re.Resource})
	}
	if len(got) != len(want) {
		t.Fatalf("got %d errors, want %d:\n%v", len(got), len(want), err)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("error %d = %+v, want %+v", i, got[i], want[i])
		}
	}
	msg := err.Error()
	for _, s := range []string{
		"cam: statement 2: ccc:CreateIVR on qcs::ccc::uin/100001:SdkAppId/1400001: ccc:CreateIVR is operation-level: CAM authorizes it only on resource \"*\" and treats this as no permission",
		"does not apply this deny",
		"resource type ccc/Other is not one ccc:DeleteStaff can be restricted to; want one of [ccc/SdkAppId]",
		"statement has no action",
	} {
		if !strings.Contains(msg, s) {
			t.Errorf("error text lacks %q:\n%s", s, msg)
		}
	}
}

func TestNewPolicyBuilds(t *testing.T) {
	p, err := New(
		Deny(createStaff, deleteStaff).On(app, app.WithRegion("ap-guangzhou")).When("ip_not_equal", "qcs:ip", "10.0.0.0/8").When("ip_not_equal", "qcs:ip", "192.168.0.0/16"),
		Allow(createIVR).On(cam.Resource{}),
	)
	if err != nil {
		t.Fatal(err)
	}
	const want = `{"version":"2.0","statement":[{"effect":"deny","action":["ccc:CreateStaff","ccc:DeleteStaff"],"resource":["qcs::ccc::uin/100001:SdkAppId/1400001","qcs::ccc:ap-guangzhou:uin/100001:SdkAppId/1400001"],"condition":{"ip_not_equal":{"qcs:ip":["10.0.0.0/8","192.168.0.0/16"]}}},{"effect":"allow","action":["ccc:CreateIVR"],"resource":["*"]}]}`
	if got := p.String(); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

func TestNewPolicyEmpty(t *testing.T) {
	p, err := New()
	if err != nil || p.String() != `{"version":"2.0","statement":[]}` {
		t.Errorf("New() = %s, %v", p, err)
	}
}
