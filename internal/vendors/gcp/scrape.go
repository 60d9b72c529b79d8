package gcp

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"golang.org/x/net/html"
)

// Page is what one roles-and-permissions page says, in page order.
type Page struct {
	Name  string // the service page: the file name without extension
	File  string
	Roles []*Role
	Perms []*PermRow
	// NoPermissions is set when the page says "There are no IAM permissions for
	// this service." instead of a permission table.
	NoPermissions bool
}

// PermRow is one row of a permission table.
type PermRow struct {
	Name  string
	Pos   Pos
	Roles []RoleRef
}

// RoleRef is one role named in a permission row's "Included in roles".
type RoleRef struct {
	ID    string
	Title string // the link text
	Page  string // the page the link points to; "roles-overview" for basic roles
	// ServiceAgent is set for the roles listed after the "Service agent roles" label.
	ServiceAgent bool
}

const (
	noPermissionsSentence = "There are no IAM permissions for this service."
	lowestLevelMarker     = "Lowest-level resources where you can grant this role:"
	serviceAgentLabel     = "Service agent roles"
)

// DetectRoles says whether data looks like a roles-and-permissions page, as the
// archives hold it (Markdown with HTML tables) or as the site serves it (HTML
// with page chrome): both carry the same h4 classes. A page with neither table
// is known by its sentence and its address, or, as gen fetch stores a live page
// (content and title only), its title "<Service> roles and permissions".
func DetectRoles(data []byte) bool {
	return bytes.Contains(data, []byte(`class="role-title`)) ||
		bytes.Contains(data, []byte(`class="permission-name`)) ||
		(bytes.Contains(data, []byte(noPermissionsSentence)) &&
			(bytes.Contains(data, []byte("/iam/docs/roles-permissions/")) || bytes.Contains(data, []byte(" roles and permissions"))))
}

// ScrapePage reads one roles-and-permissions page. Every table whose header is
// Role | Permissions or Permission | Included in roles is read; other tables (page
// chrome) are skipped. An error names the file, line, table, row and column.
func ScrapePage(file string, data []byte) (*Page, error) {
	p := &Page{Name: strings.TrimSuffix(filepath.Base(file), filepath.Ext(file)), File: file}
	s := scanner{page: p, z: html.NewTokenizer(bytes.NewReader(data)), line: 1}
	if err := s.run(); err != nil {
		return nil, err
	}
	p.NoPermissions = bytes.Contains(data, []byte(noPermissionsSentence))
	if len(p.Roles) == 0 && len(p.Perms) == 0 && !p.NoPermissions {
		return nil, fmt.Errorf("%s: no role table and no permission table (header Role | Permissions or Permission | Included in roles), and no %q: not a roles-and-permissions page, or its layout changed", file, noPermissionsSentence)
	}
	if len(s.errs) > 0 {
		return nil, errors.Join(s.errs...)
	}
	return p, nil
}

type tableKind uint8

const (
	otherTable tableKind = iota
	roleTable
	permTable
)

type evKind uint8

const (
	evText evKind = iota
	evCode
	evOpen  // tag in name
	evClose // tag in name
)

// event is one thing seen inside a table cell; strings are offsets into the
// cell's arena, so a cell costs no allocation beyond the strings kept.
type event struct {
	kind   evKind
	tag    string // for evOpen/evClose: p, li, ul, h4, sup, a, blockquote
	s0, s1 int32  // text, or the first attribute (id, href)
	a0, a1 int32  // second attribute (data-text)
	line   int
}

type scanner struct {
	page *Page
	z    *html.Tokenizer
	line int
	errs []error

	tables    int // tables seen in the file, 1-based index of the current one
	depth     int // table nesting
	kind      tableKind
	headers   []string
	inTH      bool
	th        []byte
	row       int
	col       int
	inTD      bool
	tdLine    int
	inCode    bool
	codeStart int32
	arena     []byte
	events    []event
	rowCells  [2]cell
}

// cell is one finished cell of the current row.
type cell struct {
	events []event
	arena  []byte
	line   int
}

func (s *scanner) run() error {
	for {
		tt := s.z.Next()
		startLine := s.line
		s.line += bytes.Count(s.z.Raw(), []byte{'\n'})
		switch tt {
		case html.ErrorToken:
			if s.z.Err() == io.EOF {
				return nil
			}
			return fmt.Errorf("%s:%d: %w", s.page.File, startLine, s.z.Err())
		case html.StartTagToken, html.SelfClosingTagToken:
			s.start(startLine)
		case html.EndTagToken:
			s.end(startLine)
		case html.TextToken:
			s.text(startLine)
		}
	}
}

func (s *scanner) start(line int) {
	name, hasAttr := s.z.TagName()
	switch string(name) {
	case "table":
		s.depth++
		if s.depth == 1 {
			s.tables++
			s.kind, s.headers, s.row = otherTable, s.headers[:0], 0
		}
		return
	}
	if s.depth != 1 {
		return
	}
	switch string(name) {
	case "th":
		s.inTH, s.th = true, s.th[:0]
	case "tr":
		s.endRow() // an open row is closed by the next one
		s.col = -1
		if len(s.headers) > 0 && s.kind == otherTable {
			s.kind = classify(s.headers)
		}
	case "td":
		s.closeCell() // HTML may leave a cell open: the next one closes it
		s.col++
		s.inTD, s.tdLine = true, line
		s.arena, s.events = s.arena[:0], s.events[:0]
	case "code":
		if s.inTD {
			s.inCode, s.codeStart = true, int32(len(s.arena))
		}
	case "p", "li", "ul", "h4", "sup", "a", "blockquote":
		if !s.inTD || s.inCode {
			return
		}
		e := event{kind: evOpen, tag: tagName(name), line: line}
		for hasAttr {
			var k, v []byte
			k, v, hasAttr = s.z.TagAttr()
			switch string(k) {
			case "id", "href":
				e.s0 = int32(len(s.arena))
				s.arena = append(s.arena, v...)
				e.s1 = int32(len(s.arena))
			case "data-text":
				e.a0 = int32(len(s.arena))
				s.arena = append(s.arena, v...)
				e.a1 = int32(len(s.arena))
			}
		}
		s.events = append(s.events, e)
	}
}

