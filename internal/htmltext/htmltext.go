// Package htmltext is what every reader of documentation HTML shares: where a
// page's content is (Containers), the text of an element as a reader sees it
// (Text), a table's own rows and cells, and header matching (FoldHeader). The
// scrapers and fetch use it, so that they agree on what the page says.
package htmltext

import (
	"strings"
	"unicode"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
	"golang.org/x/text/unicode/norm"
)

// Containers are the selectors of a page's content container, most specific
// first; everything outside (menus, banners, footers with "last updated" stamps)
// is page chrome. Tencent's doc pages use .J-markdown-box (.markdown-body on
// mirrors and saved copies); Docusaurus .theme-doc-markdown (.markdown inside it,
// and an article whose footer holds the "last updated" stamp, which is why article
// comes later); AWS documentation #main-content; article and main are the generic
// fallbacks.
var Containers = []string{".J-markdown-box", ".markdown-body", ".theme-doc-markdown", ".markdown", "#main-content", "article", "main"}

// Content returns the first element of doc matching one of Containers, and the
// selector that matched. A page with none gives its <body> (or the whole
// document) and "". It returns nil for an empty document.
func Content(doc *goquery.Document) (*goquery.Selection, string) {
	if doc == nil || doc.Selection == nil || len(doc.Nodes) == 0 {
		return nil, ""
	}
	for _, sel := range Containers {
		if s := doc.Find(sel).First(); s.Length() > 0 {
			return s, sel
		}
	}
	if b := doc.Find("body").First(); b.Length() > 0 {
		return b, ""
	}
	return doc.Selection, ""
}

// blocks are the elements a browser puts on a line of their own. Their boundaries
// become "\n" like <br>, so that two values in two <p> do not run together.
var blocks = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Li: true, atom.Ul: true, atom.Ol: true,
	atom.Dl: true, atom.Dt: true, atom.Dd: true, atom.Pre: true, atom.Blockquote: true,
	atom.Table: true, atom.Tr: true, atom.Td: true, atom.Th: true, atom.Section: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
}

// IsBlock reports whether a is one of the elements whose boundaries Text reads as
// line breaks; a reader of tokens that builds Text's result as they arrive asks it.
func IsBlock(a atom.Atom) bool { return blocks[a] }

// Text is the text of n as found: tags dropped, <br> and block boundaries as
// "\n", everything else (spaces, entities decoded, punctuation) unchanged. A block
// boundary adds no "\n" at the start or end, nor after one already there. Script,
// style and template contents are not text.
func Text(n *html.Node) string {
	var b strings.Builder
	pending := false
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			if n.Data == "" {
				return
			}
			if pending && b.Len() > 0 && !strings.HasSuffix(b.String(), "\n") {
				b.WriteByte('\n')
			}
			pending = false
			b.WriteString(n.Data)
			return
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Br:
				b.WriteByte('\n')
				pending = false
				return
			case atom.Script, atom.Style, atom.Template:
				return
			}
		case html.DocumentNode:
		default:
			return
		}
		block := n.Type == html.ElementNode && blocks[n.DataAtom]
		pending = pending || block
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		pending = pending || block
	}
	walk(n)
	return b.String()
}

// permalinks are the classes documentation generators give the anchor they append
// to a heading (Docusaurus writes <a class="hash-link">&#8203;</a>).
var permalinks = []string{"hash-link", "anchor-link", "headerlink"}

// HeadingText is the text of a heading without its permalink anchor, which is
// chrome: a maintainer searching for the heading would not type it. Trimmed.
func HeadingText(h *html.Node) string {
	c := goquery.NewDocumentFromNode(h).Clone()
	for _, p := range permalinks {
		c.Find("." + p).Remove()
	}
	if len(c.Nodes) == 0 {
		return ""
	}
	return strings.TrimSpace(Text(c.Nodes[0]))
}

// Row is one row of a table.
type Row struct {
	TR     *html.Node
	InHead bool // inside <thead>
}

// Rows returns the rows of table t in page order, whether in thead, tbody, tfoot or
// (in a tree not built by the HTML parser) directly under the table. Rows of a
// table nested in a cell belong to that table.
func Rows(t *html.Node) []Row {
	var rows []Row
	for c := t.FirstChild; c != nil; c = c.NextSibling {
		switch c.DataAtom {
		case atom.Tr:
			rows = append(rows, Row{TR: c})
		case atom.Thead, atom.Tbody, atom.Tfoot:
			for r := c.FirstChild; r != nil; r = r.NextSibling {
				if r.Type == html.ElementNode && r.DataAtom == atom.Tr {
					rows = append(rows, Row{TR: r, InHead: c.DataAtom == atom.Thead})
				}
			}
		}
	}
	return rows
}

// Cells returns the <td> and <th> cells of a row.
func Cells(tr *html.Node) []*html.Node {
	var cells []*html.Node
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.DataAtom == atom.Td || c.DataAtom == atom.Th) {
			cells = append(cells, c)
		}
	}
	return cells
}

// HasChild reports whether n has a child element a.
func HasChild(n *html.Node, a atom.Atom) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == a {
			return true
		}
	}
	return false
}

// FoldHeader reduces a table header to what distinguishes it, for matching against
// a vocabulary: compatibility forms folded (full-width letters), case and white
// space dropped, and the punctuation vendors vary ("Six-segment", "IP 限制:",
// "Resource types (*required)") removed.
func FoldHeader(h string) string {
	h = strings.ToLower(norm.NFKC.String(h))
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || strings.ContainsRune("-_:()*", r) {
			return -1
		}
		return r
	}, h)
}
