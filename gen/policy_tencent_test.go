package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Issue 22: a statement on any documented product lints without
// CAM-E-UNKNOWN-SERVICE; an undocumented granularity is information; the policy
// writer grants it on "*" and says why.
func TestPolicyEveryTencentProduct(t *testing.T) {
	dir := t.TempDir()
	pol := filepath.Join(dir, "p.json")
	if err := os.WriteFile(pol, []byte(`{"version":"2.0","statement":[
		{"effect":"allow","action":["cvm:RunInstances","vpc:CreateVpc","tke:DescribeClusters","scf:Invoke","cdb:DescribeDBInstances","cos:GetObject"],"resource":["*"]},
		{"effect":"allow","action":["apigw:CreateService"],"resource":["qcs::apigw:ap-guangzhou:uin/1:service/s-1"]}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	live := filepath.Join(repo, "sources")
	code, stdout, stderr := runGen(t, "policy", "lint", "-in", live, pol)
	if strings.Contains(stdout, "UNKNOWN") || code == 2 {
		t.Errorf("exit %d:\n%s%s", code, stdout, stderr)
	}
	if !strings.Contains(stdout, "info: apigw:CreateService has no documented granularity") || !strings.Contains(stdout, "[CAM-I-UNDOCUMENTED-GRANULARITY]") {
		t.Errorf("no undocumented-granularity info finding:\n%s", stdout)
	}
	grants := filepath.Join(dir, "grants.txt")
	if err := os.WriteFile(grants, []byte("apigw:CreateService qcs::apigw:ap-guangzhou:uin/1:service/s-1\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr = runGen(t, "policy", "write", "-in", live, grants)
	if code != 0 || !strings.Contains(stdout, `"*"`) || strings.Contains(stdout, "service/s-1") || !strings.Contains(stderr, `apigw:CreateService has no documented granularity`) {
		t.Errorf("policy write: exit %d\n%s%s", code, stdout, stderr)
	}
}
