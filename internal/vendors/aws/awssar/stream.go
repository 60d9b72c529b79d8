package awssar

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/permgen/permgen/internal/model"
)

// errNestedTable refuses a page with a table in a table's cell.
var errNestedTable = errors.New("a table inside a table cell: no Service Authorization Reference page has one, so the page's layout changed; check the page, the scraper would not know which rows belong to which table")

// cell is one td or th as the tokens gave it.
type cell struct {
	th      bool
	rowspan int
	text    string
	parts   []string
	href    string // the first link's target, when the cell has a link
}

// ScrapeBytes reads a page straight from its tokens, with no document tree: building
// the tree was two thirds of the time of a run over the 533 AWS pages, and these
// pages need nothing a tree gives. It reads what Scrape's callers documented: the
// content container (#main-content when the page has one), its first h1, the first
// paragraph naming the service prefix, and every table.
func ScrapeBytes(src model.Source, page []byte) (*model.Page, error) {
	// A page whose bytes name the container is read inside it, in one pass. The
	// name alone does not make a container (a skip link <a href="#main-content">
	// names it too): when no element had that id, the page is read again whole,
	// as htmltext decides on the element's id.
	s := streamer{z: html.NewTokenizer(bytes.NewReader(page)), contained: bytes.Contains(page, []byte(Container))}
	s.run()
	if s.contained && !s.sawBox && s.err == nil {
		s = streamer{z: html.NewTokenizer(bytes.NewReader(page))}
		s.run()
	}
	if s.err != nil {
		return nil, fmt.Errorf("%s: read HTML: %w", src.File, s.err)
	}
	return reading{title: s.title, h1: s.h1, prefix: s.prefix, prefixFound: s.prefixFound, tables: s.tables}.page(src)
}

// reading is what a reader of a page's HTML found in it: the streamer gives it, and
// so does the goquery reading the tests compare it with (goquery_test.go).
type reading struct {
	title, h1   string // the document's <title> and the content's first h1, white space folded
	prefix      string
	prefixFound bool       // a paragraph stated the service prefix
	tables      [][][]cell // tables, rows, cells
}

