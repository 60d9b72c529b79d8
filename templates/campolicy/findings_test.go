package campolicy

// One test per finding of issue 10, each quoting the documentation sentence it rests on.
// Every one of them failed on the evaluator and linter before the issue was worked.

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/permgen/permgen/templates/cam"
)

var (
	owner  = Account{Uin: "100001", AppID: "1250000000"}
	caller = Caller{Uin: "100011", OwnerUin: "100001", AppID: "1250000000"}
)

func decodeErr(t *testing.T, js string) *ParseError {
	t.Helper()
	var p Policy
	err := json.Unmarshal([]byte(js), &p)
	var de *ParseError
	if !errors.As(err, &de) {
		t.Fatalf("decoding %s: got %v (policy %v), want a *ParseError", js, err, p)
	}
	return de
}

// Finding 1. CAM doc 598/10603: "Core elements include principal, action, resource,
// condition, and effect. These elements must be lowercase." CAM doc 598/107704 (policy
// analyzer): "错误——冗余 version ... 每一个策略仅允许一个 version 元素" and "错误——冗余 statement".
func TestFinding1DuplicateAndCasedMembersRefused(t *testing.T) {
	for _, c := range []struct{ in, code, path string }{
		{`{"version":"2.0","statement":[{"effect":"deny","action":"*","resource":"*"}],"statement":[{"effect":"allow","action":"*","resource":"*"}]}`, CodeDuplicateKey, "statement"},
		{`{"version":"2.0","Statement":[{"effect":"allow","action":"*","resource":"*"}],"statement":[{"effect":"deny","action":"*","resource":"*"}]}`, CodeElementCase, "Statement"},
		{`{"version":"2.0","statement":[{"effect":"deny","effect":"allow","action":"*","resource":"*"}]}`, CodeDuplicateKey, "statement[0].effect"},
		{`{"version":"2.0","version":"2.0","statement":[]}`, CodeDuplicateKey, "version"},
		{`{"version":"2.0","statement":[{"effect":"allow","action":"*","resource":"*","condition":{"ip_equal":{"qcs:ip":"10.0.0.0/8","qcs:ip":"0.0.0.0/0"}}}]}`, CodeDuplicateKey, "statement[0].condition.ip_equal.qcs:ip"},
		{`{"version":"2.0","statement":[{"effect":"allow","Action":"*","resource":"*"}]}`, CodeElementCase, "statement[0].Action"},
		{`{"version":"2.0","statement":[{"effect":"allow","action":"*","resource":"*","principal":{"QCS":["*"]}}]}`, CodeElementCase, "statement[0].principal.QCS"},
	} {
		de := decodeErr(t, c.in)
		if de.Code != c.code || de.Path != c.path {
			t.Errorf("%s: got %v, want code %s at %s", c.in, de, c.code, c.path)
		}
		fs, err := Lint([]byte(c.in), nil)
		if err != nil || !hasCode(fs, c.code) {
			t.Errorf("%s: lint %v, %v; want %s", c.in, fs, err, c.code)
		}
	}
}

func hasCode(fs []Finding, code string) bool {
	for _, f := range fs {
		if f.Code == code {
			return true
		}
	}
	return false
}

// Finding 2. "NaN" compares false with everything; CAM doc 598/10608 lists numeric
// operators over values ("Value is less than or equal to"), and NaN is no value.
func TestFinding2NaNAndInfNeverSatisfyNumeric(t *testing.T) {
	allow := func(op string) Policy {
		return Policy{Version: "2.0", Statement: []Statement{{Effect: EffectAllow, Action: Values{"*"}, Resource: Values{"*"}, Condition: Condition{op: {"n": {"5"}}}}}}
	}
	for _, v := range []string{"NaN", "nan", "Inf", "+Inf", "-Inf", "infinity", "0x5", "5_0"} {
		for _, op := range []string{"numeric_equal", "numeric_less_than_equal", "numeric_greater_than_equal", "numeric_not_equal", "numeric_less_than"} {
			if d := allow(op).Evaluate(Request{Action: createStaff, Resource: app, Context: Context{"n": {v}}}); d.Allowed() {
				t.Errorf("%s with n=%q allowed", op, v)
			}
		}
		p := mustPolicy(t, `{"version":"2.0","statement":[{"effect":"allow","action":"*","resource":"*"},{"effect":"deny","action":"*","resource":"*","condition":{"numeric_greater_than":{"n":100}}}]}`)
		if d := p.Evaluate(Request{Action: createStaff, Resource: app, Context: Context{"n": {v}}}); d.Allowed() {
			t.Errorf("numeric_greater_than deny defeated by n=%q", v)
		}
	}
	if de := decodeErr(t, `{"version":"2.0","statement":[{"effect":"allow","action":"*","resource":"*","condition":{"numeric_equal":{"n":"NaN"}}}]}`); de.Code != CodeConditionValue {
		t.Errorf("NaN in a policy: %v", de)
	}
}

