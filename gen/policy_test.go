package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/permgen/permgen/templates/campolicy"
)

func policyArgs(extra ...string) []string {
	return append([]string{"-in", frozenSources}, extra...)
}

func TestPolicyLintOperationLevelWithResource(t *testing.T) {
	code, stdout, stderr := runGen(t, append([]string{"policy", "lint"}, policyArgs("testdata/op-level-specific.json")...)...)
	if code != 1 {
		t.Fatalf("exit %d, want 1 (findings)\n%s%s", code, stdout, stderr)
	}
	want := `testdata/op-level-specific.json: statement[0].resource[0]: warning: ccc:CreateIVR is operation-level: CAM authorizes it only on resource "*", so this statement will not apply to it [CAM-W-OPERATION-LEVEL-RESOURCE]`
	if strings.TrimSpace(stdout) != want {
		t.Errorf("got:\n%s\nwant:\n%s", stdout, want)
	}
}

func TestPolicyLintCleanAndJSON(t *testing.T) {
	if code, stdout, stderr := runGen(t, append([]string{"policy", "lint"}, policyArgs("testdata/clean.json")...)...); code != 0 {
		t.Fatalf("clean policy: exit %d\n%s%s", code, stdout, stderr)
	}
	code, stdout, _ := runGen(t, append([]string{"policy", "lint"}, policyArgs("-format", "json", "testdata/op-level-specific.json")...)...)
	if code != 1 {
		t.Fatalf("exit %d, want 1", code)
	}
	var fs []campolicy.Finding
	if err := json.Unmarshal([]byte(stdout), &fs); err != nil {
		t.Fatalf("-format json is not JSON: %v\n%s", err, stdout)
	}
	if len(fs) != 1 || fs[0].Path != "statement[0].resource[0]" || fs[0].Rule != "operation-level-resource" || fs[0].Code != campolicy.CodeOperationLevelResource || fs[0].Fix == "" {
		t.Errorf("findings %+v", fs)
	}
}

func TestPolicyLintUnreadable(t *testing.T) {
	stdin = strings.NewReader(`{"version":`)
	defer func() { stdin = nil }()
	code, _, stderr := runGen(t, append([]string{"policy", "lint"}, policyArgs("-")...)...)
	if code != 2 || !strings.Contains(stderr, "stdin") {
		t.Errorf("exit %d, stderr %q; want 2 naming stdin", code, stderr)
	}
	if code, _, _ := runGen(t, append([]string{"policy", "lint"}, policyArgs("testdata/missing.json")...)...); code != 2 {
		t.Errorf("missing file: exit %d, want 2", code)
	}
}

func TestPolicyWrite(t *testing.T) {
	stdin = strings.NewReader("# what the service calls\nccc:DescribeTelCdr qcs::ccc::uin/1:SdkAppId/2\nccc:CreateIVR\nccc:CreateStaff qcs::ccc::uin/1:SdkAppId/2\nccc:CreateIVR\n")
	defer func() { stdin = nil }()
	code, stdout, stderr := runGen(t, append([]string{"policy", "write"}, policyArgs()...)...)
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	var p campolicy.Policy
	if err := json.Unmarshal([]byte(stdout), &p); err != nil {
		t.Fatal(err)
	}
	got, _ := json.Marshal(p)
	want := `{"version":"2.0","statement":[{"effect":"allow","action":["ccc:CreateIVR"],"resource":["*"]},{"effect":"allow","action":["ccc:CreateStaff","ccc:DescribeTelCdr"],"resource":["qcs::ccc::uin/1:SdkAppId/2"]}]}`
	if string(got) != want {
		t.Errorf("policy\n%s\nwant\n%s", got, want)
	}

	stdin = strings.NewReader("ccc:CreateStaff qcs::cos::uid/1:bucket/x\n")
	code, stdout, stderr = runGen(t, append([]string{"policy", "write"}, policyArgs()...)...)
	if code != 2 || stdout != "" || !strings.Contains(stderr, "cannot be restricted to a resource of type cos/bucket; its types: ccc/SdkAppId") {
		t.Errorf("wrong resource type: exit %d, stdout %q, stderr %q; want exit 2, no policy, the reason", code, stdout, stderr)
	}

	stdin = strings.NewReader("ccc:CreateStaf\nccc:CreateIVR a b\n")
	code, _, stderr = runGen(t, append([]string{"policy", "write"}, policyArgs()...)...)
	if code != 2 {
		t.Fatalf("bad lines: exit %d, want 2", code)
	}
	for _, want := range []string{`stdin:1: unknown action "ccc:CreateStaf"; did you mean "ccc:CreateStaff"?`, `stdin:2: want "action [resource]", got 3 fields`} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
}
