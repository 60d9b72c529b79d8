package campolicy

import (
	"slices"
	"strings"
	"testing"

	"github.com/permgen/permgen/templates/cam"
)

func TestDecodeRequest(t *testing.T) {
	r, err := ParseRequest([]byte(`{"action":"ccc:CreateIVR","resource":"qcs::ccc::uin/100001:SdkAppId/1",
		"context":{"qcs:ip":"10.0.0.1","qcs:tag":["a&1","b&2"]},
		"caller":{"uin":"100011","owner_uin":"100001","app_id":"1250000000"},"policy_owner":"100001"}`), lookupFake)
	if err != nil {
		t.Fatal(err)
	}
	if r.Action.Info().Granularity != cam.OperationLevel || r.Resource.Resource != "SdkAppId/1" || len(r.Context["qcs:tag"]) != 2 ||
		r.Caller.Uin != "100011" || r.PolicyOwner.Uin != "100001" {
		t.Errorf("decoded %+v", r)
	}
	r, err = ParseRequest([]byte(`{"action":"cos:GetObject","granularity":"resource","policy_owner":{"uin":"1","app_id":"125"}}`), lookupFake)
	if err != nil || r.Granularity != cam.ResourceLevel || r.Action.String() != "cos:GetObject" || r.PolicyOwner.AppID != "125" {
		t.Errorf("unknown action by name: %+v, %v", r, err)
	}
	for _, c := range []struct{ in, want string }{
		{`{"action":"ccc:CreateIVR","action":"ccc:DeleteStaff"}`, `member "action" appears twice`},
		{`{"action":"ccc:CreateIVR","callr":{}}`, `unknown field "callr"`},
		{`{"resource":"*"}`, `action is missing`},
		{`{"action":"ccc:*"}`, `is not "<service>:<API>"`},
		{`{"action":"ccc:CreateIVR","resource":"qcs:1:ccc::uin/1:SdkAppId/1"}`, `project_id`},
		{`{"action":"ccc:CreateIVR","granularity":"fine"}`, `unknown Granularity`},
		{`{"action":"ccc:CreateIVR","context":{"k":{"x":1}}}`, `context`},
	} {
		if _, err := ParseRequest([]byte(c.in), lookupFake); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("ParseRequest(%s): %v, want %q", c.in, err, c.want)
		}
	}
}

func TestDecisionExplains(t *testing.T) {
	p := mustPolicy(t, `{"version":"2.0","statement":[
		{"effect":"allow","action":"ccc:*","resource":"*"},
		{"effect":"allow","action":"ccc:CreateStaff","resource":"*","condition":{"ip_equal":{"qcs:ip":"10.0.0.0/8"}}},
		{"effect":"deny","action":"ccc:CreateStaff","resource":"*","condition":{"string_equal":{"qcs:mfa":"0"},"ip_not_equal":{"qcs:ip":"10.0.0.0/8"}}}]}`)
	q := mustPolicy(t, `{"version":"2.0","statement":[{"effect":"deny","action":"ccc:DeleteStaff","resource":"*"},{"effect":"allow","action":"ccc:Create*","resource":"*"}]}`)
	d := Evaluate(&Request{Action: createStaff, Resource: app}, p, q)
	if !d.Allowed() || d.Policy != 0 || d.Statement != 0 {
		t.Fatalf("got %v", d)
	}
	if got := d.Matched(); len(got) != 2 || got[0] != (StatementRef{0, 0, false}) || got[1] != (StatementRef{1, 1, false}) || d.MatchedCount() != 2 {
		t.Errorf("matched %v", got)
	}
	// Both allows applied, so both decided; the first is the one Policy and Statement name.
	if got := d.Deciding(); !slices.Equal(got, []StatementRef{{0, 0, false}, {1, 1, false}}) {
		t.Errorf("deciding an allow: %v", got)
	}
	if got := strings.Join(d.Missing(), " "); got != "qcs:ip qcs:mfa" {
		t.Errorf("missing %q", got)
	}
	if s := d.String(); !strings.Contains(s, "context lacked") {
		t.Errorf("String() = %q", s)
	}
	d = Evaluate(&Request{Action: deleteStaff, Resource: app}, p, q)
	// The allow of policy 0 applied too, but a deny decides.
	if got := d.Deciding(); !slices.Equal(got, []StatementRef{{1, 0, false}}) || !strings.HasPrefix(d.String(), "denied explicitly: policy 1 statement 0") {
		t.Errorf("deciding %v: %s", got, d)
	}
	d = Evaluate(&Request{Action: cam.ActionInfo{Service: "ccc", Name: "DescribeStaffInfoList", Granularity: cam.ResourceLevel}, Resource: app}, q)
	if got := d.Deciding(); d.Outcome != ImplicitDeny || len(got) != 0 {
		t.Errorf("an implicit deny has no deciding statement: %v %v", d, got)
	}
}
