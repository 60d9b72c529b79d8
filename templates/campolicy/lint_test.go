package campolicy

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/permgen/permgen/templates/cam"
)

// short renders findings as "path rule severity" lines, the part tools rely on.
func short(fs []Finding) string {
	var b strings.Builder
	for _, f := range fs {
		b.WriteString(f.Path + " " + f.Rule + " " + f.Severity.String() + "\n")
	}
	return b.String()
}

func TestLintPolicyJSON(t *testing.T) {
	for _, c := range []struct {
		name, in, want string
	}{
		{"clean", `{"version":"2.0","statement":[{"effect":"allow","action":["ccc:CreateStaff"],"resource":["qcs::ccc::uin/100001:SdkAppId/1400001"]},{"effect":"allow","action":["ccc:CreateIVR"],"resource":["*"]}]}`, ""},
		{"version", `{"version":"1.0","statement":[]}`, "version version error\n"},
		{"no version", `{"statement":[]}`, "version version error\n"},
		{"op level on specific resource", `{"version":"2.0","statement":[{"effect":"allow","action":["ccc:CreateStaff","ccc:CreateIVR"],"resource":["qcs::ccc::uin/1:SdkAppId/1","qcs::ccc::uin/1:SdkAppId/2"]}]}`,
			"statement[0].resource[0] operation-level-resource warning\nstatement[0].resource[1] operation-level-resource warning\n"},
		{"resource type", `{"version":"2.0","statement":{"effect":"allow","action":"ccc:DeleteStaff","resource":"qcs::ccc::uin/1:Queue/1"}}`,
			"statement.resource resource-type warning\n"},
		{"unknown service and action", `{"version":"2.0","statement":[{"effect":"allow","action":["ccc:CreateStaf","cdb:CreateDBInstance","CreateStaff"],"resource":"*"}]}`,
			"statement[0].action[0] unknown-action error\nstatement[0].action[1] unknown-service error\nstatement[0].action[2] bad-action error\n"},
		{"wildcards", `{"version":"2.0","statement":[{"effect":"allow","action":["ccc:Describe*","ccc:Nothing*"],"resource":"*"}]}`,
			"statement[0].action[0] wildcard info\nstatement[0].action[1] wildcard warning\n"},
		{"allow all", `{"version":"2.0","statement":[{"effect":"allow","action":"*","resource":"*"}]}`,
			"statement[0].action wildcard info\nstatement[0] allow-all warning\n"},
		{"deny all is fine", `{"version":"2.0","statement":[{"effect":"deny","action":"*","resource":"*"}]}`,
			"statement[0].action wildcard info\n"},
		{"shadowed by earlier", `{"version":"2.0","statement":[{"effect":"allow","action":"ccc:Describe*","resource":"*"},{"effect":"allow","action":["ccc:DescribeTelCdr"],"resource":["qcs::ccc::uin/1:SdkAppId/1"]}]}`,
			"statement[0].action wildcard info\nstatement[1] shadowed warning\n"},
		{"shadowed by later", `{"version":"2.0","statement":[{"effect":"allow","action":["ccc:DescribeTelCdr"],"resource":["*"]},{"effect":"allow","action":"ccc:Describe*","resource":"*"}]}`,
			"statement[0] shadowed warning\nstatement[1].action wildcard info\n"},
		{"identical: later one reported", `{"version":"2.0","statement":[{"effect":"allow","action":"ccc:CreateIVR","resource":"*"},{"effect":"allow","action":"ccc:CreateIVR","resource":"*"}]}`,
			"statement[1] shadowed warning\n"},
		{"conditional allow does not shadow", `{"version":"2.0","statement":[{"effect":"allow","action":"ccc:CreateIVR","resource":"*"},{"effect":"allow","action":"ccc:CreateIVR","resource":"*","condition":{"ip_equal":{"qcs:ip":"10.0.0.0/8"}}}]}`,
			"statement[1] shadowed warning\n"},
		{"negated", `{"version":"2.0","statement":[{"effect":"allow","action":"ccc:DescribeTelCdr","resource":"qcs::ccc::uin/1:SdkAppId/1"},{"effect":"deny","action":"ccc:*","resource":"*"}]}`,
			"statement[0] negated warning\nstatement[1].action wildcard info\n"},
		{"conditional deny does not negate", `{"version":"2.0","statement":[{"effect":"allow","action":"ccc:DescribeTelCdr","resource":"*"},{"effect":"deny","action":"ccc:DescribeTelCdr","resource":"*","condition":{"ip_not_equal":{"qcs:ip":"10.0.0.0/8"}}}]}`,
			""},
		{"partial deny does not negate", `{"version":"2.0","statement":[{"effect":"allow","action":["ccc:DescribeTelCdr","ccc:CreateIVR"],"resource":"*"},{"effect":"deny","action":"ccc:DescribeTelCdr","resource":"*"}]}`,
			""},
		{"wrong types", `{"version":2,"statement":[{"effect":true,"action":[1,"ccc:CreateIVR"],"resource":{"a":1}},"x",{"effect":"permit","action":"ccc:CreateIVR","resource":"*","condition":{"ip_equal":{"qcs:ip":{}}}}]}`,
			"version type error\nstatement[0].effect type error\nstatement[0].action[0] type error\nstatement[0].resource type error\nstatement[0].resource no-resource error\nstatement[1] type error\nstatement[2].condition type error\nstatement[2].effect effect error\n"},
		{"case and unknown elements", `{"Version":"2.0","statement":[{"Effect":"allow","action":"ccc:CreateIVR","resource":"*","notaction":"x"}]}`,
			"Version element-case error\nstatement[0].Effect element-case error\nstatement[0].notaction unknown-element error\n"},
		{"missing parts", `{"version":"2.0","statement":[{}]}`,
			"statement[0].effect effect error\nstatement[0].action no-action error\nstatement[0].resource no-resource error\n"},
		{"bad resource", `{"version":"2.0","statement":[{"effect":"allow","action":"ccc:CreateStaff","resource":["qcs::ccc:uin/1:SdkAppId/1"]}]}`,
			"statement[0].resource[0] bad-resource error\n"},
		{"condition operator", `{"version":"2.0","statement":[{"effect":"allow","action":"ccc:CreateIVR","resource":"*","condition":{"string_equals":{"k":"v"},"ip_equal":{"qcs:ip":"1.2.3.4"}}}]}`,
			"statement[0].condition.string_equals condition-operator error\n"},
		{"not an object", `[1]`, " type error\n"},
		{"statement missing", `{"version":"2.0"}`, "statement missing-statement error\n"},
	} {
		got, err := Lint([]byte(c.in), fakeKnown())
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if s := short(got); s != c.want {
			t.Errorf("%s:\ngot:\n%s\nwant:\n%s\nfindings: %v", c.name, s, c.want, got)
		}
	}
}

