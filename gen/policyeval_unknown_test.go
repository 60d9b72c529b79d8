package main

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/permgen/permgen/internal/vendors/tencentcloud"
)

// TestPolicyEvalUnknown: a CAM request file states what the asker does not know under
// "unknown" (campolicy.ParseRequest); the answer is decided with it and names it. Issue 17's
// case: allow ccc:* on *, deny ccc:DeleteStaff on the app of account 100001, uin unknown.
func TestPolicyEvalUnknown(t *testing.T) {
	const dir = "testdata/eval/"
	code, stdout, stderr := runGen(t, append([]string{"policy", "eval"}, policyArgs("-request", dir+"request-unknown-uin.json", dir+"allow-ccc-deny-deletestaff.json")...)...)
	if code != 1 || !strings.HasPrefix(stdout, "explicit_deny\n") || !strings.Contains(stdout, "decided with unknowns: uin\n") {
		t.Fatalf("exit %d, want 1 (the deny could apply)\n%s%s", code, stdout, stderr)
	}
	_, stdout, _ = runGen(t, append([]string{"policy", "eval"}, policyArgs("-request", dir+"request-unknown-uin.json", dir+"allow-ccc-deny-deletestaff.json", "-format", "json")...)...)
	var out tencentcloud.EvalOutput
	if err := json.Unmarshal([]byte(stdout), &out); err != nil || !slices.Equal(out.Unknowns, []string{"uin"}) || !strings.Contains(out.Explanation, "decided with unknown uin") {
		t.Errorf("json %+v (%v)\n%s", out, err, stdout)
	}
	// A placeholder the file does not declare unknown is refused, not read as a value.
	code, _, stderr = runGen(t, append([]string{"policy", "eval"}, policyArgs("-request", dir+"request-placeholder-unlisted.json", dir+"allow-ccc-deny-deletestaff.json")...)...)
	if code != 2 || !strings.Contains(stderr, "request-placeholder-unlisted.json") || !strings.Contains(stderr, `list "uin" in "parts"`) {
		t.Errorf("undeclared placeholder: exit %d\n%s", code, stderr)
	}
}
