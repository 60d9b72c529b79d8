package campolicy

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/permgen/permgen/templates/cam"
)

// Issue 17: unknown is not absent. The docs say nothing about a request whose resource
// or condition keys are partly unknown; CAM itself always knows them. What they do say
// fixes the reading a local evaluator must take:
//
// CAM doc 598/10605 (评估逻辑): "1. 默认情况下,所有请求都将被拒绝。" and "2.2 判断是否有匹配
// deny 策略,是则最终判定为 deny". A deny that matches the real request decides, so when the
// real request is not known a deny that could match it must apply; and a request is
// denied unless an allow matches, so an allow must match whatever the real request is.
// (Allow narrow, deny wide, as everywhere the docs leave a choice.)

var unknownUinApp = cam.Resource{Service: "ccc", Account: "uin/${uin}", Resource: "SdkAppId/1400001"}

// TestUnknownResourcePart: CAM doc 598/10606 (资源描述方式): account "描述资源拥有者的主账号信息
// ... uin 方式,即主账号的账户ID,表示为uin/${uin}". The uin is a part of the resource; not
// knowing it is not "no resource".
func TestUnknownResourcePart(t *testing.T) {
	unk := Unknown{Parts: []string{"uin"}}
	for _, c := range []struct {
		name, policy string
		outcome      Outcome
		unknowns     []string
	}{
		{"the issue's case: deny on the real resource applies",
			`[{"effect":"allow","action":"ccc:*","resource":"*"},{"effect":"deny","action":"ccc:DeleteStaff","resource":"qcs::ccc::uin/100001:SdkAppId/1400001"}]`,
			ExplicitDeny, []string{"uin"}},
		{"deny on another app applies for no uin",
			`[{"effect":"allow","action":"ccc:*","resource":"*"},{"effect":"deny","action":"ccc:DeleteStaff","resource":"qcs::ccc::uin/100001:SdkAppId/1400002"}]`,
			Allowed, nil},
		{"allow on * holds for every uin", `[{"effect":"allow","action":"ccc:*","resource":"*"}]`, Allowed, nil},
		{"allow on one account does not hold for every uin",
			`[{"effect":"allow","action":"ccc:*","resource":"qcs::ccc::uin/100001:SdkAppId/1400001"}]`, ImplicitDeny, []string{"uin"}},
		{"allow reads the account literally, so not even uin/* covers an unknown one",
			`[{"effect":"allow","action":"ccc:*","resource":"qcs::ccc::uin/*:SdkAppId/1400001"}]`, ImplicitDeny, []string{"uin"}},
		{"deny with a wildcard account applies",
			`[{"effect":"allow","action":"*","resource":"*"},{"effect":"deny","action":"ccc:*","resource":"qcs::ccc::uin/1*:SdkAppId/*"}]`,
			ExplicitDeny, []string{"uin"}},
		{"deny on the owner's empty account applies when the uin could be the owner's",
			`[{"effect":"allow","action":"*","resource":"*"},{"effect":"deny","action":"ccc:*","resource":"qcs::ccc:::SdkAppId/1400001"}]`,
			ExplicitDeny, []string{"uin"}},
		{"deny on another service does not apply",
			`[{"effect":"allow","action":"*","resource":"*"},{"effect":"deny","action":"*","resource":"qcs::cvm::uin/100001:SdkAppId/1400001"}]`,
			Allowed, nil},
	} {
		p := mustPolicy(t, `{"version":"2.0","statement":`+c.policy+`}`)
		d := Evaluate(&Request{Action: deleteStaff, Resource: unknownUinApp, PolicyOwner: owner, Unknown: unk}, p)
		if d.Outcome != c.outcome || !slices.Equal(d.Unknowns(), c.unknowns) {
			t.Errorf("%s: %v, unknowns %v; want %v, %v", c.name, d, d.Unknowns(), c.outcome, c.unknowns)
		}
		if len(c.unknowns) > 0 && !strings.Contains(d.String(), "decided with unknown uin") {
			t.Errorf("%s: the text does not say what was unknown: %s", c.name, d)
		}
	}
}

