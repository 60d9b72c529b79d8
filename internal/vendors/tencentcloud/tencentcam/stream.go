package tencentcam

import (
	"bytes"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/permgen/permgen/internal/htmltext"
	"github.com/permgen/permgen/internal/model"
)

// ScrapeBytes reads a page as Scrape does, from its tokens when it can: building
// the tree was two thirds of the scraper's time on the synthetic corpus, and a CAM
// page is plain, well-nested HTML that needs nothing a tree gives. A page the token
// reader cannot vouch for (see streamPage) is read from tree(), the parsed page, so
// both ways give the same page (stream_test.go compares them over every page the
// tests have and over fuzzed ones).
func ScrapeBytes(src model.Source, page []byte, tree func() (*goquery.Document, error)) (*model.Page, error) {
	if r, ok := streamPage(page); ok {
		return scrapeTables(src, r.title, r.tables)
	}
	doc, err := tree()
	if err != nil {
		return nil, err
	}
	return Scrape(src, doc)
}

// streamed is what the token reader found: the title and the tables of the content.
type streamed struct {
	title  string
	tables []rawTable
}

// selector is one of htmltext.Containers: a class, an id or an element name.
type selector struct {
	class, id string
	needle    []byte // what the page's bytes must hold for the selector to match
}

// containers are htmltext.Containers, in its order (its order is the priority).
var containers = func() []selector {
	var out []selector
	for _, c := range htmltext.Containers {
		switch {
		case strings.HasPrefix(c, "."):
			out = append(out, selector{class: c[1:], needle: []byte(c[1:])})
		case strings.HasPrefix(c, "#"):
			out = append(out, selector{id: c[1:], needle: []byte(c[1:])})
		default:
			// An element name: matched only by the tree reader.
			out = append(out, selector{})
		}
	}
	return out
}()

// elem is an open element: its atom, or its name when it has none.
type elem struct {
	a    atom.Atom
	name string
}

// textBuf builds what htmltext.Text gives for one element, as its tokens arrive.
type textBuf struct {
	b       []byte
	pending bool // a block boundary since the last text
	on      bool
}

func (t *textBuf) start() { t.b, t.pending, t.on = t.b[:0], false, true }

func (t *textBuf) text(s []byte) {
	if !t.on || len(s) == 0 {
		return
	}
	if t.pending && len(t.b) > 0 && t.b[len(t.b)-1] != '\n' {
		t.b = append(t.b, '\n')
	}
	t.pending = false
	t.b = append(t.b, s...)
}

func (t *textBuf) br() {
	if t.on {
		t.b = append(t.b, '\n')
		t.pending = false
	}
}

func (t *textBuf) block() {
	if t.on {
		t.pending = true
	}
}

// phase is where the reader is relative to the content container.
type phase int

const (
	before phase = iota
	inside
	after
)

// streamer reads the tokens once. It keeps its own stack of open elements and
// gives up (ok false) at the first token after which the HTML parser's tree could
// differ from that stack: a misnested or unmatched end tag, an element the parser
// closes or moves by itself (a second <li>, text or a tag in a table outside its
// cells, a table in a cell), foreign content (svg, math), templates, forms and the
// like. Giving up costs only the time to parse the tree.
type streamer struct {
	z     *html.Tokenizer
	guess int // index in containers of the selector the container is expected to match
	phase phase
	stack []elem
	box   int // stack depth of the container, itself included
	skip  int // open script and style elements: their text is not text

	title     string
	haveTitle bool
	inTitle   bool

	heading    string
	h1         string
	haveH1     bool
	headingBuf textBuf
	cellBuf    textBuf

	tables []rawTable
	rows   [][]string
	th     []bool // th[i]: row i has a <th>
	tab    int    // index in tables of the open table, -1 when none
}

