package awsops

import (
	"bytes"
	"strings"
	"testing"
	"testing/fstest"
)

// The newest API version of a service ID is kept (the Go SDK's module is
// generated from it), the signing name falls back to the endpoint prefix (the
// SigV4 signing name then), a bearer service has none, and both spellings of
// "sent unsigned" are read.
func TestReadJSModels(t *testing.T) {
	fsys := fstest.MapFS{
		"cloudfront-2019-03-26.min.json":        {Data: []byte(`{"metadata":{"serviceId":"CloudFront","apiVersion":"2019-03-26","endpointPrefix":"cloudfront","signatureVersion":"v4"},"operations":{"Old":{}}}`)},
		"cloudfront-2020-05-31.min.json":        {Data: []byte(`{"metadata":{"serviceId":"CloudFront","apiVersion":"2020-05-31","endpointPrefix":"cloudfront","signatureVersion":"v4"},"operations":{"GetDistribution":{},"CreateDistribution":{}}}`)},
		"sso-2019-06-10.min.json":               {Data: []byte(`{"metadata":{"serviceId":"SSO","apiVersion":"2019-06-10","endpointPrefix":"portal.sso","signingName":"awsssoportal","signatureVersion":"v4"},"operations":{"GetRoleCredentials":{"authtype":"none"},"Logout":{"auth":["smithy.api#noAuth"]},"Other":{"auth":["aws.auth#sigv4","smithy.api#noAuth"]}}}`)},
		"codecatalyst-2022-09-28.min.json":      {Data: []byte(`{"metadata":{"serviceId":"CodeCatalyst","apiVersion":"2022-09-28","endpointPrefix":"codecatalyst","signingName":"codecatalyst","signatureVersion":"bearer"},"operations":{"GetSpace":{}}}`)},
		"cloudfront-2020-05-31.paginators.json": {Data: []byte(`not a model`)},
	}
	got, err := ReadJSModels(fsys, "apis")
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 {
		t.Fatalf("%d services, want 3: %+v", len(got), got)
	}
	cf, cc, sso := got[0], got[1], got[2]
	if cf.ServiceID != "CloudFront" || cf.APIVersion != "2020-05-31" || len(cf.Operations) != 2 || cf.SigningName != "cloudfront" {
		t.Errorf("CloudFront: %+v, want the 2020-05-31 model with its two operations, signing as its endpoint prefix", cf)
	}
	if cc.SigningName != "" {
		t.Errorf("CodeCatalyst signs with a bearer token, yet has signing name %q", cc.SigningName)
	}
	unsigned := map[string]bool{}
	for _, op := range sso.Operations {
		unsigned[op.Name] = op.Anonymous
	}
	if sso.SigningName != "awsssoportal" || !unsigned["GetRoleCredentials"] || !unsigned["Logout"] || unsigned["Other"] {
		t.Errorf("SSO: %+v; want GetRoleCredentials and Logout unsigned, Other (sigv4 or none) signed", sso)
	}
}

func TestReadJSModelsRefusesAModelWithoutServiceID(t *testing.T) {
	fsys := fstest.MapFS{"x-2020-01-01.min.json": {Data: []byte(`{"metadata":{"apiVersion":"2020-01-01"},"operations":{"A":{}}}`)}}
	_, err := ReadJSModels(fsys, "apis")
	if err == nil || !strings.Contains(err.Error(), "apis/x-2020-01-01.min.json") || !strings.Contains(err.Error(), "serviceId") {
		t.Fatalf("err = %v, want one naming the file and serviceId", err)
	}
}

// What WriteJSTable writes, ParseJSTable reads back.
func TestJSTableRoundTrip(t *testing.T) {
	in := []JSService{
		{ServiceID: "SSO", APIVersion: "2019-06-10", SigningName: "awsssoportal", SignatureVersion: "v4",
			Operations: []SDKOperation{{Name: "GetRoleCredentials", Anonymous: true}, {Name: "ListAccounts"}}},
		{ServiceID: "CodeCatalyst", APIVersion: "2022-09-28", SignatureVersion: "bearer", Operations: []SDKOperation{{Name: "GetSpace"}}},
	}
	var b bytes.Buffer
	if err := WriteJSTable(&b, "aws-sdk@0.0.0", "2025-12-09", in); err != nil {
		t.Fatal(err)
	}
	m, err := ParseJSTable("t.tsv", &b)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Services) != 2 || m.Services[0].ServiceID != "SSO" || m.Services[0].SigningName != "awsssoportal" ||
		len(m.Services[0].Operations) != 2 || !m.Services[0].Operations[0].Anonymous || m.Services[0].Operations[1].Anonymous ||
		m.Services[1].SigningName != "" || m.Services[1].Version != "2022-09-28" {
		t.Fatalf("round trip: %+v", m.Services)
	}
}

// A bad row names the file, the row and the column, and nothing is returned.
func TestParseJSTableErrors(t *testing.T) {
	for _, tc := range []struct{ text, want string }{
		{"# c\nS3\t2006-03-01\ts3\ts3\tGetObject\n", "t.tsv: row 2: 5 columns, want 6"},
		{"S3\t2006-03-01\ts3\ts3\t\t\n", "t.tsv: row 1: column operation is empty"},
		{"S3\t2006-03-01\ts3\ts3\tGetObject\tyes\n", "t.tsv: row 1: column unsigned is \"yes\""},
		{"S3\t2006-03-01\ts3\ts3\tA\t\nS3\t2006-03-01\tother\ts3\tB\t\n", "t.tsv: row 2: service \"S3\" has api_version"},
		{"# only comments\n", "t.tsv: no row"},
	} {
		m, err := ParseJSTable("t.tsv", strings.NewReader(tc.text))
		if err == nil || !strings.Contains(err.Error(), tc.want) || m != nil {
			t.Errorf("%q: err = %v, want %q and no models", tc.text, err, tc.want)
		}
	}
}

// An unrouted service without a reason is refused, naming the entry.
func TestParseOverridesUnroutedNeedsAReason(t *testing.T) {
	_, err := ParseOverrides("operations.json", []byte(`{"unrouted":[{"service_id":"CodeCatalyst","no_iam":true,"reason":" "}]}`))
	if err == nil || !strings.Contains(err.Error(), `operations.json: unrouted[0] ("CodeCatalyst"): service_id and reason are required`) {
		t.Fatalf("err = %v", err)
	}
	ov, err := ParseOverrides("operations.json", []byte(`{"unrouted":[{"service_id":"CodeCatalyst","no_iam":true,"reason":"bearer token"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	m := &SDKModels{Services: []SDKService{{ServiceID: "CodeCatalyst"}, {ServiceID: "S3"}}}
	ov.MarkUnrouted(m)
	if m.Services[0].Unrouted != "bearer token" || m.Services[1].Unrouted != "" {
		t.Fatalf("MarkUnrouted: %+v", m.Services)
	}
}
