package campolicy

import (
	"strings"
	"testing"

	"github.com/permgen/permgen/templates/cam"
)

// undocumentedAction is an action the API catalogue lists and no CAM page documents.
var undocumentedAction = cam.ActionInfo{Service: "cvm", Name: "DescribeZones", Granularity: cam.UndocumentedGranularity}

func TestUndocumentedGranularityName(t *testing.T) {
	var g cam.Granularity
	if err := g.UnmarshalText([]byte("undocumented")); err != nil || g != cam.UndocumentedGranularity || g.String() != "undocumented" {
		t.Fatalf("undocumented reads as %v, %v", g, err)
	}
	if code(RuleUndocumentedGranularity, SeverityInfo) != CodeUndocumentedGranularity {
		t.Errorf("code %q", code(RuleUndocumentedGranularity, SeverityInfo))
	}
}

// Lint: an undocumented granularity is information, not an error, and the service is
// known.
func TestLintUndocumentedIsInfo(t *testing.T) {
	pol := `{"version":"2.0","statement":[{"effect":"allow","action":["cvm:DescribeZones"],"resource":["qcs::cvm:ap-guangzhou:uin/100:instance/ins-1"]}]}`
	fs, err := Lint([]byte(pol), []cam.ActionInfo{undocumentedAction})
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, f := range fs {
		if f.Severity == SeverityError {
			t.Errorf("error finding %v", f)
		}
		if f.Rule == RuleUndocumentedGranularity && f.Severity == SeverityInfo {
			found = true
		}
	}
	if !found {
		t.Errorf("no %s info finding in %v", RuleUndocumentedGranularity, fs)
	}
}

// Policy writer: granted on "*", with the reason available to print.
func TestLeastPrivilegeUndocumentedOnWildcard(t *testing.T) {
	r, err := cam.ParseResource("qcs::cvm:ap-guangzhou:uin/100:instance/ins-1")
	if err != nil {
		t.Fatal(err)
	}
	p, err := LeastPrivilege(Grant{Action: undocumentedAction, Resource: r})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Statement) != 1 || len(p.Statement[0].Resource) != 1 || p.Statement[0].Resource[0] != "*" {
		t.Errorf("policy %+v, want one statement on \"*\"", p)
	}
	if why := UndocumentedWhy("cvm:DescribeZones"); !strings.Contains(why, `granted on "*"`) {
		t.Errorf("why %q", why)
	}
}

// Evaluate: an allow that names a resource does not apply to an undocumented action
// (it would not if CAM authorizes it only on "*"), an allow on "*" does.
func TestEvaluateUndocumentedAllowNarrow(t *testing.T) {
	r, _ := cam.ParseResource("qcs::cvm:ap-guangzhou:uin/100:instance/ins-1")
	for _, tc := range []struct {
		resource string
		allowed  bool
	}{
		{`"qcs::cvm:ap-guangzhou:uin/100:instance/ins-1"`, false},
		{`"*"`, true},
	} {
		pol, err := Parse([]byte(`{"version":"2.0","statement":[{"effect":"allow","action":["cvm:DescribeZones"],"resource":[` + tc.resource + `]}]}`))
		if err != nil {
			t.Fatal(err)
		}
		d := pol.Evaluate(Request{Action: undocumentedAction, Resource: r})
		if d.Allowed() != tc.allowed {
			t.Errorf("allow on %s: allowed %v, want %v (%s)", tc.resource, d.Allowed(), tc.allowed, d)
		}
	}
}