// TestUnknownPlaceholderIsNeverAValue: a placeholder the request does not list in Parts
// is unknown all the same; "${SdkAppId}" is no app's name. CAM doc 215/8965 (资源描述方式):
// "${resourceid} 为具体的资源 ID ... 值为 * 时代表该类型资源的所有资源" — so "SdkAppId/*" covers
// every app, the unknown one included, and a literal ID covers only itself.
func TestUnknownPlaceholderIsNeverAValue(t *testing.T) {
	r := cam.Resource{Service: "ccc", Account: "uin/100001", Resource: "SdkAppId/${SdkAppId}"}
	deny := mustPolicy(t, `{"version":"2.0","statement":[{"effect":"allow","action":"*","resource":"*"},{"effect":"deny","action":"*","resource":"qcs::ccc::uin/100001:SdkAppId/1400001"}]}`)
	if d := deny.Evaluate(Request{Action: deleteStaff, Resource: r}); !d.Explicit() || !slices.Equal(d.Unknowns(), []string{"SdkAppId"}) {
		t.Errorf("deny on one app, app unknown: %v %v", d, d.Unknowns())
	}
	allow := mustPolicy(t, `{"version":"2.0","statement":[{"effect":"allow","action":"*","resource":"qcs::ccc::uin/100001:SdkAppId/${SdkAppId}"}]}`)
	if d := allow.Evaluate(Request{Action: deleteStaff, Resource: r}); d.Allowed() {
		t.Errorf("an allow whose pattern spells the placeholder allowed an unknown app: %v", d)
	}
	prefix := mustPolicy(t, `{"version":"2.0","statement":[{"effect":"allow","action":"*","resource":"qcs::ccc::uin/100001:SdkAppId/*"}]}`)
	if d := prefix.Evaluate(Request{Action: deleteStaff, Resource: r}); !d.Allowed() {
		t.Errorf("an allow on every app of the account did not cover an unknown app: %v", d)
	}
}

// TestUnknownWholeResource: only an allow on "*" covers a resource nobody can name;
// CAM doc 598/10606: "资源(resource)为 * 时代表所有资源".
func TestUnknownWholeResource(t *testing.T) {
	unk := Unknown{Resource: true}
	for _, c := range []struct {
		policy  string
		outcome Outcome
	}{
		{`[{"effect":"allow","action":"ccc:*","resource":"*"}]`, Allowed},
		{`[{"effect":"allow","action":"ccc:*","resource":"qcs::ccc::uin/100001:SdkAppId/*"}]`, ImplicitDeny},
		{`[{"effect":"allow","action":"ccc:*","resource":"*"},{"effect":"deny","action":"ccc:DeleteStaff","resource":"qcs::ccc::uin/9:SdkAppId/1"}]`, ExplicitDeny},
		{`[{"effect":"allow","action":"ccc:*","resource":"*"},{"effect":"deny","action":"ccc:CreateStaff","resource":"qcs::ccc::uin/9:SdkAppId/1"}]`, Allowed},
	} {
		p := mustPolicy(t, `{"version":"2.0","statement":`+c.policy+`}`)
		d := p.Evaluate(Request{Action: deleteStaff, Unknown: unk})
		if d.Outcome != c.outcome {
			t.Errorf("%s: %v, want %v", c.policy, d, c.outcome)
		}
		if d.Outcome != Allowed && !slices.Equal(d.Unknowns(), []string{"resource"}) {
			t.Errorf("%s: unknowns %v", c.policy, d.Unknowns())
		}
	}
}

// TestUnnamedResourceIsUnknown: a resource-level action asked about with no
// resource is decided as on an unknown one, not on "no resource": CAM doc 598/10605,
// "2.2 判断是否有匹配 deny 策略,是则最终判定为 deny" — the real call touches some
// resource, and a deny that could match it applies.
func TestUnnamedResourceIsUnknown(t *testing.T) {
	p := mustPolicy(t, `{"version":"2.0","statement":[{"effect":"allow","action":"ccc:*","resource":"*"},{"effect":"deny","action":"ccc:DeleteStaff","resource":"qcs::ccc::uin/100001:SdkAppId/1400001"}]}`)
	d := p.Evaluate(Request{Action: deleteStaff})
	if d.Outcome != ExplicitDeny || !slices.Equal(d.Unknowns(), []string{"resource"}) {
		t.Errorf("no resource named: %v, unknowns %v; want an explicit deny on the unknown resource", d, d.Unknowns())
	}
	allow := mustPolicy(t, `{"version":"2.0","statement":[{"effect":"allow","action":"ccc:*","resource":"*"}]}`)
	if d := allow.Evaluate(Request{Action: deleteStaff}); d.Outcome != Allowed {
		t.Errorf("allow on *: %v", d)
	}
}

