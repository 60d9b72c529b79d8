package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/permgen/permgen/internal/diff"
	"github.com/permgen/permgen/internal/golden"
	"github.com/permgen/permgen/internal/model"
	snapshots "github.com/permgen/permgen/internal/snapshot"
)

// goldenFile compares got with testdata/file, or rewrites it under -update.
func goldenFile(t *testing.T, file, got string) {
	t.Helper()
	golden.File(t, filepath.Join("testdata", file), []byte(got))
}

// diffCmd runs the diff command and maps its result to an exit code the way main
// does.
func diffCmd(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	err := runDiff(args, &out, &errb)
	var ee exitError
	switch {
	case err == nil:
	case errors.As(err, &ee):
		code = ee.code
	default:
		code = 2
		errb.WriteString(err.Error() + "\n")
	}
	return code, out.String(), errb.String()
}

// edit replaces old by new in file, exactly once.
func edit(t *testing.T, file, old, new string) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(data), old); n != 1 {
		t.Fatalf("%s: %q found %d times, want 1", file, old, n)
	}
	if err := os.WriteFile(file, []byte(strings.Replace(string(data), old, new, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
}

// editCCC makes the acceptance scenario's four changes to a copy of the ccc page:
// one action deleted, one made operation-level, one added, one description changed.
func editCCC(t *testing.T, sources string) {
	t.Helper()
	page := filepath.Join(sources, "tencentcloud", "ccc.html")
	edit(t, page, "<tr><td>DeleteStaff</td><td>删除坐席信息</td><td>资源级</td><td>qcs::ccc::uin/${uin}:SdkAppId/${SdkAppId}</td><td>支持</td></tr>\n", "")
	edit(t, page, "<tr><td>CreateStaff</td><td>创建客服账号。</td><td>资源级</td><td>qcs::ccc::uin/${uin}:SdkAppId/${SdkAppId}</td><td>支持</td></tr>\n",
		"<tr><td>CreateStaff</td><td>创建客服账号。</td><td>操作级</td><td>*</td><td>支持</td></tr>\n"+
			"<tr><td>CreateCallbackRule</td><td>创建回调规则</td><td>操作级</td><td>*</td><td>支持</td></tr>\n")
	edit(t, page, "<td>AddBlackUser</td><td>被叫投诉黑名单删除用户</td>", "<td>AddBlackUser</td><td>被叫投诉黑名单添加用户</td>")
}

// TestDiffAcceptance is issue 5's scenario: the checked-in snapshots against a page
// edited four ways print exactly those four changes, and a removal exits 3.
func TestDiffAcceptance(t *testing.T) {
	tmp := t.TempDir()
	copyTree(t, frozenSources, filepath.Join(tmp, "sources"))
	copyTree(t, frozenGenerated(t), filepath.Join(tmp, "generated"))
	editCCC(t, filepath.Join(tmp, "sources"))
	flags := []string{"-in", filepath.Join(tmp, "sources"), "-out", filepath.Join(tmp, "generated")}

	code, stdout, stderr := diffCmd(t, flags...)
	if code != 3 {
		t.Errorf("exit %d, want 3\n%s", code, stderr)
	}
	want := `tencentcloud/ccc (云呼叫中心)
  [breaking] action "DeleteStaff" removed
  [policy]   action "CreateStaff" granularity: "resource" -> "operation" (resources qcs::ccc::uin/${uin}:SdkAppId/${SdkAppId} -> *)
  [additive] action "CreateCallbackRule" added (创建回调规则; write, operation level, *)
  [cosmetic] action "AddBlackUser" description: "被叫投诉黑名单删除用户" -> "被叫投诉黑名单添加用户"
4 changes in 1 service: 1 breaking, 1 policy, 1 additive, 1 cosmetic.
`
	if diff := cmp.Diff(want, stdout); diff != "" {
		t.Errorf("text output (-want +got):\n%s", diff)
	}

	code, stdout, _ = diffCmd(t, append(flags, "-format", "markdown")...)
	if code != 3 {
		t.Errorf("-format markdown: exit %d, want 3", code)
	}
	goldenFile(t, "diff/acceptance.md", stdout)

	code, stdout, _ = diffCmd(t, append(flags, "-format", "json")...)
	goldenFile(t, "diff/acceptance.json", stdout)
	if code != 3 {
		t.Errorf("-format json: exit %d, want 3", code)
	}
	var r diff.Report
	if err := json.Unmarshal([]byte(stdout), &r); err != nil {
		t.Fatal(err)
	}
	type brief struct {
		Class       diff.Class
		Kind        diff.Kind
		Name, Field string
	}
	var got []brief
	for _, s := range r.Services {
		for _, c := range s.Changes {
			got = append(got, brief{c.Class, c.Kind, c.Name, c.Field})
		}
	}
	wantBrief := []brief{
		{diff.Breaking, diff.Removed, "DeleteStaff", ""},
		{diff.Policy, diff.Changed, "CreateStaff", "granularity"},
		{diff.Additive, diff.Added, "CreateCallbackRule", ""},
		{diff.Cosmetic, diff.Changed, "AddBlackUser", "description"},
	}
	if diff := cmp.Diff(wantBrief, got); diff != "" {
		t.Errorf("json changes (-want +got):\n%s", diff)
	}
}

// TestDiffUnchanged: the checked-in snapshots are the checked-in sources, so nothing
// changed and the exit is 0.
func TestDiffUnchanged(t *testing.T) {
	code, stdout, stderr := diffCmd(t, "-in", frozenSources, "-out", frozenGenerated(t))
	if code != 0 {
		t.Fatalf("exit %d, want 0\n%s%s", code, stdout, stderr)
	}
	if stdout != "No changes.\n" {
		t.Errorf("stdout = %q", stdout)
	}
}

// copyRepo copies the repository's sources and generated folders into a temp dir
// and returns the -in and -out of the copy.
func copyRepo(t *testing.T) (dir, in, out string) {
	t.Helper()
	dir = t.TempDir()
	in, out = filepath.Join(dir, "sources"), filepath.Join(dir, "generated")
	copyTree(t, frozenSources, in)
	copyTree(t, frozenGenerated(t), out)
	return dir, in, out
}

// Without a breaking change the exit is 1.
func TestDiffNonBreaking(t *testing.T) {
	_, in, out := copyRepo(t)
	edit(t, filepath.Join(in, "tencentcloud", "ccc.html"), "<td>AddBlackUser</td><td>被叫投诉黑名单删除用户</td>", "<td>AddBlackUser</td><td>被叫投诉黑名单添加用户</td>")
	code, stdout, stderr := diffCmd(t, "-in", in, "-out", out)
	if code != 1 {
		t.Fatalf("exit %d, want 1\n%s", code, stderr)
	}
	if !strings.Contains(stdout, `[cosmetic] action "AddBlackUser" description`) || strings.Count(stdout, "\n  [") != 1 {
		t.Errorf("want one cosmetic change, got:\n%s", stdout)
	}
}

// -old and -new take either kind of folder, told apart by manifest.json.
func TestDiffFolders(t *testing.T) {
	_, in, out := copyRepo(t)
	editCCC(t, in)
	for _, tc := range []struct {
		args []string
		code int
	}{
		{[]string{"-old", out, "-new", in}, 3},
		{[]string{"-old", in, "-new", out}, 3},
		{[]string{"-old", out, "-new", out}, 0},
		{[]string{"-old", in, "-new", in}, 0},
		{[]string{"-old", frozenSources, "-new", in}, 3},
		// -old alone: the new side is -in, scraped.
		{[]string{"-old", frozenGenerated(t), "-in", in}, 3},
		{[]string{"-old", frozenGenerated(t), "-in", frozenSources}, 0},
	} {
		code, stdout, stderr := diffCmd(t, tc.args...)
		if code != tc.code {
			t.Errorf("diff %s: exit %d, want %d\n%s%s", strings.Join(tc.args, " "), code, tc.code, stdout, stderr)
		}
	}
}

func TestDiffUsageErrors(t *testing.T) {
	for _, tc := range []struct {
		args []string
		msg  string
	}{
		{[]string{"-format", "yaml"}, `unknown -format "yaml"; known: text, markdown, json`},
		{[]string{"-old", "a", "-old-rev", "HEAD"}, "not both"},
		{[]string{"-old", filepath.Join(t.TempDir(), "missing")}, "old model:"},
		{[]string{"extra"}, "unexpected arguments: extra"},
	} {
		code, _, stderr := diffCmd(t, tc.args...)
		if code != 2 || !strings.Contains(stderr, tc.msg) {
			t.Errorf("diff %s: exit %d, stderr %q; want 2 and %q", strings.Join(tc.args, " "), code, stderr, tc.msg)
		}
	}
}

// gitIn runs git in dir with an identity of its own and no user configuration.
func gitIn(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL="+os.DevNull, "GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_NAME=test", "GIT_AUTHOR_EMAIL=test@example.com", "GIT_COMMITTER_NAME=test", "GIT_COMMITTER_EMAIL=test@example.com")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

// -old-rev reads the snapshots committed at a revision; the new side defaults to
// the working tree's sources, scraped.
func TestDiffRevisions(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	dir, in, out := copyRepo(t)
	gitIn(t, dir, "init", "-q")
	gitIn(t, dir, "add", ".")
	gitIn(t, dir, "commit", "-qm", "as checked in")
	editCCC(t, in)
	gitIn(t, dir, "commit", "-qam", "the page changed, not regenerated")
	flags := []string{"-in", in, "-out", out}

	code, stdout, stderr := diffCmd(t, append(flags, "-old-rev", "HEAD~1")...)
	if code != 3 || !strings.Contains(stdout, "4 changes in 1 service: 1 breaking, 1 policy, 1 additive, 1 cosmetic.") {
		t.Errorf("-old-rev HEAD~1: exit %d, want 3 and the four changes\n%s%s", code, stdout, stderr)
	}
	// Both revisions hold the same snapshots, which win over their sources.
	if code, stdout, stderr := diffCmd(t, append(flags, "-old-rev", "HEAD~1", "-new-rev", "HEAD")...); code != 0 {
		t.Errorf("-old-rev HEAD~1 -new-rev HEAD: exit %d, want 0\n%s%s", code, stdout, stderr)
	}
	if code, _, stderr := diffCmd(t, append(flags, "-old-rev", "nope")...); code != 2 || !strings.Contains(stderr, `"nope" is not a revision`) {
		t.Errorf("-old-rev nope: exit %d, want 2\n%s", code, stderr)
	}
}

// deprecateInSnapshot marks one action of a snapshot deprecated, as generate does
// when the action vanished from the page.
func deprecateInSnapshot(t *testing.T, file, action string) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var f snapshots.File
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatal(err)
	}
	found := false
	for i, a := range f.Service.Actions {
		if a.Name == action {
			f.Service.Actions[i].Deprecated = &model.Deprecation{Date: "2026-01-02", Page: "sources/tencentcloud/ccc.html"}
			found = true
		}
	}
	if !found {
		t.Fatalf("%s: no action %s", file, action)
	}
	out, err := snapshots.Marshal(f.Service, f.Comment)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, out, 0o644); err != nil {
		t.Fatal(err)
	}
}