// page makes the model's page of a reading.
func (r reading) page(src model.Source) (*model.Page, error) {
	p := &model.Page{Source: src, Tables: []model.Table{}, Title: r.h1}
	if name, ok := strings.CutPrefix(r.h1, TitlePrefix); ok {
		p.Facts = append(p.Facts, model.Field{Key: model.FactServiceName, Text: name, Pos: model.Pos{File: src.File, Column: "title"}})
	}
	if r.prefixFound {
		p.Facts = append(p.Facts, model.Field{Key: model.FactServicePrefix, Text: r.prefix, Pos: model.Pos{File: src.File, Column: "service prefix"}})
	}
	if !strings.HasPrefix(r.h1, TitlePrefix) {
		title := r.h1
		if title == "" {
			title = r.title
		}
		p.Warnings = append(p.Warnings, model.Diagnostic{Pos: model.Pos{File: src.File}, Code: "not-a-reference-page",
			Msg: fmt.Sprintf("page %q is not an \"Actions, resources, and condition keys\" page; it defines nothing", title)})
	}
	var errs []error
	for _, rows := range r.tables {
		tab, warn, err := buildTable(src.File, rows)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if warn != nil {
			p.Warnings = append(p.Warnings, *warn)
		}
		if tab != nil {
			p.Tables = append(p.Tables, *tab)
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return p, nil
}

// streamer walks the tokens once. Text is folded as it arrives into reused buffers:
// the cell's, the current paragraph's of a cell, the heading's and the paragraph's
// outside tables.
type streamer struct {
	z         *html.Tokenizer
	err       error
	contained bool // the page may have a content container: read only inside it
	sawBox    bool // an element had the container's id
	inContent bool
	boxTag    atom.Atom // the container's element
	divDepth  int       // open elements of that name inside the container, itself included

	title, h1      string
	inTitle, inH1  bool
	titleBuf, h1Bf textBuf

	// The paragraph outside tables that may state the service prefix.
	inP, inCode, prefixFound bool
	pBuf, codeBuf            textBuf
	prefix                   string
	codeSeen                 bool

	tables [][][]cell // tables, rows, cells
	inTable,
	inRow, inCell bool
	cur              cell
	cellBuf, partBuf textBuf
	partDepth        int
	sawA             bool
}

func (s *streamer) run() {
	for {
		tt := s.z.Next()
		switch tt {
		case html.ErrorToken:
			if err := s.z.Err(); err.Error() != "EOF" {
				s.err = err
			}
			s.endTable()
			return
		case html.TextToken:
			s.text(s.z.Text())
		case html.StartTagToken, html.SelfClosingTagToken:
			s.start(tagOf(s.z.Raw()), tt == html.SelfClosingTagToken)
		case html.EndTagToken:
			s.end(tagOf(s.z.Raw()))
		}
		if s.err != nil {
			return
		}
	}
}

// tagOf returns the element a tag's raw bytes name, with no allocation: the
// tokenizer's TagName copies the name for every tag, and most tags are skipped.
func tagOf(raw []byte) atom.Atom {
	i := 1 // past '<'
	if i < len(raw) && raw[i] == '/' {
		i++
	}
	var buf [16]byte
	n := 0
	for ; i < len(raw); i++ {
		c := raw[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == ':') {
			break
		}
		if n == len(buf) {
			return 0 // longer than any element the scraper reads
		}
		buf[n] = c
		n++
	}
	return atom.Lookup(buf[:n])
}

// attr returns the value of the attribute key of the current tag, "" if none. It
// reads the attributes, so it is called at most once per tag.
func (s *streamer) attr(key string) string {
	for {
		k, v, more := s.z.TagAttr()
		if string(k) == key {
			return string(v)
		}
		if !more {
			return ""
		}
	}
}

func (s *streamer) start(name atom.Atom, selfClosing bool) {
	if name == atom.Title && s.title == "" {
		s.inTitle = true
		s.titleBuf.reset()
	}
	if s.contained && !s.inContent {
		if !selfClosing && s.attr("id") == Container {
			s.inContent, s.sawBox, s.boxTag, s.divDepth = true, true, name, 1
		}
		return
	}
	if s.contained && name == s.boxTag && !selfClosing {
		s.divDepth++
	}
	if s.inCell {
		s.cellBuf.space = s.cellBuf.space || blockTag(name)
		if s.partDepth > 0 {
			s.partBuf.space = s.partBuf.space || blockTag(name)
		}
	}
	switch name {
	case atom.H1:
		if s.h1 == "" && !s.inTable {
			s.inH1 = true
			s.h1Bf.reset()
		}
	case atom.P, atom.Li:
		if s.inCell {
			if s.partDepth == 0 {
				s.partBuf.reset()
			}
			s.partDepth++
		} else if name == atom.P && !s.inTable && !s.prefixFound {
			s.inP, s.codeSeen = true, false
			s.pBuf.reset()
		}
	case atom.Code:
		if s.inP && !s.codeSeen {
			s.inCode = true
			s.codeBuf.reset()
		}
	case atom.Table:
		if s.inCell {
			// The tree would nest it and go on with the outer table after it; read
			// as tokens, the outer table would end here and its later rows would be
			// lost without a word. No reference page has one: refuse the page.
			s.err = errNestedTable
			return
		}
		s.endTable()
		s.inTable = true
		s.tables = append(s.tables, nil)
	case atom.Tr:
		if s.inTable {
			s.endRow()
			s.inRow = true
			t := &s.tables[len(s.tables)-1]
			*t = append(*t, nil)
		}
	case atom.Td, atom.Th:
		if s.inRow {
			s.endCell()
			s.inCell = true
			s.cur = cell{th: name == atom.Th}
			if n, err := strconv.Atoi(s.attr("rowspan")); err == nil {
				s.cur.rowspan = n
			}
			s.cellBuf.reset()
			s.partDepth, s.sawA = 0, false
		}
	case atom.A:
		if s.inCell && !s.sawA {
			s.sawA = true
			s.cur.href = s.attr("href")
		}
	}
}

func (s *streamer) end(name atom.Atom) {
	if name == atom.Title && s.inTitle {
		s.inTitle = false
		s.title = string(s.titleBuf.b)
	}
	if !s.inContent && s.contained {
		return
	}
	if s.contained && name == s.boxTag {
		s.divDepth--
		if s.divDepth <= 0 {
			s.endTable()
			s.inContent = false
			s.done()
			return
		}
	}
	if s.inCell {
		s.cellBuf.space = s.cellBuf.space || blockTag(name)
		if s.partDepth > 0 {
			s.partBuf.space = s.partBuf.space || blockTag(name)
		}
	}
	switch name {
	case atom.H1:
		if s.inH1 {
			s.inH1 = false
			s.h1 = string(s.h1Bf.b)
		}
	case atom.P, atom.Li:
		if s.inCell && s.partDepth > 0 {
			s.partDepth--
			if s.partDepth == 0 && len(s.partBuf.b) > 0 {
				s.cur.parts = append(s.cur.parts, string(s.partBuf.b))
			}
		} else if name == atom.P && s.inP {
			s.inP = false
			if strings.Contains(string(s.pBuf.b), "service prefix:") && s.codeSeen {
				s.prefix, s.prefixFound = string(s.codeBuf.b), true
			}
		}
	case atom.Code:
		if s.inCode {
			s.inCode, s.codeSeen = false, true
		}
	case atom.Td, atom.Th:
		s.endCell()
	case atom.Tr:
		s.endRow()
	case atom.Table:
		s.endTable()
	}
}

// done stops reading content: the container ended.
func (s *streamer) done() {
	// Everything after the container is chrome; the tokenizer keeps running only for
	// the title, which comes first anyway.
	for s.z.Next() != html.ErrorToken {
	}
}

func (s *streamer) text(b []byte) {
	if s.inTitle {
		s.titleBuf.addBytes(b)
	}
	if s.contained && !s.inContent {
		return
	}
	if s.inH1 {
		s.h1Bf.addBytes(b)
	}
	if s.inP {
		s.pBuf.addBytes(b)
		if s.inCode {
			s.codeBuf.addBytes(b)
		}
	}
	if s.inCell {
		s.cellBuf.addBytes(b)
		if s.partDepth > 0 {
			s.partBuf.addBytes(b)
		}
	}
}

func (s *streamer) endCell() {
	if !s.inCell {
		return
	}
	s.inCell = false
	s.cur.text = string(s.cellBuf.b)
	t := s.tables[len(s.tables)-1]
	t[len(t)-1] = append(t[len(t)-1], s.cur)
}

func (s *streamer) endRow() {
	s.endCell()
	s.inRow = false
}

func (s *streamer) endTable() {
	s.endRow()
	s.inTable = false
}

func blockTag(name atom.Atom) bool {
	return name == atom.P || name == atom.Div || name == atom.Li || name == atom.Br
}

// buildTable reads one table from its rows of cells: the header row picks the kind,
// and each data row's cells are placed in columns, cells that a rowspan above
// carries down skipped so that a row holds only the cells that start in it.
func buildTable(file string, trs [][]cell) (*model.Table, *model.Diagnostic, error) {
	var header []string
	start := 0
	if len(trs) > 0 && len(trs[0]) > 0 && trs[0][0].th {
		for _, c := range trs[0] {
			header = append(header, c.text)
		}
		start = 1
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
	for _, cs := range trs[start:] {
		if len(cs) == 0 {
			continue // an empty <tr>: no row of the page as a reader sees it
		}
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
			if c.rowspan > 1 {
				carry[col] = c.rowspan - 1
			}
			f := model.Field{Key: keys[col], Text: c.text, Pos: row.Pos.WithColumn(header[col])}
			if listKeys[keys[col]] {
				f.Parts = c.parts
			}
			row.Fields = append(row.Fields, f)
			if keys[col] == model.KeyAction && c.href != "" && !strings.HasPrefix(c.href, "#") {
				row.Fields = append(row.Fields, model.Field{Key: model.KeyDocURL, Text: c.href, Pos: f.Pos})
			}
		}
		if next < len(cs) {
			return nil, nil, model.Errorf(row.Pos, "%d cells where the header has %d columns", len(cs), len(header))
		}
		tab.Rows = append(tab.Rows, row)
	}
	return tab, nil, nil
}
