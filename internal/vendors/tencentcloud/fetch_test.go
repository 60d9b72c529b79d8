package tencentcloud

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/permgen/permgen/internal/fetch"
	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/source"
	"github.com/permgen/permgen/internal/vendor"
	"github.com/permgen/permgen/internal/vendors/tencentcloud/camdocs"
	"github.com/permgen/permgen/internal/vendors/tencentcloud/merged"
	"github.com/permgen/permgen/internal/vendors/tencentcloud/productindex"
)

// repoSources is the project's sources folder.
func repoSources(t *testing.T) string {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "../../../sources")
}

// fakeIndex is a product index in the CN page's shape whose 参考文档 column links
// a uniform page for cvm only: as's link is its product's older guide, and bm's
// 598 link is in another column (服务角色).
const fakeIndex = `## 计算

| 产品     | CAM 中简称 | 授权粒度 | 控制台   | 根据标签进行授权 | 服务角色 | 参考文档 |
| ------------------------------------- -------- | ------------- | -------- | -------- | ---------------- | -------- | --- |
| [云服务器](https://cloud.tencent.com/document/product/213) <sup>1</sup> | cvm |资源级   | &#10003; | &#10003;         | &#10003; | [支持CAM的业务接口](https://cloud.tencent.com/document/product/598/11111) |
| [弹性伸缩](https://cloud.tencent.com/document/product/377)   | as |资源级   | &#10003; | &#10003;         | &#10003; | [访问管理指南](https://cloud.tencent.com/document/product/377/10311) |
| [黑石物理服务器](https://cloud.tencent.com/document/product/386) | bm |资源级   | &#10003; | &#10003;         | [服务角色](https://cloud.tencent.com/document/product/598/19420) | - |
`