// An action kept as deprecated still compiles: between two trees that is a policy
// change (exit 1). Once deprecated, its absence from the page is no news (exit 0).
func TestDiffDeprecated(t *testing.T) {
	dir, in, out := copyRepo(t)
	kept := filepath.Join(dir, "kept")
	copyTree(t, out, kept)
	deprecateInSnapshot(t, filepath.Join(kept, "tencentcloud", "ccc", "ccc.json"), "DeleteStaff")

	code, stdout, stderr := diffCmd(t, "-old", out, "-new", kept)
	if code != 1 || !strings.Contains(stdout, `[policy]   action "DeleteStaff" deprecated (no longer on sources/tencentcloud/ccc.html since 2026-01-02)`) {
		t.Errorf("-old %s -new %s: exit %d, want 1 and DeleteStaff deprecated\n%s%s", out, kept, code, stdout, stderr)
	}

	edit(t, filepath.Join(in, "tencentcloud", "ccc.html"), "<tr><td>DeleteStaff</td><td>删除坐席信息</td><td>资源级</td><td>qcs::ccc::uin/${uin}:SdkAppId/${SdkAppId}</td><td>支持</td></tr>\n", "")
	if code, stdout, stderr := diffCmd(t, "-in", in, "-out", kept); code != 0 {
		t.Errorf("deprecated in the snapshot, absent from the page: exit %d, want 0\n%s%s", code, stdout, stderr)
	}
	// Listed again: the deprecation is lifted.
	if code, stdout, _ := diffCmd(t, "-old", kept, "-new", frozenSources); code != 1 || !strings.Contains(stdout, `[additive] action "DeleteStaff" restored`) {
		t.Errorf("listed again: exit %d, want 1 and DeleteStaff restored\n%s", code, stdout)
	}
}
