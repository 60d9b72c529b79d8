package hostile

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// importRoot is the module the generated tree belongs to in these tests.
const importRoot = "example.com/out"

// Pages of the fixed layout every hostile test uses: a Tencent CAM page of vendor
// "tc" (package tc/demo, runtime tc/cam) and a scope table of vendor "sv".
const (
	camPath   = "tc/demo.html"
	scopePath = "sv/acl.html"
)

// camAction is one row of a CAM action table; desc is HTML, written into the cell
// as is.
type camAction struct {
	name, desc, gran, res string
}

type camTable struct {
	heading string // HTML
	rows    []camAction
}

// camPage renders a CAM page; product is HTML.
func camPage(product string, tables ...camTable) string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>t</title></head><body><div class=\"J-markdown-box\">\n")
	b.WriteString("<h2>基本信息</h2>\n<table><thead><tr><th>CAM中产品名</th><th>CAM中简称</th><th>授权粒度</th></tr></thead>\n")
	b.WriteString("<tbody><tr><td>" + product + "</td><td>demo</td><td>资源级</td></tr></tbody></table>\n")
	for _, t := range tables {
		b.WriteString("<h3>" + t.heading + "</h3>\n<table><thead><tr><th>接口名</th><th>接口描述</th><th>授权粒度</th><th>资源六段式</th><th>IP限制</th></tr></thead><tbody>\n")
		for _, r := range t.rows {
			gran, res := r.gran, r.res
			if gran == "" {
				gran, res = "资源级", "qcs::demo::uin/${uin}:instance/${InstanceId}"
			}
			b.WriteString("<tr><td>" + r.name + "</td><td>" + r.desc + "</td><td>" + gran + "</td><td>" + res + "</td><td>支持</td></tr>\n")
		}
		b.WriteString("</tbody></table>\n")
	}
	b.WriteString("</div></body></html>\n")
	return b.String()
}

// scopeRow is one row of a scope table; desc is HTML.
type scopeRow struct{ scope, desc string }

// scopePage renders a scope table page; title and heading are HTML.
func scopePage(title, heading string, rows ...scopeRow) string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>t</title></head><body><article>\n")
	b.WriteString("<h1>" + title + "</h1>\n<h2>" + heading + "</h2>\n")
	b.WriteString("<table><thead><tr><th>Scope</th><th>Description</th></tr></thead><tbody>\n")
	for _, r := range rows {
		b.WriteString("<tr><td><code>" + r.scope + "</code></td><td>" + r.desc + "</td></tr>\n")
	}
	b.WriteString("</tbody></table></article></body></html>\n")
	return b.String()
}

// writeSources writes a sources folder holding the given pages (path -> HTML) and a
// manifest naming their formats, and returns its path.
func writeSources(t testing.TB, dir string, pages map[string]string) string {
	t.Helper()
	type entry struct {
		Path   string `json:"path"`
		Vendor string `json:"vendor"`
		Format string `json:"format"`
	}
	var m struct {
		Pages []entry `json:"pages"`
	}
	for _, p := range []string{camPath, scopePath} {
		html, ok := pages[p]
		if !ok {
			continue
		}
		format := "tencent-cam"
		if p == scopePath {
			format = "scope-table"
		}
		vendor, _, _ := strings.Cut(p, "/")
		m.Pages = append(m.Pages, entry{p, vendor, format})
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(html), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	data, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "manifest.json"), data, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}
