package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/vendors/aws"
)

// fakeAWSModel is a few real rows of the s3 page, as the model holds them.
func fakeAWSModel() []*model.Service {
	return []*model.Service{{
		Kind: model.FormatAWSSAR, ShortName: "s3", Name: "Amazon S3",
		ConditionKeys: []model.ConditionKey{{Name: "s3:authType", Type: "String"}, {Name: "s3:ExistingObjectTag/<key>", Type: "String"},
			{Name: "s3:max-keys", Type: "Numeric"}, {Name: "aws:TagKeys", Type: "ArrayOfString"}},
		ResourceTypes: []model.ResourceType{
			{Service: "s3", Name: "bucket", Pattern: "arn:${Partition}:s3:::${BucketName}"},
			{Service: "s3", Name: "object", Pattern: "arn:${Partition}:s3:::${BucketName}/${ObjectName}"},
		},
		Actions: []model.Action{
			{Name: "GetObject", AccessLevel: "Read", ResourceTypes: []model.ActionResourceType{{Name: "object", Required: true}},
				ConditionKeys: []string{"s3:ExistingObjectTag/<key>", "s3:authType"}},
			{Name: "ListAllMyBuckets", AccessLevel: "List"},
			{Name: "ListBucket", AccessLevel: "List", ResourceTypes: []model.ActionResourceType{{Name: "bucket", Required: true}},
				ConditionKeys: []string{"s3:max-keys"}},
			{Name: "PutObject", AccessLevel: "Write", ResourceTypes: []model.ActionResourceType{{Name: "object", Required: true}},
				ConditionKeys: []string{"aws:TagKeys"}, DependentActions: []string{"s3:PutObjectTagging"}},
			{Name: "PutObjectTagging", AccessLevel: "Tagging", ResourceTypes: []model.ActionResourceType{{Name: "object", Required: true}}},
		},
	}}
}

func withFakeAWS(t *testing.T) {
	t.Helper()
	old := policyCatalogServices
	policyCatalogServices = func(in, format string) ([]*model.Service, string, error) {
		if format == model.FormatAWSSAR {
			return fakeAWSModel(), "", nil
		}
		return old(in, format)
	}
	t.Cleanup(func() { policyCatalogServices = old })
}

func runAWSPolicy(t *testing.T, in string, args ...string) (string, string, int) {
	t.Helper()
	stdin = strings.NewReader(in)
	var out, errb bytes.Buffer
	err := runPolicy(args, &out, &errb)
	code := 0
	var ee exitError
	if errors.As(err, &ee) {
		code = ee.code
	} else if err != nil {
		t.Fatalf("%v: %v", args, err)
	}
	return out.String(), errb.String(), code
}

func TestPolicyLintAWS(t *testing.T) {
	withFakeAWS(t)
	doc := `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["s3:GetObjet","s3:ListBucket"],"Resource":"arn:aws:s3:::b","Condition":{"StringEquals":{"s3:max-keys":"10"}}}]}`
	out, _, code := runAWSPolicy(t, doc, "lint", "-")
	want := "stdin: Statement[0].Action[0]: error: s3 has no action \"GetObjet\" [AWS011] (fix: did you mean s3:GetObject?)\n" +
		"stdin: Statement[0].Condition.StringEquals.s3:max-keys: error: s3:max-keys is a Numeric key; StringEquals compares String values, so the condition never holds as meant [AWS031] (fix: use a Numeric operator)\n"
	if out != want || code != 1 {
		t.Errorf("exit %d\n%s\nwant\n%s", code, out, want)
	}
	out, _, code = runAWSPolicy(t, `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::b"}}`, "lint", "-format", "json", "-")
	if code != 0 || strings.TrimSpace(out) != "[]" {
		t.Errorf("clean policy: exit %d, %s", code, out)
	}
	// A document the grammar refuses gets a finding per fault (a document that
	// is not JSON is not known to be AWS's, and goes to the CAM command).
	out, _, code = runAWSPolicy(t, `{"Version":"2012-10-17","Statement":{"Effect":"Allow"}}`, "lint", "-")
	if code != 1 || !strings.Contains(out, "Statement[0].Action: error: no Action or NotAction [AWS002]") {
		t.Errorf("bad policy: exit %d, %s", code, out)
	}
}