func TestLintPolicyMatchesJSON(t *testing.T) {
	// The typed linter sees lists where the JSON may hold strings; otherwise both agree.
	in := `{"version":"2.0","statement":[{"effect":"allow","action":["ccc:CreateIVR","ccc:Describe*"],"resource":["qcs::ccc::uin/1:SdkAppId/1"]},{"effect":"deny","action":["*"],"resource":["*"]}]}`
	var p Policy
	if err := json.Unmarshal([]byte(in), &p); err != nil {
		t.Fatal(err)
	}
	fromJSON, err := Lint([]byte(in), fakeKnown())
	if err != nil {
		t.Fatal(err)
	}
	typed := LintPolicy(p, fakeKnown())
	if short(typed) != short(fromJSON) {
		t.Errorf("typed:\n%s\njson:\n%s", short(typed), short(fromJSON))
	}
	want := "statement[0].resource[0] operation-level-resource warning\nstatement[0].action[1] wildcard info\nstatement[0] negated warning\nstatement[1].action[0] wildcard info\n"
	if short(typed) != want {
		t.Errorf("got:\n%s\nwant:\n%s", short(typed), want)
	}
}

func TestLintMessages(t *testing.T) {
	fs, err := Lint([]byte(`{"version":"2.0","statement":[{"effect":"allow","action":"ccc:Describe*","resource":"*"}]}`), fakeKnown())
	if err != nil || len(fs) != 1 {
		t.Fatalf("got %v, %v", fs, err)
	}
	f := fs[0]
	want := []string{"ccc:DescribeIVRList", "ccc:DescribeStaffInfoList", "ccc:DescribeTelCdr"}
	if strings.Join(f.Actions, " ") != strings.Join(want, " ") {
		t.Errorf("Actions = %v, want %v", f.Actions, want)
	}
	if got := f.String(); got != `statement[0].action: info: "ccc:Describe*" expands to 3 known actions: ccc:DescribeIVRList, ccc:DescribeStaffInfoList, ccc:DescribeTelCdr [CAM-I-WILDCARD]` {
		t.Errorf("String() = %s", got)
	}
}