// Finding 3. CAM doc 598/10606: "All resources can be described in the following
// six-segment format" and project_id "is not allowed in the current policy syntax and
// can be left empty."
func TestFinding3SixSegmentsOnlyAndNoProjectID(t *testing.T) {
	typed := Policy{Version: "2.0", Statement: []Statement{{Effect: EffectAllow, Action: Values{"*"}, Resource: Values{"q*"}}}}
	if d := typed.Evaluate(Request{Action: createStaff, Resource: app, PolicyOwner: owner}); d.Allowed() {
		t.Errorf(`"q*" granted %v`, d)
	}
	deny := Policy{Version: "2.0", Statement: []Statement{{Effect: EffectAllow, Action: Values{"*"}, Resource: Values{"*"}}, {Effect: EffectDeny, Action: Values{"*"}, Resource: Values{"q*"}}}}
	if d := deny.Evaluate(Request{Action: createStaff, Resource: app}); d.Allowed() {
		t.Errorf(`a deny on the malformed "q*" did not apply: %v`, d)
	}
	if de := decodeErr(t, `{"version":"2.0","statement":[{"effect":"allow","action":"*","resource":"q*"}]}`); de.Code != CodeBadResource {
		t.Errorf(`"q*" decoded: %v`, de)
	}
	if de := decodeErr(t, `{"version":"2.0","statement":[{"effect":"allow","action":"*","resource":"qcs:7:ccc::uin/100001:SdkAppId/1"}]}`); de.Code != CodeProjectID {
		t.Errorf("project_id decoded: %v", de)
	}
	if _, err := New(Allow(createStaff).OnPattern("qcs:7:ccc::uin/100001:SdkAppId/1")); err == nil {
		t.Error("New accepted a filled-in project_id")
	}
}

// Finding 4. CAM doc 598/10606: "If this value is empty, it means the “account” segment
// is the root account of the user who created the policy."
func TestFinding4EmptyAccountIsPolicyOwner(t *testing.T) {
	p := mustPolicy(t, `{"version":"2.0","statement":[{"effect":"allow","action":"ccc:*","resource":"qcs::ccc:::SdkAppId/*"}]}`)
	if d := p.Evaluate(Request{Action: createStaff, Resource: app, PolicyOwner: owner}); !d.Allowed() {
		t.Errorf("owner's own resource: %v", d)
	}
	other := app
	other.Account = "uin/999"
	if d := p.Evaluate(Request{Action: createStaff, Resource: other, PolicyOwner: owner}); d.Allowed() {
		t.Errorf("another account's resource allowed: %v", d)
	}
	if d := p.Evaluate(Request{Action: createStaff, Resource: app}); d.Allowed() {
		t.Errorf("unknown policy owner allowed: %v", d)
	}
	cos := cam.Resource{Service: "cos", Region: "ap-guangzhou", Account: "uid/1250000000", Resource: "bucket-1250000000/a"}
	q := mustPolicy(t, `{"version":"2.0","statement":[{"effect":"allow","action":"cos:GetObject","resource":"qcs::cos:::bucket-1250000000/*"}]}`)
	if d := q.Evaluate(Request{Action: cam.ActionInfo{Service: "cos", Name: "GetObject", Granularity: cam.ResourceLevel}, Resource: cos, PolicyOwner: owner}); !d.Allowed() {
		t.Errorf("COS resource of the owner by uid: %v", d)
	}
}

