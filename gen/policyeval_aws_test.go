package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/permgen/permgen/internal/vendors/aws"
)

// An AWS request with no identity policy is a valid question: "a bucket policy
// alone can grant a same-account user" (issue 17, item 14), and no policy at all
// is an implicit deny. What the catalog cannot read exits 2 with a suggestion.
func TestPolicyEvalAWSWithoutIdentityPolicies(t *testing.T) {
	withFakeAWS(t)
	dir := t.TempDir()
	write := func(name, s string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	req := write("req.json", `{"principal":"arn:aws:iam::111122223333:user/alice","action":"s3:GetObject","resource":"arn:aws:s3:::b/x"}`)
	bucket := write("bucket.json", `{"Version":"2012-10-17","Statement":{"Sid":"Alice","Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:user/alice"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}}`)
	out, errOut, code := runAWSPolicy(t, "", "eval", "-request", req, "-resource-policy", bucket)
	if code != 0 || !strings.HasPrefix(out, "allow\ndeciding: resource policy statement 0 (Alice)\n") {
		t.Errorf("bucket policy alone: exit %d\n%s%s", code, out, errOut)
	}
	out, errOut, code = runAWSPolicy(t, "", "eval", "-request", req, "-format", "json")
	var got aws.EvalOutput
	if err := json.Unmarshal([]byte(out), &got); err != nil || code != 1 || got.Decision != "implicit_deny" {
		t.Errorf("no policy at all: exit %d\n%s%s", code, out, errOut)
	}
	// An identity policy given as the resource policy is refused for its role.
	identity := write("identity.json", `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}`)
	_, errOut, code = runAWSPolicy(t, "", "eval", "-request", req, "-resource-policy", identity)
	if code != 2 || !strings.Contains(errOut, "identity.json: as the resource policy: Statement[0].Principal: a statement of a resource-based policy needs Principal") {
		t.Errorf("identity policy as resource policy: exit %d: %s", code, errOut)
	}
}

func TestPolicyEvalAWSRefusesWhatItCannotRead(t *testing.T) {
	withFakeAWS(t)
	dir := t.TempDir()
	pol := filepath.Join(dir, "p.json")
	if err := os.WriteFile(pol, []byte(`{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*"}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ req, want string }{
		{`{"principal":"arn:aws:iam::111122223333:user/alice","action":"s3:GetObjet","resource":"arn:aws:s3:::b/x"}`, `s3 has no action "GetObjet"; did you mean s3:GetObject?`},
		{`{"principal":"arn:aws:iam::111122223333:user/alice","action":"s4:GetObject","resource":"arn:aws:s3:::b/x"}`, `no AWS service has the prefix "s4"; did you mean s3:GetObject?`},
		{`{"principal":"arn:aws:iam::111122223333:user/alice","action":"s3:GetObject","resource":"b/x"}`, `resource "b/x" is neither "*" nor an ARN`},
		{`{"principal":"alice","action":"s3:GetObject","resource":"arn:aws:s3:::b/x"}`, `principal "alice" is neither an ARN`},
		{`{"action":"s3:*","resource":"*"}`, `action "s3:*" is not "service:Action"`},
		{`{"action":"s3:GetObject","resource":"arn:aws:s3:::b/x","unknown":{"parts":["Account"]}}`, `unknown.parts: "Account" is not a ${Account} placeholder`},
	} {
		req := filepath.Join(dir, "req.json")
		if err := os.WriteFile(req, []byte(c.req), 0o644); err != nil {
			t.Fatal(err)
		}
		out, errOut, code := runAWSPolicy(t, "", "eval", "-request", req, pol)
		if code != 2 || !strings.Contains(errOut, c.want) {
			t.Errorf("%s: exit %d, want 2 with %q\n%s%s", c.req, code, c.want, out, errOut)
		}
	}
}

// The request file may say what it does not know; the answer then fails closed
// and names the unknowns.
func TestPolicyEvalAWSUnknowns(t *testing.T) {
	withFakeAWS(t)
	dir := t.TempDir()
	write := func(name, s string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	pol := write("p.json", `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"},
{"Sid":"NoRed","Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"StringEquals":{"aws:PrincipalTag/team":"red"}}}]}`)
	req := write("req.json", `{"action":"s3:GetObject","resource":"arn:aws:s3:::b/x","unknown":{"keys":["aws:PrincipalTag/team"]}}`)
	out, errOut, code := runAWSPolicy(t, "", "eval", "-request", req, pol)
	if code != 1 || !strings.HasPrefix(out, "explicit_deny\ndeciding: identity policy 0 statement 1 (NoRed)") || !strings.Contains(out, "decided with unknowns: aws:PrincipalTag/team\n") {
		t.Errorf("exit %d\n%s%s", code, out, errOut)
	}
}
