package awsops

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/permgen/permgen/internal/model"
)

// s3Page is a few rows of the S3 page as the model carries them. The links are the
// page's: "GetBucketCORS" links API_GetBucketCors.html and "ListBucket" links
// API_ListObjectsV2.html; "BypassGovernanceRetention" links no API operation.
func s3Page() *model.Service {
	return &model.Service{Kind: model.FormatAWSSAR, ShortName: "s3", Actions: []model.Action{
		{Name: "BypassGovernanceRetention", Pos: model.Pos{File: "sources/aws/list_amazons3.html", Table: "Actions", Row: 1}},
		{Name: "GetBucketCORS", Operation: "GetBucketCors"},
		{Name: "GetObject", Operation: "GetObject"},
		{Name: "ListBucket", Operation: "ListObjectsV2"},
		{Name: "OldThing", Operation: "OldThing", Deprecated: &model.Deprecation{Date: "2026-01-01"}},
	}}
}

func TestBuildFromLinks(t *testing.T) {
	ops, diags := Build([]*model.Service{s3Page(), {Kind: model.FormatTencentCAM, ShortName: "ccc", Actions: []model.Action{{Name: "X"}}}}, nil)
	want := []Operation{
		{Prefix: "s3", Operation: "BypassGovernanceRetention", Actions: []string{"s3:BypassGovernanceRetention"}, ByName: true},
		{Prefix: "s3", Operation: "GetBucketCORS", Actions: []string{"s3:GetBucketCORS"}, ByName: true},
		{Prefix: "s3", Operation: "GetBucketCors", Actions: []string{"s3:GetBucketCORS"}},
		{Prefix: "s3", Operation: "GetObject", Actions: []string{"s3:GetObject"}},
		{Prefix: "s3", Operation: "ListBucket", Actions: []string{"s3:ListBucket"}, ByName: true},
		{Prefix: "s3", Operation: "ListObjectsV2", Actions: []string{"s3:ListBucket"}},
	}
	if diff := cmp.Diff(want, ops); diff != "" {
		t.Errorf("operations (-want +got):\n%s", diff)
	}
	// The action linking nothing is reached by name, and the lint says so.
	if len(diags) != 1 || diags[0].Code != "aws-no-operation" || diags[0].Fixed != "reached by the SDK operation of its own name" ||
		!strings.Contains(diags[0].String(), "s3:BypassGovernanceRetention links no API operation") ||
		!strings.Contains(diags[0].String(), "list_amazons3.html: table Actions row 1") {
		t.Errorf("diagnostics = %v", diags)
	}
}

func TestBuildOverrides(t *testing.T) {
	ov := &Overrides{Operations: []OperationOverride{
		{Prefix: "s3", Operation: "HeadObject", Actions: []string{"s3:GetObject"}, Reason: "HEAD needs s3:GetObject"},
		{Prefix: "s3", Operation: "PutObjectLegalHold", Actions: []string{"s3:BypassGovernanceRetention", "s3:NoSuchAction"}, Reason: "made up for the test"},
		{Prefix: "ec2", Operation: "RunInstances", Actions: []string{"ec2:RunInstances"}, Reason: "a service this run does not carry"},
	}}
	ops, diags := Build([]*model.Service{s3Page()}, ov)
	got := map[string][]string{}
	for _, o := range ops {
		got[o.Operation] = o.Actions
	}
	if !cmp.Equal(got["HeadObject"], []string{"s3:GetObject"}) || !cmp.Equal(got["PutObjectLegalHold"], []string{"s3:BypassGovernanceRetention"}) {
		t.Errorf("operations = %v", got)
	}
	if _, ok := got["RunInstances"]; ok {
		t.Error("an override of a service the run does not carry was applied")
	}
	var codes []string
	for _, d := range diags {
		codes = append(codes, d.Code+" "+d.Fixed)
	}
	want := []string{"aws-no-operation made up for the test", "aws-operation-override-unknown-action "}
	if !cmp.Equal(codes, want) {
		t.Errorf("diagnostics = %q, want %q", codes, want)
	}
}

