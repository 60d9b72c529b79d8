package diff

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/pipeline"
	"github.com/permgen/permgen/internal/snapshot"
)

// gitRun runs git in dir with an identity of its own and no user configuration.
func gitRun(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GIT_CONFIG_GLOBAL="+os.DevNull, "GIT_CONFIG_NOSYSTEM=1",
		"GIT_AUTHOR_NAME=test", "GIT_AUTHOR_EMAIL=test@example.com", "GIT_COMMITTER_NAME=test", "GIT_COMMITTER_EMAIL=test@example.com")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git %s: %v\n%s", strings.Join(args, " "), err, out)
	}
}

// dropAction rewrites a snapshot without one action, as a regeneration after the
// vendor removed it would.
func dropAction(t *testing.T, file, name string) {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var f snapshot.File
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatal(err)
	}
	var kept []model.Action
	for _, a := range f.Service.Actions {
		if a.Name != name {
			kept = append(kept, a)
		}
	}
	if len(kept) == len(f.Service.Actions) {
		t.Fatalf("%s: no action %s", file, name)
	}
	f.Service.Actions = kept
	out, err := snapshot.Marshal(f.Service, f.Comment)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, out, 0o644); err != nil {
		t.Fatal(err)
	}
}

// gitRepo makes a repository with three commits: sources only (before snapshots
// existed), then the checked-in generated tree, then a snapshot without DeleteStaff.
func gitRepo(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	repo := t.TempDir()
	gitRun(t, repo, "init", "-q")
	// The frozen sources (testdata/README.md), so that refreshing sources/ leaves
	// DeleteStaff where this test drops it.
	frozen := filepath.Join(repoRoot, "testdata", "sources")
	if err := os.CopyFS(filepath.Join(repo, "sources"), os.DirFS(frozen)); err != nil {
		t.Fatal(err)
	}
	gitRun(t, repo, "add", ".")
	gitRun(t, repo, "commit", "-qm", "sources")
	res, err := pipeline.Run(frozen, "github.com/permgen/permgen/generated")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range res.Files {
		file := filepath.Join(repo, "generated", filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	gitRun(t, repo, "add", ".")
	gitRun(t, repo, "commit", "-qm", "generated")
	dropAction(t, filepath.Join(repo, "generated", "tencentcloud", "ccc", "ccc.json"), "DeleteStaff")
	gitRun(t, repo, "commit", "-qam", "DeleteStaff gone")
	return repo
}

func TestLoadRevision(t *testing.T) {
	repo := gitRepo(t)
	in, out := filepath.Join(repo, "sources"), filepath.Join(repo, "generated")
	load := func(rev string) Side {
		t.Helper()
		s, err := LoadRevision(rev, in, out)
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	scraped, snap, dropped := load("HEAD~2"), load("HEAD~1"), load("HEAD")
	if !scraped.Scraped || snap.Scraped || dropped.Scraped {
		t.Errorf("Scraped = %v, %v, %v; want only HEAD~2's, which has no snapshots", scraped.Scraped, snap.Scraped, dropped.Scraped)
	}

	// HEAD~2 has no snapshots, so its sources were scraped; they say what the
	// snapshots of HEAD~1 say.
	if r, err := Compare(scraped, snap); err != nil || r.Len() != 0 {
		t.Errorf("sources at HEAD~2 against snapshots at HEAD~1: %d changes, err %v; want none", r.Len(), err)
	}
	check(t, []brief{{Class: Breaking, Kind: Removed, Subject: SubjectAction, Name: "DeleteStaff"}}, compare(t, snap.Services, dropped.Services))

	// The working tree's copy of the snapshot plays no part: HEAD is read from git.
	if err := os.RemoveAll(out); err != nil {
		t.Fatal(err)
	}
	t.Chdir(repo)
	ss, err := LoadRevision("HEAD~1", "sources", "generated")
	if err != nil {
		t.Fatal(err)
	}
	check(t, []brief{{Class: Breaking, Kind: Removed, Subject: SubjectAction, Name: "DeleteStaff"}}, compare(t, ss.Services, dropped.Services))
}

func TestLoadRevisionErrors(t *testing.T) {
	repo := gitRepo(t)
	in, out := filepath.Join(repo, "sources"), filepath.Join(repo, "generated")
	if _, err := LoadRevision("no-such-rev", in, out); err == nil || !strings.Contains(err.Error(), `"no-such-rev" is not a revision`) {
		t.Errorf("unknown revision: err = %v", err)
	}
	if _, err := LoadRevision("HEAD", filepath.Join(repo, "x"), filepath.Join(repo, "y")); err == nil || !strings.Contains(err.Error(), "has neither snapshots in y nor a sources folder x") {
		t.Errorf("nothing at the paths: err = %v", err)
	}
	if _, err := LoadRevision("HEAD", t.TempDir(), t.TempDir()); err == nil {
		t.Error("paths outside any repository: no error")
	}
}
