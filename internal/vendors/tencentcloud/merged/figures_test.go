package merged

import (
	"path/filepath"
	"testing"

	"github.com/permgen/permgen/internal/vendors/tencentcloud/camdocs"
)

// The resource-level rows of the old pages (intl zh and CN; the en pages translate
// zh), as docs/tencentcloud-catalog.md counts them: placed with a pattern, or
// reported by lint with why.
func TestResourceRowFigures(t *testing.T) {
	c := load(t)
	var docs []camdocs.Doc
	for _, f := range []string{DocsIntl, DocsCN} {
		d, err := camdocs.ReadArchive(filepath.Join(sourcesDir(), f))
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range d {
			if x.Lang != "en" {
				docs = append(docs, x)
			}
		}
	}
	distinct := map[string]bool{}
	rows := 0
	for _, e := range camdocs.Entries(docs) {
		if e.Level == camdocs.LevelResource {
			rows++
			distinct[docPrefix(e.Prefix)+":"+e.Action] = true
		}
	}
	placed, noPattern := 0, 0
	for name := range distinct {
		a, _ := c.Lookup(name)
		if a.Granularity == Resource && len(a.Resources) > 0 {
			placed++
		} else {
			noPattern++
		}
	}
	if rows != 2815 || len(distinct) != 1633 || placed != 1550 || noPattern != 83 {
		t.Errorf("rows %d distinct %d placed %d not placed %d", rows, len(distinct), placed, noPattern)
	}
}
