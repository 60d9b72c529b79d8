package fetch

import (
	"bytes"
	"context"
	"net/http"
	"strings"
	"testing"

	"golang.org/x/text/encoding/simplifiedchinese"
)

const chinese = "云呼叫中心 创建客服账号。"

func gbk(t *testing.T, s string) []byte {
	t.Helper()
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestGBKPagesAreStoredAsUTF8 serves one GBK page that says so only in its header
// and others that say so only in a <meta>.
func TestGBKPagesAreStoredAsUTF8(t *testing.T) {
	doc := func(meta string) string {
		return "<!DOCTYPE html><html lang=\"zh-CN\"><head>" + meta + "<title>" + chinese + "</title></head><body><div class=\"J-markdown-box\"><p>" + chinese + "</p></div></body></html>"
	}
	pages := map[string]struct{ contentType, html string }{
		"/header":     {"text/html; charset=gbk", doc("")},
		"/meta":       {"text/html", doc(`<meta charset="gbk">`)},
		"/http-equiv": {"text/html", doc(`<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=GB2312">`)},
	}
	s := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		p := pages[r.URL.Path]
		w.Header().Set("Content-Type", p.contentType)
		w.Write(gbk(t, p.html))
	})
	for path := range pages {
		res, err := testClient(nil).Page(context.Background(), src(s.URL+path))
		if err != nil {
			t.Errorf("%s: %v", path, err)
			continue
		}
		got := string(res.HTML)
		if strings.Count(got, chinese) != 2 {
			t.Errorf("%s: the Chinese text is not intact in the title and the content:\n%s", path, got)
		}
		if !strings.Contains(got, `<meta charset="utf-8">`) || strings.Contains(strings.ToLower(got), "gb") {
			t.Errorf("%s: the snapshot must declare utf-8 and nothing else:\n%s", path, got)
		}
		if res.Charset != "gbk" {
			t.Errorf("%s: Charset = %q, want gbk", path, res.Charset)
		}
	}
}

func TestDecode(t *testing.T) {
	gbkMeta := `<html><head><meta charset="gbk"></head><body>` + chinese + `</body></html>`
	for _, c := range []struct {
		name, contentType string
		body              []byte
		want, charset     string // want is the decoded body, or the error
	}{
		{"no declaration is UTF-8", "text/html", []byte(chinese), chinese, "utf-8"},
		{"header wins over meta", "text/html; charset=utf-8", []byte(gbkMeta), gbkMeta, "utf-8"},
		{"meta when the header is silent", "text/html", gbk(t, gbkMeta), gbkMeta, "gbk"},
		{"meta after the head is not the page's", "text/html", []byte(`<html><head></head><body><meta charset="gbk">` + chinese), `<html><head></head><body><meta charset="gbk">` + chinese, "utf-8"},
		{"byte-order mark wins", "text/html; charset=gbk", append([]byte("\xEF\xBB\xBF"), chinese...), chinese, "utf-8"},
		{"meta utf-16 means utf-8", "text/html", []byte(`<meta charset="utf-16">` + chinese), `<meta charset="utf-16">` + chinese, "utf-8"},
		{"windows-1252", "text/html; charset=iso-8859-1", []byte("caf\xe9"), "café", "windows-1252"},
		{"GBK undeclared", "text/html", gbk(t, chinese), "the body is not valid UTF-8, the charset from the default, as neither the Content-Type header nor a <meta> names a charset; if the page is in another encoding, it does not say so", ""},
		{"unknown charset", "text/html; charset=klingon", []byte("x"), `unknown charset "klingon" named by the Content-Type header`, ""},
		{"bad GBK bytes", "text/html; charset=gbk", append(gbk(t, chinese), 0x81, '<'), "the body has bytes that are not valid gbk (the charset from the Content-Type header), near \"心 创建客服账号。\ufffd<\"", ""},
		{"declared UTF-8 with bad bytes", "text/html", []byte(`<meta charset=UTF-8>` + "\xff"), "the body is not valid UTF-8, the charset from its <meta> charset; if the page is in another encoding, it does not say so", ""},
	} {
		out, charset, err := decode(c.body, c.contentType)
		got := string(out)
		if err != nil {
			got = err.Error()
		}
		if got != c.want || charset != c.charset {
			t.Errorf("%s:\n got %q (%q)\nwant %q (%q)", c.name, got, charset, c.want, c.charset)
		}
	}
}

func TestCharsetParam(t *testing.T) {
	for in, want := range map[string]string{
		"text/html; charset=gbk":        "gbk",
		"text/html;charset=GB2312;":     "GB2312",
		`text/html; charset="utf-8"`:    "utf-8",
		"text/html; charset='big5' x=y": "big5",
		"text/html":                     "",
	} {
		if got := charsetParam(in); got != want {
			t.Errorf("charsetParam(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestStrayCharsetMetaInContentIsDropped(t *testing.T) {
	ex, err := extract([]byte(`<html><body><main><meta charset="gbk"><meta http-equiv="content-type" content="text/html; charset=gbk"><meta name="x" content="kept"><p>t</p></main></body></html>`))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(ex.html, []byte("gbk")) || !bytes.Contains(ex.html, []byte(`<meta name="x" content="kept"/>`)) {
		t.Errorf("charset metas should go, others stay:\n%s", ex.html)
	}
}
