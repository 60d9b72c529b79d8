package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// Issue 18 item 4: every policy command's -h lists the flags of both vendors and
// the request formats; an unknown policy command is named.
func TestPolicyHelpCoversBothVendors(t *testing.T) {
	for _, c := range []struct {
		args []string
		want []string
	}{
		{[]string{"policy", "lint", "-h"}, []string{"-format", "-in", "-kind", "AWS only", "ManagedPolicy", "Tencent Cloud CAM", "AWS IAM", "compiled into permgen", "Exit 0 clean, 1 findings, 2 unreadable"}},
		{[]string{"policy", "eval", "-h"}, []string{"-request", "-boundary", "-format", "-resource-policy", "-resource-account", `"principal"`, `"caller"`, `"policy_owner"`, `"context"`, "Exit 0 allow, 1 deny"}},
		{[]string{"policy", "write", "-h"}, []string{"-vendor", "-kind", "-in", `"action [resource]"`, `"level[,level] arn"`, "permissions-management"}},
		{[]string{"policy", "write", "-vendor", "aws", "-h"}, []string{"-vendor", "-kind", `"action [resource]"`, `"level[,level] arn"`}},
	} {
		code, stdout, stderr := runGen(t, c.args...)
		if code != 0 {
			t.Errorf("%v: exit %d, want 0", c.args, code)
		}
		for _, w := range c.want {
			if !strings.Contains(stdout+stderr, w) {
				t.Errorf("%v lacks %q:\n%s", c.args, w, stderr)
			}
		}
	}
	code, _, stderr := runGen(t, "policy", "nosuch")
	if code != 2 || !strings.Contains(stderr, `unknown command "nosuch"; want lint, eval or write`) {
		t.Errorf("policy nosuch: exit %d, want 2 naming it\n%s", code, stderr)
	}
}

// Issue 18 item 7: input that is not JSON is reported with line and column, as
// neither vendor's; -format json puts the error on stdout too; an AWS-only flag on a
// CAM policy is refused, not ignored.
func TestPolicyLintUnreadableInput(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	writeFile(t, dir, "bad.json", "{\"Version\": \"2012-10-17\",\n \"Statement\": [\n  {\"Effect\": \"Allow\" \"Action\": \"s3:*\"}]}\n")
	writeFile(t, dir, "cam.json", typoCAM)
	code, _, stderr := runGen(t, "policy", "lint", "bad.json")
	if code != 2 || !strings.Contains(stderr, "bad.json: line 3 column 22: not JSON") || strings.Contains(stderr, "cam:") {
		t.Errorf("lint of a broken AWS file: exit %d, want 2 with line 3 column 22 and no word of CAM\n%s", code, stderr)
	}
	code, stdout, _ := runGen(t, "policy", "lint", "-format", "json", "missing.json")
	var out struct{ File, Error string }
	if code != 2 || json.Unmarshal([]byte(stdout), &out) != nil || out.File != "missing.json" || !strings.Contains(out.Error, "no such file") {
		t.Errorf("lint -format json of a missing file: exit %d, stdout %q; want 2 and {file, error}", code, stdout)
	}
	code, _, stderr = runGen(t, "policy", "lint", "-kind", "user", "cam.json")
	if code != 2 || !strings.Contains(stderr, "-kind: for AWS IAM policies only") {
		t.Errorf("lint -kind on a CAM policy: exit %d, want 2\n%s", code, stderr)
	}
	code, stdout, _ = runGen(t, "policy", "lint", "cam.json")
	if code != 1 || !strings.Contains(stdout, "ccc:CreateStaf is not an action of ccc; did you mean ccc:CreateStaff?") {
		t.Errorf("CAM lint of a typo: exit %d, want 1 with a did-you-mean\n%s", code, stdout)
	}
}

// Issue 18 item 7: CAM policy write says when it writes "*", as the AWS one does.
func TestPolicyWriteCAMNotesWidening(t *testing.T) {
	old := stdin
	t.Cleanup(func() { stdin = old })
	stdin = strings.NewReader("ccc:CreateStaff\nccc:CreateStaff qcs::ccc::uin/100001:SdkAppId/1400001\n")
	code, stdout, stderr := runGen(t, "policy", "write", "-in", frozenSources)
	if code != 0 || !strings.Contains(stdout, `"*"`) {
		t.Fatalf("policy write: exit %d\n%s%s", code, stdout, stderr)
	}
	for _, w := range []string{"note: ccc:CreateStaff is granted on *: its line names no resource",
		"note: ccc:CreateStaff on qcs::ccc::uin/100001:SdkAppId/1400001 is covered by its grant on *"} {
		if !strings.Contains(stderr, w) {
			t.Errorf("policy write notes lack %q:\n%s", w, stderr)
		}
	}
}
