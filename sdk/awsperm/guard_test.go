package awsperm

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	ddbtypes "github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/permgen/permgen/generated/aws/iampolicy"
)

// recordProgram runs program under a recorder and returns its policy.
func recordProgram(t *testing.T) *iampolicy.Policy {
	t.Helper()
	f := newFakeAWS(t)
	rec := NewRecorder(Account(testAccount))
	cfg := testConfig(f.URL, func(c *aws.Config) { c.APIOptions = append(c.APIOptions, rec.APIOption()) })
	if err := newClients(cfg, f.URL).program(context.Background()); err != nil {
		t.Fatal(err)
	}
	p, err := rec.Policy()
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestRecordedPolicyIsLeastPrivilege(t *testing.T) {
	p := recordProgram(t)
	got, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	// Each action on exactly the ARN its call named; no wildcard anywhere.
	if strings.Contains(string(got), `"*"`) {
		t.Errorf("policy has a wildcard: %s", got)
	}
	back, err := iampolicy.Parse(got)
	if err != nil {
		t.Fatalf("the recorded policy does not parse back: %v\n%s", err, got)
	}
	if err := back.Validate(); err != nil {
		t.Errorf("the recorded policy is not valid: %v", err)
	}
	n := 0
	for _, s := range p.Statement {
		n += len(s.Action) * len(s.Resource)
	}
	if n != len(programGrants) {
		t.Errorf("policy grants %d (action, resource) pairs, want %d:\n%s", n, len(programGrants), got)
	}
}

// The recorded policy lets exactly the recorded calls through: the same program
// passes the guard and reaches the server; a call outside it is denied before
// anything reaches the server.
func TestGuardAllowsExactlyTheRecordedCalls(t *testing.T) {
	p := recordProgram(t)
	f := newFakeAWS(t)
	g := mustGuard(t, []*iampolicy.Policy{p}, Account(testAccount))
	cfg := testConfig(f.URL, func(c *aws.Config) { c.APIOptions = append(c.APIOptions, g.APIOption()) })
	c := newClients(cfg, f.URL)
	ctx := context.Background()
	if err := c.program(ctx); err != nil {
		t.Fatalf("the recorded program is denied by its own policy: %v", err)
	}
	if got := f.count(); got != 8 {
		t.Fatalf("server saw %d requests, want 8", got)
	}
	outside := []struct {
		name             string
		call             func() error
		action, resource string
	}{
		{"another key", func() error {
			_, err := c.s3.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("photos"), Key: aws.String("dog.png")})
			return err
		}, "s3:GetObject", "arn:aws:s3:::photos/dog.png"},
		{"another action", func() error {
			_, err := c.s3.DeleteObject(ctx, &s3.DeleteObjectInput{Bucket: aws.String("photos"), Key: aws.String("cat.png")})
			return err
		}, "s3:DeleteObject", "arn:aws:s3:::photos/cat.png"},
		{"a version of the object", func() error {
			_, err := c.s3.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("photos"), Key: aws.String("cat.png"), VersionId: aws.String("v1")})
			return err
		}, "s3:GetObjectVersion", "arn:aws:s3:::photos/cat.png"},
		{"another table", func() error {
			_, err := c.ddb.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String("orders"),
				Key: map[string]ddbtypes.AttributeValue{"id": &ddbtypes.AttributeValueMemberS{Value: "1"}}})
			return err
		}, "dynamodb:GetItem", "arn:aws:dynamodb:us-east-1:123456789012:table/orders"},
		{"another queue's account", func() error {
			_, err := c.sqs.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(f.URL + "/210987654321/jobs"), MessageBody: aws.String("x")})
			return err
		}, "sqs:SendMessage", "arn:aws:sqs:us-east-1:210987654321:jobs"},
		{"another role", func() error {
			_, err := c.iam.GetRole(ctx, &iam.GetRoleInput{RoleName: aws.String("admin")})
			return err
		}, "iam:GetRole", "arn:aws:iam::123456789012:role/admin"},
	}
	for _, o := range outside {
		err := o.call()
		var d *DeniedError
		if !errors.As(err, &d) {
			t.Errorf("%s: err = %v, want a *DeniedError", o.name, err)
			continue
		}
		if d.Action != o.action || d.Resource != o.resource || d.Explicit {
			t.Errorf("%s: denied %s on %s (explicit %t), want %s on %s, implicit", o.name, d.Action, d.Resource, d.Explicit, o.action, o.resource)
		}
	}
	if got := f.count(); got != 8 {
		t.Errorf("server saw %d requests, want still 8: a denied call reached it", got)
	}
}

