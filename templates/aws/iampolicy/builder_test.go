package iampolicy

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/permgen/permgen/templates/aws/iam"
	"github.com/permgen/permgen/templates/aws/iamarn"
)

func iamARNTemplate(t string) iamarn.Template { return iamarn.Template(t) }

func TestBuilderIssueExample(t *testing.T) {
	p, err := NewWith(fakeCatalog{},
		Allow(act("s3:GetObject"), act("s3:PutObject")).
			On(objectARN.Build("my-bucket", "uploads/*")).
			If(iam.ConditionKey("s3:ExistingObjectTag/team").StringEquals("blue")), // as a generated key constant writes it
		Deny(act("s3:DeleteObject")).OnAll(),
	)
	if err == nil {
		t.Fatalf("s3:PutObject does not take s3:ExistingObjectTag/team, yet New accepted it: %+v", p)
	}
	if !strings.Contains(err.Error(), "s3:PutObject does not take condition key s3:ExistingObjectTag/team") {
		t.Errorf("error = %v", err)
	}
	p, err = NewWith(fakeCatalog{},
		Allow(act("s3:GetObject")).
			On(objectARN.Build("my-bucket", "uploads/*")).
			If(Key("s3:ExistingObjectTag/team").StringEquals("blue")),
		Deny(act("s3:DeleteObject")).OnAll().
			If(Key("aws:MultiFactorAuthPresent").Bool(false).IfExists()),
	)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(p)
	want := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::my-bucket/uploads/*","Condition":{"StringEquals":{"s3:ExistingObjectTag/team":"blue"}}},{"Effect":"Deny","Action":"s3:DeleteObject","Resource":"*","Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}}]}`
	if string(b) != want {
		t.Errorf("got  %s\nwant %s", b, want)
	}
}

func TestBuilderRefuses(t *testing.T) {
	for _, c := range []struct {
		name string
		b    *StatementBuilder
		want string
	}{
		{"action on another resource type", Allow(act("s3:ListBucket")).On(objectARN.Build("b", "k")),
			"s3:ListBucket does not act on arn:aws:s3:::b/k (its resource types: bucket)"},
		{"wildcard-only action on an ARN", Allow(act("s3:ListAllMyBuckets")).OnPattern("arn:aws:s3:::b"),
			"s3:ListAllMyBuckets takes no resource"},
		{"date key with a string operator", Allow(act("s3:GetObject")).OnAll().If(Key("aws:CurrentTime").StringEquals("2026")),
			"aws:CurrentTime is a Date key; StringEquals compares String values"},
		{"numeric key with a date operator", Allow(act("s3:ListBucket")).OnAll().If(Key("s3:max-keys").DateLessThan(time.Unix(0, 0))),
			"s3:max-keys is a Numeric key"},
		{"key the action does not take", Allow(act("s3:GetObject")).OnAll().If(Key("ec2:InstanceType").StringEquals("t3.micro")),
			"s3:GetObject does not take condition key ec2:InstanceType"},
		{"empty ARN part", Allow(act("s3:GetObject")).On(objectARN.Build("", "k")),
			"empty BucketName"},
		{"multivalued key without a set operator", Allow(act("s3:PutObject")).OnAll().If(Key("aws:TagKeys").StringEquals("env")),
			"aws:TagKeys is multivalued"},
		{"set operator on a single-valued key", Allow(act("s3:GetObject")).OnAll().If(Key("aws:SourceIp").IPAddress("10.0.0.0/8").ForAllValues()),
			"aws:SourceIp is single-valued"},
		{"unknown action", Allow(iam.ActionInfo{}).OnAll(), "unknown action"},
		{"no resources", Allow(act("s3:GetObject")), "no resources"},
	} {
		_, err := NewWith(fakeCatalog{}, c.b)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want it to contain %q", c.name, err, c.want)
		}
	}
}

func TestBuilderAccepts(t *testing.T) {
	_, err := NewWith(fakeCatalog{},
		Allow(act("s3:PutObject")).OnPattern("arn:aws:s3:::b/*").
			If(Key("aws:TagKeys").StringEquals("env", "team").ForAllValues(),
				Key("aws:SourceIp").IPAddress("10.0.0.0/8"),
				Key("s3:authType").StringEquals("REST-HEADER")),
		Allow(act("ec2:RunInstances")).OnPattern("arn:aws:ec2:*:111122223333:instance/*").
			If(Key("ec2:InstanceType").StringLike("t3.*")),
		Allow(act("s3:ListAllMyBuckets"), act("ec2:DescribeInstances")).OnAll(),
	)
	if err != nil {
		t.Fatal(err)
	}
}

// Global keys no service page defines are typed by the IAM User Guide's list:
// "aws:MultiFactorAuthPresent ... Value type – Boolean", "aws:SourceIp ... Value
// type – Single-valued" IP address, "aws:PrincipalArn ... ARN".
func TestBuilderTypesGlobalKeys(t *testing.T) {
	for _, c := range []struct {
		cond iam.Condition
		want string
	}{
		{Key("aws:MultiFactorAuthPresent").StringEquals("false"), "aws:MultiFactorAuthPresent is a Bool key"},
		{Key("aws:SecureTransport").NumericEquals(1), "aws:SecureTransport is a Bool key"},
		{Key("aws:PrincipalOrgPaths").StringLike("o-1/*"), "aws:PrincipalOrgPaths is multivalued"},
		{Key("aws:PrincipalTag/team").StringEquals("blue").ForAnyValue(), "aws:PrincipalTag/team is single-valued"},
	} {
		_, err := NewWith(fakeCatalog{}, Allow(act("s3:GetObject")).OnAll().If(c.cond))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: err = %v, want %q", c.cond, err, c.want)
		}
	}
	if _, err := NewWith(fakeCatalog{}, Allow(act("s3:GetObject")).OnAll().If(Key("aws:PrincipalArn").ArnLike("arn:aws:iam::*:role/x"), Key("aws:PrincipalArn").StringLike("arn:*"))); err != nil {
		t.Error(err)
	}
}
