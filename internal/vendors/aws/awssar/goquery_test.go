package awssar

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"

	"github.com/permgen/permgen/internal/model"
)

// goqueryReading reads a page as a goquery user would, from the parsed tree, with
// the rules the streamer documents: the first element with the container's id (the
// whole document when none has it), the document's title, the content's first
// non-empty h1 outside its tables, the first paragraph outside tables that states
// the service prefix in a <code>, and every table of the content with its own
// rows and cells. It shares no code with the streamer but the last step (making
// the model's page of what was read, which both feed).
func goqueryReading(t testing.TB, page []byte) reading {
	t.Helper()
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	content := doc.Find("#" + Container).First()
	if content.Length() == 0 {
		content = doc.Selection
	}
	outsideTables := func(s *goquery.Selection) bool {
		return s.ParentsUntilSelection(content).Filter("table").Length() == 0
	}
	var r reading
	r.title = fold(doc.Find("title").First().Text())
	content.Find("h1").EachWithBreak(func(_ int, h *goquery.Selection) bool {
		if outsideTables(h) {
			r.h1 = fold(h.Text())
		}
		return r.h1 == ""
	})
	content.Find("p").EachWithBreak(func(_ int, p *goquery.Selection) bool {
		code := p.Find("code").First()
		if outsideTables(p) && code.Length() > 0 && strings.Contains(fold(p.Text()), "service prefix:") {
			r.prefix, r.prefixFound = fold(code.Text()), true
			return false
		}
		return true
	})
	content.Find("table").Each(func(_ int, table *goquery.Selection) {
		var rows [][]cell
		table.Find("tr").Each(func(_ int, tr *goquery.Selection) {
			if tr.Closest("table").Get(0) != table.Get(0) {
				return // a row of a nested table
			}
			var cells []cell
			tr.ChildrenFiltered("td, th").Each(func(_ int, c *goquery.Selection) {
				cl := cell{th: goquery.NodeName(c) == "th", text: blockText(c.Get(0))}
				if n, err := strconv.Atoi(c.AttrOr("rowspan", "")); err == nil {
					cl.rowspan = n
				}
				if a := c.Find("a").First(); a.Length() > 0 {
					cl.href = a.AttrOr("href", "")
				}
				c.Find("p, li").Each(func(_ int, part *goquery.Selection) {
					if part.ParentsUntilSelection(c).Filter("p, li").Length() > 0 {
						return // inside an outer paragraph or item, which holds its text
					}
					if s := blockText(part.Get(0)); s != "" {
						cl.parts = append(cl.parts, s)
					}
				})
				cells = append(cells, cl)
			})
			rows = append(rows, cells)
		})
		r.tables = append(r.tables, rows)
	})
	return r
}

// blockText is n's text as a reader sees it: white space folded, and p, div, li
// and br boundaries read as spaces; script and style are not text.
func blockText(n *html.Node) string {
	var words []string
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			words = append(words, b.String())
			b.Reset()
		}
	}
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			for _, c := range n.Data {
				if strings.ContainsRune(" \t\n\r\f", c) {
					flush()
				} else {
					b.WriteRune(c)
				}
			}
			return
		case html.ElementNode:
			switch n.Data {
			case "script", "style":
				return
			case "br", "p", "div", "li":
				flush()
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		if n.Type == html.ElementNode && (n.Data == "p" || n.Data == "div" || n.Data == "li") {
			flush()
		}
	}
	walk(n)
	flush()
	return strings.Join(words, " ")
}

// sameAsGoquery fails unless the streamer and the goquery reading make the same
// page of b (or the same error), and returns the page.
func sameAsGoquery(t *testing.T, name string, b []byte) *model.Page {
	t.Helper()
	src := model.Source{File: name, Vendor: "aws", Format: model.FormatAWSSAR}
	got, gotErr := ScrapeBytes(src, b)
	want, wantErr := goqueryReading(t, b).page(src)
	switch {
	case (gotErr == nil) != (wantErr == nil):
		t.Errorf("%s: stream error %v, goquery error %v", name, gotErr, wantErr)
	case gotErr != nil:
		if gotErr.Error() != wantErr.Error() {
			t.Errorf("%s: errors differ:\nstream:  %v\ngoquery: %v", name, gotErr, wantErr)
		}
	default:
		g, _ := json.Marshal(got)
		w, _ := json.Marshal(want)
		if !bytes.Equal(g, w) {
			t.Errorf("%s: pages differ:\nstream:  %.2000s\ngoquery: %.2000s", name, g, w)
		}
	}
	return got
}