// streamPage reads a page's content from its tokens; ok is false when the page
// steps outside what the reader can vouch for.
func streamPage(page []byte) (streamed, bool) {
	if bytes.IndexByte(page, 0) >= 0 {
		return streamed{}, false // the parser drops or replaces NUL by context
	}
	// The container is the first element matching the first selector that matches
	// any element. The bytes name the candidates; the first one named is the
	// guess, confirmed or refuted by the elements themselves.
	guess := -1
	for i, c := range containers {
		if c.needle != nil && bytes.Contains(page, c.needle) {
			guess = i
			break
		}
		if c.needle == nil {
			break // element names are not guessed from bytes
		}
	}
	if guess < 0 {
		return streamed{}, false
	}
	s := streamer{z: html.NewTokenizer(bytes.NewReader(page)), guess: guess, tab: -1}
	if !s.run() {
		return streamed{}, false
	}
	title := strings.TrimSpace(s.title)
	if s.haveH1 {
		title = strings.TrimSpace(s.h1)
	}
	return streamed{title: title, tables: s.tables}, true
}

func (s *streamer) run() bool {
	for {
		tt := s.z.Next()
		var ok bool
		switch tt {
		case html.ErrorToken:
			return s.z.Err().Error() == "EOF" && s.phase == after
		case html.TextToken:
			ok = s.text(s.z.Text())
		case html.StartTagToken, html.SelfClosingTagToken:
			ok = s.start()
		case html.EndTagToken:
			ok = s.end(s.tag())
		default: // comments and doctypes are not text and open nothing
			ok = true
		}
		if !ok {
			return false
		}
	}
}

// tag names the current tag as the tokenizer reads it (up to white space, '/' or
// '>', lower-cased), without TagName's copy.
func (s *streamer) tag() elem {
	raw := s.z.Raw()
	i := 1
	if i < len(raw) && raw[i] == '/' {
		i++
	}
	j := i
	for j < len(raw) && !endsTagName(raw[j]) {
		j++
	}
	var buf [16]byte
	name := raw[i:j]
	if len(name) <= len(buf) {
		for k, c := range name {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[k] = c
		}
		if a := atom.Lookup(buf[:len(name)]); a != 0 {
			return elem{a: a}
		}
	}
	return elem{name: strings.ToLower(string(name))}
}

// priority is the index in containers of the first selector the current start
// tag matches by class or id, len(containers) for none. Like the tree, it reads
// the first class and the first id attribute only.
func (s *streamer) priority() int {
	best := len(containers)
	var class, id []byte
	seenClass, seenID := false, false
	for {
		k, v, more := s.z.TagAttr()
		switch {
		case string(k) == "class" && !seenClass:
			class, seenClass = v, true
		case string(k) == "id" && !seenID:
			id, seenID = v, true
		}
		if !more {
			break
		}
	}
	for i, c := range containers {
		if i >= best {
			break
		}
		switch {
		case c.class != "" && seenClass:
			for _, f := range strings.FieldsFunc(string(class), isHTMLSpace) {
				if f == c.class {
					best = i
				}
			}
		case c.id != "" && seenID && string(id) == c.id:
			best = i
		}
	}
	return best
}

func endsTagName(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '/' || c == '>'
}

