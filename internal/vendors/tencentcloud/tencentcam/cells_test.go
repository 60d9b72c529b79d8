package tencentcam

import (
	"reflect"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"

	"github.com/permgen/permgen/internal/htmltext"
)

func TestNodeText(t *testing.T) {
	cases := []struct {
		html, text string
		parts      []string
	}{
		{`<td>qcs::ccc::uin/${uin}:SdkAppId/${SdkAppId}</td>`, "qcs::ccc::uin/${uin}:SdkAppId/${SdkAppId}", nil},
		{`<td> a&nbsp;b </td>`, " a\u00a0b ", []string{"a", "b"}},
		{`<td>a<br>b<br/>c</td>`, "a\nb\nc", []string{"a", "b", "c"}},
		{`<td><p>a</p><p>b</p></td>`, "a\nb", []string{"a", "b"}},
		{`<td><div><p>a</p></div><ul><li>b</li><li>c</li></ul></td>`, "a\nb\nc", []string{"a", "b", "c"}},
		{`<td><p>a</p><br><p>b</p></td>`, "a\nb", []string{"a", "b"}},
		{`<td><code>x</code><span>y</span><strong>z</strong></td>`, "xyz", nil},
		{`<td>a<!-- c --><script>s</script>b</td>`, "ab", nil},
		{`<td></td>`, "", nil},
	}
	for _, c := range cases {
		doc, err := goquery.NewDocumentFromReader(strings.NewReader("<table><tr>" + c.html + "</tr></table>"))
		if err != nil {
			t.Fatal(err)
		}
		got := htmltext.Text(doc.Find("td").Get(0))
		if got != c.text {
			t.Errorf("%s: text %q, want %q", c.html, got, c.text)
		}
		if p := parts(got); !reflect.DeepEqual(p, c.parts) {
			t.Errorf("%s: parts %q, want %q", c.html, p, c.parts)
		}
	}
}

func TestFoldHeader(t *testing.T) {
	for h, key := range map[string]string{
		"接口名":                                  "api",
		" API  Name ":                          "api",
		"Six-segment Resource Description":     "resource",
		"资源六段式示例":                              "resource",
		"ＩＰ 限制:":                               "ip_restriction",
		"Authorization\u00a0Granularity":       "granularity",
		"Notes":                                "",
		"Six-segment Resource Description (1)": "",
	} {
		if got := actionColumns[htmltext.FoldHeader(h)]; got != key {
			t.Errorf("%q reads as %q, want %q", h, got, key)
		}
	}
}