// TestStreamMatchesGoquery: over the 533 real pages and the fuzz corpus, the
// streamer reads the same actions, resource types and condition keys (the whole
// page: every field, its parts, its position) as a goquery reading of the tree.
func TestStreamMatchesGoquery(t *testing.T) {
	pages, err := filepath.Glob(filepath.Join("..", "..", "..", "..", "sources", "aws", "*.html"))
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) < 500 {
		t.Fatalf("%d AWS pages in sources/, want the 533 of the snapshot", len(pages))
	}
	if testing.Short() {
		pages = pages[:40]
	}
	actions := 0
	for _, f := range pages {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if p := sameAsGoquery(t, filepath.Base(f), b); p != nil {
			for _, tab := range p.Tables {
				if tab.Heading == "Actions" {
					actions += len(tab.Rows)
				}
			}
		}
	}
	if actions == 0 {
		t.Fatal("no action rows read: the comparison compared nothing")
	}
	corpus, _ := filepath.Glob(filepath.Join("testdata", "fuzz", "FuzzScrapeBytes", "*"))
	if len(corpus) == 0 {
		t.Fatal("no fuzz corpus")
	}
	for _, f := range corpus {
		sameAsGoquery(t, filepath.Base(f), fuzzEntry(t, f))
	}
}

// fuzzEntry reads one []byte value of a fuzz corpus file ("go test fuzz v1").
func fuzzEntry(t *testing.T, path string) []byte {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	_, v, ok := strings.Cut(string(b), "\n")
	v = strings.TrimSpace(v)
	if !ok || !strings.HasPrefix(v, "[]byte(") || !strings.HasSuffix(v, ")") {
		t.Fatalf("%s: not a one-value []byte corpus entry", path)
	}
	s, err := strconv.Unquote(strings.TrimSuffix(strings.TrimPrefix(v, "[]byte("), ")"))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return []byte(s)
}

// TestStreamMatchesGoqueryOnShapes: hand-made pages at the edges of the streamer's
// rules read the same as the goquery reading: a skip link naming #main-content
// before the container and a table in the chrome (the container is decided on the
// element's id, so the chrome table is not read), cells and paragraphs left open,
// and a page with no container.
func TestStreamMatchesGoqueryOnShapes(t *testing.T) {
	head := `<table><thead><tr><th>Condition keys</th><th>Description</th><th>Type</th></tr></thead>`
	title := `<h1>Actions, resources, and condition keys for X</h1><p>X (service prefix: <code>x</code>)</p>`
	chrome := `<a href="#main-content">Skip to main content</a><table><tr><th>Condition keys</th><th>Description</th><th>Type</th></tr><tr><td>chrome:Key</td><td>x</td><td>String</td></tr></table>`
	cases := map[string]string{
		"skip-link.html":    chrome + `<div id="main-content">` + title + head + `<tr><td>x:A</td><td>d</td><td>String</td></tr></table></div>`,
		"open-cells.html":   `<div id="main-content">` + title + head + `<tr><td>x:A<td>d<td>String</table></div>`,
		"open-p.html":       `<div id="main-content">` + title + head + `<tr><td><p>x:A<p>x:B</td><td>d</td><td>String</td></tr></table></div>`,
		"no-container.html": title + head + `<tr><td>x:A</td><td>d</td><td>String</td></tr></table>`,
	}
	for name, html := range cases {
		p := sameAsGoquery(t, name, []byte(html))
		if p == nil || len(p.Tables) != 1 || len(p.Tables[0].Rows) != 1 || p.Tables[0].Rows[0].Fields[0].Text == "chrome:Key" {
			t.Errorf("%s: want the content's one table with its one row, got %+v", name, p)
		}
	}
}

// TestNestedTableRefused: a table in a cell is where the token reading and the
// tree part ways (the tree nests it; the tokens would end the outer table there
// and lose its later rows silently), so the streamer refuses the page.
func TestNestedTableRefused(t *testing.T) {
	html := `<div id="main-content"><table><thead><tr><th>Condition keys</th><th>Description</th><th>Type</th></tr></thead>` +
		`<tr><td>x:A</td><td><table><tr><td>in</td></tr></table>d</td><td>String</td></tr><tr><td>x:B</td><td>d</td><td>String</td></tr></table></div>`
	_, err := ScrapeBytes(model.Source{File: "nested.html", Format: model.FormatAWSSAR}, []byte(html))
	if err == nil || !strings.Contains(err.Error(), "table inside a table cell") {
		t.Fatalf("error %v, want the nested table refused", err)
	}
	if r := goqueryReading(t, []byte(html)); len(r.tables) != 2 || len(r.tables[0]) != 3 {
		t.Fatalf("the tree reads %d tables, want the outer one with its 3 rows and the nested one", len(r.tables))
	}
}
