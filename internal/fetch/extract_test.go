package fetch

import (
	"context"
	"net/http"
	"strings"
	"testing"
)

// TestChromeOutsideTheContainerDoesNotChangeTheSnapshot serves two versions of
// each page layout that differ only in banner, navigation, timestamps and scripts.
func TestChromeOutsideTheContainerDoesNotChangeTheSnapshot(t *testing.T) {
	tencent := func(banner, stamp string) string {
		return `<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>云呼叫中心 支持CAM的业务接口</title>
<script>var t = "` + stamp + `";</script></head><body>
<div class="J-topBar">` + banner + `</div><nav class="doc-nav"><a href="/a">` + banner + `</a></nav>
<div class="J-body"><div class="J-markdown-box markdown-body"><h3 id="write">写操作</h3><table><tr><td>AddBlackUser</td></tr></table></div>
<div class="doc-update-time">最近更新时间:` + stamp + `</div></div></body></html>`
	}
	docusaurus := func(banner, stamp string) string {
		return `<!DOCTYPE html><html lang="en" dir="ltr" class="` + banner + `"><head><meta charset="UTF-8"><title data-rh="true">Access Control List | Stella</title></head><body>
<nav class="navbar">` + banner + `</nav><main><article><nav class="breadcrumbs">` + banner + `</nav>
<div class="theme-doc-markdown markdown"><header><h1>Access Control List</h1></header><table><tr><td><code>member:read</code></td></tr></table></div>
<footer class="theme-doc-footer"><span class="lastUpdated">Last updated on ` + stamp + `</span></footer></article></main></body></html>`
	}
	versions := map[string][2]string{
		"/tencent":    {tencent("有奖捉虫", "2024-05-01 10:00:00"), tencent("新品上线", "2025-03-04 09:12:13")},
		"/docusaurus": {docusaurus("a", "Jan 1, 2024"), docusaurus("b", "Mar 4, 2025")},
	}
	s := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		htmlResponse(w, versions[r.URL.Path][n-1])
	})
	want := map[string]string{
		"/tencent": `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>云呼叫中心 支持CAM的业务接口</title>
</head>
<body>
<div class="J-markdown-box markdown-body"><h3 id="write">写操作</h3><table><tbody><tr><td>AddBlackUser</td></tr></tbody></table></div>
</body>
</html>
`,
		"/docusaurus": `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Access Control List | Stella</title>
</head>
<body>
<div class="theme-doc-markdown markdown"><header><h1>Access Control List</h1></header><table><tbody><tr><td><code>member:read</code></td></tr></tbody></table></div>
</body>
</html>
`,
	}
	for path := range versions {
		var got [2]string
		for i := range got {
			res, err := testClient(nil).Page(context.Background(), src(s.URL+path))
			if err != nil {
				t.Fatalf("%s: %v", path, err)
			}
			got[i] = string(res.HTML)
		}
		if got[0] != got[1] {
			t.Errorf("%s: the two versions differ after extraction:\n%s\n---\n%s", path, got[0], got[1])
		}
		if got[0] != want[path] {
			t.Errorf("%s: snapshot\n%s\nwant\n%s", path, got[0], want[path])
		}
	}
}

func TestContainerOrder(t *testing.T) {
	for _, c := range []struct{ html, container string }{
		{`<main><article><div class="theme-doc-markdown">x</div></article></main>`, ".theme-doc-markdown"},
		{`<main><article>x</article></main>`, "article"},
		{`<main>x</main>`, "main"},
		{`<main><div class="markdown-body"><div class="J-markdown-box">x</div></div></main>`, ".J-markdown-box"},
		{`<div class="markdown-body">x</div>`, ".markdown-body"},
	} {
		ex, err := extract([]byte("<html><body>" + c.html + "</body></html>"))
		if err != nil {
			t.Fatal(err)
		}
		if ex.container != c.container || ex.warning != "" {
			t.Errorf("%s: container %q (warning %q), want %q", c.html, ex.container, ex.warning, c.container)
		}
	}
}

func TestNoContainerKeepsTheBodyWithAWarning(t *testing.T) {
	s := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		htmlResponse(w, `<html><head><title>  A
  page </title></head><body class="x"><div id="nav">nav</div><table><tr><td>a:b</td></tr></table></body></html>`)
	})
	res, err := testClient(nil).Page(context.Background(), src(s.URL))
	if err != nil {
		t.Fatal(err)
	}
	want := `<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>A page</title>
</head>
<body>
<div id="nav">nav</div><table><tbody><tr><td>a:b</td></tr></tbody></table>
</body>
</html>
`
	if string(res.HTML) != want {
		t.Errorf("snapshot\n%s\nwant\n%s", res.HTML, want)
	}
	if res.Container != "" || len(res.Warnings) != 1 || !strings.HasPrefix(res.Warnings[0], "no content container (.J-markdown-box, .markdown-body, .theme-doc-markdown, #main-content, article, main) found; kept the whole <body>") {
		t.Errorf("container %q, warnings %q; want none and one warning", res.Container, res.Warnings)
	}
}

func TestTitleAndLangAreEscaped(t *testing.T) {
	ex, err := extract([]byte(`<html lang='x"y'><head><title>a &lt;b&gt; &amp; c</title></head><body><main>m</main></body></html>`))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`<html lang="x&#34;y">`, `<title>a &lt;b&gt; &amp; c</title>`} {
		if !strings.Contains(string(ex.html), want) {
			t.Errorf("snapshot lacks %s:\n%s", want, ex.html)
		}
	}
}

// AWS documentation pages keep their content in #main-content; the chrome around it
// (scripts, feedback forms, ids) changes on every refresh and must not be kept.
func TestExtractAWSMainContent(t *testing.T) {
	page := []byte(`<!DOCTYPE html><html lang="en-US"><head><title>Actions - Service Authorization Reference</title><script>var build="1234";</script></head>
<body><div id="nav">chrome</div><div class="awsui-util-container" id="main-content"><h1>Actions, resources, and condition keys for Amazon S3</h1><table id="w74aab5c11c17"><tr><td id="amazons3-GetObject">GetObject</td></tr></table></div><div id="quick-feedback-yes">Thanks</div></body></html>`)
	got, container, err := Extract(page)
	if err != nil {
		t.Fatal(err)
	}
	if container != "#main-content" {
		t.Errorf("container %q, want #main-content", container)
	}
	for _, chrome := range []string{"chrome", "build=", "Thanks", "w74aab5c11c17"} {
		if strings.Contains(string(got), chrome) {
			t.Errorf("snapshot keeps %q:\n%s", chrome, got)
		}
	}
	if !strings.Contains(string(got), "Actions, resources, and condition keys for Amazon S3") || !strings.Contains(string(got), `id="amazons3-GetObject"`) {
		t.Errorf("snapshot lost the content:\n%s", got)
	}
}
