package iampolicy

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/permgen/permgen/templates/aws/iam"
)

func TestLeastPrivilege(t *testing.T) {
	w, err := LeastPrivilege(fakeCatalog{}, ManagedPolicy,
		Grant{Action: act("s3:GetObject"), Resource: "arn:aws:s3:::b/reports/*"},
		Grant{Action: act("s3:GetObjectTagging"), Resource: "arn:aws:s3:::b/reports/*"},
		Grant{Action: act("s3:PutObject"), Resource: "arn:aws:s3:::b/uploads/*",
			Conditions: []Condition{{Operator: Operator{Kind: StringEquals}, Key: "s3:authType", Values: []string{"REST-HEADER"}}}},
		Grant{Action: act("s3:ListBucket"), Resource: "arn:aws:s3:::b"},
		Grant{Action: act("s3:ListAllMyBuckets")},
		Grant{Action: act("ec2:DescribeInstances"), Resource: "arn:aws:ec2:us-east-1:111122223333:instance/i-1"},
	)
	if err != nil {
		t.Fatal(err)
	}
	if len(w.Policies) != 1 {
		t.Fatalf("%d policies", len(w.Policies))
	}
	b, _ := json.MarshalIndent(w.Policies[0], "", "  ")
	var compact strings.Builder
	for _, s := range w.Policies[0].Statement {
		sb, _ := json.Marshal(s)
		compact.Write(sb)
		compact.WriteByte('\n')
	}
	want := `{"Sid":"Ec2ListNoResource","Effect":"Allow","Action":"ec2:DescribeInstances","Resource":"*"}
{"Sid":"S3ListBucket","Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::b"}
{"Sid":"S3ListNoResource","Effect":"Allow","Action":"s3:ListAllMyBuckets","Resource":"*"}
{"Sid":"S3ReadObject","Effect":"Allow","Action":["s3:GetObject","s3:GetObjectTagging"],"Resource":"arn:aws:s3:::b/reports/*"}
{"Sid":"S3TaggingAny","Effect":"Allow","Action":"s3:PutObjectTagging","Resource":"*"}
{"Sid":"S3WriteObject","Effect":"Allow","Action":"s3:PutObject","Resource":"arn:aws:s3:::b/uploads/*","Condition":{"StringEquals":{"s3:authType":"REST-HEADER"}}}
`
	if compact.String() != want {
		t.Errorf("got\n%s\nwant\n%s\n(policy %s)", compact.String(), want, b)
	}
	notes := strings.Join(w.Notes, "\n")
	for _, n := range []string{
		"ec2:DescribeInstances takes no resource, so it is granted on \"*\"",
		"added s3:PutObjectTagging: s3:PutObject lists it as a dependent action",
	} {
		if !strings.Contains(notes, n) {
			t.Errorf("notes lack %q:\n%s", n, notes)
		}
	}
	// The written policy lints clean of errors and allows exactly what was asked.
	for _, f := range Lint(b, LintOptions{Catalog: fakeCatalog{}}) {
		if f.Severity >= SeveritySecurityWarning {
			t.Errorf("lint: %v", f)
		}
	}
	r := req("s3:GetObject", "arn:aws:s3:::b/reports/q1.csv")
	if d := Evaluate(&r, w.Policies[0]); !d.Allowed() {
		t.Errorf("granted action denied: %v", d.String())
	}
	r = req("s3:GetObject", "arn:aws:s3:::b/uploads/x")
	if d := Evaluate(&r, w.Policies[0]); d.Allowed() {
		t.Errorf("ungranted resource allowed: %v", d.String())
	}
}

func TestLeastPrivilegeRefusesMismatch(t *testing.T) {
	_, err := LeastPrivilege(fakeCatalog{}, ManagedPolicy, Grant{Action: act("s3:ListBucket"), Resource: "arn:aws:s3:::b/k"})
	if err == nil || !strings.Contains(err.Error(), "s3:ListBucket does not act on arn:aws:s3:::b/k") {
		t.Errorf("err = %v", err)
	}
}

func TestLeastPrivilegeSplitsToQuota(t *testing.T) {
	var grants []Grant
	for i := 0; i < 60; i++ {
		grants = append(grants, Grant{Action: act("s3:GetObject"), Resource: fmt.Sprintf("arn:aws:s3:::bucket-%03d/reports/*", i)},
			Grant{Action: act("s3:ListBucket"), Resource: fmt.Sprintf("arn:aws:s3:::bucket-%03d", i)})
	}
	w, err := LeastPrivilege(fakeCatalog{}, UserInlinePolicy, grants...)
	if err != nil {
		t.Fatal(err)
	}
	if len(w.Policies) < 2 {
		t.Fatalf("want a split, got %d policy", len(w.Policies))
	}
	for i, p := range w.Policies {
		b, _ := json.Marshal(p)
		if n, _ := Size(b); n > UserInlinePolicy.Quota() {
			t.Errorf("policy %d is %d characters", i, n)
		}
	}
	// Deterministic: the same grants give the same bytes.
	w2, _ := LeastPrivilege(fakeCatalog{}, UserInlinePolicy, grants...)
	b1, _ := json.Marshal(w.Policies)
	b2, _ := json.Marshal(w2.Policies)
	if string(b1) != string(b2) {
		t.Error("two runs differ")
	}
}

func TestGrantsFor(t *testing.T) {
	gs, err := GrantsFor(fakeCatalog{}, "arn:aws:s3:::b/reports/*", iam.Read, iam.Tagging)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, g := range gs {
		names = append(names, g.Action.String())
	}
	if got := strings.Join(names, " "); got != "s3:GetObject s3:GetObjectAcl s3:GetObjectTagging s3:PutObjectTagging" {
		t.Errorf("GrantsFor = %s", got)
	}
}