func TestLintWithoutKnown(t *testing.T) {
	fs := LintPolicy(Policy{Version: "2.0", Statement: []Statement{{Effect: EffectAllow, Action: Values{"zzz:Anything*"}, Resource: Values{"*"}}}}, nil)
	if len(fs) != 0 {
		t.Errorf("without known actions got %v", fs)
	}
}

func TestLintPolicyJSONDeterministic(t *testing.T) {
	in := []byte(`{"A":1,"B":2,"c":3,"version":"2.0","statement":[{"effect":"allow","action":"*","resource":"*","condition":{"z_op":{"k":"v"},"a_op":{"k":"v"},"m_op":{"k":"v"}}}]}`)
	first, err := Lint(in, fakeKnown())
	if err != nil {
		t.Fatal(err)
	}
	for range 20 {
		again, _ := Lint(in, fakeKnown())
		if short(again) != short(first) {
			t.Fatalf("order changed:\n%s\nthen\n%s", short(first), short(again))
		}
	}
}

func TestLintPolicyJSONNotJSON(t *testing.T) {
	for _, in := range []string{``, `{`, `{} {}`, `nul`} {
		if _, err := Lint([]byte(in), nil); err == nil {
			t.Errorf("Lint(%q) gave no error", in)
		}
	}
}

func FuzzLintPolicyJSON(f *testing.F) {
	f.Add([]byte(`{"version":"2.0","statement":[{"effect":"allow","action":["ccc:Describe*",1],"resource":"qcs::ccc::uin/1:SdkAppId/1","condition":{"ip_equal":{"qcs:ip":"1.2.3.4"}}},"x"]}`))
	f.Add([]byte(`{"Version":2,"statement":{"effect":"deny","action":"*","resource":["*"]}}`))
	f.Fuzz(func(t *testing.T, in []byte) {
		fs, err := Lint(in, fakeKnown())
		if err != nil {
			return
		}
		for _, f := range fs {
			if f.Rule == "" || f.Severity == 0 || f.Message == "" {
				t.Fatalf("incomplete finding %+v for %q", f, in)
			}
		}
	})
}

// Issue 18: a typo'd action gets the "did you mean" ParseAction gives.
func TestLintSuggestsTheNearestAction(t *testing.T) {
	known := []cam.ActionInfo{{Service: "ccc", Name: "CreateStaff"}, {Service: "ccc", Name: "DeleteStaff"}}
	findings, err := Lint([]byte(`{"version": "2.0", "statement": [{"effect": "allow", "action": ["ccc:CreateStaf", "ccc:Nothing"], "resource": ["*"]}]}`), known)
	if err != nil {
		t.Fatal(err)
	}
	var msgs []string
	for _, f := range findings {
		if f.Rule == RuleUnknownAction {
			msgs = append(msgs, f.Message)
		}
	}
	want := []string{"ccc:CreateStaf is not an action of ccc; did you mean ccc:CreateStaff?", "ccc:Nothing is not an action of ccc"}
	if strings.Join(msgs, "\n") != strings.Join(want, "\n") {
		t.Errorf("unknown-action messages:\n%s\nwant:\n%s", strings.Join(msgs, "\n"), strings.Join(want, "\n"))
	}
}
