package main

import (
	_ "embed"
	"encoding/json"
	"fmt"
	"strings"
)

// guideJSON holds the IAM User Guide's example policies, verbatim (whitespace aside) from
// the pages "Example IAM identity-based policies" (reference_policies_examples_*.html),
// as stored in the awsdocs/iam-user-guide repository (doc_source/<page>.md at the commit
// named), each with requests that exercise it. "fill" lists the guide's own placeholders
// ("replace the italicized placeholder text ... with your own information") and what
// they are replaced by, in order, before the policy is parsed; "admin" requests also carry
// the AWS managed policy AdministratorAccess, for the guide's deny-only policies ("This
// policy does not allow any actions. Use this policy in combination with other policies
// that allow specific actions.").
//
//go:embed testdata/guide_examples.json
var guideJSON []byte

// administratorAccess is the AWS managed policy arn:aws:iam::aws:policy/AdministratorAccess.
const administratorAccess = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}`

// GuideExample is one example policy of the IAM User Guide with its requests.
type GuideExample struct {
	Page     string          `json:"page"`
	Example  int             `json:"example,omitempty"` // the n-th example policy of the page, when it has several
	Commit   string          `json:"commit"`
	Note     string          `json:"note,omitempty"`
	Fill     [][2]string     `json:"fill,omitempty"`
	Policy   json.RawMessage `json:"policy"`
	Requests []struct {
		Action   string         `json:"a"`
		Resource string         `json:"r"`
		Context  map[string]any `json:"c,omitempty"`
		Admin    bool           `json:"admin,omitempty"`
	} `json:"requests"`
}

// Name is the page, and the example's number on it when it has several.
func (g GuideExample) Name() string {
	if g.Example > 0 {
		return fmt.Sprintf("%s.html example %d", g.Page, g.Example)
	}
	return g.Page + ".html"
}

// guideExamples parses guideJSON; the policies are the guide's text with its
// placeholders filled.
func guideExamples() ([]GuideExample, error) {
	var gs []GuideExample
	if err := json.Unmarshal(guideJSON, &gs); err != nil {
		return nil, fmt.Errorf("testdata/guide_examples.json: %w", err)
	}
	for i := range gs {
		text := string(gs[i].Policy)
		for _, f := range gs[i].Fill {
			if !strings.Contains(text, f[0]) {
				return nil, fmt.Errorf("testdata/guide_examples.json: %s: placeholder %q not in the policy", gs[i].Page, f[0])
			}
			text = strings.ReplaceAll(text, f[0], f[1])
		}
		gs[i].Policy = json.RawMessage(text)
	}
	return gs, nil
}

// guide holds policies shaped after the IAM User Guide's example policies
// (reference_policies_examples_*), each with requests that exercise them; the guide's
// own example policies, verbatim, are in guideJSON.
var guide = []struct {
	note     string
	policy   string
	requests []CaseRequest
}{
	{
		note: "s3 home folder by ${aws:username} (iam-policy-example-s3-home-directory)",
		policy: `{"Version":"2012-10-17","Statement":[
{"Sid":"ListYourObjects","Effect":"Allow","Action":"s3:ListBucket","Resource":"arn:aws:s3:::bucket-name","Condition":{"StringLike":{"s3:prefix":["${aws:username}/*"]}}},
{"Sid":"RWDYourObjects","Effect":"Allow","Action":["s3:GetObject","s3:PutObject","s3:DeleteObject"],"Resource":"arn:aws:s3:::bucket-name/${aws:username}/*"}]}`,
		requests: []CaseRequest{
			{Action: "s3:GetObject", Resource: "arn:aws:s3:::bucket-name/alice/notes.txt", Context: map[string]any{"aws:username": "alice"}},
			{Action: "s3:GetObject", Resource: "arn:aws:s3:::bucket-name/bob/notes.txt", Context: map[string]any{"aws:username": "alice"}},
			{Action: "s3:ListBucket", Resource: "arn:aws:s3:::bucket-name", Context: map[string]any{"aws:username": "alice", "s3:prefix": "alice/docs"}},
			{Action: "s3:ListBucket", Resource: "arn:aws:s3:::bucket-name", Context: map[string]any{"aws:username": "alice", "s3:prefix": "bob/"}},
			{Action: "s3:PutObject", Resource: "arn:aws:s3:::bucket-name/alice/x", Context: map[string]any{}},
		},
	},
	{
		note:   "deny outside IP ranges (reference_policies_examples_aws_deny-ip)",
		policy: `{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"*","Resource":"*","Condition":{"NotIpAddress":{"aws:SourceIp":["192.0.2.0/24","203.0.113.0/24"]},"Bool":{"aws:ViaAWSService":"false"}}}}`,
		requests: []CaseRequest{
			{Action: "ec2:DescribeInstances", Resource: "*", Context: map[string]any{"aws:SourceIp": "198.51.100.1", "aws:ViaAWSService": "false"}},
			{Action: "ec2:DescribeInstances", Resource: "*", Context: map[string]any{"aws:SourceIp": "192.0.2.9", "aws:ViaAWSService": "false"}},
			{Action: "ec2:DescribeInstances", Resource: "*", Context: map[string]any{"aws:SourceIp": "198.51.100.1", "aws:ViaAWSService": "true"}},
		},
	},
	{
		note: "MFA-protected actions (reference_policies_examples_aws_my-sec-creds-self-manage)",
		policy: `{"Version":"2012-10-17","Statement":[
{"Sid":"AllowViewAccountInfo","Effect":"Allow","Action":["iam:GetAccountPasswordPolicy","iam:ListVirtualMFADevices"],"Resource":"*"},
{"Sid":"AllowManageOwnPasswords","Effect":"Allow","Action":["iam:ChangePassword","iam:GetUser"],"Resource":"arn:aws:iam::*:user/${aws:username}"},
{"Sid":"DenyAllExceptListedIfNoMFA","Effect":"Deny","NotAction":["iam:CreateVirtualMFADevice","iam:EnableMFADevice","iam:GetUser","iam:ListMFADevices","iam:ListVirtualMFADevices","iam:ResyncMFADevice","sts:GetSessionToken"],"Resource":"*","Condition":{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}}]}`,
		requests: []CaseRequest{
			{Action: "iam:ChangePassword", Resource: "arn:aws:iam::111122223333:user/alice", Context: map[string]any{"aws:username": "alice", "aws:MultiFactorAuthPresent": "true"}},
			{Action: "iam:ChangePassword", Resource: "arn:aws:iam::111122223333:user/alice", Context: map[string]any{"aws:username": "alice"}},
			{Action: "iam:GetUser", Resource: "arn:aws:iam::111122223333:user/alice", Context: map[string]any{"aws:username": "alice"}},
			{Action: "iam:ChangePassword", Resource: "arn:aws:iam::111122223333:user/bob", Context: map[string]any{"aws:username": "alice", "aws:MultiFactorAuthPresent": "true"}},
		},
	},
	{
		note:   "tag-based access with PrincipalTag variable (reference_policies_examples_ec2_tag-owner)",
		policy: `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ec2:StartInstances","ec2:StopInstances"],"Resource":"arn:aws:ec2:*:*:instance/*","Condition":{"StringEquals":{"aws:ResourceTag/Owner":"${aws:username}"}}},{"Effect":"Allow","Action":"ec2:DescribeInstances","Resource":"*"}]}`,
		requests: []CaseRequest{
			{Action: "ec2:StartInstances", Resource: "arn:aws:ec2:us-east-1:111122223333:instance/i-0abc", Context: map[string]any{"aws:username": "alice", "aws:ResourceTag/Owner": "alice"}},
			{Action: "ec2:StartInstances", Resource: "arn:aws:ec2:us-east-1:111122223333:instance/i-0abc", Context: map[string]any{"aws:username": "alice", "aws:ResourceTag/Owner": "bob"}},
			{Action: "ec2:StartInstances", Resource: "arn:aws:ec2:us-east-1:111122223333:instance/i-0abc", Context: map[string]any{"aws:ResourceTag/Owner": "alice"}},
			{Action: "ec2:DescribeInstances", Resource: "*"},
		},
	},
	{
		note:   "allow tagging only with approved keys (reference_policies_condition-single-vs-multi-valued-context-keys)",
		policy: `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:CreateTags","Resource":"arn:aws:ec2:*:*:instance/*","Condition":{"ForAllValues:StringEquals":{"aws:TagKeys":["environment","cost-center"]}}}]}`,
		requests: []CaseRequest{
			{Action: "ec2:CreateTags", Resource: "arn:aws:ec2:us-east-1:111122223333:instance/i-1", Context: map[string]any{"aws:TagKeys": []any{"environment"}}},
			{Action: "ec2:CreateTags", Resource: "arn:aws:ec2:us-east-1:111122223333:instance/i-1", Context: map[string]any{"aws:TagKeys": []any{"environment", "owner"}}},
			{Action: "ec2:CreateTags", Resource: "arn:aws:ec2:us-east-1:111122223333:instance/i-1", Context: map[string]any{}},
		},
	},
	{
		note:   "date window (reference_policies_examples_aws-dates)",
		policy: `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"dynamodb:GetItem","Resource":"*","Condition":{"DateGreaterThan":{"aws:CurrentTime":"2026-04-01T00:00:00Z"},"DateLessThan":{"aws:CurrentTime":"2026-06-30T23:59:59Z"}}}]}`,
		requests: []CaseRequest{
			{Action: "dynamodb:GetItem", Resource: "arn:aws:dynamodb:us-east-1:111122223333:table/Books", Context: map[string]any{"aws:CurrentTime": "2026-05-01T00:00:00Z"}},
			{Action: "dynamodb:GetItem", Resource: "arn:aws:dynamodb:us-east-1:111122223333:table/Books", Context: map[string]any{"aws:CurrentTime": "2026-07-01T00:00:00Z"}},
		},
	},
	{
		note:   "deny all but listed services with NotAction (reference_policies_examples_aws_deny-requested-region)",
		policy: `{"Version":"2012-10-17","Statement":[{"Sid":"DenyAllOutsideRequestedRegions","Effect":"Deny","NotAction":["cloudfront:*","iam:*","route53:*","support:*"],"Resource":"*","Condition":{"StringNotEquals":{"aws:RequestedRegion":["eu-central-1","eu-west-1"]}}},{"Effect":"Allow","Action":"*","Resource":"*"}]}`,
		requests: []CaseRequest{
			{Action: "ec2:DescribeInstances", Resource: "*", Context: map[string]any{"aws:RequestedRegion": "us-east-1"}},
			{Action: "ec2:DescribeInstances", Resource: "*", Context: map[string]any{"aws:RequestedRegion": "eu-west-1"}},
			{Action: "iam:ListUsers", Resource: "*", Context: map[string]any{"aws:RequestedRegion": "us-east-1"}},
			{Action: "ec2:DescribeInstances", Resource: "*", Context: map[string]any{}},
		},
	},
	{
		note:   "NotResource: deny everything except one bucket (reference_policies_elements_notresource)",
		policy: `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"},{"Effect":"Deny","Action":"s3:*","NotResource":["arn:aws:s3:::HRBucket/Payroll","arn:aws:s3:::HRBucket/Payroll/*"]}]}`,
		requests: []CaseRequest{
			{Action: "s3:GetObject", Resource: "arn:aws:s3:::HRBucket/Payroll/jan.csv"},
			{Action: "s3:GetObject", Resource: "arn:aws:s3:::HRBucket/Other/jan.csv"},
			{Action: "S3:getobject", Resource: "arn:aws:s3:::HRBucket/Payroll"},
		},
	},
	{
		note:   "manage own access keys (reference_policies_examples_iam_credentials_console)",
		policy: `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["iam:CreateAccessKey","iam:DeleteAccessKey","iam:ListAccessKeys","iam:UpdateAccessKey"],"Resource":"arn:aws:iam::*:user/${aws:username}"}]}`,
		requests: []CaseRequest{
			{Action: "iam:CreateAccessKey", Resource: "arn:aws:iam::111122223333:user/alice", Context: map[string]any{"aws:username": "alice"}},
			{Action: "iam:CreateAccessKey", Resource: "arn:aws:iam::111122223333:user/bob", Context: map[string]any{"aws:username": "alice"}},
			{Action: "iam:ListAccessKeys", Resource: "arn:aws:iam::111122223333:user/alice"},
		},
	},
	{
		note:   "deny requests not over TLS (reference_policies_examples_s3_deny-except-tls)",
		policy: `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":["arn:aws:s3:::amzn-s3-demo-bucket","arn:aws:s3:::amzn-s3-demo-bucket/*"]},{"Effect":"Deny","Action":"s3:*","Resource":["arn:aws:s3:::amzn-s3-demo-bucket","arn:aws:s3:::amzn-s3-demo-bucket/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}`,
		requests: []CaseRequest{
			{Action: "s3:GetObject", Resource: "arn:aws:s3:::amzn-s3-demo-bucket/a", Context: map[string]any{"aws:SecureTransport": "false"}},
			{Action: "s3:GetObject", Resource: "arn:aws:s3:::amzn-s3-demo-bucket/a", Context: map[string]any{"aws:SecureTransport": "true"}},
			{Action: "s3:ListBucket", Resource: "arn:aws:s3:::amzn-s3-demo-bucket"},
		},
	},
	{
		note:   "resource tag equals principal tag (reference_policies_examples_iam-tag-matches-principal)",
		policy: `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["ec2:StartInstances","ec2:StopInstances"],"Resource":"*","Condition":{"StringEquals":{"aws:ResourceTag/Project":"${aws:PrincipalTag/Project}"}}}]}`,
		requests: []CaseRequest{
			{Action: "ec2:StartInstances", Resource: "arn:aws:ec2:us-east-1:111122223333:instance/i-1", Context: map[string]any{"aws:ResourceTag/Project": "Mercury", "aws:PrincipalTag/Project": "Mercury"}},
			{Action: "ec2:StopInstances", Resource: "arn:aws:ec2:us-east-1:111122223333:instance/i-1", Context: map[string]any{"aws:ResourceTag/Project": "Venus", "aws:PrincipalTag/Project": "Mercury"}},
			{Action: "ec2:StopInstances", Resource: "arn:aws:ec2:us-east-1:111122223333:instance/i-1", Context: map[string]any{"aws:ResourceTag/Project": "Venus"}},
		},
	},
	{
		note:   "tag on create with approved keys and values (reference_policies_examples_ec2_tag-create)",
		policy: `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:CreateTags","Resource":"arn:aws:ec2:*:*:instance/*","Condition":{"StringEquals":{"aws:RequestTag/environment":["preprod","production"]},"ForAllValues:StringEquals":{"aws:TagKeys":["environment","costcenter"]}}}]}`,
		requests: []CaseRequest{
			{Action: "ec2:CreateTags", Resource: "arn:aws:ec2:us-east-1:111122223333:instance/i-1", Context: map[string]any{"aws:RequestTag/environment": "preprod", "aws:TagKeys": []any{"environment"}}},
			{Action: "ec2:CreateTags", Resource: "arn:aws:ec2:us-east-1:111122223333:instance/i-1", Context: map[string]any{"aws:RequestTag/environment": "test", "aws:TagKeys": []any{"environment"}}},
			{Action: "ec2:CreateTags", Resource: "arn:aws:ec2:us-east-1:111122223333:instance/i-1", Context: map[string]any{"aws:RequestTag/environment": "preprod", "aws:TagKeys": []any{"environment", "owner"}}},
		},
	},
	{
		note:   "recent MFA only (reference_policies_examples_aws_mfa-dates)",
		policy: `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ec2:*","Resource":"*","Condition":{"NumericLessThan":{"aws:MultiFactorAuthAge":"3600"}}}]}`,
		requests: []CaseRequest{
			{Action: "ec2:TerminateInstances", Resource: "arn:aws:ec2:us-east-1:111122223333:instance/i-1", Context: map[string]any{"aws:MultiFactorAuthAge": "60"}},
			{Action: "ec2:TerminateInstances", Resource: "arn:aws:ec2:us-east-1:111122223333:instance/i-1", Context: map[string]any{"aws:MultiFactorAuthAge": "7200"}},
			{Action: "ec2:TerminateInstances", Resource: "arn:aws:ec2:us-east-1:111122223333:instance/i-1"},
		},
	},
	{
		note:   "DynamoDB items by principal id (reference_policies_examples_dynamodb_items)",
		policy: `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["dynamodb:GetItem","dynamodb:PutItem","dynamodb:Query"],"Resource":"arn:aws:dynamodb:*:*:table/MyTable","Condition":{"ForAllValues:StringEquals":{"dynamodb:LeadingKeys":["${aws:PrincipalTag/userid}"]}}}]}`,
		requests: []CaseRequest{
			{Action: "dynamodb:GetItem", Resource: "arn:aws:dynamodb:us-east-1:111122223333:table/MyTable", Context: map[string]any{"aws:PrincipalTag/userid": "u1", "dynamodb:LeadingKeys": []any{"u1"}}},
			{Action: "dynamodb:GetItem", Resource: "arn:aws:dynamodb:us-east-1:111122223333:table/MyTable", Context: map[string]any{"aws:PrincipalTag/userid": "u1", "dynamodb:LeadingKeys": []any{"u2"}}},
		},
	},
	{
		note:   "Lambda functions by name prefix (reference_policies_examples_lambda-access-DynamoDB)",
		policy: `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["lambda:InvokeFunction","lambda:GetFunction"],"Resource":"arn:aws:lambda:*:111122223333:function:dev-*"},{"Effect":"Deny","Action":"lambda:DeleteFunction","Resource":"*"}]}`,
		requests: []CaseRequest{
			{Action: "lambda:InvokeFunction", Resource: "arn:aws:lambda:us-east-1:111122223333:function:dev-resize"},
			{Action: "lambda:InvokeFunction", Resource: "arn:aws:lambda:us-east-1:111122223333:function:prod-resize"},
			{Action: "lambda:DeleteFunction", Resource: "arn:aws:lambda:us-east-1:111122223333:function:dev-resize"},
		},
	},
	{
		note:   "allow only from an IP range, with IfExists for service calls (reference_policies_examples_aws_deny-ip)",
		policy: `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*","Condition":{"IpAddressIfExists":{"aws:SourceIp":["192.0.2.0/24","2001:db8::/32"]}}}]}`,
		requests: []CaseRequest{
			{Action: "s3:GetObject", Resource: "arn:aws:s3:::b/k", Context: map[string]any{"aws:SourceIp": "192.0.2.44"}},
			{Action: "s3:GetObject", Resource: "arn:aws:s3:::b/k", Context: map[string]any{"aws:SourceIp": "2001:db8::1"}},
			{Action: "s3:GetObject", Resource: "arn:aws:s3:::b/k", Context: map[string]any{"aws:SourceIp": "198.51.100.1"}},
			{Action: "s3:GetObject", Resource: "arn:aws:s3:::b/k"},
		},
	},
}

// examples turns the guide policies into cases.
func examples() []Case {
	var out []Case
	for _, e := range guide {
		var p any
		if err := json.Unmarshal([]byte(e.policy), &p); err != nil {
			panic("examples: " + e.note + ": " + err.Error())
		}
		for _, r := range e.requests {
			r.Principal = principalARN
			out = append(out, Case{Note: e.note, Request: r, Identity: []any{p}})
		}
	}
	gs, err := guideExamples()
	if err != nil {
		panic("examples: " + err.Error())
	}
	var admin any
	if err := json.Unmarshal([]byte(administratorAccess), &admin); err != nil {
		panic(err)
	}
	for _, g := range gs {
		var p any
		if err := json.Unmarshal(g.Policy, &p); err != nil {
			panic("examples: " + g.Page + ": " + err.Error())
		}
		for _, r := range g.Requests {
			c := Case{
				Note:     "IAM User Guide " + g.Name() + " (awsdocs/iam-user-guide@" + g.Commit[:7] + ")",
				Request:  CaseRequest{Principal: principalARN, Action: r.Action, Resource: r.Resource, Context: r.Context},
				Identity: []any{p},
			}
			if r.Admin {
				c.Note += " + AdministratorAccess"
				c.Identity = append(c.Identity, admin)
			}
			out = append(out, c)
		}
	}
	return out
}
