package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// rawAWSPage is an AWS reference page as fetched: chrome around #main-content.
const rawAWSPage = `<!DOCTYPE html><html><head><title>x</title><script>var b="1";</script></head><body><div id="nav">n</div>
<div id="main-content"><h1>Actions, resources, and condition keys for Amazon Demo</h1>
<p>Amazon Demo (service prefix: <code>demo</code>) provides ...</p>
<table id="w1"><thead><tr><th>Actions</th><th>Description</th><th>Access level</th><th>Resource types (*required)</th><th>Condition keys</th><th>Dependent actions</th></tr></thead>
<tr><td rowspan="2"><a href="https://docs.aws.amazon.com/demo/API_GetThing.html">GetThing</a></td><td rowspan="2">Grants permission to get a thing</td><td rowspan="2">Read</td><td><p>thing*</p></td><td><p>demo:Tag</p></td><td></td></tr>
<tr><td></td><td><p>aws:SourceIp</p></td><td><p>demo:ListThings</p></td></tr>
<tr><td>ListThings</td><td>Grants permission to list things</td><td>List</td><td></td><td></td><td></td></tr>
</table>
<table><thead><tr><th>Resource types</th><th>ARN</th><th>Condition keys</th></tr></thead>
<tr><td>thing</td><td><code>arn:$<span>{</span>Partition}:demo:$<span>{</span>Region}:$<span>{</span>Account}:thing/$<span>{</span>Id}</code></td><td><p>demo:Tag</p></td></tr></table>
<table><thead><tr><th>Condition keys</th><th>Description</th><th>Type</th></tr></thead>
<tr><td>demo:Tag</td><td>Filters by tag</td><td>String</td></tr></table>
</div></body></html>`

// gen catalog reads a folder whose aws/ holds pages as fetched, with no manifest,
// and prints one JSON object per action with every AWS field, lists as [].
func TestCatalogRawAWSFolder(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "aws"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "aws", "list_amazondemo.html"), []byte(rawAWSPage), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := runGen(t, "catalog", "-in", dir, "-format", "json")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	want := `{"vendor":"aws","service":"demo","action":"GetThing","access_level":"Read","resource_types":[{"name":"thing","required":true,"condition_keys":["demo:Tag"],"dependent_actions":[]}],"condition_keys":["aws:SourceIp"],"dependent_actions":["demo:ListThings"],"operation":"GetThing","doc_url":"https://docs.aws.amazon.com/demo/API_GetThing.html","description":"Grants permission to get a thing"}
{"vendor":"aws","service":"demo","action":"ListThings","access_level":"List","resource_types":[],"condition_keys":[],"dependent_actions":[],"description":"Grants permission to list things"}
`
	if stdout != want {
		t.Errorf("catalog\n%s\nwant\n%s", stdout, want)
	}
	for _, l := range strings.Split(strings.TrimSpace(stdout), "\n") {
		var v map[string]any
		if err := json.Unmarshal([]byte(l), &v); err != nil {
			t.Errorf("not JSON: %s", l)
		}
	}
	code, stdout, _ = runGen(t, "catalog", "-in", dir, "-service", "demo")
	if code != 0 || stdout != "demo:GetThing\tRead\tthing*\tGrants permission to get a thing\ndemo:ListThings\tList\t\tGrants permission to list things\n" {
		t.Errorf("text: exit %d\n%s", code, stdout)
	}
	if code, _, stderr := runGen(t, "catalog", "-in", dir, "-service", "nope"); code != 2 || !strings.Contains(stderr, `no service "nope"`) {
		t.Errorf("unknown service: exit %d %s", code, stderr)
	}
	if code, _, stderr := runGen(t, "catalog", "-in", dir, "-format", "xml"); code != 2 || !strings.Contains(stderr, `unknown -format "xml"`) {
		t.Errorf("unknown format: exit %d %s", code, stderr)
	}
}

// The Tencent and Stella catalogs come from the same command.
func TestCatalogEveryVendor(t *testing.T) {
	code, stdout, stderr := runGen(t, "catalog", "-in", filepath.Join(repo, "sources"), "-service", "ccc", "-format", "json")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	// 119 from the uniform page, 51 more the API catalogue lists and the page does not
	// (undocumented granularity, sources/tencentcloud/tccli).
	if n := strings.Count(stdout, "\n"); n != 170 || !strings.Contains(stdout, `"vendor":"tencentcloud","service":"ccc","action":"CreateStaff"`) {
		t.Errorf("%d ccc lines:\n%.500s", n, stdout)
	}
}

// gen diff -old DIR -new DIR takes two folders of AWS pages as fetched and classes
// the changes: a changed access level is policy, an added action additive, a
// removed one breaking.
func TestDiffRawAWSFolders(t *testing.T) {
	oldDir, newDir := t.TempDir(), t.TempDir()
	newPage := strings.Replace(rawAWSPage, `<td>List</td>`, `<td>Read</td>`, 1)
	newPage = strings.Replace(newPage, `</table>`, `<tr><td>PutThing</td><td>Grants permission to put a thing</td><td>Write</td><td></td><td></td><td></td></tr></table>`, 1)
	for dir, page := range map[string]string{oldDir: rawAWSPage, newDir: newPage} {
		if err := os.MkdirAll(filepath.Join(dir, "aws"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "aws", "list_amazondemo.html"), []byte(page), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, stdout, stderr := runGen(t, "diff", "-old", oldDir, "-new", newDir, "-format", "json")
	if code != 1 {
		t.Fatalf("exit %d, want 1 (changes, none breaking)\n%s%s", code, stdout, stderr)
	}
	var compact bytes.Buffer
	if err := json.Compact(&compact, []byte(stdout)); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, stdout)
	}
	for _, want := range []string{
		`"class":"policy","kind":"changed","subject":"action","name":"ListThings","field":"access_level","old":"List","new":"Read"`,
		`"class":"additive","kind":"added","subject":"action","name":"PutThing"`,
	} {
		if !strings.Contains(compact.String(), want) {
			t.Errorf("diff lacks %s:\n%s", want, stdout)
		}
	}
	if code, stdout, _ := runGen(t, "diff", "-old", newDir, "-new", oldDir); code != 3 || !strings.Contains(stdout, `[breaking] action "PutThing" removed`) {
		t.Errorf("reverse: exit %d, want 3 with PutThing removed:\n%s", code, stdout)
	}
}