// TestUnknownConditionKey: CAM doc 598/10608: "For a condition operator ending in
// _if_exist, the condition is met even if the context does not include the condition
// key". Absent and unknown differ: an _if_exist allow applies on an absent key, not on
// an unknown one; a deny on an unknown key applies whatever its operator.
func TestUnknownConditionKey(t *testing.T) {
	unk := Unknown{Keys: []string{"qcs:ip"}}
	for _, c := range []struct {
		cond             string
		effect           string
		absent, unknown  Outcome
		unknownsUnknown  []string
		contextOverrides bool
	}{
		{`{"ip_equal_if_exist":{"qcs:ip":"10.0.0.0/8"}}`, "allow", Allowed, ImplicitDeny, []string{"qcs:ip"}, false},
		{`{"ip_equal":{"qcs:ip":"10.0.0.0/8"}}`, "allow", ImplicitDeny, ImplicitDeny, []string{"qcs:ip"}, false},
		{`{"ip_not_equal":{"qcs:ip":"10.0.0.0/8"}}`, "deny", Allowed, ExplicitDeny, []string{"qcs:ip"}, false},
		{`{"null_equal":{"qcs:ip":"false"}}`, "deny", Allowed, ExplicitDeny, []string{"qcs:ip"}, false},
		{`{"null_equal":{"qcs:ip":"true"}}`, "deny", ExplicitDeny, ExplicitDeny, []string{"qcs:ip"}, false},
	} {
		stmts := `{"effect":"allow","action":"*","resource":"*","condition":` + c.cond + `}`
		if c.effect == "deny" {
			stmts = `{"effect":"allow","action":"*","resource":"*"},{"effect":"deny","action":"*","resource":"*","condition":` + c.cond + `}`
		}
		p := mustPolicy(t, `{"version":"2.0","statement":[`+stmts+`]}`)
		if d := p.Evaluate(Request{Action: createStaff, Resource: app}); d.Outcome != c.absent {
			t.Errorf("%s %s, key absent: %v, want %v", c.effect, c.cond, d, c.absent)
		}
		d := p.Evaluate(Request{Action: createStaff, Resource: app, Unknown: unk})
		if d.Outcome != c.unknown || !slices.Equal(d.Unknowns(), c.unknownsUnknown) || slices.Contains(d.Missing(), "qcs:ip") {
			t.Errorf("%s %s, key unknown: %v, unknowns %v, missing %v; want %v, %v and nothing missing",
				c.effect, c.cond, d, d.Unknowns(), d.Missing(), c.unknown, c.unknownsUnknown)
		}
		// Unknown wins over a value in Context: the caller said it could not see it.
		d2 := p.Evaluate(Request{Action: createStaff, Resource: app, Unknown: unk, Context: Context{"qcs:ip": {"10.1.2.3"}}})
		if d2.Outcome != d.Outcome {
			t.Errorf("%s %s: with a context value as well: %v, want %v", c.effect, c.cond, d2, d.Outcome)
		}
	}
}

// TestUnknownEveryMissingKey: "*" in Keys makes every key the Context lacks unknown,
// and leaves the keys it holds known.
func TestUnknownEveryMissingKey(t *testing.T) {
	p := mustPolicy(t, `{"version":"2.0","statement":[{"effect":"allow","action":"*","resource":"*","condition":{"ip_equal":{"qcs:ip":"10.0.0.0/8"}}},
		{"effect":"deny","action":"*","resource":"*","condition":{"string_equal":{"qcs:tag":"env&prod"}}}]}`)
	d := p.Evaluate(Request{Action: createStaff, Resource: app, Context: Context{"qcs:ip": {"10.1.2.3"}}, Unknown: Unknown{Keys: []string{"*"}}})
	if !d.Explicit() || !slices.Equal(d.Unknowns(), []string{"qcs:tag"}) {
		t.Errorf("%v, unknowns %v; want the deny on the unobserved tag", d, d.Unknowns())
	}
	d = p.Evaluate(Request{Action: createStaff, Resource: app, Context: Context{"qcs:ip": {"10.1.2.3"}, "qcs:tag": {"env&dev"}}, Unknown: Unknown{Keys: []string{"*"}}})
	if !d.Allowed() {
		t.Errorf("every key given: %v", d)
	}
}

// TestAllowDecidedWithoutUnknowns: an allow that applies for every value names no
// unknown; a deny that could not apply for any value does not either.
func TestAllowDecidedWithoutUnknowns(t *testing.T) {
	p := mustPolicy(t, `{"version":"2.0","statement":[{"effect":"allow","action":"*","resource":"*"},
		{"effect":"deny","action":"ccc:CreateStaff","resource":"qcs::ccc::uin/100001:SdkAppId/1400001","condition":{"string_equal":{"k":"v"}}}]}`)
	d := p.Evaluate(Request{Action: deleteStaff, Resource: unknownUinApp, Unknown: Unknown{Parts: []string{"uin"}, Keys: []string{"k"}}})
	if !d.Allowed() || len(d.Unknowns()) != 0 || strings.Contains(d.String(), "unknown") {
		t.Errorf("%v, unknowns %v", d, d.Unknowns())
	}
}