// Finding 5. CAM doc 598/10603, principal: "This element specifies the entity to be
// authorized by the policy." CAM doc 598/10607: "During authentication, the policy
// variable will be replaced by the contextual information of the request." and
// "${uin} | The current visitor’s sub-account UIN".
func TestFinding5PrincipalAndPolicyVariables(t *testing.T) {
	p := mustPolicy(t, `{"version":"2.0","statement":[{"principal":{"qcs":["qcs::cam::uin/100001:uin/100022"]},"effect":"allow","action":"*","resource":"*"}]}`)
	if d := p.Evaluate(Request{Action: createStaff, Resource: app, Caller: caller}); d.Allowed() {
		t.Errorf("statement for uin 100022 allowed uin 100011: %v", d)
	}
	if d := p.Evaluate(Request{Action: createStaff, Resource: app, Caller: Caller{Uin: "100022", OwnerUin: "100001"}}); !d.Allowed() {
		t.Errorf("statement for uin 100022 did not allow it: %v", d)
	}
	if d := p.Evaluate(Request{Action: createStaff, Resource: app}); d.Allowed() {
		t.Errorf("principal with no caller allowed: %v", d)
	}

	deny := mustPolicy(t, `{"version":"2.0","statement":[{"effect":"allow","action":"*","resource":"*"},{"effect":"deny","action":"ccc:*","resource":"qcs::ccc::uin/100001:SdkAppId/${uin}"}]}`)
	own := cam.Resource{Service: "ccc", Account: "uin/100001", Resource: "SdkAppId/100011"}
	if d := deny.Evaluate(Request{Action: createStaff, Resource: own, Caller: caller}); d.Allowed() {
		t.Errorf("deny scoped with ${uin} never fired: %v", d)
	}
	if d := deny.Evaluate(Request{Action: createStaff, Resource: app, Caller: caller}); !d.Allowed() {
		t.Errorf("deny with ${uin} fired on another resource: %v", d)
	}
	if d := deny.Evaluate(Request{Action: createStaff, Resource: app}); d.Allowed() {
		t.Errorf("unresolvable ${uin} in a deny must apply: %v", d)
	}
	allow := mustPolicy(t, `{"version":"2.0","statement":[{"effect":"allow","action":"ccc:*","resource":"*","condition":{"string_equal":{"qcs:create_uin":"${uin}"}}}]}`)
	if d := allow.Evaluate(Request{Action: createStaff, Resource: app, Caller: caller, Context: Context{"qcs:create_uin": {"100011"}}}); !d.Allowed() {
		t.Errorf("${uin} in a condition value: %v", d)
	}
	if d := allow.Evaluate(Request{Action: createStaff, Resource: app, Context: Context{"qcs:create_uin": {"${uin}"}}}); d.Allowed() {
		t.Errorf("unresolvable ${uin} in an allow applied: %v", d)
	}
}

// Finding 6. CAM doc 598/10603: "This required element defines the version of policy
// syntax." 598/107704: "目前仅允许值为“2.0”或“3.0”". 598/10603: action and resource are
// each "This required element". CAM doc 598/10609: "Number of characters in one policy
// syntax | 6144".
func TestFinding6VersionRequiredElementsAndLength(t *testing.T) {
	for _, c := range []struct{ in, code string }{
		{`{"statement":[{"effect":"allow","action":"*","resource":"*"}]}`, CodeVersion},
		{`{"version":"1.0","statement":[{"effect":"allow","action":"*","resource":"*"}]}`, CodeVersion},
		{`{"version":"2.0","statement":[{"effect":"allow","resource":"*"}]}`, CodeNoAction},
		{`{"version":"2.0","statement":[{"effect":"allow","action":"*"}]}`, CodeNoResource},
		{`{"version":"2.0","statement":[{"effect":"allow","action":[],"resource":"*"}]}`, CodeNoAction},
		{`{"version":"2.0","statement":[{"effect":"allow","action":"*","resource":"*","condition":{"ip_equal":{}}}]}`, CodeConditionValue},
	} {
		if de := decodeErr(t, c.in); de.Code != c.code {
			t.Errorf("%s: %v, want %s", c.in, de, c.code)
		}
	}
	mustPolicy(t, `{"version":"3.0","statement":[{"effect":"allow","action":"*","resource":"*"}]}`)
	long := `{"version":"2.0","statement":[{"effect":"allow","action":"*","resource":["` + strings.Repeat("x", 6200) + `"]}]}`
	if de := decodeErr(t, long); de.Code != CodeTooLong {
		t.Errorf("6,200 characters: %v", de)
	}
	// Spaces between tokens are not counted.
	spaced := `{"version":"2.0","statement":[{"effect":"allow","action":"*","resource":"*"}]}` + strings.Repeat(" ", 7000)
	mustPolicy(t, spaced)
}