// tagName returns the constant string for the tags cells record, so that an
// event costs no allocation.
func tagName(b []byte) string {
	for _, t := range [...]string{"p", "li", "ul", "h4", "sup", "a", "blockquote"} {
		if string(b) == t {
			return t
		}
	}
	return ""
}

func (s *scanner) end(line int) {
	name, _ := s.z.TagName()
	switch string(name) {
	case "table":
		if s.depth == 1 {
			s.endRow()
		}
		s.depth--
		return
	}
	if s.depth != 1 {
		return
	}
	switch string(name) {
	case "th":
		if s.inTH {
			s.headers = append(s.headers, string(fold(s.th)))
			s.inTH = false
		}
	case "code":
		if s.inCode {
			s.inCode = false
			s.events = append(s.events, event{kind: evCode, s0: s.codeStart, s1: int32(len(s.arena)), line: line})
		}
	case "td":
		s.closeCell()
	case "tr":
		s.endRow()
	case "p", "li", "ul", "h4", "sup", "a", "blockquote":
		if s.inTD && !s.inCode {
			s.events = append(s.events, event{kind: evClose, tag: tagName(name), line: line})
		}
	}
}

// closeCell keeps the open cell's events for its row.
func (s *scanner) closeCell() {
	if !s.inTD {
		return
	}
	s.inTD, s.inCode = false, false
	if s.col < 2 {
		c := &s.rowCells[s.col]
		c.events = append(c.events[:0], s.events...)
		c.arena = append(c.arena[:0], s.arena...)
		c.line = s.tdLine
	}
}

// endRow finishes the open data row, if any.
func (s *scanner) endRow() {
	s.closeCell()
	if s.col >= 0 && s.kind != otherTable {
		s.row++
		s.finishRow()
	}
	s.col = -1
}

func (s *scanner) text(line int) {
	t := s.z.Text()
	switch {
	case s.inTH:
		s.th = append(s.th, t...)
	case s.inCode:
		s.arena = appendNoSpace(s.arena, t)
	case s.inTD:
		if len(bytes.TrimSpace(t)) == 0 {
			return
		}
		e := event{kind: evText, s0: int32(len(s.arena)), line: line}
		s.arena = append(s.arena, t...)
		e.s1 = int32(len(s.arena))
		s.events = append(s.events, e)
	}
}

func classify(h []string) tableKind {
	if len(h) == 2 && h[0] == "Role" && h[1] == "Permissions" {
		return roleTable
	}
	if len(h) == 2 && h[0] == "Permission" && h[1] == "Included in roles" {
		return permTable
	}
	return otherTable
}

// errorf records an error at a cell of the current row.
func (s *scanner) errorf(c *cell, column, format string, args ...any) {
	s.errs = append(s.errs, fmt.Errorf("%s:%d: table %d (%s) row %d column %s: %s",
		s.page.File, c.line, s.tables, strings.Join(s.headers, " | "), s.row, column, fmt.Sprintf(format, args...)))
}

func (s *scanner) finishRow() {
	if s.col != 1 {
		s.errs = append(s.errs, fmt.Errorf("%s:%d: table %d (%s) row %d: %d cells, want 2",
			s.page.File, s.rowCells[0].line, s.tables, strings.Join(s.headers, " | "), s.row, s.col+1))
		return
	}
	pos := Pos{File: s.page.File, Line: s.rowCells[0].line, Table: s.tables, Row: s.row}
	switch s.kind {
	case roleTable:
		if r := s.roleCell(&s.rowCells[0], pos); r != nil {
			r.Permissions = s.permissionList(&s.rowCells[1])
			s.page.Roles = append(s.page.Roles, r)
		}
	case permTable:
		if pr := s.permCell(&s.rowCells[0], pos); pr != nil {
			pr.Roles = s.includedIn(&s.rowCells[1])
			s.page.Perms = append(s.page.Perms, pr)
		}
	}
}

func (c *cell) str(a, b int32) string { return string(c.arena[a:b]) }

// appendNoSpace appends b without any white space: Google inserts spaces at
// word-break points inside code text (roles/  storage.admin).
func appendNoSpace(dst, b []byte) []byte {
	for _, c := range b {
		if c != ' ' && c != '\n' && c != '\t' && c != '\r' {
			dst = append(dst, c)
		}
	}
	return dst
}

// fold collapses runs of white space to one space and trims the ends.
func fold(b []byte) []byte {
	out := make([]byte, 0, len(b))
	space := false
	for _, c := range b {
		if c == ' ' || c == '\n' || c == '\t' || c == '\r' {
			space = true
			continue
		}
		if space && len(out) > 0 {
			out = append(out, ' ')
		}
		space = false
		out = append(out, c)
	}
	return out
}
