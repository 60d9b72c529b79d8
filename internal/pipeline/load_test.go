package pipeline

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/snapshot"
)

// TestLoadIsTheModelRenderPrints (issue 9 item 16): Load alone gives the complete
// model, derived facts included, with no import path; Render prints exactly that
// model and leaves it as it was, whatever the import path. The live sources with a
// few AWS pages (liveSources) hold every vendor and layout; all 533 AWS pages
// only made it slower.
func TestLoadIsTheModelRenderPrints(t *testing.T) {
	m, err := Load(Options{In: liveSources(t)})
	if err != nil {
		t.Fatal(err)
	}
	before := map[string]string{}
	for _, s := range m.Services {
		// A product of the merged catalog may have no resource-level action, and so no type.
		if s.Kind == "tencent-cam" && len(s.ResourceTypes) == 0 && countTyped(s) > 0 {
			t.Errorf("%s: Load left the resource types underived", s.Source.Path)
		}
		b, err := snapshot.Marshal(s, "x")
		if err != nil {
			t.Fatal(err)
		}
		before[s.Source.Path] = string(b)
	}
	for _, root := range []string{"example.com/a", "example.org/b/c"} {
		res, err := Render(m, root)
		if err != nil {
			t.Fatal(err)
		}
		if res.Model != m {
			t.Fatal("Render's result does not carry the model it was given")
		}
		snaps := 0
		for _, f := range res.Files {
			if !strings.HasSuffix(f.Path, ".json") {
				continue
			}
			s, err := snapshot.Unmarshal(f.Path, f.Data)
			if err != nil {
				t.Fatal(err)
			}
			snaps++
			b, _ := snapshot.Marshal(s, "x")
			if d := cmp.Diff(before[s.Source.Path], string(b)); d != "" {
				t.Errorf("%s: the printed snapshot is not the loaded model (-load +render):\n%s", f.Path, d)
			}
		}
		if n := len(vendors.Snapshotted(m.Services)); snaps != n {
			t.Errorf("Render printed %d snapshots for %d services that have one", snaps, n)
		}
		for _, s := range m.Services {
			b, _ := snapshot.Marshal(s, "x")
			if string(b) != before[s.Source.Path] {
				t.Errorf("Render(%s) modified the model of %s", root, s.Source.Path)
			}
		}
	}
}

// countTyped counts the actions with a specific resource.
func countTyped(s *model.Service) int {
	n := 0
	for _, a := range s.Actions {
		if len(a.TypeNames()) > 0 {
			n++
		}
	}
	return n
}
