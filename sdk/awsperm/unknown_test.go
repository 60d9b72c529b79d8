package awsperm

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	ddbtypes "github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/permgen/permgen/generated/aws/iampolicy"
)

// Unknown is not absent (issue 17): "Allow *" plus a specific Deny, under every
// way a guard can fail to know the resource or a condition key, with real
// clients against a local endpoint. The Deny applies when it could apply for
// some value of what is unknown; a call it cannot concern goes through.
func TestGuardUnknownsNeverBypassADeny(t *testing.T) {
	ctx := context.Background()
	key := map[string]ddbtypes.AttributeValue{"id": &ddbtypes.AttributeValueMemberS{Value: "1"}}
	for _, tc := range []struct {
		name, deny string
		opts       []Option
		call       func(c clients) error
		denied     bool
		unknowns   string // the DeniedError's, joined
		hint       string // in the error text
	}{
		{name: "no account (WithGuard): the table's deny applies", deny: `"Action":"dynamodb:*","Resource":"arn:aws:dynamodb:us-east-1:111122223333:table/secret"`,
			call: func(c clients) error {
				_, err := c.ddb.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String("secret"), Key: key})
				return err
			}, denied: true, unknowns: "Account", hint: "awsperm.Account(id)"},
		{name: "no account: another table's deny does not", deny: `"Action":"dynamodb:*","Resource":"arn:aws:dynamodb:us-east-1:111122223333:table/secret"`,
			call: func(c clients) error {
				_, err := c.ddb.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String("users"), Key: key})
				return err
			}},
		{name: "an S3 key holding *: the deny on the prefix applies", deny: `"Action":"s3:GetObject","Resource":"arn:aws:s3:::photos/secret/*"`,
			call: func(c clients) error {
				_, err := c.s3.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("photos"), Key: aws.String("secret/a*.txt")})
				return err
			}, denied: true},
		{name: "an S3 key holding * elsewhere", deny: `"Action":"s3:GetObject","Resource":"arn:aws:s3:::photos/secret/*"`,
			call: func(c clients) error {
				_, err := c.s3.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("photos"), Key: aws.String("public/a*.txt")})
				return err
			}},
		{name: "a partial Lambda ARN: the deny on admin-* applies", deny: `"Action":"lambda:*","Resource":"arn:aws:lambda:us-east-1:123456789012:function:admin-*"`,
			opts: []Option{Account(testAccount)},
			call: func(c clients) error {
				_, err := c.lambda.Invoke(ctx, &lambda.InvokeInput{FunctionName: aws.String("123456789012:function:admin-reset")})
				return err
			}, denied: true, unknowns: "FunctionName", hint: "${FunctionName}"},
		{name: "an unobservable key: the deny conditioned on it applies", deny: `"Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/team":"red"}}`,
			opts: []Option{Account(testAccount)},
			call: func(c clients) error {
				_, err := c.s3.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("photos"), Key: aws.String("cat.png")})
				return err
			}, denied: true, unknowns: "aws:PrincipalTag/team", hint: `awsperm.ConditionKey("aws:PrincipalTag/team", values...)`},
		{name: "the key made known", deny: `"Action":"*","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/team":"red"}}`,
			opts: []Option{Account(testAccount), ConditionKey("aws:PrincipalTag/team", "blue")},
			call: func(c clients) error {
				_, err := c.s3.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("photos"), Key: aws.String("cat.png")})
				return err
			}},
		{name: "NotIpAddress with the source address unknown", deny: `"Action":"*","Resource":"*","Condition":{"NotIpAddress":{"aws:SourceIp":"10.0.0.0/8"}}`,
			opts: []Option{Account(testAccount)},
			call: func(c clients) error {
				_, err := c.s3.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("photos"), Key: aws.String("cat.png")})
				return err
			}, denied: true, unknowns: "aws:SourceIp"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			p, err := iampolicy.Parse([]byte(`{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"},{"Sid":"TheDeny","Effect":"Deny",` + tc.deny + `}]}`))
			if err != nil {
				t.Fatal(err)
			}
			f := newFakeAWS(t)
			g := mustGuard(t, []*iampolicy.Policy{p}, tc.opts...)
			c := newClients(testConfig(f.URL, func(c *aws.Config) { c.APIOptions = append(c.APIOptions, g.APIOption()) }), f.URL)
			err = tc.call(c)
			var d *DeniedError
			switch {
			case !tc.denied && err != nil:
				t.Fatalf("err = %v, want the call through", err)
			case !tc.denied:
				return
			case !errors.As(err, &d) || !d.Explicit || !strings.Contains(d.Statement, "TheDeny"):
				t.Fatalf("err = %v, want an explicit deny by TheDeny", err)
			case strings.Join(d.Unknowns, ",") != tc.unknowns:
				t.Errorf("unknowns %q, want %q (%v)", d.Unknowns, tc.unknowns, err)
			case !strings.Contains(err.Error(), tc.hint):
				t.Errorf("error %q lacks %q", err, tc.hint)
			}
			if f.count() != 0 {
				t.Error("a denied call reached the server")
			}
		})
	}
}