// Finding 7. CAM doc 598/10608: "For a condition operator ending in _if_exist, the
// condition is met even if the context does not include the condition key associated
// with the condition operator." "for_any_value ... The entire condition is met as long as
// any value of the condition key is satisfied" and "for_all_value ... only if all values
// of the condition key is satisfied".
func TestFinding7IfExistAndQualifiers(t *testing.T) {
	tags := Context{"qcs:tag": {"env&prod", "team&a"}}
	for _, c := range []struct {
		cond string
		ctx  Context
		want bool
	}{
		{`{"string_equal_if_exist":{"vpc:region":"sh"}}`, nil, true},
		{`{"string_equal_if_exist":{"vpc:region":"sh"}}`, Context{"vpc:region": {"gz"}}, false},
		{`{"for_any_value:string_equal":{"qcs:tag":"env&prod"}}`, tags, true},
		{`{"for_any_value:string_equal":{"qcs:tag":"env&dev"}}`, tags, false},
		{`{"for_all_value:string_equal":{"qcs:tag":["env&prod","team&a"]}}`, tags, true},
		{`{"for_all_value:string_equal":{"qcs:tag":"env&prod"}}`, tags, false},
		{`{"for_all_value:string_equal_if_exist":{"bmvpc:unVpcId":"vpc-34cxlz7z"}}`, nil, true},
	} {
		p := mustPolicy(t, `{"version":"2.0","statement":[{"effect":"allow","action":"*","resource":"*","condition":`+c.cond+`}]}`)
		if got := p.Evaluate(Request{Action: createStaff, Resource: app, Context: c.ctx}).Allowed(); got != c.want {
			t.Errorf("%s with %v: allowed %v, want %v", c.cond, c.ctx, got, c.want)
		}
	}
}

// Finding 8. COS doc 436/46205: "For a condition operator without _if_exist, such as
// string_equal, it is considered that the condition is met (False) by default if the
// request does not contain the specified request header or parameter." and "For a
// condition operator with _if_exist, such as string_equal_if_exist, it is considered
// that the condition is met (True) by default".
func TestFinding8MissingKeyTruthTable(t *testing.T) {
	base := `{"version":"2.0","statement":[{"effect":"allow","action":"*","resource":"*"},{"effect":"deny","action":"*","resource":"*","condition":`
	without := mustPolicy(t, base+`{"string_equal":{"cos:x-cos-acl":"public-read"}}}]}`)
	d := without.Evaluate(Request{Action: createStaff, Resource: app})
	if !d.Allowed() {
		t.Errorf("deny on an absent key applied: %v", d)
	}
	if got := d.Missing(); len(got) != 1 || got[0] != "cos:x-cos-acl" {
		t.Errorf("missing keys %v", got)
	}
	with := mustPolicy(t, base+`{"string_equal_if_exist":{"cos:x-cos-acl":"public-read"}}}]}`)
	if d := with.Evaluate(Request{Action: createStaff, Resource: app}); !d.Explicit() {
		t.Errorf("deny with _if_exist on an absent key did not apply: %v", d)
	}
}

