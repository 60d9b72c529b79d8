package camdocs

import (
	"slices"
	"strings"
	"testing"
)

// The CN 2021 pages against the intl 2023 ones, where both list an action: figures
// measured on the committed archives (docs/tencentcloud-catalog.md).
func TestCompareCNWithIntl(t *testing.T) {
	c := Compare(Entries(resourceLevelDocs(t, "qcloud-documents.tar.gz", "cn")), Entries(resourceLevelDocs(t, "intlcloud-documents.tar.gz", "zh")))
	got := []int{c.Both, len(c.OnlyOld), len(c.OnlyNew), len(c.LevelChanged), len(c.PatternsChanged)}
	if want := []int{853, 570, 333, 0, 21}; !slices.Equal(got, want) {
		t.Errorf("both, only CN, only intl, level changed, patterns changed = %v, want %v", got, want)
	}
	// 黑石 (bm) has pages in the CN tree only.
	if !strings.Contains(strings.Join(c.OnlyOld, " "), "bm:") {
		t.Error("no bm action only in the CN pages")
	}
}
