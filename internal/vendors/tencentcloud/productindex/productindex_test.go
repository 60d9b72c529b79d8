package productindex

import (
	"path/filepath"
	"runtime"
	"testing"

	"github.com/permgen/permgen/internal/vendors/tencentcloud/camdocs"
)

func index(t *testing.T, archive, lang string) []Product {
	_, file, _, _ := runtime.Caller(0)
	docs, err := camdocs.ReadArchive(filepath.Join(filepath.Dir(file), "../../../../sources/tencentcloud/camdocs", archive))
	if err != nil {
		t.Fatal(err)
	}
	for i := range docs {
		if IsIndex(&docs[i]) && docs[i].Lang == lang {
			ps, err := Read(&docs[i])
			if err != nil {
				t.Fatal(err)
			}
			return ps
		}
	}
	t.Fatalf("%s: no %s index", archive, lang)
	return nil
}

// Figures of ../shared/tencent/README.md §2: CN 236 rows, 90 / 72 / 72 + 2 "-",
// 235 abbreviations; intl 75, 58 / 10 / 7.
func TestIndexFigures(t *testing.T) {
	for _, tc := range []struct {
		archive, lang                                 string
		rows, resource, operation, service, none, pfx int
	}{
		{"qcloud-documents.tar.gz", "cn", 236, 90, 72, 72, 2, 235},
		{"intlcloud-documents.tar.gz", "zh", 75, 58, 10, 7, 0, 75},
		{"intlcloud-documents.tar.gz", "en", 75, 58, 10, 7, 0, 75},
	} {
		ps := index(t, tc.archive, tc.lang)
		n := map[string]int{}
		pfx := 0
		for _, p := range ps {
			n[p.Granularity]++
			if p.Prefix != "" {
				pfx++
			}
		}
		if len(ps) != tc.rows || n["resource"] != tc.resource || n["operation"] != tc.operation || n["service"] != tc.service || n[""] != tc.none || pfx != tc.pfx {
			t.Errorf("%s %s: %d rows %v, %d prefixes; want %d rows %d/%d/%d/%d, %d", tc.archive, tc.lang, len(ps), n, pfx, tc.rows, tc.resource, tc.operation, tc.service, tc.none, tc.pfx)
		}
	}
	for _, p := range index(t, "qcloud-documents.tar.gz", "cn") {
		if p.Prefix == "cvm" {
			if p.Name != "云服务器" || p.Granularity != "resource" || !p.Console || !p.Tag {
				t.Errorf("cvm row %+v", p)
			}
			return
		}
	}
	t.Error("no cvm row")
}
