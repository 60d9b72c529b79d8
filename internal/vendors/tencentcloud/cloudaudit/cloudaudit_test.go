package cloudaudit

import (
	"path/filepath"
	"runtime"
	"testing"

	"github.com/permgen/permgen/internal/vendors/tencentcloud/camdocs"
)

func docs(t *testing.T, archive, lang string) []camdocs.Doc {
	_, file, _, _ := runtime.Caller(0)
	all, err := camdocs.ReadArchive(filepath.Join(filepath.Dir(file), "../../../../sources/tencentcloud/camdocs", archive))
	if err != nil {
		t.Fatal(err)
	}
	var out []camdocs.Doc
	for _, d := range all {
		if d.Lang == lang {
			out = append(out, d)
		}
	}
	return out
}

// Figures of ../shared/tencent/README.md §3 plus 15 rows and 15 names in each archive:
// the README measured 1,878 / 1,759 (zh), 1,877 / 1,758 (en) and 3,326 / 3,029 (CN).
// Every extra row here is a clean API name in a 事件名称 column (checked when written);
// the difference in counting method is not known. Resource types agree.
func TestEventFigures(t *testing.T) {
	for _, tc := range []struct {
		archive, lang          string
		rows, distinct, rtypes int
	}{
		{"cloudaudit-intlcloud-documents.tar.gz", "zh", 1893, 1774, 52},
		{"cloudaudit-intlcloud-documents.tar.gz", "en", 1893, 1774, 52},
		{"cloudaudit-qcloud-documents.tar.gz", "cn", 3341, 3044, 107},
	} {
		evs := Events(docs(t, tc.archive, tc.lang))
		names, types := map[string]bool{}, map[string]bool{}
		for _, e := range evs {
			names[e.Name] = true
			types[e.ResourceType] = true
		}
		if len(evs) != tc.rows || len(names) != tc.distinct || len(types) != tc.rtypes {
			t.Errorf("%s %s: %d rows, %d names, %d resource types; want %d, %d, %d", tc.archive, tc.lang, len(evs), len(names), len(types), tc.rows, tc.distinct, tc.rtypes)
		}
	}
}