func isHTMLSpace(r rune) bool { return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f' }

func (s *streamer) top() atom.Atom {
	if len(s.stack) == 0 {
		return 0
	}
	return s.stack[len(s.stack)-1].a
}

func (s *streamer) start() bool {
	e := s.tag()
	if bailAnywhere[e.a] {
		return false
	}
	if e.a == atom.Title && !s.haveTitle {
		s.inTitle, s.haveTitle = true, true
	}
	if p := s.priority(); p < s.guess {
		return false // a better container than the guessed one: the tree decides
	} else if p == s.guess && s.phase == before {
		if !s.enter(e) {
			return false
		}
		s.push(e)
		s.box = len(s.stack)
		return true
	}
	if s.phase == after {
		return true
	}
	if s.phase == inside && bailInside[e.a] {
		return false
	}
	if tableContext[s.top()] {
		return s.startInTable(e)
	}
	switch e.a {
	case atom.Table:
		if s.pInButtonScope() || s.phase == inside && s.hasInside(atom.Table) {
			return false // a table closing a paragraph (or not, in quirks mode), or nested
		}
		s.push(e)
		if s.phase == inside {
			s.tab = len(s.tables)
			s.tables = append(s.tables, rawTable{heading: s.heading})
			s.rows, s.th = s.rows[:0], s.th[:0]
		}
		return true
	case atom.Thead, atom.Tbody, atom.Tfoot, atom.Tr, atom.Td, atom.Th, atom.Caption, atom.Col, atom.Colgroup:
		return false // outside a table the parser ignores them
	case atom.Li:
		for i := len(s.stack) - 1; i >= 0; i-- {
			a := s.stack[i].a
			if a == atom.Li {
				return false // the parser closes the open item
			}
			if special[a] && a != atom.Address && a != atom.Div && a != atom.P {
				break
			}
		}
	case atom.A:
		if s.has(atom.A) {
			return false // the adoption agency would rearrange them
		}
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		if s.phase == inside && s.inHeading() {
			return false
		}
	}
	if closesP[e.a] {
		if s.top() == atom.P {
			s.pop()
		} else if s.pInButtonScope() {
			return false
		}
		if heading(s.top()) && heading(e.a) {
			return false // the parser closes the open heading
		}
	}
	if e.a == atom.Br {
		s.headingBuf.br()
		s.cellBuf.br()
		return true
	}
	if void[e.a] {
		return true
	}
	s.push(e)
	return true
}

// enter checks that the container, e, opens where the tree would have it open as
// its tokens say: in the body, not in a table's structure, with nothing open that
// the parser would close, reopen or move around it.
func (s *streamer) enter(e elem) bool {
	switch e.a {
	case atom.Div, atom.Section, atom.Article, atom.Main, atom.Aside:
	default:
		return false
	}
	if tableContext[s.top()] {
		return false
	}
	if s.top() == atom.P {
		s.pop() // closed by the container, as the parser does
	}
	for _, o := range s.stack {
		if !aroundBox[o.a] {
			return false
		}
	}
	s.phase = inside
	return true
}

// startInTable takes a start tag whose parent would be a table, a row group or a
// row: only the table's own structure, so that nothing is foster-parented.
func (s *streamer) startInTable(e elem) bool {
	switch e.a {
	case atom.Thead, atom.Tbody, atom.Tfoot:
		if s.top() != atom.Table {
			return false
		}
	case atom.Tr:
		if s.top() == atom.Tr {
			return false
		}
		if s.phase == inside {
			s.rows = append(s.rows, nil)
			s.th = append(s.th, false)
		}
	case atom.Td, atom.Th:
		if s.top() != atom.Tr {
			return false
		}
		if s.phase == inside {
			s.cellBuf.start()
			if e.a == atom.Th {
				s.th[len(s.th)-1] = true
			}
		}
	default:
		return false
	}
	s.push(e)
	return true
}

func (s *streamer) push(e elem) {
	if s.phase == inside && len(s.stack) >= s.box {
		if htmltext.IsBlock(e.a) {
			s.headingBuf.block()
			s.cellBuf.block()
		}
		switch {
		case heading(e.a):
			s.headingBuf.start()
		case e.a == atom.Script || e.a == atom.Style:
			s.skip++
		}
	}
	s.stack = append(s.stack, e)
}

// pop closes the top element.
func (s *streamer) pop() {
	e := s.stack[len(s.stack)-1]
	s.stack = s.stack[:len(s.stack)-1]
	if s.phase != inside {
		return
	}
	if len(s.stack) < s.box {
		s.phase = after // the container closed
		s.finishTable()
		return
	}
	switch {
	case e.a == atom.Td || e.a == atom.Th:
		s.cellBuf.on = false
		s.rows[len(s.rows)-1] = append(s.rows[len(s.rows)-1], string(s.cellBuf.b))
	case e.a == atom.Table:
		s.finishTable()
	case heading(e.a):
		s.headingBuf.on = false
		s.heading = string(s.headingBuf.b)
		if e.a == atom.H1 && !s.haveH1 {
			s.h1, s.haveH1 = s.heading, true
		}
	case e.a == atom.Script || e.a == atom.Style:
		s.skip--
	}
	if htmltext.IsBlock(e.a) {
		s.headingBuf.block()
		s.cellBuf.block()
	}
}

// finishTable splits the open table's rows as readTable does.
func (s *streamer) finishTable() {
	if s.tab < 0 {
		return
	}
	t := &s.tables[s.tab]
	s.tab = -1
	if len(s.rows) == 0 {
		return
	}
	h := 0
	for i, th := range s.th {
		if th {
			h = i
			break
		}
	}
	t.preamble = h
	t.headers = s.rows[h]
	if t.headers == nil {
		t.headers = []string{}
	}
	for _, r := range s.rows[h+1:] {
		if r == nil {
			r = []string{}
		}
		t.rows = append(t.rows, r)
	}
}

func (s *streamer) end(e elem) bool {
	if e.a == atom.Title {
		s.inTitle = false
	}
	if s.phase == after {
		return true
	}
	if e.a == 0 && e.name == "" {
		return false
	}
	if !formatting[e.a] {
		for len(s.stack) > 0 && s.stack[len(s.stack)-1] != e && impliedEnd[s.top()] {
			s.pop()
		}
	}
	if len(s.stack) == 0 || s.stack[len(s.stack)-1] != e {
		return false // misnested or unmatched: the parser would repair it its own way
	}
	s.pop()
	return true
}

func (s *streamer) text(b []byte) bool {
	if s.inTitle {
		s.title += string(b)
	}
	if s.phase == after {
		return true
	}
	if tableContext[s.top()] || s.top() == atom.Head {
		if len(bytes.Trim(b, " \t\r\n\f")) > 0 {
			return false // the parser moves such text out of the table (or the head)
		}
		return true
	}
	if s.phase == inside && s.skip == 0 {
		s.headingBuf.text(b)
		s.cellBuf.text(b)
	}
	return true
}

func (s *streamer) has(a atom.Atom) bool {
	for _, o := range s.stack {
		if o.a == a {
			return true
		}
	}
	return false
}

func (s *streamer) inHeading() bool {
	for _, o := range s.stack[s.box:] {
		if heading(o.a) {
			return true
		}
	}
	return false
}

// hasInside reports an open a inside the container.
func (s *streamer) hasInside(a atom.Atom) bool {
	for _, o := range s.stack[s.box:] {
		if o.a == a {
			return true
		}
	}
	return false
}

// pInButtonScope is the parser's "has a p element in button scope".
func (s *streamer) pInButtonScope() bool {
	for i := len(s.stack) - 1; i >= 0; i-- {
		switch s.stack[i].a {
		case atom.P:
			return true
		case atom.Applet, atom.Caption, atom.Html, atom.Table, atom.Td, atom.Th, atom.Marquee, atom.Object, atom.Template, atom.Button:
			return false
		}
	}
	return false
}

func heading(a atom.Atom) bool {
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return true
	}
	return false
}

