// Package awssar reads AWS Service Authorization Reference pages, "Actions,
// resources, and condition keys for <service>": the actions table (one action over
// several rows joined by rowspan), the resource types table and the condition keys
// table, each found by its header row, and the service prefix stated in the text.
//
// Values are kept as found (white space folded, as a browser shows them); reading
// them (which row is request-level, what "image*" or "SCENARIO:" means) is
// resolve's job. The scraper walks the parsed nodes itself, with one reused text
// buffer, because a page like ec2's has tens of thousands of cells.
package awssar

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"

	"github.com/permgen/permgen/internal/model"
)

// TitlePrefix starts the title of every Service Authorization Reference page.
const TitlePrefix = "Actions, resources, and condition keys for "

// Container is the id of the element that holds a page's content; everything
// outside it is site chrome.
const Container = "main-content"

// Detect reports whether doc is a Service Authorization Reference page: its first
// heading is "Actions, resources, and condition keys for ...".
func Detect(doc *goquery.Document) bool {
	if len(doc.Nodes) == 0 {
		return false
	}
	h1 := find(content(doc.Nodes[0]), func(n *html.Node) bool { return n.Data == "h1" })
	if h1 == nil {
		return false
	}
	var t textBuf
	return strings.HasPrefix(t.text(h1), TitlePrefix)
}

// content returns the page's content container, or the whole document when the
// snapshot kept only the content (or the container is missing).
func content(root *html.Node) *html.Node {
	if c := find(root, func(n *html.Node) bool { return attr(n, "id") == Container }); c != nil {
		return c
	}
	return root
}

// table kinds, recognised by their header row.
type kind struct {
	name    string            // used in positions when the table has no header text
	first   string            // the first header cell, folded and lower-cased
	second  string            // the second one
	columns map[string]string // header (folded, lower-cased, "(*required)" kept) → field key
}

var kinds = []kind{
	{"Actions", "actions", "description", map[string]string{
		"actions":                    model.KeyAction,
		"description":                model.KeyDescription,
		"access level":               model.KeyAccessLevel,
		"resource types (*required)": model.KeyResourceTypes,
		"resource types":             model.KeyResourceTypes,
		"condition keys":             model.KeyConditionKeys,
		"dependent actions":          model.KeyDependentActions,
	}},
	{"Resource types", "resource types", "arn", map[string]string{
		"resource types": model.KeyResourceType,
		"arn":            model.KeyARN,
		"condition keys": model.KeyConditionKeys,
	}},
	{"Condition keys", "condition keys", "description", map[string]string{
		"condition keys": model.KeyConditionKey,
		"description":    model.KeyDescription,
		"type":           model.KeyType,
	}},
}

// listKeys are the columns that hold one value per paragraph.
var listKeys = map[string]bool{model.KeyResourceTypes: true, model.KeyConditionKeys: true, model.KeyDependentActions: true}

