package tccli

import (
	"path/filepath"
	"runtime"
	"sync"
	"testing"
)

// The snapshots are the committed sources, read once per test binary.
var (
	loadOnce  sync.Once
	snapshots map[string]*Catalogue
	loadErr   error
)

func sourcesDir(t testing.TB) string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "../../../../sources/tencentcloud/tccli")
}

func snapshot(t testing.TB, name string) *Catalogue {
	t.Helper()
	loadOnce.Do(func() {
		snapshots = map[string]*Catalogue{}
		for _, n := range []string{"HEAD", "2026-02-09", "2024-08-21"} {
			c, err := ReadFile(filepath.Join(sourcesDir(t), n+".tar.gz"))
			if err != nil {
				loadErr = err
				return
			}
			snapshots[n] = c
		}
	})
	if loadErr != nil {
		t.Fatal(loadErr)
	}
	return snapshots[name]
}

// The figures are the ones measured on the same archives in ../shared/tencent/README.md.
func TestSnapshotCounts(t *testing.T) {
	for _, tc := range []struct {
		name                               string
		files, services, entries, distinct int
		online, deprecated, offline, none  int
	}{
		{"HEAD", 296, 258, 15210, 14863, 14875, 163, 26, 146},
		{"2026-02-09", 284, 248, 13184, 12837, 12835, 174, 29, 146},
		{"2024-08-21", 284, 252, 11379, 11040, 10843, 221, 28, 287},
	} {
		c := snapshot(t, tc.name)
		got := []int{len(c.Files), len(c.Services), c.Entries, c.DistinctActions(),
			c.StatusEntries[Online], c.StatusEntries[Deprecated], c.StatusEntries[Offline], c.StatusEntries[""]}
		want := []int{tc.files, tc.services, tc.entries, tc.distinct, tc.online, tc.deprecated, tc.offline, tc.none}
		for i, label := range []string{"api.json files", "services", "entries", "distinct actions", "online", "deprecated", "offline", "no status"} {
			if got[i] != want[i] {
				t.Errorf("%s: %s = %d, want %d", tc.name, label, got[i], want[i])
			}
		}
	}
}

func TestServiceFacts(t *testing.T) {
	c := snapshot(t, "HEAD")
	as, ok := c.Service("autoscaling")
	if !ok || as.ShortName != "as" {
		t.Fatalf("autoscaling: %+v, %v; want serviceShortName as", as, ok)
	}
	mismatch := 0
	for _, s := range c.Services {
		if s.Name != s.ShortName {
			mismatch++
		}
	}
	// "it equals metadata.serviceShortName everywhere except autoscaling (as)"
	if mismatch != 1 {
		t.Errorf("%d services whose folder is not their serviceShortName, want 1 (autoscaling)", mismatch)
	}
	tke, _ := c.Service("tke")
	if len(tke.Versions) != 2 {
		t.Errorf("tke versions %v, want v20180525 and v20220501", tke.Versions)
	}
	cvm, _ := c.Service("cvm")
	a, ok := cvm.Action("AllocateHosts")
	if !ok || a.Description != "创建CDH实例" || a.Status != Online || a.Input[0] != "Placement" {
		t.Errorf("cvm:AllocateHosts = %+v", a)
	}
	ccc, _ := c.Service("ccc")
	if len(ccc.Actions) != 84 {
		t.Errorf("ccc has %d actions, want 84 (README §1)", len(ccc.Actions))
	}
	if _, ok := ccc.Action("CreateExtension"); !ok {
		t.Error("ccc:CreateExtension missing")
	}
}

func TestDiffs(t *testing.T) {
	d := Compare(snapshot(t, "2026-02-09"), snapshot(t, "HEAD"))
	if got := d.AddedServices; len(got) != 10 || got[0] != "adp" || got[9] != "tokenhub" || len(d.RemovedServices) != 0 {
		t.Errorf("services +%v -%v, want +10 (adp … tokenhub), none removed", got, d.RemovedServices)
	}
	if d.FilesAdded != 12 || d.FilesChanged != 162 || d.FilesSame != 122 {
		t.Errorf("api.json +%d ~%d =%d, want +12 ~162 =122", d.FilesAdded, d.FilesChanged, d.FilesSame)
	}
	if len(d.Added) != 2224 || len(d.Removed) != 198 {
		t.Errorf("actions +%d -%d, want +2224 -198", len(d.Added), len(d.Removed))
	}
	if n := d.EntryStatusClasses["online→deprecated"]; n != 47 {
		t.Errorf("online→deprecated entries %d, want 47", n)
	}
	d = Compare(snapshot(t, "2024-08-21"), snapshot(t, "HEAD"))
	if len(d.AddedServices) != 37 || len(d.RemovedServices) != 31 {
		t.Errorf("services +%d -%d, want +37 -31", len(d.AddedServices), len(d.RemovedServices))
	}
	if d.FilesAdded != 44 || d.FilesRemoved != 32 || d.FilesChanged != 194 || d.FilesSame != 58 {
		t.Errorf("api.json +%d -%d ~%d =%d, want +44 -32 ~194 =58", d.FilesAdded, d.FilesRemoved, d.FilesChanged, d.FilesSame)
	}
	if len(d.Added) != 4699 || len(d.Removed) != 876 {
		t.Errorf("actions +%d -%d, want +4699 -876", len(d.Added), len(d.Removed))
	}
	if n := d.EntryStatusClasses["online→deprecated"]; n != 133 {
		t.Errorf("online→deprecated entries %d, want 133", n)
	}
	// Merged per action (most alive version wins), 3 of those entries still have an
	// online version: the CAM action stays alive.
	if n := d.StatusClasses()["online→deprecated"]; n != 130 {
		t.Errorf("online→deprecated actions %d, want 130", n)
	}
}
