package scopetable

import (
	"strings"

	"github.com/PuerkitoBio/goquery"
)

// grid is one HTML table as text: the header cells, if the table has a header row,
// and the data rows. Cell text is the element's text with tags stripped and only the
// white space at both ends removed (that comes from the HTML's layout, not the page).
type grid struct {
	heading string // nearest heading before the table, as found
	header  []string
	rows    [][]string
}

// content is the part of the page a reader sees as the document: navigation bars,
// sidebars and footers may hold tables or code of their own. The most specific
// container present wins.
func content(doc *goquery.Document) *goquery.Selection {
	for _, sel := range []string{".theme-doc-markdown", ".markdown", "article", "main"} {
		if s := doc.Find(sel); s.Length() > 0 {
			return s.First()
		}
	}
	return doc.Find("body")
}

// grids reads every table in the container in page order, each with the heading
// that precedes it.
func grids(container *goquery.Selection) []grid {
	var out []grid
	heading := ""
	container.Find("h1, h2, h3, h4, h5, h6, table").Each(func(_ int, s *goquery.Selection) {
		if goquery.NodeName(s) != "table" {
			heading = headingText(s)
			return
		}
		out = append(out, readGrid(s, heading))
	})
	return out
}

// headingText leaves out the permalink anchors documentation generators append to
// headings (Docusaurus writes <a class="hash-link">&#8203;</a>, a zero-width space):
// they are chrome, and a maintainer searching for the heading would not type them.
func headingText(h *goquery.Selection) string {
	c := h.Clone()
	c.Find(".hash-link, .anchor-link, .headerlink").Remove()
	return strings.TrimSpace(c.Text())
}

func readGrid(table *goquery.Selection, heading string) grid {
	g := grid{heading: heading}
	// Only the table's own rows, in page order: rows of a table nested in a cell
	// belong to that table. Node names are compared directly because goquery
	// compiles a selector string on every call, which a long table pays per row.
	type row struct {
		tr      *goquery.Selection
		inThead bool
	}
	var rows []row
	table.Children().Each(func(_ int, c *goquery.Selection) {
		switch name := goquery.NodeName(c); name {
		case "tr":
			rows = append(rows, row{c, false})
		case "thead", "tbody", "tfoot":
			c.Children().Each(func(_ int, tr *goquery.Selection) {
				if goquery.NodeName(tr) == "tr" {
					rows = append(rows, row{tr, name == "thead"})
				}
			})
		}
	})
	headerAt := -1
	for i, r := range rows {
		if r.inThead {
			headerAt = i // the last header row names the columns
		}
	}
	for i, r := range rows {
		cells, allTH := cellTexts(r.tr)
		switch {
		// Without <thead>, a leading row of <th> cells is the header (Markdown
		// renderers and hand-written pages both do this).
		case i == headerAt, headerAt < 0 && i == 0 && allTH && len(cells) > 0:
			g.header = cells
		case r.inThead:
			// An earlier header row (a title spanning the columns): not data.
		default:
			g.rows = append(g.rows, cells)
		}
	}
	return g
}

// cellTexts returns the text of the row's cells and whether all of them are <th>.
func cellTexts(tr *goquery.Selection) ([]string, bool) {
	var texts []string
	allTH := true
	tr.Children().Each(func(_ int, c *goquery.Selection) {
		switch goquery.NodeName(c) {
		case "th":
		case "td":
			allTH = false
		default:
			return
		}
		texts = append(texts, strings.TrimSpace(c.Text()))
	})
	return texts, allTH
}