// Finding 9. CAM doc 598/10608 lists binary_equal ("String is equal to
// (case-sensitive)") and null_equal ("Condition key matches empty string"); Tencent pages
// write times as "2022-05-31 00:00:00", read here as UTC because "UTC time is required".
func TestFinding9DatesNullAndBinary(t *testing.T) {
	for _, c := range []struct {
		cond string
		ctx  Context
		want bool
	}{
		{`{"date_less_than":{"qcs:current_time":"2022-05-31 00:00:00"}}`, Context{"qcs:current_time": {"2022-05-30T23:59:59Z"}}, true},
		{`{"date_less_than":{"qcs:current_time":"2022-05-31 00:00:00"}}`, Context{"qcs:current_time": {"2022-05-31 00:00:00"}}, false},
		{`{"date_greater_than_equal":{"qcs:current_time":"2016-06-01T00:01:00Z"}}`, Context{"qcs:current_time": {"2016-06-01 00:01:00"}}, true},
		{`{"null_equal":{"cos:versionid":"true"}}`, nil, true},
		{`{"null_equal":{"cos:versionid":"true"}}`, Context{"cos:versionid": {"v1"}}, false},
		{`{"null_equal":{"cos:versionid":"false"}}`, Context{"cos:versionid": {"v1"}}, true},
		{`{"binary_equal":{"k":"QUJD"}}`, Context{"k": {"QUJD"}}, true},
		{`{"binary_equal":{"k":"QUJD"}}`, Context{"k": {"qujd"}}, false},
	} {
		p := mustPolicy(t, `{"version":"2.0","statement":[{"effect":"allow","action":"*","resource":"*","condition":`+c.cond+`}]}`)
		if got := p.Evaluate(Request{Action: createStaff, Resource: app, Context: c.ctx}).Allowed(); got != c.want {
			t.Errorf("%s with %v: allowed %v, want %v", c.cond, c.ctx, got, c.want)
		}
	}
}

// Finding 10. CAM doc 598/10608: "The IP format must comply with the CIDR standard." and
// "Time is displayed in a format that conforms to the ISO8601 standard"; 598/10609 the
// 6,144 limit; 598/10606 project_id; an undefined operator is CAM's ConditionTypeError and
// an unknown service ActionServiceNotExist. All are errors.
func TestFinding10LinterErrorsOnWhatCAMRefuses(t *testing.T) {
	for _, c := range []struct{ in, code string }{
		{`{"version":"2.0","statement":[{"effect":"allow","action":"ccc:CreateIVR","resource":"qcs:1:ccc::uin/1:SdkAppId/1"}]}`, CodeProjectID},
		{`{"version":"2.0","statement":[{"effect":"allow","action":"ccc:CreateIVR","resource":["` + strings.Repeat("y", 6200) + `"]}]}`, CodeTooLong},
		{`{"version":"2.0","statement":[{"effect":"allow","action":"ccc:CreateIVR","resource":"*","condition":{"ip_equal":{"qcs:ip":"10.0.0.300/8"}}}]}`, CodeConditionValue},
		{`{"version":"2.0","statement":[{"effect":"allow","action":"ccc:CreateIVR","resource":"*","condition":{"date_less_than":{"qcs:current_time":"31/05/2022"}}}]}`, CodeConditionValue},
		{`{"version":"2.0","statement":[{"effect":"allow","effect":"deny","action":"ccc:CreateIVR","resource":"*"}]}`, CodeDuplicateKey},
		{`{"version":"2.0","statement":[{"effect":"allow","action":"ccc:CreateIVR","resource":"*","condition":{"string_equals":{"k":"v"}}}]}`, CodeConditionOperator},
		{`{"version":"2.0","statement":[{"effect":"allow","action":"nosuch:Thing","resource":"*"}]}`, CodeUnknownService},
	} {
		fs, err := Lint([]byte(c.in), fakeKnown())
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, f := range fs {
			if f.Code == c.code {
				found = true
				if f.Severity != SeverityError || f.Path == "" && c.code != CodeTooLong {
					t.Errorf("%s: %+v, want an error with a path", c.code, f)
				}
			}
		}
		if !found {
			t.Errorf("%s: no %s in %v", c.in, c.code, fs)
		}
	}
}