// TestMissingKeysDeterministic (item 13): with more than 16 missing keys, which ones a
// Decision keeps used to follow the random order of the condition map. It keeps the
// 16 first in byte order, always.
func TestMissingKeysDeterministic(t *testing.T) {
	keys := map[string]Values{}
	var names []string
	for i := range 40 {
		k := "k" + strconv.Itoa(100+i)
		keys[k] = Values{"v"}
		names = append(names, k)
	}
	slices.Sort(names)
	p := Policy{Version: Version2, Statement: []Statement{
		{Effect: EffectAllow, Action: Values{"*"}, Resource: Values{"*"}, Condition: Condition{"string_equal": keys, "a_unknown_op": {"a0": {"x"}}}},
	}}
	want := append([]string{"a0"}, names[:15]...)
	for range 50 {
		d := p.Evaluate(Request{Action: createStaff, Resource: app})
		if got := d.Missing(); !slices.Equal(got, want) || !d.MissingTruncated() {
			t.Fatalf("missing keys %v (truncated %v), want %v", got, d.MissingTruncated(), want)
		}
		if !strings.HasSuffix(d.String(), ", …") {
			t.Fatalf("the text does not say keys were left out: %s", d)
		}
	}
}

// TestUnknownsDeterministic: the same for unknowns, past 16.
func TestUnknownsDeterministic(t *testing.T) {
	keys := map[string]Values{}
	var names []string
	for i := range 30 {
		k := "u" + strconv.Itoa(100+i)
		keys[k] = Values{"v"}
		names = append(names, k)
	}
	slices.Sort(names)
	p := Policy{Version: Version2, Statement: []Statement{
		{Effect: EffectAllow, Action: Values{"*"}, Resource: Values{"*"}},
		{Effect: EffectDeny, Action: Values{"*"}, Resource: Values{"*"}, Condition: Condition{"string_equal": keys}},
	}}
	for range 50 {
		d := p.Evaluate(Request{Action: createStaff, Resource: app, Unknown: Unknown{Keys: names}})
		if got := d.Unknowns(); !d.Explicit() || !slices.Equal(got, names[:16]) {
			t.Fatalf("%v: unknowns %v, want %v", d, got, names[:16])
		}
	}
}

// TestInvalidEffectNeverAllows: Tencent Cloud's access policy syntax (doc 216/39513):
// "1.1 effect is required. It describes the result of a statement. The result can be
// "allow" or an explicit "deny"." A Statement literal that leaves it out is no allow: it
// is read as the deny it might have been, so an invalid policy never allows more than a
// valid one.
func TestInvalidEffectNeverAllows(t *testing.T) {
	allowAll := Statement{Effect: EffectAllow, Action: Values{"*"}, Resource: Values{"*"}}
	for _, eff := range []Effect{0, 3, 255} {
		p := Policy{Version: Version2, Statement: []Statement{allowAll, {Effect: eff, Action: Values{"ccc:CreateStaff"}, Resource: Values{"*"}}}}
		if d := p.Evaluate(Request{Action: createStaff, Resource: app}); d.Allowed() {
			t.Errorf("Effect(%d): %v", eff, d)
		}
		if d := p.Evaluate(Request{Action: deleteStaff, Resource: app}); !d.Allowed() {
			t.Errorf("Effect(%d) denied an action it does not name: %v", eff, d)
		}
		only := Policy{Version: Version2, Statement: []Statement{{Effect: eff, Action: Values{"*"}, Resource: Values{"*"}}}}
		if d := only.Evaluate(Request{Action: createStaff, Resource: app}); d.Allowed() {
			t.Errorf("Effect(%d) alone: %v", eff, d)
		}
	}
	// No panic on the empty and nil forms either.
	for _, ps := range [][]Policy{nil, {{}}, {{Statement: []Statement{{}}}}} {
		if d := EvaluateAll(&Request{Action: createStaff, Resource: app}, Policies{Identity: ps, Boundary: &Policy{}}); d.Allowed() {
			t.Errorf("%v: %v", ps, d)
		}
	}
	if d := Evaluate(&Request{Resource: app}, Policy{Statement: []Statement{allowAll}}); d.Allowed() {
		t.Errorf("nil action: %v", d)
	}
}

