package camdocs

import (
	"html"
	"regexp"
	"strconv"
	"strings"

	xhtml "golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Table is one table of a Doc, pipe or HTML, in file order.
type Table struct {
	Index   int    // 1-based, in file order
	Heading string // the nearest Markdown heading above it, as found
	HTML    bool   // an HTML <table> rather than a pipe table
	Header  []string
	Roles   []Role     // Roles[i] is the role of Header[i]
	Rows    [][]string // data rows, each cell as text with line breaks for <br>
	// Spanned marks the cells of Rows that an HTML rowspan above filled in: the text
	// repeats the spanning cell, and an action cell so filled continues its action.
	Spanned map[[2]int]bool
	// Links are the links of the cells, keyed like Spanned: a pipe table's
	// Markdown links, an HTML table's <a href> (as written; a relative target is
	// left for the reader to resolve). The text of Rows keeps only the links' text.
	Links map[[2]int][]Link
	Line  int // 1-based line of the header in the Doc's text
}

var (
	pipeSeparator = regexp.MustCompile(`^\|?\s*:?-[-\s]*:?\s*(\|\s*:?-[-\s]*:?\s*)*\|?\s*$`)
	headingLine   = regexp.MustCompile(`^#{1,6}\s+(.*?)\s*#*$`)
	htmlTable     = regexp.MustCompile(`(?is)<table\b.*?</table\s*>`)
)

// Tables returns every table of the Doc in file order.
func (d Doc) Tables() []Table {
	var tables []Table
	lines := strings.Split(d.Text, "\n")
	heading := ""
	// Byte offsets of line starts, to place HTML tables among pipe tables.
	offsets := make([]int, len(lines)+1)
	for i, l := range lines {
		offsets[i+1] = offsets[i] + len(l) + 1
	}
	htmlAt := htmlTable.FindAllStringIndex(d.Text, -1)
	next := 0 // next HTML table to place
	for i := 0; i < len(lines); i++ {
		for next < len(htmlAt) && htmlAt[next][0] < offsets[i+1] {
			if t, ok := parseHTMLTable(d.Text[htmlAt[next][0]:htmlAt[next][1]]); ok {
				t.Heading, t.Line = heading, lineOf(offsets, htmlAt[next][0])
				tables = append(tables, t)
			}
			// Skip the lines the HTML table covers.
			for i+1 < len(lines) && offsets[i+1] < htmlAt[next][1] {
				i++
			}
			next++
		}
		l := strings.TrimSpace(lines[i])
		if m := headingLine.FindStringSubmatch(l); m != nil {
			heading = m[1]
			continue
		}
		if !strings.Contains(l, "|") || i+1 >= len(lines) || !pipeSeparator.MatchString(strings.TrimSpace(lines[i+1])) || !strings.Contains(lines[i+1], "-") {
			continue
		}
		t := Table{Heading: heading, Header: splitPipeRow(l), Line: i + 1}
		j := i + 2
		for ; j < len(lines); j++ {
			r := strings.TrimSpace(lines[j])
			if !strings.Contains(r, "|") || r == "" {
				break
			}
			cells := splitPipeRow(r)
			for k := range cells {
				for _, m := range linkTargets(cells[k]) {
					if t.Links == nil {
						t.Links = map[[2]int][]Link{}
					}
					at := [2]int{len(t.Rows), k}
					t.Links[at] = append(t.Links[at], Link{Text: cellText(m[1]), URL: strings.TrimSpace(m[2])})
				}
				cells[k] = cellText(cells[k])
			}
			t.Rows = append(t.Rows, cells)
		}
		tables = append(tables, t)
		i = j - 1
	}
	for i := range tables {
		tables[i].Index = i + 1
		for k, h := range tables[i].Header {
			tables[i].Header[k] = cellText(h)
		}
		tables[i].Roles = make([]Role, len(tables[i].Header))
		for k, h := range tables[i].Header {
			tables[i].Roles[k] = roleOf(h)
		}
		tables[i].fixResourceRole()
	}
	return tables
}

// fixResourceRole moves the resource role to the column that holds the patterns when
// the header put it elsewhere: in the tables headed "API 操作 | 资源描述 | 接口说明"
// the 资源描述 column holds the descriptions and 接口说明 the patterns.
func (t *Table) fixResourceRole() {
	res, best, bestN := -1, -1, 0
	for k, r := range t.Roles {
		if r == RoleResource && res < 0 {
			res = k
		}
		n := 0
		for _, row := range t.Rows {
			if k < len(row) && (strings.Contains(row[k], "qcs:") || strings.TrimSpace(row[k]) == "*" || strings.HasPrefix(strings.TrimSpace(row[k]), "* ")) {
				n++
			}
		}
		if n > bestN {
			best, bestN = k, n
		}
	}
	if res < 0 || best < 0 || best == res || t.Roles[best] != RoleDescription {
		return
	}
	t.Roles[res], t.Roles[best] = RoleDescription, RoleResource
}

func lineOf(offsets []int, at int) int {
	for i := 1; i < len(offsets); i++ {
		if offsets[i] > at {
			return i
		}
	}
	return len(offsets) - 1
}

// linkTargets returns the Markdown link matches of a raw cell; most cells have
// none, and the check keeps the regexp off them.
func linkTargets(raw string) [][]string {
	if !strings.Contains(raw, "](") {
		return nil
	}
	return mdLinkTarget.FindAllStringSubmatch(raw, -1)
}

// Link is one link of a cell (Markdown or <a href>): its text as cellText gives it, and its target.
type Link struct {
	Text, URL string
}

// splitPipeRow splits a pipe-table line into raw cells. A "|" inside backticks or
// escaped as "\|" belongs to the cell (EMR writes `emr-instance|qcs::emr:…`).
func splitPipeRow(l string) []string {
	l = strings.TrimSpace(l)
	l = strings.TrimPrefix(l, "|")
	if strings.HasSuffix(l, "|") && !strings.HasSuffix(l, `\|`) {
		l = l[:len(l)-1]
	}
	var cells []string
	var b strings.Builder
	inCode := false
	for i := 0; i < len(l); i++ {
		c := l[i]
		switch {
		case c == '\\' && i+1 < len(l) && l[i+1] == '|':
			b.WriteByte('|')
			i++
		case c == '`':
			inCode = !inCode
			b.WriteByte(c)
		case c == '|' && !inCode:
			cells = append(cells, b.String())
			b.Reset()
		default:
			b.WriteByte(c)
		}
	}
	return append(cells, b.String())
}

var (
	footnote = regexp.MustCompile(`(?i)<sup>[^<]*</sup>`)
	brTag    = regexp.MustCompile(`(?i)<br\s*/?>|</p>|</div>|</li>`)
	anyTag   = regexp.MustCompile(`<[^>]*>`)
	mdLink   = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
	// mdLinkTarget is mdLink capturing the target too.
	mdLinkTarget = regexp.MustCompile(`\[([^\]]*)\]\(([^)]*)\)`)
	mdStrong     = regexp.MustCompile(`\*\*([^*]*)\*\*`)
)

// cellText turns a raw pipe cell into text: <br> and block ends become line breaks,
// other tags go (the hidden spans of the Excel export keep their text: they hold the
// rest of the action name), Markdown links become their text, backticks, bold and
// escapes go, entities are decoded, and each line is trimmed.
func cellText(raw string) string {
	s := footnote.ReplaceAllString(raw, "")
	s = brTag.ReplaceAllString(s, "\n")
	s = anyTag.ReplaceAllString(s, "")
	s = mdLink.ReplaceAllString(s, "$1")
	s = mdStrong.ReplaceAllString(s, "$1")
	s = strings.NewReplacer("`", "", `\*`, "*", `\_`, "_", "\u00a0", " ").Replace(s)
	s = html.UnescapeString(s)
	lines := strings.Split(s, "\n")
	out := lines[:0]
	for _, l := range lines {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// parseHTMLTable reads an HTML table: the first row is the header; colspan cells
// are not repeated (the Excel export marks its overflow cells colspan with
// mso-ignore, which are not columns).
func parseHTMLTable(src string) (Table, bool) {
	nodes, err := xhtml.ParseFragment(strings.NewReader(src), &xhtml.Node{Type: xhtml.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		return Table{}, false
	}
	type span struct {
		text string
		left int
	}
	var rows [][]string
	var spanned [][2]int
	links := map[[2]int][]Link{} // keyed by rows index, header included
	carry := map[int]span{}      // column -> cell spanning down into later rows
	var walk func(n *xhtml.Node)
	walk = func(n *xhtml.Node) {
		if n.Type == xhtml.ElementNode && n.DataAtom == atom.Tr {
			var cells []string
			take := func() {
				for {
					c, ok := carry[len(cells)]
					if !ok {
						return
					}
					spanned = append(spanned, [2]int{len(rows), len(cells)})
					cells = append(cells, c.text)
					if c.left--; c.left == 0 {
						delete(carry, len(cells)-1)
					} else {
						carry[len(cells)-1] = c
					}
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				if c.Type == xhtml.ElementNode && (c.DataAtom == atom.Td || c.DataAtom == atom.Th) {
					take()
					var b strings.Builder
					nodeText(c, &b)
					for _, l := range anchors(c) {
						at := [2]int{len(rows), len(cells)}
						links[at] = append(links[at], l)
					}
					if rs := attr(c, "rowspan"); rs > 1 {
						carry[len(cells)] = span{b.String(), rs - 1}
					}
					cells = append(cells, b.String())
				}
			}
			take()
			rows = append(rows, cells)
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	for _, n := range nodes {
		walk(n)
	}
	if len(rows) == 0 {
		return Table{}, false
	}
	t := Table{HTML: true, Header: rows[0], Spanned: map[[2]int]bool{}}
	for _, p := range spanned {
		if p[0] > 0 {
			t.Spanned[[2]int{p[0] - 1, p[1]}] = true
		}
	}
	for _, r := range rows[1:] {
		for k := range r {
			r[k] = cellText(r[k])
		}
		t.Rows = append(t.Rows, r)
	}
	for at, ls := range links {
		if at[0] > 0 {
			if t.Links == nil {
				t.Links = map[[2]int][]Link{}
			}
			t.Links[[2]int{at[0] - 1, at[1]}] = ls
		}
	}
	return t, true
}

// anchors returns the <a href> links inside n, in document order, each with its
// text as cellText gives it.
func anchors(n *xhtml.Node) []Link {
	var out []Link
	var walk func(*xhtml.Node)
	walk = func(n *xhtml.Node) {
		if n.Type == xhtml.ElementNode && n.DataAtom == atom.A {
			for _, a := range n.Attr {
				if a.Key == "href" && strings.TrimSpace(a.Val) != "" {
					var b strings.Builder
					nodeText(n, &b)
					out = append(out, Link{Text: cellText(b.String()), URL: strings.TrimSpace(a.Val)})
				}
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return out
}

// nodeText writes n's text with <br> and block ends as line breaks; text inside
// <code> keeps its Markdown-free form.
func nodeText(n *xhtml.Node, b *strings.Builder) {
	switch {
	case n.Type == xhtml.TextNode:
		b.WriteString(strings.ReplaceAll(n.Data, "\n", " "))
		return
	case n.Type == xhtml.ElementNode && n.DataAtom == atom.Br:
		b.WriteString("<br>")
		return
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		nodeText(c, b)
	}
	if n.Type == xhtml.ElementNode && (n.DataAtom == atom.P || n.DataAtom == atom.Div || n.DataAtom == atom.Li) {
		b.WriteString("<br>")
	}
}

// attr returns n's integer attribute name, 0 when absent or not a number.
func attr(n *xhtml.Node, name string) int {
	for _, a := range n.Attr {
		if a.Key == name {
			v, err := strconv.Atoi(strings.TrimSpace(a.Val))
			if err == nil {
				return v
			}
		}
	}
	return 0
}