// fakeSources writes sources/tencentcloud with an index archive holding index, and
// the uniform-pages file when list is not empty.
func fakeSources(t *testing.T, index, list string) string {
	t.Helper()
	dir := t.TempDir()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	tw := tar.NewWriter(zw)
	name := "product/监控与管理/访问控制/什么是访问控制（CAM）/支持CAM的产品.md"
	if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o644, Size: int64(len(index)), Typeflag: tar.TypeReg}); err != nil {
		t.Fatal(err)
	}
	tw.Write([]byte(index))
	tw.Close()
	zw.Close()
	vdir := filepath.Join(dir, "tencentcloud")
	if err := os.MkdirAll(filepath.Join(vdir, "camdocs"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(vdir, merged.DocsCN), buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if list != "" {
		if err := os.WriteFile(filepath.Join(vdir, UniformPagesFile), []byte(list), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// Issue 22: the uniform pages come from the product index's links (its 参考文档
// column, 598 pages only) and from uniform-pages.txt, each as
// tencentcloud/<prefix>.html in format tencent-cam with a manifest entry.
func TestFetchPagesFromIndexAndList(t *testing.T) {
	dir := fakeSources(t, fakeIndex, "# checked by hand\nvpc https://cloud.tencent.com/document/product/598/22222\n")
	pages, err := Vendor{}.FetchPages(vendor.Sources{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) == 0 || pages[0].Source.Path != "tencentcloud/"+LiveIndexFile || pages[0].Source.URL != LiveIndexURL ||
		pages[0].Manifest || pages[0].Validate == nil {
		t.Fatalf("first page %+v: want the live index, read from the folder and checked by its own reader", pages)
	}
	pages = pages[1:]
	var got []string
	for _, p := range pages {
		if !p.Manifest || p.Source.Vendor != "tencentcloud" || p.Source.Format != model.FormatTencentCAM || p.Validate != nil || p.Replaces != nil {
			t.Errorf("page %+v: want a manifest page of format tencent-cam, read by the registry", p)
		}
		got = append(got, p.Source.Path+" "+p.Source.URL)
	}
	want := "tencentcloud/cvm.html https://cloud.tencent.com/document/product/598/11111, tencentcloud/vpc.html https://cloud.tencent.com/document/product/598/22222"
	if strings.Join(got, ", ") != want {
		t.Errorf("pages:\n got %s\nwant %s", strings.Join(got, ", "), want)
	}
	if pages, err := (Vendor{}).FetchPages(vendor.Sources{Dir: t.TempDir()}); err != nil || len(pages) != 0 {
		t.Errorf("a folder without tencentcloud/: %v %v", pages, err)
	}
}

// The archived indexes (2021 CN, 2023 intl) link each product's older CAM guide
// (CAM's own row its user guide, a 598 page that is not a uniform one) and no
// uniform page: for the project's sources the list file is the only way
// to name them. If a newer archive links them, this figure changes.
func TestArchivedIndexesLinkNoUniformPage(t *testing.T) {
	rows, links, uniform := 0, 0, 0
	var cam598 []string
	for _, f := range []string{merged.DocsCN, merged.DocsIntl} {
		docs, err := camdocs.ReadArchive(filepath.Join(repoSources(t), "tencentcloud", f))
		if err != nil {
			t.Fatal(err)
		}
		for i := range docs {
			if !productindex.IsIndex(&docs[i]) {
				continue
			}
			ps, err := productindex.Read(&docs[i])
			if err != nil {
				t.Fatal(err)
			}
			for _, p := range ps {
				rows++
				for _, l := range p.DocLinks {
					links++
					if uniformURL.MatchString(l.URL) {
						cam598 = append(cam598, p.Prefix+" "+l.Text+" "+l.URL)
					}
					if isUniformLink(l) {
						uniform++
					}
				}
			}
		}
	}
	if rows != 236+75+75 || links == 0 || uniform != 0 {
		t.Errorf("%d index rows, %d reference links, %d to uniform pages; want 386 rows, some links, none uniform", rows, links, uniform)
	}
	// The one 598 link of the reference columns is CAM's own user guide.
	if strings.Join(cam598, "; ") != "cam 访问管理指南 https://cloud.tencent.com/document/product/598/10590" {
		t.Errorf("598 links in the reference columns: %q", cam598)
	}
}

func TestUniformPagesErrors(t *testing.T) {
	conflicting := fakeIndex + "| [云硬盘](https://cloud.tencent.com/document/product/362) | cvm | 资源级 | &#10003; | - | - | [支持CAM的业务接口](https://cloud.tencent.com/document/product/598/33333) |\n"
	for _, c := range []struct{ index, list, want string }{
		{fakeIndex, "vpc\n", `uniform-pages.txt:1: want "prefix url", got "vpc"`},
		{fakeIndex, "VPC https://cloud.tencent.com/document/product/598/1\n", `uniform-pages.txt:1: "VPC" is not a CAM prefix`},
		{fakeIndex, "\nvpc https://cloud.tencent.com/document/product/213/1\n", `uniform-pages.txt:2: "https://cloud.tencent.com/document/product/213/1" is not a uniform page's address`},
		{fakeIndex, "vpc https://cloud.tencent.com/document/product/598/1\nvpc https://cloud.tencent.com/document/product/598/2\n", `uniform-pages.txt:2: prefix vpc listed again (first at uniform-pages.txt line 1)`},
		{conflicting, "", `two uniform pages for one CAM prefix (name the right one in `},
	} {
		_, err := UniformPages(filepath.Join(fakeSources(t, c.index, c.list), "tencentcloud"))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("err = %v, want %q", err, c.want)
		}
	}
	// The list settles a conflict of the indexes.
	pages, err := UniformPages(filepath.Join(fakeSources(t, conflicting, "cvm https://cloud.tencent.com/document/product/598/33333\n"), "tencentcloud"))
	if err != nil || pages["cvm"].URL != "https://cloud.tencent.com/document/product/598/33333" {
		t.Errorf("%v %v", pages, err)
	}
}

// toServer sends every request to the test server, whatever its host: the pages
// are fetched from cloud.tencent.com.
type toServer struct{ url string }

func (s toServer) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.URL.Scheme, r.URL.Host = "http", strings.TrimPrefix(s.url, "http://")
	return http.DefaultTransport.RoundTrip(r)
}

// Issue 22: gen fetch -only tencentcloud fetches each uniform page into
// tencentcloud/<prefix>.html and adds its manifest entry, which the sources
// loader then reads; a page that does not scrape as a uniform page writes
// nothing and gets no entry.
func TestUniformPagesAreFetched(t *testing.T) {
	ccc, err := os.ReadFile(filepath.Join(repoSources(t), "tencentcloud", "ccc.html"))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		switch r.URL.Path {
		case "/document/product/598/11111":
			w.Write(ccc)
		default:
			w.Write([]byte(`<!DOCTYPE html><html><head><title>验证</title></head><body><div class="J-markdown-box"><p>请完成验证</p></div></body></html>`))
		}
	}))
	defer srv.Close()
	dir := fakeSources(t, fakeIndex, "vpc https://cloud.tencent.com/document/product/598/22222\n")
	os.WriteFile(filepath.Join(dir, source.ManifestFile), []byte(`{"pages": [{"path": "other/x.html", "vendor": "other", "format": "scope-table", "url": "https://example.com/x"}]}`+"\n"), 0o644)
	reg := vendor.Registry{Vendor{}}
	c := &fetch.Client{HTTP: &http.Client{Transport: toServer{srv.URL}}, Timeout: 5 * time.Second,
		Now:      func() time.Time { return time.Date(2026, 12, 6, 0, 0, 0, 0, time.UTC) },
		Validate: func(src model.Source, page []byte) error { _, err := reg.Scrape(src, page); return err }}
	rep, err := fetch.RunVendors(context.Background(), dir, c, []string{"tencentcloud"}, lister(reg))
	if err != nil {
		t.Fatal(err)
	}
	if got := outcomes(rep); got != "tencentcloud/product-index.snapshot failed, tencentcloud/cvm.html updated, tencentcloud/vpc.html failed" {
		t.Fatalf("report %s: want the index (a verification page here) failed, cvm updated, vpc failed, other/x.html not selected", got)
	}
	if _, err := os.Stat(filepath.Join(dir, "tencentcloud", "vpc.html")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the page that does not scrape was written: %v", err)
	}
	pages, err := source.Load(dir)
	if err != nil && !strings.Contains(err.Error(), "other/x.html") {
		t.Fatal(err)
	}
	found := false
	for _, p := range pages {
		if p.Source.Path == "tencentcloud/vpc.html" {
			t.Error("vpc.html has a manifest entry")
		}
		if p.Source.Path == "tencentcloud/cvm.html" {
			found = true
			if p.Source.Format != model.FormatTencentCAM || p.Source.URL != "https://cloud.tencent.com/document/product/598/11111" || p.Source.Fetched != "2026-12-06" {
				t.Errorf("cvm.html entry %+v", p.Source)
			}
		}
	}
	if !found {
		t.Error("the sources loader does not read tencentcloud/cvm.html: no manifest entry")
	}
}

