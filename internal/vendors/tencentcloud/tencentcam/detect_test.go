package tencentcam

import (
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

func TestDetect(t *testing.T) {
	cases := []struct {
		name string
		html string
		want bool
	}{
		{"action table zh", `<table><tr><th>接口名</th><th>授权粒度</th><th>资源六段式</th></tr></table>`, true},
		{"action table en", `<table><tr><th>API</th><th>Six-segment Resource Description</th></tr></table>`, true},
		{"facts only", `<table><tr><th>CAM中产品名</th><th>CAM中简称</th></tr></table>`, true},
		{"scope table", `<table><tr><th>Scope</th><th>Description</th></tr><tr><td>bot:read</td><td>Read bots</td></tr></table>`, false},
		{"no tables", `<p>接口名 资源六段式</p>`, false},
		{"action table in chrome only", `<nav><table><tr><th>API</th><th>Resource</th></tr></table></nav><div class="J-markdown-box"><p>text</p></div>`, false},
		{"empty", ``, false},
	}
	for _, c := range cases {
		doc, err := goquery.NewDocumentFromReader(strings.NewReader(c.html))
		if err != nil {
			t.Fatal(err)
		}
		if got := Detect(doc); got != c.want {
			t.Errorf("%s: Detect = %v, want %v", c.name, got, c.want)
		}
	}
	for _, in := range []string{snapshot, "testdata/intl.html", "testdata/zh_variants.html"} {
		doc := readDoc(t, in)
		if !Detect(doc) {
			t.Errorf("%s: not detected", in)
		}
	}
}

func TestNilDocument(t *testing.T) {
	if Detect(nil) {
		t.Error("Detect(nil) = true")
	}
	if _, err := Scrape(testSource("x.html"), nil); err == nil {
		t.Error("Scrape(nil) succeeded")
	}
}