// Scrape reads the page's facts and its three kinds of tables. A table of none of
// the kinds is skipped with a warning; a page with no actions table is not an error
// (some services define only resource types or keys): resolve reports it.
func Scrape(src model.Source, doc *goquery.Document) (*model.Page, error) {
	if len(doc.Nodes) == 0 {
		return nil, fmt.Errorf("%s: empty document", src.File)
	}
	root := content(doc.Nodes[0])
	var t textBuf
	page := &model.Page{Source: src, Tables: []model.Table{}}
	if h1 := find(root, func(n *html.Node) bool { return n.Data == "h1" }); h1 != nil {
		page.Title = t.text(h1)
		if name, ok := strings.CutPrefix(page.Title, TitlePrefix); ok {
			page.Facts = append(page.Facts, model.Field{Key: model.FactServiceName, Text: name, Pos: model.Pos{File: src.File, Column: "title"}})
		}
	}
	if prefix, ok := servicePrefix(root, &t); ok {
		page.Facts = append(page.Facts, model.Field{Key: model.FactServicePrefix, Text: prefix, Pos: model.Pos{File: src.File, Column: "service prefix"}})
	}
	if !strings.HasPrefix(page.Title, TitlePrefix) {
		title := page.Title
		if title == "" {
			var t textBuf
			if tn := find(doc.Nodes[0], func(n *html.Node) bool { return n.Data == "title" }); tn != nil {
				title = t.text(tn)
			}
		}
		page.Warnings = append(page.Warnings, model.Diagnostic{Pos: model.Pos{File: src.File}, Code: "not-a-reference-page",
			Msg: fmt.Sprintf("page %q is not an \"Actions, resources, and condition keys\" page; it defines nothing", title)})
	}
	var errs []error
	for _, tb := range findAll(root, func(n *html.Node) bool { return n.Data == "table" }, nil) {
		tab, warn, err := readTable(src.File, tb, &t)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if warn != nil {
			page.Warnings = append(page.Warnings, *warn)
		}
		if tab != nil {
			page.Tables = append(page.Tables, *tab)
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return page, nil
}

// servicePrefix finds "(service prefix: <code>s3</code>)" in the page's text.
func servicePrefix(root *html.Node, t *textBuf) (string, bool) {
	p := find(root, func(n *html.Node) bool {
		return n.Data == "p" && strings.Contains(t.text(n), "service prefix:")
	})
	if p == nil {
		return "", false
	}
	code := find(p, func(n *html.Node) bool { return n.Data == "code" })
	if code == nil {
		return "", false
	}
	return t.text(code), true
}

// rows returns a table's rows, not those of nested tables.
func rows(table *html.Node) []*html.Node {
	return findAll(table, func(n *html.Node) bool { return n.Data == "tr" || n.Data == "table" }, nil)
}

func cells(tr *html.Node) []*html.Node {
	var out []*html.Node
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		if isElem(c, "td") || isElem(c, "th") {
			out = append(out, c)
		}
	}
	return out
}

// readTable reads one table: its header row picks the kind, and each data row's
// cells are placed in columns, cells that a rowspan above carries down skipped so
// that a row holds only the cells that start in it.
func readTable(file string, tb *html.Node, t *textBuf) (*model.Table, *model.Diagnostic, error) {
	trs := rows(tb)
	var header []string
	start := 0
	for i, tr := range trs {
		if tr.Data != "tr" {
			continue
		}
		cs := cells(tr)
		if len(cs) > 0 && isElem(cs[0], "th") {
			for _, c := range cs {
				header = append(header, t.text(c))
			}
			start = i + 1
			break
		}
		break
	}
	var k *kind
	if len(header) >= 2 {
		for i := range kinds {
			if low(header[0]) == kinds[i].first && low(header[1]) == kinds[i].second {
				k = &kinds[i]
			}
		}
	}
	if k == nil {
		return nil, &model.Diagnostic{Pos: model.Pos{File: file, Table: strings.Join(header, " | ")}, Code: "unknown-table",
			Msg: fmt.Sprintf("table with header %q is none of actions, resource types, condition keys; skipped", strings.Join(header, " | "))}, nil
	}
	tab := &model.Table{Heading: header[0], Columns: header, Rows: []model.Row{}, Pos: model.Pos{File: file, Table: header[0]}}
	keys := make([]string, len(header))
	for i, h := range header {
		key, ok := k.columns[low(h)]
		if !ok {
			return nil, nil, model.Errorf(tab.Pos.WithColumn(h), "unknown column %q in the %s table", h, k.name)
		}
		keys[i] = key
	}
	carry := make([]int, len(header)) // rows each column is still covered by a rowspan from above
	for _, tr := range trs[start:] {
		if tr.Data != "tr" {
			continue
		}
		cs := cells(tr)
		row := model.Row{Pos: model.Pos{File: file, Table: tab.Heading, Row: len(tab.Rows) + 1}}
		next := 0
		for col := range header {
			if carry[col] > 0 {
				carry[col]--
				continue
			}
			if next >= len(cs) {
				break
			}
			c := cs[next]
			next++
			if rs, err := strconv.Atoi(attr(c, "rowspan")); err == nil && rs > 1 {
				carry[col] = rs - 1
			}
			f := model.Field{Key: keys[col], Text: t.text(c), Pos: row.Pos.WithColumn(header[col])}
			if listKeys[keys[col]] {
				f.Parts = t.parts(c)
			}
			row.Fields = append(row.Fields, f)
			if keys[col] == model.KeyAction {
				if a := find(c, func(n *html.Node) bool { return n.Data == "a" }); a != nil {
					if href := attr(a, "href"); href != "" && !strings.HasPrefix(href, "#") {
						row.Fields = append(row.Fields, model.Field{Key: model.KeyDocURL, Text: href, Pos: f.Pos})
					}
				}
			}
		}
		if next < len(cs) {
			return nil, nil, model.Errorf(row.Pos, "%d cells where the header has %d columns", len(cs), len(header))
		}
		tab.Rows = append(tab.Rows, row)
	}
	return tab, nil, nil
}

func low(s string) string { return strings.ToLower(fold(s)) }
