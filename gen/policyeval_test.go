package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/permgen/permgen/internal/vendors/tencentcloud"
)

func TestPolicyEval(t *testing.T) {
	const dir = "testdata/eval/"
	code, stdout, stderr := runGen(t, append([]string{"policy", "eval"}, policyArgs("-request", dir+"request.json", dir+"allow-describe.json", dir+"deny-outside-office.json")...)...)
	if code != 0 {
		t.Fatalf("exit %d, want 0 (allow)\n%s%s", code, stdout, stderr)
	}
	for _, want := range []string{"allow\n", "deciding: policy 0 statement 0 (testdata/eval/allow-describe.json)", "missing context keys: qcs:mfa"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("stdout lacks %q:\n%s", want, stdout)
		}
	}

	code, stdout, _ = runGen(t, append([]string{"policy", "eval"}, policyArgs("-request", dir+"request-outside.json", dir+"allow-describe.json", dir+"deny-outside-office.json", "-format", "json")...)...)
	if code != 1 {
		t.Fatalf("exit %d, want 1 (deny)\n%s", code, stdout)
	}
	var out tencentcloud.EvalOutput
	if err := json.Unmarshal([]byte(stdout), &out); err != nil {
		t.Fatalf("-format json: %v\n%s", err, stdout)
	}
	if out.Decision != "explicit_deny" || out.Deciding == nil || out.Deciding.Policy != 1 || out.Deciding.Statement != 0 || len(out.Matched) != 2 {
		t.Errorf("decision %+v", out)
	}

	code, stdout, _ = runGen(t, append([]string{"policy", "eval"}, policyArgs("-request", dir+"request.json", dir+"allow-describe.json", "-boundary", dir+"deny-outside-office.json")...)...)
	if code != 1 || !strings.HasPrefix(stdout, "implicit_deny\n") {
		t.Errorf("boundary without an allow: exit %d\n%s", code, stdout)
	}
}

func TestPolicyEvalUnreadable(t *testing.T) {
	const dir = "testdata/eval/"
	for _, args := range [][]string{
		{"-request", dir + "request.json", dir + "duplicate-statement.json"},
		{"-request", dir + "allow-describe.json", dir + "allow-describe.json"},
		{"-request", dir + "request.json", dir + "missing.json"},
		{"-request", dir + "request.json"},
		{dir + "allow-describe.json"},
	} {
		code, stdout, stderr := runGen(t, append([]string{"policy", "eval"}, policyArgs(args...)...)...)
		if code != 2 {
			t.Errorf("%v: exit %d, want 2\n%s%s", args, code, stdout, stderr)
		}
	}
	_, _, stderr := runGen(t, append([]string{"policy", "eval"}, policyArgs("-request", dir+"request.json", dir+"duplicate-statement.json")...)...)
	if !strings.Contains(stderr, "duplicate-statement.json") || !strings.Contains(stderr, "CAM-E-DUPLICATE-KEY") {
		t.Errorf("stderr does not name the file and the code: %s", stderr)
	}
}
