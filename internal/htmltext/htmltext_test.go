package htmltext

import (
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
)

func doc(t *testing.T, s string) *goquery.Document {
	t.Helper()
	d, err := goquery.NewDocumentFromReader(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// TestContentOneList: the scrapers and fetch pick the same container, the most
// specific present, whatever the vendor.
func TestContentOneList(t *testing.T) {
	for _, c := range []struct{ page, sel, text string }{
		{`<body><nav>n</nav><div class="J-markdown-box">tencent</div><main>m</main></body>`, ".J-markdown-box", "tencent"},
		{`<body><article><div class="theme-doc-markdown markdown">docusaurus</div><footer>Last updated</footer></article></body>`, ".theme-doc-markdown", "docusaurus"},
		{`<body><div id="left-col">toc</div><div id="main-content">aws</div></body>`, "#main-content", "aws"},
		{`<body><nav>n</nav><article>generic</article></body>`, "article", "generic"},
		{`<body><main>main</main></body>`, "main", "main"},
		{`<body>bare</body>`, "", "bare"},
	} {
		s, sel := Content(doc(t, c.page))
		if sel != c.sel || strings.TrimSpace(s.Text()) != c.text {
			t.Errorf("%s: container %q %q, want %q %q", c.page, sel, s.Text(), c.sel, c.text)
		}
	}
}

func TestRowsCellsAndHeadings(t *testing.T) {
	d := doc(t, `<h2>Actions<a class="hash-link" href="#a">&#8203;</a></h2><table><thead><tr><th>A</th><th>B</th></tr></thead>
<tbody><tr><td>1<br>2</td><td><table><tr><td>nested</td></tr></table></td></tr></tbody></table>`)
	if got := HeadingText(d.Find("h2").Get(0)); got != "Actions" {
		t.Errorf("heading %q, want Actions", got)
	}
	rows := Rows(d.Find("table").Get(0))
	if len(rows) != 2 || !rows[0].InHead || rows[1].InHead {
		t.Fatalf("rows %+v: want a head row and a body row (the nested table's row is its own)", rows)
	}
	cells := Cells(rows[1].TR)
	if len(cells) != 2 || Text(cells[0]) != "1\n2" {
		t.Errorf("cells %d, first %q; want 2 and \"1\\n2\"", len(cells), Text(cells[0]))
	}
	if got := FoldHeader(" Resource types (*required) "); got != "resourcetypesrequired" {
		t.Errorf("FoldHeader: %q", got)
	}
}