// Finding 11. CAM doc 598/107704: version "目前仅允许值为“2.0”或“3.0”"; CAM doc 598/10606:
// "Currently, COS and CAS resource owners can only be described by uid, while resource
// owners of other services can only be described by uin."; CAM doc 598/10604:
// <effect_block> = "effect" : ("allow" | "deny").
func TestFinding11LinterFalsePositiveAndMisses(t *testing.T) {
	fs, _ := Lint([]byte(`{"version":"3.0","statement":[{"effect":"allow","action":"ccc:CreateIVR","resource":"*"}]}`), fakeKnown())
	if len(fs) != 0 {
		t.Errorf("version 3.0: %v", fs)
	}
	fs, _ = Lint([]byte(`{"version":"2.0","statement":[{"effect":"allow","action":"ccc:CreateStaff","resource":"qcs::ccc::uid/1250000000:SdkAppId/1"}]}`), fakeKnown())
	if !hasCode(fs, CodeUIDAccount) {
		t.Errorf("uid/ account for ccc: %v", fs)
	}
	fs, _ = Lint([]byte(`{"version":"2.0","statement":[{"effect":"allow","action":"cos:GetObject","resource":"qcs::cos::uid/1250000000:b-1250000000/*"}]}`), nil)
	if hasCode(fs, CodeUIDAccount) {
		t.Errorf("uid/ account for cos reported: %v", fs)
	}
	fs, _ = Lint([]byte(`{"version":"2.0","statement":[{"effect":"Allow","action":"ccc:CreateIVR","resource":"*"}]}`), fakeKnown())
	if !hasCode(fs, CodeEffect) {
		t.Errorf(`effect "Allow": %v`, fs)
	}
}

// Where the docs are silent the evaluator reads an allow narrowly; the linter says so.
func TestLintWarnsOnSilentReadings(t *testing.T) {
	fs, _ := Lint([]byte(`{"version":"2.0","statement":[{"effect":"allow","action":"ccc:CreateStaff","resource":["qcs::ccc::uin/*:SdkAppId/1","qcs::ccc::uin/${owner_uin}:SdkAppId/1"]}]}`), fakeKnown())
	if !hasCode(fs, CodeAccountWildcard) || !hasCode(fs, CodeVariablePlace) {
		t.Errorf("findings %v", fs)
	}
	fs, _ = Lint([]byte(`{"version":"2.0","statement":[{"effect":"deny","action":"ccc:CreateStaff","resource":["qcs::ccc::uin/*:SdkAppId/1","qcs::ccc::uin/100001:SdkAppId/${uin}"]}]}`), fakeKnown())
	if hasCode(fs, CodeAccountWildcard) || hasCode(fs, CodeVariablePlace) {
		t.Errorf("deny findings %v", fs)
	}
}

func TestCodesFollowRuleAndSeverity(t *testing.T) {
	for c, want := range map[string]string{
		CodeDuplicateKey: code(RuleDuplicateKey, SeverityError), CodeProjectID: code(RuleProjectID, SeverityError),
		CodeConditionOperator: code(RuleConditionOperator, SeverityError), CodeUIDAccount: code(RuleUIDAccount, SeverityWarning),
		CodeOperationLevelResource: code(RuleOperationLevelResource, SeverityWarning), CodeWildcard: code(RuleWildcard, SeverityInfo),
		CodeTooLong: code(RuleTooLong, SeverityError), CodeUnknownService: code(RuleUnknownService, SeverityError),
		CodeAccountWildcard: code(RuleAccountWildcard, SeverityWarning), CodeVariablePlace: code(RuleVariablePlace, SeverityWarning),
		CodeResourceType: code(RuleResourceType, SeverityWarning), CodeShadowed: code(RuleShadowed, SeverityWarning),
		CodeNegated: code(RuleNegated, SeverityWarning), CodeAllowAll: code(RuleAllowAll, SeverityWarning),
		CodeElementCase: code(RuleElementCase, SeverityError), CodeUnknownElement: code(RuleUnknownElement, SeverityError),
		CodeVersion: code(RuleVersion, SeverityError), CodeEffect: code(RuleEffect, SeverityError), CodeNoAction: code(RuleNoAction, SeverityError),
		CodeNoResource: code(RuleNoResource, SeverityError), CodeBadAction: code(RuleBadAction, SeverityError), CodeBadResource: code(RuleBadResource, SeverityError),
		CodeConditionValue: code(RuleConditionValue, SeverityError), CodeUnknownAction: code(RuleUnknownAction, SeverityError),
		CodeType: code(RuleType, SeverityError), CodeJSON: code(RuleJSON, SeverityError), CodeMissingStatement: code(RuleMissingStatement, SeverityError),
	} {
		if c != want {
			t.Errorf("constant %s, derived %s", c, want)
		}
	}
}
