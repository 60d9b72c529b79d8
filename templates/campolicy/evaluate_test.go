package campolicy

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/permgen/permgen/templates/cam"
)

func mustPolicy(t testing.TB, js string) Policy {
	t.Helper()
	var p Policy
	if err := json.Unmarshal([]byte(js), &p); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestEvaluateTaskExamples(t *testing.T) {
	p, err := New(Allow(createStaff).On(app), Allow(createIVR))
	if err != nil {
		t.Fatal(err)
	}
	if d := p.Evaluate(Request{Action: createStaff, Resource: app}); !d.Allowed() || d.Statement != 0 {
		t.Errorf("CreateStaff on app: %v", d)
	}
	if d := p.Evaluate(Request{Action: deleteStaff, Resource: app}); d.Allowed() || d.Explicit() || d.Statement != -1 {
		t.Errorf("DeleteStaff on app: %v", d)
	}

	q := mustPolicy(t, `{"version":"2.0","statement":[{"effect":"allow","action":"ccc:Describe*","resource":"*"},{"effect":"deny","action":["ccc:DescribeTelCdr"],"resource":["*"]}]}`)
	if d := q.Evaluate(Request{Action: describeStaffInfoList, Resource: app}); !d.Allowed() {
		t.Errorf("DescribeStaffInfoList on app: %v", d)
	}
	d := q.Evaluate(Request{Action: describeTelCdr, Resource: app})
	if d.Allowed() || !d.Explicit() || d.Statement != 1 {
		t.Errorf("DescribeTelCdr on app: %v", d)
	}
	if got, want := d.String(), "denied explicitly: statement 1 denies ccc:DescribeTelCdr on qcs::ccc::uin/100001:SdkAppId/1400001"; got != want {
		t.Errorf("String() = %q, want %q", got, want)
	}
}

func TestEvaluate(t *testing.T) {
	// Operators CAM does not define cannot be decoded; typed policies can still hold
	// them, and the evaluator fails closed on them.
	extra := map[string][]Statement{
		"deny: undecidable and unmet is unmet":   {{Effect: EffectDeny, Action: Values{"*"}, Resource: Values{"*"}, Condition: Condition{"a_unknown_op": {"env": {"x"}}, "string_equal": {"env": {"dev"}}}}},
		"unknown operator: allow does not apply": {{Effect: EffectAllow, Action: Values{"*"}, Resource: Values{"*"}, Condition: Condition{"string_equals": {"env": {"prod"}}}}},
		"unknown operator: deny applies":         {{Effect: EffectDeny, Action: Values{"*"}, Resource: Values{"*"}, Condition: Condition{"string_equals": {"env": {"x"}}}}},
	}
	other := cam.Resource{Service: "ccc", Account: "uin/100001", Resource: "SdkAppId/1400002"}
	ctx := SingleValued(map[string]string{"qcs:ip": "10.1.2.3", "env": "prod", "n": "5", "t": "2024-05-01T00:00:00Z", "b": "true"})
	for _, c := range []struct {
		name    string
		policy  string
		action  cam.Action
		res     cam.Resource
		ctx     Context
		outcome Outcome
		stmt    int
	}{
		{"exact allow", `{"version":"2.0","statement":[{"effect":"allow","action":"ccc:CreateStaff","resource":"qcs::ccc::uin/100001:SdkAppId/1400001"}]}`, createStaff, app, nil, Allowed, 0},
		{"other resource", `{"version":"2.0","statement":[{"effect":"allow","action":"ccc:CreateStaff","resource":"qcs::ccc::uin/100001:SdkAppId/1400001"}]}`, createStaff, other, nil, ImplicitDeny, -1},
		{"no resource needs *", `{"version":"2.0","statement":[{"effect":"allow","action":"ccc:CreateStaff","resource":"qcs::ccc::uin/100001:SdkAppId/*"}]}`, createStaff, cam.Resource{}, nil, ImplicitDeny, -1},
		{"resource wildcard", `{"version":"2.0","statement":[{"effect":"allow","action":"ccc:CreateStaff","resource":"qcs::ccc::uin/100001:SdkAppId/*"}]}`, createStaff, other, nil, Allowed, 0},
		{"empty region is all regions", `{"version":"2.0","statement":[{"effect":"allow","action":"ccc:CreateStaff","resource":"qcs::ccc::uin/100001:SdkAppId/*"}]}`, createStaff, app.WithRegion("ap-guangzhou"), nil, Allowed, 0},
		{"deny wins over earlier allow", `{"version":"2.0","statement":[{"effect":"allow","action":"*","resource":"*"},{"effect":"deny","action":"ccc:Create*","resource":"*"}]}`, createStaff, app, nil, ExplicitDeny, 1},
		{"deny wins over later allow", `{"version":"2.0","statement":[{"effect":"deny","action":"ccc:*","resource":"qcs::ccc::uin/100001:*"},{"effect":"allow","action":"*","resource":"*"}]}`, createStaff, app, nil, ExplicitDeny, 0},
		{"deny elsewhere", `{"version":"2.0","statement":[{"effect":"deny","action":"ccc:*","resource":"qcs::ccc::uin/999:*"},{"effect":"allow","action":"*","resource":"*"}]}`, createStaff, app, nil, Allowed, 1},
		{"implicit deny", `{"version":"2.0","statement":[{"effect":"allow","action":"cvm:*","resource":"*"}]}`, createStaff, app, nil, ImplicitDeny, -1},
		{"empty policy", `{"version":"2.0","statement":[]}`, createStaff, app, nil, ImplicitDeny, -1},
		{"service wildcard", `{"version":"2.0","statement":[{"effect":"allow","action":"ccc:*","resource":"*"}]}`, deleteStaff, app, nil, Allowed, 0},
		{"name/ prefix", `{"version":"2.0","statement":[{"effect":"allow","action":"name/ccc:DeleteStaff","resource":"*"}]}`, deleteStaff, app, nil, Allowed, 0},
		{"action case matters", `{"version":"2.0","statement":[{"effect":"allow","action":"ccc:deletestaff","resource":"*"}]}`, deleteStaff, app, nil, ImplicitDeny, -1},
		{"op level on *", `{"version":"2.0","statement":[{"effect":"allow","action":"ccc:CreateIVR","resource":"*"}]}`, createIVR, app, nil, Allowed, 0},
		{"op level on specific resource", `{"version":"2.0","statement":[{"effect":"allow","action":"ccc:CreateIVR","resource":"qcs::ccc::uin/100001:SdkAppId/1400001"}]}`, createIVR, app, nil, ImplicitDeny, -1},
		{"op level on resource wildcard pattern", `{"version":"2.0","statement":[{"effect":"allow","action":"ccc:*","resource":"qcs::ccc::uin/100001:*"}]}`, createIVR, cam.Resource{}, nil, ImplicitDeny, -1},
		{"op level deny on specific resource still applies (fail closed)", `{"version":"2.0","statement":[{"effect":"allow","action":"*","resource":"*"},{"effect":"deny","action":"ccc:CreateIVR","resource":"qcs::ccc::uin/100001:SdkAppId/1400001"}]}`, createIVR, app, nil, ExplicitDeny, 1},
		{"ip allow met", `{"version":"2.0","statement":[{"effect":"allow","action":"*","resource":"*","condition":{"ip_equal":{"qcs:ip":["192.168.0.0/16","10.0.0.0/8"]}}}]}`, createStaff, app, ctx, Allowed, 0},
		{"ip allow not met", `{"version":"2.0","statement":[{"effect":"allow","action":"*","resource":"*","condition":{"ip_equal":{"qcs:ip":"192.168.0.0/16"}}}]}`, createStaff, app, ctx, ImplicitDeny, -1},
		{"ip allow, key missing", `{"version":"2.0","statement":[{"effect":"allow","action":"*","resource":"*","condition":{"ip_equal":{"qcs:ip":"10.0.0.0/8"}}}]}`, createStaff, app, nil, ImplicitDeny, -1},
		{"ip deny, key missing: the condition is false (COS)", `{"version":"2.0","statement":[{"effect":"allow","action":"*","resource":"*"},{"effect":"deny","action":"*","resource":"*","condition":{"ip_not_equal":{"qcs:ip":"10.0.0.0/8"}}}]}`, createStaff, app, nil, Allowed, 0},
		{"ip deny not met", `{"version":"2.0","statement":[{"effect":"allow","action":"*","resource":"*"},{"effect":"deny","action":"*","resource":"*","condition":{"ip_not_equal":{"qcs:ip":"10.0.0.0/8"}}}]}`, createStaff, app, ctx, Allowed, 0},
		{"_if_exist met", `{"version":"2.0","statement":[{"effect":"allow","action":"*","resource":"*","condition":{"string_equal_if_exist":{"env":"prod"}}}]}`, createStaff, app, ctx, Allowed, 0},
		{"for_any_value not met", `{"version":"2.0","statement":[{"effect":"allow","action":"*","resource":"*"},{"effect":"deny","action":"*","resource":"*","condition":{"for_any_value:string_equal":{"env":"x"}}}]}`, createStaff, app, ctx, Allowed, 0},
		{"deny: undecidable and unmet is unmet", `{"version":"2.0","statement":[{"effect":"allow","action":"*","resource":"*"}]}`, createStaff, app, ctx, Allowed, 0},
		{"unknown operator: allow does not apply", `{"version":"2.0","statement":[]}`, createStaff, app, ctx, ImplicitDeny, -1},
		{"unknown operator: deny applies", `{"version":"2.0","statement":[{"effect":"allow","action":"*","resource":"*"}]}`, createStaff, app, ctx, ExplicitDeny, 1},
		{"string_like", `{"version":"2.0","statement":[{"effect":"allow","action":"*","resource":"*","condition":{"string_like":{"env":"pr*"}}}]}`, createStaff, app, ctx, Allowed, 0},
		{"string_not_equal", `{"version":"2.0","statement":[{"effect":"allow","action":"*","resource":"*","condition":{"string_not_equal":{"env":["dev","test"]}}}]}`, createStaff, app, ctx, Allowed, 0},
		{"all conditions must hold", `{"version":"2.0","statement":[{"effect":"allow","action":"*","resource":"*","condition":{"string_equal":{"env":"prod"},"numeric_greater_than":{"n":"7"}}}]}`, createStaff, app, ctx, ImplicitDeny, -1},
		{"numeric and date and bool", `{"version":"2.0","statement":[{"effect":"allow","action":"*","resource":"*","condition":{"numeric_less_than_equal":{"n":5},"date_greater_than":{"t":"2024-01-01T00:00:00Z"},"bool_equal":{"b":true}}}]}`, createStaff, app, ctx, Allowed, 0},
		{"nil action", `{"version":"2.0","statement":[{"effect":"allow","action":"*","resource":"*"}]}`, nil, app, nil, ImplicitDeny, -1},
	} {
		p := mustPolicy(t, c.policy)
		p.Statement = append(p.Statement, extra[c.name]...)
		d := p.Evaluate(Request{Action: c.action, Resource: c.res, Context: c.ctx})
		if d.Outcome != c.outcome || d.Statement != c.stmt {
			t.Errorf("%s: got %v (statement %d), want %v (statement %d)", c.name, d.Outcome, d.Statement, c.outcome, c.stmt)
		}
	}
}

func TestDecisionString(t *testing.T) {
	p := mustPolicy(t, `{"version":"2.0","statement":[{"effect":"allow","action":"ccc:CreateIVR","resource":"qcs::ccc::uin/100001:SdkAppId/1400001"}]}`)
	got := p.Evaluate(Request{Action: createIVR, Resource: app}).String()
	if !strings.HasPrefix(got, "denied implicitly: no statement allows ccc:CreateIVR on qcs::ccc::uin/100001:SdkAppId/1400001") ||
		!strings.Contains(got, `authorized only on resource "*"`) {
		t.Errorf("String() = %q", got)
	}
	if got := (Decision{Statement: -1}).String(); got != "denied implicitly: no statement allows <nil action> on *" {
		t.Errorf("zero Decision String() = %q", got)
	}
}

func TestSupportedOperator(t *testing.T) {
	for op, want := range map[string]bool{
		"string_equal": true, "string_not_equal_ignore_case": true, "ip_not_equal": true, "date_less_than": true,
		"numeric_not_equal": true, "bool_equal": true, "bool_not_equal": false, "null_equal": true, "string_equal_if_exist": true, "": false,
		"for_any_value:string_equal": true, "for_all_value:ip_equal_if_exist": true, "null_equal_if_exist": false, "string_equals": false, "binary_equal": true,
	} {
		if got := SupportedOperator(op); got != want {
			t.Errorf("SupportedOperator(%q) = %v, want %v", op, got, want)
		}
	}
}

func BenchmarkEvaluate(b *testing.B) {
	p := mustPolicy(b, `{"version":"2.0","statement":[
		{"effect":"allow","action":["ccc:Describe*","ccc:CreateIVR"],"resource":"*"},
		{"effect":"allow","action":["ccc:CreateStaff","ccc:DeleteStaff"],"resource":["qcs::ccc::uin/100001:SdkAppId/1400002","qcs::ccc::uin/100001:SdkAppId/1400001"]},
		{"effect":"deny","action":["ccc:DescribeTelCdr"],"resource":["*"]}]}`)
	req := Request{Action: deleteStaff, Resource: app}
	b.ReportAllocs()
	for b.Loop() {
		if !p.Evaluate(req).Allowed() {
			b.Fatal("denied")
		}
	}
}

func TestEvaluateNoAllocs(t *testing.T) {
	p := mustPolicy(t, `{"version":"2.0","statement":[{"effect":"allow","action":"ccc:DeleteStaff","resource":["qcs::ccc::uin/100002:*","qcs::ccc::uin/100001:SdkAppId/1400001"]}]}`)
	req := Request{Action: deleteStaff, Resource: app}
	if n := testing.AllocsPerRun(100, func() { p.Evaluate(req) }); n != 0 {
		t.Errorf("Evaluate allocates %v times per call", n)
	}
}

// policy20 is a 20-statement policy with conditions, the size the issue benchmarks:
// allows and denies over actions, resources with the owner's empty account, IP, tag,
// time and numeric conditions.
const policy20 = `{"version":"2.0","statement":[
	{"effect":"allow","action":["ccc:Describe*"],"resource":"*","condition":{"ip_equal":{"qcs:ip":["10.0.0.0/8","192.168.0.0/16"]}}},
	{"effect":"allow","action":["ccc:CreateStaff","ccc:DeleteStaff"],"resource":["qcs::ccc:::SdkAppId/1400002","qcs::ccc:::SdkAppId/1400003"]},
	{"effect":"allow","action":["cvm:*"],"resource":"qcs::cvm:ap-guangzhou::instance/*","condition":{"for_any_value:string_equal":{"qcs:tag":["env&dev"]}}},
	{"effect":"deny","action":["ccc:DescribeTelCdr"],"resource":"*","condition":{"ip_not_equal":{"qcs:ip":"10.0.0.0/8"}}},
	{"effect":"allow","action":["ccc:CreateIVR"],"resource":"*","condition":{"date_less_than":{"qcs:current_time":"2030-01-01T00:00:00Z"}}},
	{"effect":"deny","action":["*"],"resource":"*","condition":{"numeric_greater_than":{"risk":90}}},
	{"effect":"allow","action":["cos:GetObject"],"resource":"qcs::cos:::b-1250000000/public/*"},
	{"effect":"deny","action":["cos:DeleteObject"],"resource":"*","condition":{"string_equal_if_exist":{"cos:x-cos-acl":"public-read"}}},
	{"effect":"allow","action":["cdb:Describe*"],"resource":"*","condition":{"string_like":{"cdb:region":"ap-*"}}},
	{"effect":"allow","action":["vpc:Describe*"],"resource":"*","condition":{"bool_equal":{"qcs:mfa":true}}},
	{"effect":"deny","action":["cam:*"],"resource":"*"},
	{"effect":"allow","action":["clb:*"],"resource":"qcs::clb:ap-beijing::clb/*"},
	{"effect":"allow","action":["ccc:DescribeStaffInfoList"],"resource":"qcs::ccc:::SdkAppId/*","condition":{"string_equal":{"qcs:tag":"env&prod"}}},
	{"effect":"deny","action":["ccc:Delete*"],"resource":"qcs::ccc:::SdkAppId/1400009"},
	{"effect":"allow","action":["tke:*"],"resource":"*","condition":{"numeric_less_than_equal":{"tke:nodes":50}}},
	{"effect":"allow","action":["scf:Invoke*"],"resource":"qcs::scf:ap-shanghai::namespace/default/function/*"},
	{"effect":"deny","action":["cvm:TerminateInstances"],"resource":"*","condition":{"for_all_value:string_not_equal":{"qcs:tag":["env&dev"]}}},
	{"effect":"allow","action":["monitor:Get*"],"resource":"*"},
	{"effect":"allow","action":["ccc:DeleteStaff"],"resource":"qcs::ccc:::SdkAppId/*","condition":{"ip_equal":{"qcs:ip":"10.0.0.0/8"},"string_equal_ignore_case":{"dept":"OPS"}}},
	{"effect":"deny","action":["ccc:CreateStaff"],"resource":"*","condition":{"null_equal":{"qcs:ip":"true"}}}
]}`

var request20 = Request{Action: deleteStaff, Resource: app, PolicyOwner: Account{Uin: "100001"}, Caller: Caller{Uin: "100011", OwnerUin: "100001"},
	Context: Context{"qcs:ip": {"10.1.2.3"}, "qcs:tag": {"env&prod", "team&a"}, "risk": {"10"}, "dept": {"ops"}, "qcs:current_time": {"2026-11-29T12:00:00Z"}}}

func BenchmarkEvaluate20Statements(b *testing.B) {
	p := mustPolicy(b, policy20)
	if len(p.Statement) != 20 {
		b.Fatalf("%d statements", len(p.Statement))
	}
	ps := []Policy{p}
	b.ReportAllocs()
	for b.Loop() {
		if !Evaluate(&request20, ps...).Allowed() {
			b.Fatal("denied")
		}
	}
}

func TestEvaluate20StatementsNoAllocs(t *testing.T) {
	p := mustPolicy(t, policy20)
	ps := []Policy{p}
	d := Evaluate(&request20, ps...)
	if !d.Allowed() || d.Statement != 18 {
		t.Fatalf("got %v", d)
	}
	if n := testing.AllocsPerRun(100, func() { Evaluate(&request20, ps...) }); n != 0 {
		t.Errorf("Evaluate of a 20-statement policy allocates %v times per call", n)
	}
}

// TestEvaluateAllFailsClosedOnNothing: a nil request names nothing to allow; it is
// denied implicitly, with no statement deciding, and nothing panics.
func TestEvaluateAllFailsClosedOnNothing(t *testing.T) {
	p := mustPolicy(t, `{"version":"2.0","statement":[{"effect":"allow","action":"*","resource":"*"}]}`)
	d := EvaluateAll(nil, Policies{Identity: []Policy{p}})
	if d.Allowed() || d.Outcome != ImplicitDeny || len(d.Deciding()) != 0 {
		t.Errorf("nil request: %v, deciding %v", d, d.Deciding())
	}
	if d := Evaluate(&Request{Action: createStaff, Resource: app}); d.Allowed() {
		t.Errorf("no policy: %v", d)
	}
}

// TestEvaluateLeavesTheRequestAlone: a resource-level request naming no resource is
// decided as one on an unknown resource, but the caller's Request, passed by pointer
// as in iampolicy, is not changed: asking again asks the same question.
func TestEvaluateLeavesTheRequestAlone(t *testing.T) {
	p := mustPolicy(t, `{"version":"2.0","statement":[{"effect":"allow","action":"*","resource":"*"},
		{"effect":"deny","action":"ccc:DeleteStaff","resource":"qcs::ccc::uin/100001:SdkAppId/1400001"}]}`)
	req := Request{Action: deleteStaff}
	d := Evaluate(&req, p)
	if !d.Explicit() || !d.UnknownResource {
		t.Errorf("resource-level action without a resource: %v", d)
	}
	if req.Unknown.Resource || !req.Unknown.IsZero() {
		t.Errorf("Evaluate changed the caller's request: %+v", req.Unknown)
	}
}
