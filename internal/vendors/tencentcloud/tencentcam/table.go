package tencentcam

import (
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/permgen/permgen/internal/htmltext"
)

// rawTable is a table as laid out in the HTML, before its columns are known: each
// cell as its text (htmltext.Text). The tree reader (tables) and the token reader
// (stream.go) both give it, so that what follows cannot tell them apart.
type rawTable struct {
	heading  string     // nearest heading before the table, as found
	headers  []string   // header row cells
	rows     [][]string // cells of the data rows, in page order
	preamble int        // rows before the header row, which are not read
}

// readTable splits t into its header row (the first row with a <th>, else the first
// row) and data rows. Rows of tables nested in a cell belong to those tables.
func readTable(heading string, t *html.Node) rawTable {
	rt := rawTable{heading: heading}
	trs := htmltext.Rows(t)
	h := 0
	for i, tr := range trs {
		if htmltext.HasChild(tr.TR, atom.Th) {
			h = i
			break
		}
	}
	if len(trs) == 0 {
		return rt
	}
	rt.preamble = h
	rt.headers = texts(htmltext.Cells(trs[h].TR))
	for _, tr := range trs[h+1:] {
		rt.rows = append(rt.rows, texts(htmltext.Cells(tr.TR)))
	}
	return rt
}

func texts(cells []*html.Node) []string {
	s := make([]string, len(cells))
	for i, c := range cells {
		s[i] = htmltext.Text(c)
	}
	return s
}

// tables returns every table under root in page order, each with the heading
// nearest before it. A heading is any h1-h6, whatever its level: sections of these
// pages sit at h2 or h3 depending on the page.
func tables(root *html.Node) []rawTable {
	var out []rawTable
	heading := ""
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
				heading = htmltext.Text(n)
				return
			case atom.Table:
				out = append(out, readTable(heading, n))
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return out
}