// outcomes is a report's pages as "path outcome", comma-separated.
func outcomes(rep *fetch.Report) string {
	var out []string
	for _, p := range rep.Pages {
		out = append(out, p.Path+" "+string(p.Outcome))
	}
	return strings.Join(out, ", ")
}

// lister asks reg's vendors for their pages, as gen fetch does.
func lister(reg vendor.Registry) fetch.Lister {
	return func(dir string) ([]fetch.VendorPage, error) {
		pages, err := reg.FetchPages(vendor.Sources{Dir: dir})
		out := make([]fetch.VendorPage, len(pages))
		for i, p := range pages {
			out[i] = fetch.VendorPage(p)
		}
		return out, err
	}
}

// A fetched page's manifest entry names the API version of the API catalogue's
// service of its prefix when there is exactly one (cvm), and none when the
// service has several (tke: 2018-05-25 and 2022-05-01), rather than a guess.
func TestFetchPagesAPIVersion(t *testing.T) {
	dir := fakeSources(t, fakeIndex, "tke https://cloud.tencent.com/document/product/598/33333\n")
	api := filepath.Join(repoSources(t), "tencentcloud", merged.APIFile)
	if err := os.MkdirAll(filepath.Join(dir, "tencentcloud", "tccli"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(api, filepath.Join(dir, "tencentcloud", merged.APIFile)); err != nil {
		t.Fatal(err)
	}
	pages, err := Vendor{}.FetchPages(vendor.Sources{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, p := range pages[1:] { // after the live index
		got[p.Source.Path] = p.Source.APIVersion
	}
	if len(got) != 2 || got["tencentcloud/cvm.html"] != "2017-03-12" || got["tencentcloud/tke.html"] != "" {
		t.Errorf("api versions %v, want cvm 2017-03-12 and tke none", got)
	}
}