func set(as ...atom.Atom) map[atom.Atom]bool {
	m := make(map[atom.Atom]bool, len(as))
	for _, a := range as {
		m[a] = true
	}
	return m
}

var (
	// bailAnywhere: foreign content tokenizes differently inside the parser (CDATA,
	// raw text elements that are not raw there), and a template's rows are not the
	// page's.
	bailAnywhere = set(atom.Svg, atom.Math, atom.Template, atom.Frameset, atom.Plaintext)
	// bailInside are elements the parser treats specially (implied ends, raw text,
	// first newlines dropped, form and button nesting, ruby, table parts outside a
	// table's structure) that a CAM page's content does not use.
	bailInside = set(atom.Select, atom.Option, atom.Optgroup, atom.Form, atom.Button, atom.Nobr,
		atom.Image, atom.Pre, atom.Listing, atom.Textarea, atom.Xmp, atom.Iframe, atom.Noembed,
		atom.Noframes, atom.Noscript, atom.Rb, atom.Rp, atom.Rt, atom.Rtc, atom.Applet, atom.Marquee,
		atom.Object, atom.Input, atom.Keygen, atom.Html, atom.Head, atom.Body, atom.Frame, atom.Title,
		atom.Dd, atom.Dt, atom.Menuitem, atom.Math, atom.Base, atom.Link, atom.Meta)
	// tableContext are the elements whose children the parser puts in a table's
	// structure.
	tableContext = set(atom.Table, atom.Thead, atom.Tbody, atom.Tfoot, atom.Tr)
	// aroundBox may be open around the container: none of them changes how the
	// parser reads what is inside it.
	aroundBox = set(atom.Html, atom.Body, atom.Div, atom.Main, atom.Article, atom.Section, atom.Aside,
		atom.Header, atom.Nav, atom.Table, atom.Tbody, atom.Thead, atom.Tfoot, atom.Tr, atom.Td, atom.Th)
	// closesP are the start tags that close an open p ("close a p element").
	closesP = set(atom.Address, atom.Article, atom.Aside, atom.Blockquote, atom.Center, atom.Details,
		atom.Dialog, atom.Dir, atom.Div, atom.Dl, atom.Fieldset, atom.Figcaption, atom.Figure, atom.Footer,
		atom.Header, atom.Hgroup, atom.Main, atom.Menu, atom.Nav, atom.Ol, atom.P, atom.Search, atom.Section,
		atom.Summary, atom.Ul, atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Pre, atom.Listing,
		atom.Form, atom.Li, atom.Dd, atom.Dt, atom.Hr, atom.Xmp)
	// impliedEnd are the elements an end tag closes on its way ("generate implied
	// end tags").
	impliedEnd = set(atom.Dd, atom.Dt, atom.Li, atom.Optgroup, atom.Option, atom.P, atom.Rb, atom.Rp, atom.Rt, atom.Rtc)
	// formatting elements' end tags run the adoption agency instead.
	formatting = set(atom.A, atom.B, atom.Big, atom.Code, atom.Em, atom.Font, atom.I, atom.Nobr, atom.S,
		atom.Small, atom.Strike, atom.Strong, atom.Tt, atom.U)
	void = set(atom.Area, atom.Base, atom.Br, atom.Col, atom.Embed, atom.Hr, atom.Img, atom.Input,
		atom.Keygen, atom.Link, atom.Meta, atom.Param, atom.Source, atom.Track, atom.Wbr)
	// special is the parser's "special" category, where the search for an open
	// list item stops.
	special = set(atom.Address, atom.Applet, atom.Area, atom.Article, atom.Aside, atom.Base, atom.Basefont,
		atom.Bgsound, atom.Blockquote, atom.Body, atom.Br, atom.Button, atom.Caption, atom.Center, atom.Col,
		atom.Colgroup, atom.Dd, atom.Details, atom.Dir, atom.Div, atom.Dl, atom.Dt, atom.Embed, atom.Fieldset,
		atom.Figcaption, atom.Figure, atom.Footer, atom.Form, atom.Frame, atom.Frameset, atom.H1, atom.H2,
		atom.H3, atom.H4, atom.H5, atom.H6, atom.Head, atom.Header, atom.Hgroup, atom.Hr, atom.Html,
		atom.Iframe, atom.Img, atom.Input, atom.Keygen, atom.Li, atom.Link, atom.Listing, atom.Main,
		atom.Marquee, atom.Menu, atom.Meta, atom.Nav, atom.Noembed, atom.Noframes, atom.Noscript, atom.Object,
		atom.Ol, atom.P, atom.Param, atom.Plaintext, atom.Pre, atom.Script, atom.Search, atom.Section,
		atom.Select, atom.Source, atom.Style, atom.Summary, atom.Table, atom.Tbody, atom.Td, atom.Template,
		atom.Textarea, atom.Tfoot, atom.Th, atom.Thead, atom.Title, atom.Tr, atom.Track, atom.Ul, atom.Wbr,
		atom.Xmp)
)
