package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const (
	typoAWS = `{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:GetObjet", "Resource": "*"}]}`
	typoCAM = `{"version": "2.0", "statement": [{"effect": "allow", "action": ["ccc:CreateStaf"], "resource": ["*"]}]}`
)

// Issue 18 item 3: in a user's module there is no sources/ of permgen's; the policy
// commands check against the catalog compiled into the binary, and say so with the
// date of its AWS pages.
func TestPolicyCommandsWorkWithoutSources(t *testing.T) {
	dir := t.TempDir()
	t.Chdir(dir)
	writeFile(t, dir, "aws.json", typoAWS)
	writeFile(t, dir, "cam.json", typoCAM)
	for _, c := range []struct {
		file, finding, note string
	}{
		{"aws.json", "did you mean s3:GetObject?", "no sources folder sources; checking against the AWS catalog compiled into permgen (AWS pages of 20"},
		{"cam.json", "ccc:CreateStaf", "no sources folder sources; checking against the Tencent CAM catalog compiled into permgen"},
	} {
		code, stdout, stderr := runGen(t, "policy", "lint", c.file)
		if code != 1 || !strings.Contains(stdout, c.finding) || !strings.Contains(stderr, c.note) {
			t.Errorf("policy lint %s without sources: exit %d, want 1 with %q and the note %q\nstdout: %s\nstderr: %s", c.file, code, c.finding, c.note, stdout, stderr)
		}
	}
	old := stdin
	stdin = strings.NewReader("s3:GetObject arn:aws:s3:::b/*\n")
	t.Cleanup(func() { stdin = old })
	code, stdout, stderr := runGen(t, "policy", "write", "-vendor", "aws")
	if code != 0 || !strings.Contains(stdout, `"Action": "s3:GetObject"`) || !strings.Contains(stderr, "compiled into permgen") {
		t.Errorf("policy write -vendor aws without sources: exit %d\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
	// A folder the user named and mistyped is an error, not a quiet fallback.
	code, _, stderr = runGen(t, "policy", "lint", "-in", "sourcse", "cam.json")
	if code != 2 || !strings.Contains(stderr, "sources folder sourcse does not exist") {
		t.Errorf("policy lint -in sourcse: exit %d, want 2 naming the folder\n%s", code, stderr)
	}
}

// A sources folder with no page of the vendor falls back too, and says which folder
// lacked them; a generated tree given as -in is read through its model snapshots,
// with no note.
func TestPolicyCatalogFromTreeOrFallback(t *testing.T) {
	dir := t.TempDir()
	copyTree(t, frozenSources, filepath.Join(dir, "sources")) // Tencent and Stella only
	t.Chdir(dir)
	writeFile(t, dir, "go.mod", "module example.org/team\n\ngo 1.26\n")
	writeFile(t, dir, "aws.json", typoAWS)
	writeFile(t, dir, "cam.json", typoCAM)
	code, _, stderr := runGen(t, "policy", "lint", "aws.json")
	if code != 1 || !strings.Contains(stderr, "sources folder sources holds no AWS pages; checking against the AWS catalog compiled into permgen") {
		t.Errorf("policy lint aws.json with Tencent-only sources: exit %d\n%s", code, stderr)
	}
	if code, _, stderr := runGen(t, "generate", "-out", "perms"); code != 0 {
		t.Fatalf("generate: exit %d\n%s", code, stderr)
	}
	if err := os.RemoveAll(filepath.Join(dir, "sources")); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runGen(t, "policy", "lint", "-in", "perms", "cam.json")
	if code != 1 || !strings.Contains(stdout, "ccc:CreateStaf") || stderr != "" {
		t.Errorf("policy lint -in perms (a generated tree): exit %d, want 1 and nothing on stderr\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
}
