package main

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/permgen/permgen/internal/vendors/tencentcloud"
)

// The figures of ../shared/tencent/README.md §1, measured on the snapshots committed
// in sources/tencentcloud/tccli.
func TestDiffCatalogueSnapshots(t *testing.T) {
	snap := func(n string) string { return filepath.Join("..", "sources", "tencentcloud", "tccli", n+".tar.gz") }
	for _, tc := range []struct {
		old                          string
		lines                        []string
		servicesAdded, servicesGone  int
		actionsAdded, actionsRemoved int
		deprecatedEntries            int
	}{
		{"2026-02-09", []string{"services: +10 -0", "api.json: +12 -0 changed 162 identical 122", "actions: +2224 -198", "online→deprecated 47", "+ service tokenhub"}, 10, 0, 2224, 198, 47},
		{"2024-08-21", nil, 37, 31, 4699, 876, 133},
	} {
		var out, errOut bytes.Buffer
		// Each snapshot takes seconds to read: the first pair is checked as text, the
		// second as JSON.
		if tc.old == "2026-02-09" {
			if code := run([]string{"diff", "-old", snap(tc.old), "-new", snap("HEAD")}, &out, &errOut); code != 3 {
				t.Errorf("%s: exit %d, want 3 (actions removed); stderr %s", tc.old, code, errOut.String())
			}
			for _, l := range tc.lines {
				if !strings.Contains(out.String(), l+"\n") && !strings.Contains(out.String(), l+" ") {
					t.Errorf("%s: no line %q in\n%.600s", tc.old, l, out.String())
				}
			}
			continue
		}
		if code := run([]string{"diff", "-format", "json", "-old", snap(tc.old), "-new", snap("HEAD")}, &out, &errOut); code != 3 {
			t.Errorf("%s: exit %d, want 3", tc.old, code)
		}
		var d tencentcloud.CatalogueDiff
		if err := json.Unmarshal(out.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		if len(d.ServicesAdded) != tc.servicesAdded || len(d.ServicesRemoved) != tc.servicesGone || len(d.ActionsAdded) != tc.actionsAdded ||
			len(d.ActionsRemoved) != tc.actionsRemoved || d.StatusEntries["online→deprecated"] != tc.deprecatedEntries {
			t.Errorf("%s: json %d/%d services, %d/%d actions, %d deprecated", tc.old, len(d.ServicesAdded), len(d.ServicesRemoved), len(d.ActionsAdded), len(d.ActionsRemoved), d.StatusEntries["online→deprecated"])
		}
	}
	var out, errOut bytes.Buffer
	if code := run([]string{"diff", "-old", snap("HEAD"), "-new", snap("HEAD")}, &out, &errOut); code != 0 {
		t.Errorf("HEAD against itself: exit %d, want 0\n%s", code, out.String())
	}
}

// The CN 2021 CAM pages against the intl 2023 ones where both list an action.
func TestDiffOldCAMPages(t *testing.T) {
	arch := func(n string) string {
		return filepath.Join("..", "sources", "tencentcloud", "camdocs", n+"-documents.tar.gz")
	}
	code, stdout, stderr := runGen(t, "diff", "-old", arch("qcloud"), "-new", arch("intlcloud"))
	if code != 1 || !strings.Contains(stdout, "actions in both: 853; only old: 570; only new: 333; level changed: 0; patterns changed: 21\n") {
		t.Errorf("exit %d\n%.400s%s", code, stdout, stderr)
	}
}