func TestEvaluateNoAllocsWithoutUnknowns(t *testing.T) {
	p := mustPolicy(t, policy20)
	ps := []Policy{p}
	req := request20
	req.Unknown = Unknown{}
	if n := testing.AllocsPerRun(100, func() { Evaluate(&req, ps...) }); n != 0 {
		t.Errorf("Evaluate without unknowns allocates %v times per call", n)
	}
}

func BenchmarkEvaluate20StatementsUnknownUin(b *testing.B) {
	p := mustPolicy(b, policy20)
	ps := []Policy{p}
	req := request20
	req.Resource = unknownUinApp
	req.Unknown = Unknown{Parts: []string{"uin"}}
	b.ReportAllocs()
	for b.Loop() {
		Evaluate(&req, ps...)
	}
}

func TestMayMatchMustMatch(t *testing.T) {
	for _, c := range []struct {
		pattern, value string
		may, must      bool
	}{
		{"uin/100001", "uin/${uin}", true, false},
		{"uin/*", "uin/${uin}", true, true},
		{"uin/1*", "uin/${uin}", true, false},
		{"uid/*", "uin/${uin}", false, false},
		{"SdkAppId/14*", "SdkAppId/${a}", true, false},
		{"*", "${a}x${b}", true, true},
		{"*x*", "${a}x${b}", true, true},
		{"*y*", "${a}x${b}", true, false},
		{"ax", "${a}x${b}", true, false},
		{"a", "${a}x", false, false},
		{"UIN/1", "uin/${u}", true, false}, // loose: either case, as a deny reads it
		{"exact", "exact", true, true},
	} {
		if got := mayMatch(c.pattern, c.value, true); got != c.may {
			t.Errorf("mayMatch(%q, %q) = %v", c.pattern, c.value, got)
		}
		if got := mustMatch(c.pattern, c.value); got != c.must {
			t.Errorf("mustMatch(%q, %q) = %v", c.pattern, c.value, got)
		}
	}
}

func TestDecodeRequestUnknown(t *testing.T) {
	req, err := ParseRequest([]byte(`{"action":"ccc:DeleteStaff","resource":"qcs::ccc::uin/${uin}:SdkAppId/1400001","unknown":{"parts":["uin"],"keys":["qcs:ip"]}}`), nil)
	if err != nil || !slices.Equal(req.Unknown.Parts, []string{"uin"}) || !slices.Equal(req.Unknown.Keys, []string{"qcs:ip"}) || req.Resource.Account != "uin/${uin}" {
		t.Fatalf("%+v %v", req, err)
	}
	if req, err := ParseRequest([]byte(`{"action":"ccc:DeleteStaff","unknown":{"resource":true}}`), nil); err != nil || !req.Unknown.Resource {
		t.Errorf("whole resource: %+v %v", req, err)
	}
	// No resource: unknown for a resource-level (or unknown-level) action, none for an
	// operation-level one.
	for _, c := range []struct {
		in      string
		unknown bool
	}{
		{`{"action":"ccc:DeleteStaff"}`, true},
		{`{"action":"ccc:DeleteStaff","resource":"*"}`, true},
		{`{"action":"ccc:DeleteStaff","granularity":"resource"}`, true},
		{`{"action":"ccc:CreateIVR","granularity":"operation"}`, false},
		{`{"action":"ccc:CreateIVR","resource":"*","granularity":"service"}`, false},
	} {
		req, err := ParseRequest([]byte(c.in), nil)
		if err != nil || req.Unknown.Resource != c.unknown {
			t.Errorf("%s: unknown resource %v (%v), want %v", c.in, req.Unknown.Resource, err, c.unknown)
		}
	}
	for _, c := range []struct{ in, want string }{
		{`{"action":"ccc:DeleteStaff","resource":"qcs::ccc::uin/${uin}:SdkAppId/1"}`, `list "uin" in "parts"`},
		{`{"action":"ccc:DeleteStaff","resource":"qcs::ccc::uin/1:SdkAppId/1","unknown":{"parts":["uin"]}}`, `part "uin" is not in the resource`},
		{`{"action":"ccc:DeleteStaff","context":{"qcs:ip":"1.2.3.4"},"unknown":{"keys":["qcs:ip"]}}`, `"qcs:ip" is both in "context" and unknown`},
		{`{"action":"ccc:DeleteStaff","resource":"qcs::ccc::uin/1:SdkAppId/1","unknown":{"resource":true}}`, `said to be unknown but is given`},
		{`{"action":"ccc:DeleteStaff","unknown":{"part":["uin"]}}`, `unknown field "part"`},
	} {
		_, err := ParseRequest([]byte(c.in), nil)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.in, err, c.want)
		}
	}
}
