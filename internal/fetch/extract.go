package fetch

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
)

// containers are the selectors of a page's content, tried in order. Tencent's
// documentation pages put the text in .J-markdown-box (.markdown-body on mirrors);
// Docusaurus in .theme-doc-markdown, inside an article whose footer holds the "last
// updated" stamp, which is why the article comes second; main is the generic
// fallback. AWS's documentation keeps the page in #main-content (the Service
// Authorization Reference's tables included); outside it are scripts, ids and dates
// that change on every refresh. The scrapers look for the same containers.
var containers = []string{".J-markdown-box", ".markdown-body", ".theme-doc-markdown", "#main-content", "article", "main"}

type extracted struct {
	html      []byte
	container string // the selector that matched; empty when the body was kept
	warning   string
}

// extract rebuilds a UTF-8 page as a minimal document around its content
// container. Everything the snapshot keeps from outside the container (language,
// title) is stable; everything else is dropped.
func extract(page []byte) (extracted, error) {
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(page))
	if err != nil {
		return extracted{}, fmt.Errorf("parse HTML: %w", err)
	}
	var ex extracted
	var content *goquery.Selection
	for _, sel := range containers {
		if s := doc.Find(sel).First(); s.Length() > 0 {
			content, ex.container = s, sel
			break
		}
	}
	var inner string
	if content != nil {
		dropCharsetMeta(content)
		dropBuildIDs(content)
		inner, err = goquery.OuterHtml(content)
	} else {
		body := doc.Find("body").First()
		dropCharsetMeta(body)
		inner, err = body.Html()
		ex.warning = fmt.Sprintf("no content container (%s) found; kept the whole <body>, so banners and navigation may change the snapshot", strings.Join(containers, ", "))
	}
	if err != nil {
		return extracted{}, fmt.Errorf("render HTML: %w", err)
	}
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n")
	if lang := strings.TrimSpace(doc.Find("html").First().AttrOr("lang", "")); lang != "" {
		fmt.Fprintf(&b, "<html lang=\"%s\">\n", html.EscapeString(lang))
	} else {
		b.WriteString("<html>\n")
	}
	b.WriteString("<head>\n<meta charset=\"utf-8\">\n")
	fmt.Fprintf(&b, "<title>%s</title>\n", html.EscapeString(strings.Join(strings.Fields(doc.Find("title").First().Text()), " ")))
	b.WriteString("</head>\n<body>\n")
	b.WriteString(strings.TrimSpace(inner))
	b.WriteString("\n</body>\n</html>\n")
	ex.html = []byte(b.String())
	return ex, nil
}

// buildID is the form of the ids AWS's documentation build gives every table
// ("w74aab5c11c17"): they change with each build of the site, not with the page,
// and were most of what changed in 414 of 530 AWS pages between two refreshes.
var buildID = regexp.MustCompile(`^w[0-9a-z]+$`)

// dropBuildIDs removes the build's table ids; ids that anchors point at (the
// actions' and keys' ids on cells) stay.
func dropBuildIDs(s *goquery.Selection) {
	s.Find("table[id]").Each(func(_ int, t *goquery.Selection) {
		if buildID.MatchString(t.AttrOr("id", "")) {
			t.RemoveAttr("id")
		}
	})
}

// dropCharsetMeta removes charset declarations from the kept content: the snapshot
// is UTF-8 and declares so in its head, and a stray <meta charset="gbk"> in the
// body would contradict it.
func dropCharsetMeta(s *goquery.Selection) {
	s.Find("meta").Each(func(_ int, m *goquery.Selection) {
		_, cs := m.Attr("charset")
		if cs || strings.EqualFold(strings.TrimSpace(m.AttrOr("http-equiv", "")), "content-type") {
			m.Remove()
		}
	})
}

// Extract is extract for callers outside fetch: a page already on disk (a raw AWS
// snapshot) stored the way gen fetch stores it, the content container in a minimal
// UTF-8 document. It returns the new bytes and the selector that matched.
func Extract(page []byte) ([]byte, string, error) {
	ex, err := extract(page)
	return ex.html, ex.container, err
}
