package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// workspace copies the repository's sources and generated trees into a temp dir and
// returns the paths of the copies and of the ccc snapshot in it.
func workspace(t *testing.T) (in, out, page string) {
	t.Helper()
	tmp := t.TempDir()
	in, out = filepath.Join(tmp, "sources"), filepath.Join(tmp, "generated")
	copyTree(t, filepath.Join(repo, "sources"), in)
	copyTree(t, filepath.Join(repo, "generated"), out)
	return in, out, filepath.Join(in, "tencentcloud", "ccc.html")
}

func editPage(t *testing.T, page string, edit func(string) string) {
	t.Helper()
	data, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	after := edit(string(data))
	if after == string(data) {
		t.Fatal("fixture: edit changed nothing")
	}
	if err := os.WriteFile(page, []byte(after), 0o644); err != nil {
		t.Fatal(err)
	}
}

var deleteStaffRow = regexp.MustCompile(`<tr><td>DeleteStaff</td>.*?</tr>\n`)

func read(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestRemovedActionIsDeprecated: an action that vanishes from the docs stays, marked
// deprecated with the date of the run that first missed it; later runs keep that
// date; -prune drops it.
func TestRemovedActionIsDeprecated(t *testing.T) {
	in, out, page := workspace(t)
	editPage(t, page, func(s string) string { return deleteStaffRow.ReplaceAllString(s, "") })
	gen := func(extra ...string) {
		t.Helper()
		args := append([]string{"generate", "-in", in, "-out", out, "-import", "github.com/permgen/permgen/generated"}, extra...)
		if code, _, stderr := runGen(t, args...); code != 0 {
			t.Fatalf("generate %v: exit %d\n%s", extra, code, stderr)
		}
	}
	gen("-today", "2026-01-02")
	actions := read(t, filepath.Join(out, "tencentcloud/ccc/ccc_actions.go"))
	want := "\t// Deprecated: removed from sources/tencentcloud/ccc.html on 2026-01-02.\n\tActionDeleteStaff Action ="
	if !strings.Contains(actions, want) {
		t.Errorf("ccc_actions.go lacks the deprecation of DeleteStaff:\n%s", want)
	}
	tables := read(t, filepath.Join(out, "tencentcloud/ccc/ccc_tables.go"))
	if !regexp.MustCompile(`\{"ccc", "DeleteStaff", .*, "removed from sources/tencentcloud/ccc.html on 2026-01-02"\},\n`).MatchString(tables) {
		t.Error("ccc_tables.go does not flag DeleteStaff's metadata")
	}
	if !strings.Contains(read(t, filepath.Join(out, "tencentcloud/ccc/ccc.json")), `"date": "2026-01-02"`) {
		t.Error("ccc.json does not record the deprecation")
	}

	// A later run on another day changes nothing: the first date is kept.
	before := snapshot(t, out)
	gen("-today", "2026-02-03")
	for p, v := range snapshot(t, out) {
		if before[p] != v {
			t.Errorf("%s changed on a rerun", p)
		}
	}

	gen("-prune")
	if strings.Contains(read(t, filepath.Join(out, "tencentcloud/ccc/ccc_actions.go")), "ActionDeleteStaff") {
		t.Error("-prune kept ActionDeleteStaff")
	}
}

// TestGuardRefusesLostSection: deleting the whole 读操作 table looks like a page
// redesign; generate refuses, says why and how to force it, and writes nothing.
func TestGuardRefusesLostSection(t *testing.T) {
	in, out, page := workspace(t)
	lost := regexp.MustCompile(`(?s)<h3 id="read">读操作</h3>\s*<table>.*?</table>`)
	editPage(t, page, func(s string) string { return lost.ReplaceAllString(s, "") })
	before := snapshot(t, out)
	args := []string{"generate", "-in", in, "-out", out, "-import", "github.com/permgen/permgen/generated"}
	code, _, stderr := runGen(t, args...)
	if code != 2 {
		t.Fatalf("exit %d, want 2\n%s", code, stderr)
	}
	for _, want := range []string{
		"sources/tencentcloud/ccc.html: section 读操作 lost all 51 of its actions",
		"page redesign",
		"51 of 119 actions vanished at once (more than 20%)",
		"go run ./gen generate -force",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	for p, v := range snapshot(t, out) {
		if before[p] != v {
			t.Errorf("%s changed on a refused run", p)
		}
	}
	if code, _, stderr := runGen(t, append(args, "-force")...); code != 0 {
		t.Fatalf("-force: exit %d\n%s", code, stderr)
	}
	if n := strings.Count(read(t, filepath.Join(out, "tencentcloud/ccc/ccc_actions.go")), "// Deprecated: removed from"); n != 51 {
		t.Errorf("%d actions deprecated, want 51", n)
	}
}

// TestMaxLossZeroMeansZero: -max-loss 0 refuses the loss of even one action; it is
// not the unset flag that falls back to the 20% default.
func TestMaxLossZeroMeansZero(t *testing.T) {
	in, out, page := workspace(t)
	editPage(t, page, func(s string) string { return deleteStaffRow.ReplaceAllString(s, "") })
	code, _, stderr := runGen(t, "generate", "-in", in, "-out", out, "-import", "github.com/permgen/permgen/generated", "-max-loss", "0")
	if code != 2 || !strings.Contains(stderr, "1 of 119 actions vanished at once (more than 0%)") {
		t.Errorf("exit %d, want 2 with the loss refused:\n%s", code, stderr)
	}
}

// TestGenerateSummaryIsOneLine: a successful generate says what it wrote and what lint
// would list in one line, without a count that reads like a failure.
func TestGenerateSummaryIsOneLine(t *testing.T) {
	in, out, _ := workspace(t)
	code, _, stderr := runGen(t, "generate", "-in", in, "-out", out, "-import", "github.com/permgen/permgen/generated")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	// As many quirks as lint lists (36 Tencent and Stella ones, and the AWS pages').
	_, lint, _ := runGen(t, "lint", "-in", in, "-out", out, "-import", "github.com/permgen/permgen/generated")
	quirks := fmt.Sprintf("lint notes %d vendor quirks (3 corrected by overrides)", strings.Count(lint, "\n"))
	if lines := strings.Split(strings.TrimSuffix(stderr, "\n"), "\n"); len(lines) != 1 || strings.Contains(stderr, "anomalies") ||
		!strings.Contains(stderr, quirks) {
		t.Errorf("stderr is not one summary line:\n%s", stderr)
	}
}
