package scopetable

import (
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/permgen/permgen/internal/htmltext"
)

// grid is one HTML table as text: the header cells, if the table has a header row,
// and the data rows. Cell text is the element's text with tags stripped and only the
// white space at both ends removed (that comes from the HTML's layout, not the page).
type grid struct {
	heading string // nearest heading before the table, as found
	header  []string
	rows    [][]string
}

// content is the page's content container (see htmltext.Containers): navigation
// bars, sidebars and footers may hold tables or code of their own.
func content(doc *goquery.Document) *goquery.Selection {
	c, _ := htmltext.Content(doc)
	if c == nil {
		return doc.Selection
	}
	return c
}

// grids reads every table in the container in page order, each with the heading
// that precedes it.
func grids(container *goquery.Selection) []grid {
	var out []grid
	heading := ""
	container.Find("h1, h2, h3, h4, h5, h6, table").Each(func(_ int, s *goquery.Selection) {
		if goquery.NodeName(s) != "table" {
			heading = htmltext.HeadingText(s.Get(0))
			return
		}
		out = append(out, readGrid(s, heading))
	})
	return out
}

func readGrid(table *goquery.Selection, heading string) grid {
	g := grid{heading: heading}
	rows := htmltext.Rows(table.Get(0))
	headerAt := -1
	for i, r := range rows {
		if r.InHead {
			headerAt = i // the last header row names the columns
		}
	}
	for i, r := range rows {
		cells, allTH := cellTexts(r.TR)
		switch {
		// Without <thead>, a leading row of <th> cells is the header (Markdown
		// renderers and hand-written pages both do this).
		case i == headerAt, headerAt < 0 && i == 0 && allTH && len(cells) > 0:
			g.header = cells
		case r.InHead:
			// An earlier header row (a title spanning the columns): not data.
		default:
			g.rows = append(g.rows, cells)
		}
	}
	return g
}

// cellTexts returns the text of the row's cells, trimmed, and whether all of them
// are <th>.
func cellTexts(tr *html.Node) ([]string, bool) {
	var texts []string
	allTH := true
	for _, c := range htmltext.Cells(tr) {
		allTH = allTH && c.DataAtom == atom.Th
		texts = append(texts, strings.TrimSpace(htmltext.Text(c)))
	}
	return texts, allTH
}
