package tencentcloud

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/permgen/permgen/internal/fetch"
	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/source"
	"github.com/permgen/permgen/internal/vendor"
)

var mdLinkInCell = regexp.MustCompile(`\[([^\]]*)\]\(([^)]*)\)`)

// htmlIndex renders a pipe-table index as the live page gives it: an HTML table
// whose cells hold <a href> links, the first row the header.
func htmlIndex(md string) string {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html><html><head><title>支持 CAM 的产品</title></head><body><div class=\"J-markdown-box\"><h2>计算</h2><table>\n")
	first := true
	for _, l := range strings.Split(md, "\n") {
		l = strings.TrimSpace(l)
		if !strings.HasPrefix(l, "|") || strings.Contains(l, "---") {
			continue
		}
		cell := "td"
		if first {
			cell, first = "th", false
		}
		b.WriteString("<tr>")
		for _, c := range strings.Split(strings.Trim(l, "|"), "|") {
			b.WriteString("<" + cell + ">" + mdLinkInCell.ReplaceAllString(strings.TrimSpace(c), `<a href="$2">$1</a>`) + "</" + cell + ">")
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</table></div></body></html>\n")
	return b.String()
}

// archivedOnly is fakeIndex as the archives give it: cvm's row links its older
// guide, so the archive names no uniform page.
var archivedOnly = strings.Replace(fakeIndex, "[支持CAM的业务接口](https://cloud.tencent.com/document/product/598/11111)", "[访问管理指南](https://cloud.tencent.com/document/product/213/10000)", 1)

// liveIndex is fakeIndex as the live page gives it: HTML, the link column headed
// 支持CAM的业务接口, cvm's uniform link relative to the page.
var liveIndex = strings.Replace(strings.Replace(htmlIndex(fakeIndex), "参考文档", "支持CAM的业务接口", 1),
	"https://cloud.tencent.com/document/product/598/11111", "/document/product/598/11111", 1)

// Issue 22: the live index, stored as tencentcloud/product-index.snapshot, names the
// uniform pages its 598 links point to; it wins over the archived index and the
// list file wins over it.
func TestUniformPagesFromLiveIndex(t *testing.T) {
	dir := fakeSources(t, archivedOnly, "")
	vdir := filepath.Join(dir, "tencentcloud")
	if pages, err := UniformPages(vdir); err != nil || len(pages) != 0 {
		t.Fatalf("without the live index: %v %v, want none", pages, err)
	}
	if err := os.WriteFile(filepath.Join(vdir, LiveIndexFile), []byte(liveIndex), 0o644); err != nil {
		t.Fatal(err)
	}
	pages, err := UniformPages(vdir)
	if err != nil || len(pages) != 1 || pages["cvm"].URL != "https://cloud.tencent.com/document/product/598/11111" ||
		!strings.Contains(pages["cvm"].From, "live product index") {
		t.Fatalf("with the live index: %v %v, want cvm's page 598/11111 from it", pages, err)
	}
	// The live index wins over an archive that links another page for cvm.
	dir = fakeSources(t, strings.Replace(fakeIndex, "598/11111", "598/99999", 1), "")
	os.WriteFile(filepath.Join(dir, "tencentcloud", LiveIndexFile), []byte(liveIndex), 0o644)
	if pages, err := UniformPages(filepath.Join(dir, "tencentcloud")); err != nil || pages["cvm"].URL != "https://cloud.tencent.com/document/product/598/11111" {
		t.Errorf("live index against the archive: %v %v, want the live link", pages, err)
	}
	// The list file wins over the live index.
	dir = fakeSources(t, archivedOnly, "cvm https://cloud.tencent.com/document/product/598/44444\n")
	os.WriteFile(filepath.Join(dir, "tencentcloud", LiveIndexFile), []byte(liveIndex), 0o644)
	if pages, err := UniformPages(filepath.Join(dir, "tencentcloud")); err != nil || pages["cvm"].URL != "https://cloud.tencent.com/document/product/598/44444" {
		t.Errorf("list against the live index: %v %v, want the list's", pages, err)
	}
	// A stored page that is not the index is an error naming it, not "no links".
	dir = fakeSources(t, archivedOnly, "")
	os.WriteFile(filepath.Join(dir, "tencentcloud", LiveIndexFile), []byte("<html><body><p>请完成验证</p></body></html>"), 0o644)
	if _, err := UniformPages(filepath.Join(dir, "tencentcloud")); err == nil || !strings.Contains(err.Error(), LiveIndexFile+": not the CAM product index") {
		t.Errorf("a stored verification page: err = %v", err)
	}
}

// Issue 22: gen fetch stores the live index (a first run), whose links then name
// the uniform pages the next run fetches, each with its manifest entry; an index
// page without the product table writes nothing.
func TestLiveIndexIsFetchedThenItsPages(t *testing.T) {
	ccc, err := os.ReadFile(filepath.Join(repoSources(t), "tencentcloud", "ccc.html"))
	if err != nil {
		t.Fatal(err)
	}
	index := liveIndex
	var requests []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests = append(requests, r.URL.Path)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		switch r.URL.Path {
		case "/document/product/598/10588":
			w.Write([]byte(index))
		case "/document/product/598/11111":
			w.Write(ccc)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	reg := vendor.Registry{Vendor{}}
	c := &fetch.Client{HTTP: &http.Client{Transport: toServer{srv.URL}}, Timeout: 5 * time.Second,
		Now:      func() time.Time { return time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC) },
		Validate: func(src model.Source, page []byte) error { _, err := reg.Scrape(src, page); return err }}
	run := func(dir string) string {
		t.Helper()
		rep, err := fetch.RunVendors(context.Background(), dir, c, []string{"tencentcloud"}, lister(reg))
		if rep == nil {
			t.Fatalf("run: %v", err)
		}
		return outcomes(rep)
	}

	// A broken index: nothing written, and no uniform page named.
	index = `<!DOCTYPE html><html><body><div class="J-markdown-box"><table><tr><th>产品</th><th>说明</th></tr><tr><td>云服务器</td><td>-</td></tr></table></div></body></html>`
	dir := fakeSources(t, archivedOnly, "")
	if got := run(dir); got != "tencentcloud/product-index.snapshot failed" {
		t.Errorf("broken index: %s", got)
	}
	if _, err := os.Stat(filepath.Join(dir, "tencentcloud", LiveIndexFile)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a broken index was written: %v", err)
	}

	index = liveIndex
	if got := run(dir); got != "tencentcloud/product-index.snapshot updated" {
		t.Fatalf("first run: %s, want the index stored", got)
	}
	requests = nil
	if got := run(dir); got != "tencentcloud/product-index.snapshot unchanged, tencentcloud/cvm.html updated" {
		t.Fatalf("second run: %s, want cvm's uniform page from the stored index", got)
	}
	if strings.Join(requests, " ") != "/document/product/598/10588 /document/product/598/11111" {
		t.Errorf("requests %v", requests)
	}
	pages, err := source.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	var entries []string
	for _, p := range pages {
		entries = append(entries, p.Source.Path+" "+string(p.Source.Format)+" "+p.Source.URL)
	}
	if strings.Join(entries, ", ") != "tencentcloud/cvm.html tencent-cam https://cloud.tencent.com/document/product/598/11111" {
		t.Errorf("manifest entries: %q, want cvm.html's only (the index is read from the folder)", entries)
	}
}
