package synth

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/pipeline"
)

// readTree returns every file under dir by slash path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(dir, p)
		if err != nil {
			return err
		}
		files[filepath.ToSlash(rel)], err = os.ReadFile(p)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}

func generate(t *testing.T, seed int64, products, actions int) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "sources")
	if err := Generate(dir, seed, products, actions); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestDeterministic(t *testing.T) {
	a := readTree(t, generate(t, 7, 15, 40))
	b := readTree(t, generate(t, 7, 15, 40))
	if len(a) != 16 {
		t.Fatalf("%d files, want 15 pages and the manifest", len(a))
	}
	for p, data := range a {
		if !bytes.Equal(data, b[p]) {
			t.Errorf("%s differs between two runs with seed 7", p)
		}
	}
	c := readTree(t, generate(t, 8, 15, 40))
	same := 0
	for p, data := range a {
		if p != "manifest.json" && bytes.Equal(data, c[p]) {
			same++
		}
	}
	if same > 0 {
		t.Errorf("%d pages are the same with seeds 7 and 8", same)
	}
}

// TestProductStable: product i does not depend on how many products follow it, so
// a small corpus is a prefix of the large one.
func TestProductStable(t *testing.T) {
	small := readTree(t, generate(t, 3, 4, 25))
	large := readTree(t, generate(t, 3, 9, 25))
	for p, data := range small {
		if p != "manifest.json" && !bytes.Equal(data, large[p]) {
			t.Errorf("%s differs between a corpus of 4 and one of 9 products", p)
		}
	}
}

// TestPipeline runs a small corpus through the whole pipeline: no error, every
// action found, and the variety the generator promises is there.
func TestPipeline(t *testing.T) {
	const products, actions = 21, 60
	dir := generate(t, 1, products, actions)
	res, err := pipeline.Run(dir, "example.com/synth")
	if err != nil {
		t.Fatalf("pipeline.Run: %v", err)
	}
	if len(res.Services) != products {
		t.Fatalf("%d services, want %d", len(res.Services), products)
	}
	var (
		total, multi, raw, foreign int
		english                    int
		grans                      = map[model.Granularity]int{}
		cats                       = map[model.Category]int{}
		ips                        = map[model.Support]int{}
		rawSpellings               = map[string]bool{}
	)
	for _, s := range res.Services {
		if len(s.Actions) != actions {
			t.Errorf("%s: %d actions, want %d", s.ShortName, len(s.Actions), actions)
		}
		if !strings.HasPrefix(s.ShortName, "syn") {
			t.Errorf("short name %q", s.ShortName)
		}
		if strings.Contains(s.Source.URL, "tencentcloud.com") {
			english++
		}
		for _, a := range s.Actions {
			total++
			grans[a.Granularity]++
			cats[a.Category]++
			ips[a.IPRestriction]++
			if len(a.Resources) > 1 {
				multi++
			}
			for _, r := range a.Resources {
				if r.Raw != "" {
					raw++
					for _, sp := range []string{"$region:", "${Region}", "{$region}", "{$", "uin/$uin"} {
						if strings.Contains(r.Raw, sp) {
							rawSpellings[sp] = true
						}
					}
				}
				if !r.IsWildcard() && r.Service != s.ShortName {
					foreign++
				}
			}
		}
	}
	if total != products*actions {
		t.Errorf("%d actions in all, want %d", total, products*actions)
	}
	if english != products/7 {
		t.Errorf("%d English pages, want %d", english, products/7)
	}
	for _, g := range []model.Granularity{model.ServiceLevel, model.OperationLevel, model.ResourceLevel} {
		if grans[g] == 0 {
			t.Errorf("no %s-level action", g)
		}
	}
	for _, c := range []model.Category{model.Write, model.Read, model.List, model.Other} {
		if cats[c] == 0 {
			t.Errorf("no action in category %s", c)
		}
	}
	for _, s := range []model.Support{model.Supported, model.Unsupported, model.PartiallySupported, ""} {
		if ips[s] == 0 {
			t.Errorf("no action with IP restriction %q", s)
		}
	}
	if multi == 0 || raw == 0 || foreign == 0 {
		t.Errorf("%d multi-resource actions, %d patterns normalized, %d foreign patterns; want some of each", multi, raw, foreign)
	}
	for _, sp := range []string{"$region:", "${Region}", "{$region}", "{$", "uin/$uin"} {
		if !rawSpellings[sp] {
			t.Errorf("no pattern spelt with %q", sp)
		}
	}
	if len(res.Files) == 0 {
		t.Error("no files rendered")
	}
}

func TestGenerateRefuses(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "keep.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Generate(dir, 1, 1, 1); err == nil || !strings.Contains(err.Error(), "not empty") {
		t.Errorf("Generate into a non-empty folder: %v, want an error saying so", err)
	}
	if _, err := os.Stat(filepath.Join(dir, Vendor)); err == nil {
		t.Error("Generate wrote into a non-empty folder")
	}
	for _, n := range [][2]int{{0, 1}, {1, 0}, {1, MaxActions + 1}} {
		if err := Generate(filepath.Join(t.TempDir(), "x"), 1, n[0], n[1]); err == nil {
			t.Errorf("Generate(%d products, %d actions) succeeded", n[0], n[1])
		}
	}
}