func TestPolicyEvalAWS(t *testing.T) {
	withFakeAWS(t)
	dir := t.TempDir()
	write := func(name, s string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	req := write("req.json", `{"principal":"arn:aws:iam::111122223333:user/alice","action":"s3:GetObject","resource":"arn:aws:s3:::b/alice/x","context":{"aws:username":"alice"}}`)
	pol := write("p.json", `{"Version":"2012-10-17","Statement":{"Sid":"Home","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/${aws:username}/*","Condition":{"BoolIfExists":{"aws:SecureTransport":"true"}}}}`)
	bnd := write("b.json", `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"ec2:*","Resource":"*"}}`)
	out, _, code := runAWSPolicy(t, "", "eval", "-request", req, pol)
	want := "allow\ndeciding: identity policy 0 statement 0 (Home) (" + pol + ")\nmissing context keys: aws:SecureTransport\n"
	if code != 0 || out != want {
		t.Errorf("exit %d:\n%s\nwant\n%s", code, out, want)
	}
	out, _, code = runAWSPolicy(t, "", "eval", "-request", req, pol, "-boundary", bnd, "-format", "json")
	var got aws.EvalOutput
	if err := json.Unmarshal([]byte(out), &got); err != nil || code != 1 || got.Decision != "implicit_deny" || !got.ByBoundary {
		t.Errorf("exit %d: %s (%v)", code, out, err)
	}
	_, errOut, code := runAWSPolicy(t, "", "eval", "-request", req, pol, write("bad.json", `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Action":"x"}}`))
	if code != 2 || !strings.Contains(errOut, `bad.json: $.Statement: duplicate key "Action"`) {
		t.Errorf("exit %d: %s", code, errOut)
	}
}

func TestPolicyWriteAWS(t *testing.T) {
	withFakeAWS(t)
	out, errOut, code := runAWSPolicy(t, "s3:PutObject arn:aws:s3:::b/uploads/*\nread arn:aws:s3:::b/reports/*\ns3:ListAllMyBuckets\n", "write", "-vendor", "aws")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	want := `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "S3ListNoResource",
      "Effect": "Allow",
      "Action": "s3:ListAllMyBuckets",
      "Resource": "*"
    },
    {
      "Sid": "S3ReadObject",
      "Effect": "Allow",
      "Action": "s3:GetObject",
      "Resource": "arn:aws:s3:::b/reports/*"
    },
    {
      "Sid": "S3TaggingAny",
      "Effect": "Allow",
      "Action": "s3:PutObjectTagging",
      "Resource": "*"
    },
    {
      "Sid": "S3WriteObject",
      "Effect": "Allow",
      "Action": "s3:PutObject",
      "Resource": "arn:aws:s3:::b/uploads/*"
    }
  ]
}
`
	if out != want {
		t.Errorf("got\n%s", out)
	}
	if !strings.Contains(errOut, "note: added s3:PutObjectTagging: s3:PutObject lists it as a dependent action") {
		t.Errorf("notes: %s", errOut)
	}
}

func TestPolicyWriteAWSErrors(t *testing.T) {
	withFakeAWS(t)
	stdin = strings.NewReader("s3:GetObjet\nfly arn:aws:s3:::b\n")
	var out, errb bytes.Buffer
	err := runPolicy([]string{"write", "-vendor", "aws"}, &out, &errb)
	if err == nil || !strings.Contains(err.Error(), `stdin:1: unknown action "s3:GetObjet"; did you mean s3:GetObject?`) ||
		!strings.Contains(err.Error(), `stdin:2: "fly" is neither an action nor an access level`) {
		t.Errorf("err = %v", err)
	}
	if out.Len() != 0 {
		t.Errorf("wrote %s", out.String())
	}
}
