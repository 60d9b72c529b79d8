package aws

import (
	"bytes"
	"compress/gzip"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/permgen/permgen/internal/awsops"
	"github.com/permgen/permgen/internal/model"
)

func TestLintOperationsListsWhatTheSDKGuardCannotMap(t *testing.T) {
	dir := t.TempDir()
	ovFile := filepath.Join(dir, "operations.json")
	if err := os.WriteFile(ovFile, []byte(`{"services":[],"operations":[
		{"prefix":"s3","operation":"HeadObject","actions":["s3:GetObjectt"],"reason":"typo in the action"},
		{"prefix":"s3","operation":"PutObjectRetention","actions":["s3:BypassGovernanceRetention"],"reason":"needed with the bypass header"}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	svc := &model.Service{Kind: model.FormatAWSSAR, ShortName: "s3", Actions: []model.Action{
		{Name: "BypassGovernanceRetention"},
		{Name: "GetObject", Operation: "GetObject"},
		{Name: "PutStorageLensConfigurationTagging", Pos: model.Pos{File: "sources/aws/list_amazons3.html", Table: "Actions", Row: 90}},
	}}
	var out, errOut bytes.Buffer
	open, err := lintOperations([]*model.Service{svc}, ovFile, &out, &errOut)
	if err != nil {
		t.Fatal(err)
	}
	// The unlinked action is reached by the operation of its own name (issue 20):
	// listed, not open.
	if open != 1 {
		t.Errorf("open = %d, want 1 (the unknown override action)", open)
	}
	for _, want := range []string{
		"aws-operation-override-unknown-action: override of s3:HeadObject names s3:GetObjectt, which no page lists",
		"sources/aws/list_amazons3.html: table Actions row 90: aws-no-operation: s3:PutStorageLensConfigurationTagging links no API operation: the SDK guard cannot map a call to it (corrected by override: reached by the SDK operation of its own name)",
		"s3:BypassGovernanceRetention links no API operation: the SDK guard cannot map a call to it (corrected by override: needed with the bypass header)",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	if !strings.Contains(errOut.String(), "4 API operations mapped") {
		t.Errorf("summary: %s", errOut.String())
	}
	if _, err := lintOperations(nil, filepath.Join(dir, "missing.json"), &out, &errOut); err != nil {
		t.Errorf("a missing overrides file is no overrides: %v", err)
	}
}

// gen lint -operations also reports the frozen whole-SDK table beside the
// overrides (testdata/sdkjs): a service routed by its signing name, an operation
// no action maps, a service that routes nowhere (open) and one the overrides list
// as unrouted with why (corrected).
func TestLintOperationsReportsTheWholeSDKTable(t *testing.T) {
	dir := t.TempDir()
	ovFile := filepath.Join(dir, "operations.json")
	if err := os.WriteFile(ovFile, []byte(`{"services":[],"operations":[],
		"unrouted":[{"service_id":"Retired Thing","reason":"no page has its prefix"}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	table := "# test\n" +
		"S3\t2006-03-01\ts3\ts3\tGetObject\t\n" +
		"S3\t2006-03-01\ts3\ts3\tFrobnicate\t\n" +
		"Object Store\t2020-01-01\ts3\tv4\tGetObject\t\n" +
		"Object Store\t2020-01-01\ts3\tv4\tPolish\tunsigned\n" +
		"Unknown Thing\t2020-01-01\tunknown\tv4\tGo\t\n" +
		"Retired Thing\t2020-01-01\tretired\tv4\tGo\t\n"
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(table))
	zw.Close()
	jsFile := filepath.Join(dir, filepath.FromSlash(awsops.JSTableFile))
	if err := os.MkdirAll(filepath.Dir(jsFile), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(jsFile, gz.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	svc := &model.Service{Kind: model.FormatAWSSAR, ShortName: "s3", Actions: []model.Action{{Name: "GetObject", Operation: "GetObject"}}}
	var out, errOut bytes.Buffer
	open, err := lintOperations([]*model.Service{svc}, ovFile, &out, &errOut)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"aws-sdk-operation-unmapped: S3 Frobnicate (whole-SDK table): no action of s3 links this operation or has its name",
		"aws-sdk-operation-unmapped: Object Store Polish (whole-SDK table): the model sends it unsigned and no action of s3 names it",
		`aws-sdk-service-unmapped: SDK service "Unknown Thing"`,
		`aws-sdk-service-unmapped: SDK service "Retired Thing" (` + jsFile,
		"(corrected by override: no page has its prefix)",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("output lacks %q:\n%s", want, out.String())
		}
	}
	if strings.Contains(out.String(), "Object Store GetObject") {
		t.Errorf("Object Store signs as s3 and s3 maps GetObject, yet it is reported:\n%s", out.String())
	}
	// Frobnicate, Polish, Unknown Thing; Retired Thing is corrected.
	if open != 3 {
		t.Errorf("open = %d, want 3:\n%s", open, out.String())
	}
}

// TestLintFlags: gen lint's -operations is AWS's (vendor.Linter): without it
// the check does nothing; with it the check runs on -operations-file.
func TestLintFlags(t *testing.T) {
	fs := flag.NewFlagSet("lint", flag.ContinueOnError)
	run := Vendor{}.LintFlags(fs)
	var out, errOut bytes.Buffer
	if open, err := run("sources", nil, &out, &errOut); open != 0 || err != nil || out.Len()+errOut.Len() > 0 {
		t.Fatalf("without -operations: open %d, err %v, output %q %q", open, err, out.String(), errOut.String())
	}
	if err := fs.Parse([]string{"-operations", "-operations-file", filepath.Join(t.TempDir(), "none.json")}); err != nil {
		t.Fatal(err)
	}
	if _, err := run("sources", nil, &out, &errOut); err != nil || !strings.Contains(errOut.String(), "API operations mapped") {
		t.Errorf("with -operations: err %v, stderr %q", err, errOut.String())
	}
}