// An explicit Deny names its statement; it beats the Allow.
func TestGuardExplicitDenyNamesStatement(t *testing.T) {
	p, err := iampolicy.Parse([]byte(`{"Version":"2012-10-17","Statement":[
		{"Effect":"Allow","Action":"s3:*","Resource":"*"},
		{"Sid":"NoSecrets","Effect":"Deny","Action":"s3:GetObject","Resource":"arn:aws:s3:::photos/secret/*"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	f := newFakeAWS(t)
	cfg := testConfig(f.URL, func(c *aws.Config) {
		c.APIOptions = append(c.APIOptions, mustGuard(t, []*iampolicy.Policy{p}).APIOption())
	})
	c := newClients(cfg, f.URL)
	_, err = c.s3.GetObject(context.Background(), &s3.GetObjectInput{Bucket: aws.String("photos"), Key: aws.String("secret/plan.txt")})
	var d *DeniedError
	if !errors.As(err, &d) || !d.Explicit || !strings.Contains(d.Statement, "NoSecrets") {
		t.Fatalf("err = %v, want an explicit deny by NoSecrets", err)
	}
	if !strings.Contains(err.Error(), "s3:GetObject on arn:aws:s3:::photos/secret/plan.txt by explicit deny") {
		t.Errorf("message: %v", err)
	}
	if f.count() != 0 {
		t.Error("a denied call reached the server")
	}
	if _, err := c.s3.GetObject(context.Background(), &s3.GetObjectInput{Bucket: aws.String("photos"), Key: aws.String("public/a.txt")}); err != nil {
		t.Errorf("allowed call: %v", err)
	}
}

// Without an account, an account-scoped ARN cannot be filled: the guard decides
// with the account unknown (a narrow policy's Allow does not hold for every
// account) and says how to make it known.
func TestGuardUnfilledAccountFailsClosed(t *testing.T) {
	p := recordProgram(t)
	f := newFakeAWS(t)
	cfg := testConfig(f.URL, func(c *aws.Config) {
		c.APIOptions = append(c.APIOptions, mustGuard(t, []*iampolicy.Policy{p}).APIOption())
	})
	c := newClients(cfg, f.URL)
	_, err := c.iam.GetRole(context.Background(), &iam.GetRoleInput{RoleName: aws.String("app")})
	var d *DeniedError
	if !errors.As(err, &d) || d.Resource != "arn:aws:iam::${Account}:role/app" || !strings.Contains(d.Unfilled, "role: no value for Account") ||
		!strings.Contains(err.Error(), "Account (awsperm.Account(id))") {
		t.Fatalf("err = %v, want a denial naming the missing Account", err)
	}
	if f.count() != 0 {
		t.Error("a denied call reached the server")
	}
}

// Two guards on one config both decide: the second is not mistaken for the first.
func TestTwoGuardsBothDecide(t *testing.T) {
	allowAll := &iampolicy.Policy{Version: iampolicy.Version2012, Statement: []iampolicy.Statement{
		{Effect: iampolicy.EffectAllow, Action: []string{"*"}, Resource: []string{"*"}}}}
	onlyPhotos := &iampolicy.Policy{Version: iampolicy.Version2012, Statement: []iampolicy.Statement{
		{Effect: iampolicy.EffectAllow, Action: []string{"s3:*"}, Resource: []string{"arn:aws:s3:::photos/*"}}}}
	f := newFakeAWS(t)
	cfg := testConfig(f.URL, func(c *aws.Config) {
		c.APIOptions = append(c.APIOptions, mustGuard(t, []*iampolicy.Policy{allowAll}).APIOption(), mustGuard(t, []*iampolicy.Policy{onlyPhotos}).APIOption())
	})
	c := newClients(cfg, f.URL)
	_, err := c.s3.GetObject(context.Background(), &s3.GetObjectInput{Bucket: aws.String("secrets"), Key: aws.String("k")})
	var d *DeniedError
	if !errors.As(err, &d) || d.Resource != "arn:aws:s3:::secrets/k" {
		t.Fatalf("err = %v, want the second guard's denial", err)
	}
	if f.count() != 0 {
		t.Error("a denied call reached the server")
	}
}

// The service's condition keys come from the input: the S3 page defines s3:prefix
// as "Filters access by key name prefix" and lists it for s3:ListBucket, so a
// ListObjectsV2 call's Prefix is what a StringLike on s3:prefix tests. A call
// without a Prefix carries no s3:prefix, and the condition cannot hold.
func TestGuardConditionKeysFromInput(t *testing.T) {
	p, err := iampolicy.Parse([]byte(`{"Version":"2012-10-17","Statement":[
		{"Sid":"HomeOnly","Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::photos",
		 "Condition":{"StringLike":{"s3:prefix":"home/alice/*"},"NumericLessThanEquals":{"s3:max-keys":"100"}}}]}`))
	if err != nil {
		t.Fatal(err)
	}
	f := newFakeAWS(t)
	cfg := testConfig(f.URL, func(c *aws.Config) {
		c.APIOptions = append(c.APIOptions, mustGuard(t, []*iampolicy.Policy{p}).APIOption())
	})
	c := newClients(cfg, f.URL)
	ctx := context.Background()
	list := func(prefix string, max int32) error {
		in := &s3.ListObjectsV2Input{Bucket: aws.String("photos"), MaxKeys: aws.Int32(max)}
		if prefix != "" {
			in.Prefix = aws.String(prefix)
		}
		_, err := c.s3.ListObjectsV2(ctx, in)
		return err
	}
	if err := list("home/alice/2026/", 50); err != nil {
		t.Errorf("home/alice/, 50 keys: %v", err)
	}
	var d *DeniedError
	for _, tc := range []struct {
		prefix string
		max    int32
	}{{"home/bob/", 50}, {"home/alice/", 1000}, {"", 50}} {
		if err := list(tc.prefix, tc.max); !errors.As(err, &d) || d.Action != "s3:ListBucket" {
			t.Errorf("prefix %q, %d keys: err = %v, want denied", tc.prefix, tc.max, err)
		}
	}
	if got := f.count(); got != 1 {
		t.Errorf("server saw %d requests, want 1", got)
	}
}

// mustGuard is NewGuard for policies a test knows to be valid.
func mustGuard(tb testing.TB, policies []*iampolicy.Policy, opts ...Option) *Guard {
	tb.Helper()
	g, err := NewGuard(policies, opts...)
	if err != nil {
		tb.Fatal(err)
	}
	return g
}