// KMS keys and role trust policies "must explicitly allow access for principals"
// (reference_policies_evaluation-logic): the guard takes them by resource, and a
// denial for the lack of one says so.
func TestGuardResourcePolicies(t *testing.T) {
	allowAll, _ := iampolicy.Parse([]byte(`{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}`))
	keyARN := "arn:aws:kms:us-east-1:123456789012:key/k1"
	decrypt := func(t *testing.T, g *Guard) error {
		c, err := resolve("KMS", "Decrypt", &struct{ KeyId *string }{aws.String(keyARN)}, env{partition: "aws", region: "us-east-1", account: testAccount})
		if err != nil {
			t.Fatal(err)
		}
		return g.Check(c)
	}
	err := decrypt(t, mustGuard(t, []*iampolicy.Policy{allowAll}, Account(testAccount)))
	var d *DeniedError
	if !errors.As(err, &d) || d.NoResourcePolicy != "key policy" || !strings.Contains(err.Error(), "no key policy given") {
		t.Fatalf("without a key policy: %v", err)
	}
	keyPolicy, _ := iampolicy.Parse([]byte(`{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::123456789012:root"},"Action":"kms:*","Resource":"*"}}`))
	g := mustGuard(t, []*iampolicy.Policy{allowAll}, Account(testAccount), Principal("arn:aws:iam::123456789012:user/alice"), ResourcePolicy(keyARN, keyPolicy))
	if err := decrypt(t, g); err != nil {
		t.Errorf("key policy trusting the account, identity allows: %v", err)
	}
	g = mustGuard(t, []*iampolicy.Policy{allowAll}, Account(testAccount), Principal("arn:aws:iam::123456789012:user/alice"),
		ResourcePolicies(func(arn string) *iampolicy.Policy {
			if arn == keyARN {
				return keyPolicy
			}
			return nil
		}))
	if err := decrypt(t, g); err != nil {
		t.Errorf("by lookup: %v", err)
	}
	// Without the principal, a key policy naming the account cannot be matched.
	g = mustGuard(t, []*iampolicy.Policy{allowAll}, Account(testAccount), ResourcePolicy(keyARN, keyPolicy))
	if err := decrypt(t, g); err == nil {
		t.Error("an unknown principal matched the key policy's account")
	}
}

// NewGuard refuses what it cannot guard with, with the reason: never a panic in
// the middleware later.
func TestNewGuardRefuses(t *testing.T) {
	withPrincipal, _ := iampolicy.Parse([]byte(`{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":"*","Action":"*","Resource":"*"}}`))
	noResource, _ := iampolicy.Parse([]byte(`{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*"}}`))
	ok, _ := iampolicy.Parse([]byte(`{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}`))
	for _, c := range []struct {
		name     string
		policies []*iampolicy.Policy
		opts     []Option
		want     string
	}{
		{"nil policy", []*iampolicy.Policy{nil}, nil, "policy 0 is nil"},
		{"Principal in an identity policy", []*iampolicy.Policy{withPrincipal}, nil, "Statement[0].Principal"},
		{"no Resource", []*iampolicy.Policy{noResource}, nil, "Statement[0].Resource"},
		{"a built policy with no effect", []*iampolicy.Policy{{Version: iampolicy.Version2012, Statement: []iampolicy.Statement{{Action: []string{"*"}, Resource: []string{"*"}}}}}, nil, `Statement[0].Effect: is missing`},
		{"trust policy with no principal", []*iampolicy.Policy{ok}, []Option{ResourcePolicy("arn:aws:iam::123456789012:role/R", ok)}, "trust policy"},
		{"ConditionKey without a value", []*iampolicy.Policy{ok}, []Option{ConditionKey("aws:SourceIp")}, "needs a value"},
	} {
		g, err := NewGuard(c.policies, c.opts...)
		if g != nil || err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: NewGuard = %v, %v; want an error containing %q", c.name, g, err, c.want)
		}
	}
	if err := WithGuard(nil)(nil); err == nil {
		t.Error("WithGuard(nil) loads a config")
	}
}

// A recorder that recorded nothing gives no policy and says why; the guard built
// from its answer is refused, not a panic on the first call.
func TestEmptyRecorderPolicy(t *testing.T) {
	p, err := NewRecorder().Policy()
	if p != nil || err == nil {
		t.Fatalf("Policy() = %v, %v; want nil and an error", p, err)
	}
	if _, err := NewGuard([]*iampolicy.Policy{p}); err == nil {
		t.Error("NewGuard took the nil policy")
	}
}
