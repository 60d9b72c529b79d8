package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