func TestParseOverridesErrors(t *testing.T) {
	_, err := ParseOverrides("ops.json", []byte(`{"services":[{"service_id":"SFN","prefix":"states"}],
		"operations":[{"prefix":"s3","operation":"HeadObject","actions":["GetObject"],"reason":"r"}]}`))
	if err == nil {
		t.Fatal("no error")
	}
	for _, want := range []string{`ops.json: services[0] ("SFN"): service_id, prefix and reason are required`,
		`ops.json: operations[0] (s3:HeadObject): action "GetObject" is not prefix:Name`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
	if _, err := ParseOverrides("ops.json", []byte(`{"service":[]}`)); err == nil || !strings.Contains(err.Error(), `unknown field "service"`) {
		t.Errorf("unknown field: %v", err)
	}
}

func TestNormalizeServiceID(t *testing.T) {
	for in, want := range map[string]string{"S3": "s3", "DynamoDB": "dynamodb", "Cognito Identity Provider": "cognitoidentityprovider",
		"cognito-idp": "cognitoidp", "Elastic Load Balancing v2": "elasticloadbalancingv2", "ApiGatewayV2": "apigatewayv2"} {
		if got := NormalizeServiceID(in); got != want {
			t.Errorf("NormalizeServiceID(%q) = %q, want %q", in, got, want)
		}
	}
}

// The S3 page links API_GetObject.html from both s3:GetObject and s3:GetObjectVersion;
// KMS links API_ReEncrypt.html from kms:ReEncryptFrom and kms:ReEncryptTo.
func TestBuildSharedOperations(t *testing.T) {
	s3 := &model.Service{Kind: model.FormatAWSSAR, ShortName: "s3", Actions: []model.Action{
		{Name: "DeleteObject", Operation: "DeleteObject"},
		{Name: "DeleteObjectVersion", Operation: "DeleteObject"},
		{Name: "GetObject", Operation: "GetObject"},
		{Name: "GetObjectVersion", Operation: "GetObject"},
	}}
	kms := &model.Service{Kind: model.FormatAWSSAR, ShortName: "kms", Actions: []model.Action{
		{Name: "ReEncryptFrom", Operation: "ReEncrypt"},
		{Name: "ReEncryptTo", Operation: "ReEncrypt"},
	}}
	ov := &Overrides{Operations: []OperationOverride{
		{Prefix: "s3", Operation: "GetObject", When: "VersionId", Actions: []string{"s3:GetObjectVersion"}, Reason: "a version needs s3:GetObjectVersion"},
	}}
	ops, diags := Build([]*model.Service{kms, s3}, ov)
	want := []Operation{
		{Prefix: "kms", Operation: "ReEncrypt", Actions: []string{"kms:ReEncryptFrom", "kms:ReEncryptTo"}},
		{Prefix: "kms", Operation: "ReEncryptFrom", Actions: []string{"kms:ReEncryptFrom"}, ByName: true},
		{Prefix: "kms", Operation: "ReEncryptTo", Actions: []string{"kms:ReEncryptTo"}, ByName: true},
		{Prefix: "s3", Operation: "DeleteObject", Actions: []string{"s3:DeleteObject"}},
		{Prefix: "s3", Operation: "DeleteObjectVersion", Actions: []string{"s3:DeleteObjectVersion"}, ByName: true},
		{Prefix: "s3", Operation: "GetObject", Actions: []string{"s3:GetObject"},
			When: []Conditional{{Field: "VersionId", Actions: []string{"s3:GetObjectVersion"}, Reason: "a version needs s3:GetObjectVersion"}}},
		{Prefix: "s3", Operation: "GetObjectVersion", Actions: []string{"s3:GetObjectVersion"}, ByName: true},
	}
	if diff := cmp.Diff(want, ops); diff != "" {
		t.Errorf("operations (-want +got):\n%s", diff)
	}
	var got []string
	for _, d := range diags {
		got = append(got, d.String())
	}
	wantDiags := []string{
		"aws-operation-several-actions: kms:ReEncrypt is linked from kms:ReEncryptFrom, kms:ReEncryptTo: a call needs all of them",
		"aws-operation-shared: s3:DeleteObjectVersion also links s3:DeleteObject; a call is mapped to s3:DeleteObject unless an override says when it needs s3:DeleteObjectVersion",
		"aws-operation-shared: s3:GetObjectVersion also links s3:GetObject; a call is mapped to s3:GetObject unless an override says when it needs s3:GetObjectVersion (corrected by override: a version needs s3:GetObjectVersion)",
	}
	if diff := cmp.Diff(wantDiags, got); diff != "" {
		t.Errorf("diagnostics (-want +got):\n%s", diff)
	}
}

// A wrong link does not hide the action from the operation of its own name: the IAM
// page links iam:DisableOutboundWebIdentityFederation to
// API_AddClientIDToOpenIDConnectProvider.html.
func TestBuildSameNameFallback(t *testing.T) {
	iam := &model.Service{Kind: model.FormatAWSSAR, ShortName: "iam", Actions: []model.Action{
		{Name: "AddClientIDToOpenIDConnectProvider", Operation: "AddClientIDToOpenIDConnectProvider"},
		{Name: "DisableOutboundWebIdentityFederation", Operation: "AddClientIDToOpenIDConnectProvider"},
	}}
	ops, _ := Build([]*model.Service{iam}, nil)
	got := map[string][]string{}
	for _, o := range ops {
		got[o.Operation] = o.Actions
	}
	if !cmp.Equal(got["DisableOutboundWebIdentityFederation"], []string{"iam:DisableOutboundWebIdentityFederation"}) ||
		!cmp.Equal(got["AddClientIDToOpenIDConnectProvider"], []string{"iam:AddClientIDToOpenIDConnectProvider"}) {
		t.Errorf("operations = %v", got)
	}
}
