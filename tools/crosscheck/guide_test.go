package main

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/permgen/permgen/templates/aws/iampolicy"
)

// TestGuideExamples checks the IAM User Guide's example policies of
// testdata/guide_examples.json: one entry per page, each parsed by iampolicy after its
// placeholders are filled, each with two to six requests iampolicy decides, and the
// three outcomes all present.
func TestGuideExamples(t *testing.T) {
	gs, err := guideExamples()
	if err != nil {
		t.Fatal(err)
	}
	if len(gs) < 50 {
		t.Fatalf("%d guide examples", len(gs))
	}
	seen := map[string]bool{}
	outcomes := map[string]int{}
	for _, g := range gs {
		if seen[g.Name()] {
			t.Errorf("%s twice", g.Name())
		}
		seen[g.Name()] = true
		if !strings.HasPrefix(g.Page, "reference_policies_") || len(g.Commit) != 40 {
			t.Errorf("%s: page %q commit %q", g.Page, g.Page, g.Commit)
		}
		if n := len(g.Requests); n < 2 || n > 6 {
			t.Errorf("%s: %d requests", g.Page, n)
		}
		if _, err := iampolicy.Parse(g.Policy); err != nil {
			t.Errorf("%s: %v", g.Page, err)
		}
	}
	for _, c := range examples() {
		if !strings.HasPrefix(c.Note, "IAM User Guide ") {
			continue
		}
		d, err := Decide(&c)
		if err != nil {
			t.Fatalf("%s: %v", c.Note, err)
		}
		outcomes[d.Outcome.String()]++
	}
	for _, o := range []string{"Allowed", "ExplicitlyDenied", "ImplicitlyDenied"} {
		if outcomes[o] == 0 {
			t.Errorf("no guide request is %s: %v", o, outcomes)
		}
	}
}

// TestGuideExamplesNotJSON: two of the guide's example policies, as published at the
// commits named, are not JSON, so no engine can run them; iampolicy must refuse them
// rather than guess.
func TestGuideExamplesNotJSON(t *testing.T) {
	for page, text := range map[string]string{
		// awsdocs/iam-user-guide@188f0b9ad501f59b4482209942226fa7133b3cfd: trailing comma.
		"reference_policies_examples_iam_read-only-console-no-reporting": `{
    "Version": "2012-10-17",
    "Statement": {
        "Effect": "Allow",
        "Action": [
            "iam:Get*",
            "iam:List*",
        ],
        "Resource": "*"
    }
}`,
		// awsdocs/iam-user-guide@15eecb577c0442cfe315f121fe7364161b443ac7: a second
		// statement object follows "Statement" outside any array.
		"reference_policies_examples_iam_service-accessed-data-orgs": `{
    "Version": "2012-10-17",
    "Statement": {
        "Sid": "AllowOrgsReadOnlyAndIamGetReport",
        "Effect": "Allow",
        "Action": [
            "iam:GetOrganizationsAccessReport",
            "organizations:Describe*",
            "organizations:List*"
        ],
        "Resource": "*"
    },
    {
        "Sid": "AllowGenerateReportOnlyForThePolicy",
        "Effect": "Allow",
        "Action": "iam:GenerateOrganizationsAccessReport",
        "Resource": "*",
        "Condition": {
            "StringEquals": {"iam:OrganizationsPolicyId": "p-policy123"}
        }
    }
}`,
	} {
		if json.Valid([]byte(text)) {
			t.Errorf("%s: valid JSON", page)
		}
		if _, err := iampolicy.Parse([]byte(text)); err == nil {
			t.Errorf("%s: iampolicy accepted a policy that is not JSON", page)
		}
	}
}

// TestContextVerdicts: the two verdicts that come from the request context the peer
// sees, each tested on a guide example.
func TestContextVerdicts(t *testing.T) {
	var c Case
	if err := json.Unmarshal([]byte(`{"id":1,"request":{"principal":"arn:aws:iam::111122223333:user/alice","action":"s3:GetObject","resource":"arn:aws:s3:::bucket-name/cognito/app/us-east-1:abcd/f","context":{"cognito-identity.amazonaws.com:sub":"us-east-1:abcd"}},
"identity":[{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::bucket-name/cognito/app/${cognito-identity.amazonaws.com:sub}/*"}}]}`), &c); err != nil {
		t.Fatal(err)
	}
	if got := contextVerdict(&c, "ImplicitlyDenied", []string{"cognito-identity.amazonaws.com:sub"}); got != "peer-drops-context-key" {
		t.Errorf("verdict %q", got)
	}
	if got := contextVerdict(&c, "ImplicitlyDenied", nil); got != "unexplained" {
		t.Errorf("verdict without ignored keys %q", got)
	}
	if err := json.Unmarshal([]byte(`{"id":2,"request":{"principal":"arn:aws:iam::111122223333:user/alice","action":"datapipeline:ActivatePipeline","resource":"*","context":{"aws:userid":"AIDA1","datapipeline:PipelineCreator":"AIDA2"}},
"identity":[{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":"datapipeline:ActivatePipeline","Resource":"*","Condition":{"StringNotEquals":{"datapipeline:PipelineCreator":"${aws:userid}"}}},{"Effect":"Allow","Action":"*","Resource":"*"}]}]}`), &c); err != nil {
		t.Fatal(err)
	}
	if d, _ := Decide(&c); d.Outcome.String() != "ExplicitlyDenied" {
		t.Fatalf("iampolicy: %s", d.String())
	}
	if got := contextVerdict(&c, "Allowed", nil); got != "peer-catalog-multivalued-key" {
		t.Errorf("verdict %q", got)
	}
}
