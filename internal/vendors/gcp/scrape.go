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
// with page chrome): both carry the same h4 classes.
func DetectRoles(data []byte) bool {
	return bytes.Contains(data, []byte(`class="role-title`)) ||
		bytes.Contains(data, []byte(`class="permission-name`)) ||
		(bytes.Contains(data, []byte("/iam/docs/roles-permissions/")) && bytes.Contains(data, []byte(noPermissionsSentence)))
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

// roleCell reads the Role cell: title and Beta marker from the h4, the id from
// the code that starts with roles/, the description paragraphs, the lowest-level
// resources, and the service-agent warning.
func (s *scanner) roleCell(c *cell, pos Pos) *Role {
	r := &Role{Stage: GA, Page: s.page.Name, Pos: pos, HasRow: true}
	var (
		h4ID                   string
		desc                   []string
		inH4, inSup, inBQ, inP int
		inLi                   int
		afterMarker, sawH4     bool
		titleB, bq, para, li   []byte
	)
	for _, e := range c.events {
		switch e.kind {
		case evOpen:
			switch e.tag {
			case "h4":
				inH4++
				if !sawH4 {
					h4ID = c.str(e.s0, e.s1)
				}
				sawH4 = true
			case "sup":
				inSup++
			case "blockquote":
				inBQ++
				bq = bq[:0]
			case "p":
				inP++
				para = para[:0]
			case "li":
				inLi++
				li = li[:0]
			}
		case evClose:
			switch e.tag {
			case "h4":
				inH4--
			case "sup":
				inSup--
			case "blockquote":
				inBQ--
				t := string(fold(bq))
				if strings.Contains(strings.ToLower(t), "grant service agent roles") {
					r.ServiceAgent = true
				} else if t != "" {
					desc = append(desc, t)
				}
			case "p":
				inP--
				if inBQ > 0 {
					continue
				}
				switch f := string(fold(para)); f {
				case "", "(", ")", "( )":
					// the parentheses around the role id
				case lowestLevelMarker:
					afterMarker = true
				default:
					desc = append(desc, f)
				}
			case "li":
				inLi--
				if f := string(fold(li)); f != "" && inBQ == 0 {
					if afterMarker {
						r.Resources = append(r.Resources, f)
					} else {
						desc = append(desc, "- "+f)
					}
				}
			}
		case evCode:
			code := c.str(e.s0, e.s1)
			switch {
			case inBQ > 0:
				bq = append(append(bq, ' '), code...)
			case r.ID == "" && strings.HasPrefix(code, "roles/"):
				r.ID = code
			case inP > 0:
				para = append(append(para, ' '), code...)
			}
		case evText:
			t := c.arena[e.s0:e.s1]
			switch {
			case inBQ > 0:
				bq = append(append(bq, ' '), t...)
			case inH4 > 0 && inSup > 0:
				if string(fold(t)) == "Beta" {
					r.Stage = Beta
				} else {
					s.errorf(c, "Role", "unknown marker <sup>%s</sup> in the title; known: Beta", fold(t))
				}
			case inH4 > 0:
				titleB = append(titleB, t...)
			case inLi > 0:
				li = append(append(li, ' '), t...)
			case inP > 0:
				para = append(append(para, ' '), t...)
			case afterMarker:
				// BigQuery's bare lines; "These resources within a dataset:" labels
				// the nested list that follows and is not itself a resource.
				for _, l := range strings.Split(string(t), "\n") {
					if l = strings.TrimSpace(l); l != "" && !strings.HasSuffix(l, ":") {
						r.Resources = append(r.Resources, string(fold([]byte(l))))
					}
				}
			}
		}
	}
	r.Title = string(fold(titleB))
	r.Description = strings.Join(desc, "\n\n")
	switch {
	case !sawH4:
		s.errorf(c, "Role", "no <h4> role title")
		return nil
	case r.ID == "":
		s.errorf(c, "Role", "no role id (a <code> starting with roles/)")
		return nil
	case !validRoleID(r.ID):
		s.errorf(c, "Role", "role id %q is not roles/<service>.<name> or roles/<name>", r.ID)
		return nil
	case h4ID != strings.TrimPrefix(r.ID, "roles/"):
		s.errorf(c, "Role", "h4 id %q does not match role id %s", h4ID, r.ID)
		return nil
	case r.Title == "":
		s.errorf(c, "Role", "empty title for %s", r.ID)
		return nil
	}
	return r
}

// permissionList reads a role's Permissions cell: every <code> that names a
// permission; group headers (x.y.* and gcp.redisenterprise.com/*) are not
// permissions.
func (s *scanner) permissionList(c *cell) []string {
	var ps []string
	inBQ := 0
	for _, e := range c.events {
		switch {
		case e.kind == evOpen && e.tag == "blockquote":
			inBQ++
		case e.kind == evClose && e.tag == "blockquote":
			inBQ--
		case e.kind == evCode && inBQ == 0:
			name := c.str(e.s0, e.s1)
			if strings.HasSuffix(name, "*") {
				continue
			}
			if !validPermission(name) {
				s.errorf(c, "Permissions", "%q is not a permission name (service.resource.verb)", name)
				continue
			}
			ps = append(ps, name)
		}
	}
	return ps
}

// permCell reads the Permission cell: the name from the h4's data-text, which
// must agree with the code text (the id replaces '/' with '_' and is not used).
func (s *scanner) permCell(c *cell, pos Pos) *PermRow {
	var dataText, code string
	for _, e := range c.events {
		switch {
		case e.kind == evOpen && e.tag == "h4" && dataText == "":
			dataText = string(appendNoSpace(nil, c.arena[e.a0:e.a1]))
		case e.kind == evCode && code == "":
			code = c.str(e.s0, e.s1)
		}
	}
	name := dataText
	if name == "" {
		name = code
	}
	switch {
	case name == "":
		s.errorf(c, "Permission", "no permission name (h4 data-text or code)")
		return nil
	case code != "" && dataText != "" && code != dataText:
		s.errorf(c, "Permission", "h4 data-text %q and code %q disagree", dataText, code)
		return nil
	case !validPermission(name):
		s.errorf(c, "Permission", "%q is not a permission name (service.resource.verb)", name)
		return nil
	}
	return &PermRow{Name: name, Pos: pos}
}

// includedIn reads "Included in roles": each role is a link (title, defining
// page) followed by a code holding its id; the notes in blockquotes hold other
// codes (BigQuery's WRITER), which are not roles.
func (s *scanner) includedIn(c *cell) []RoleRef {
	var (
		refs       []RoleRef
		href       string
		link       []byte
		inA, inBQ  int
		afterLabel bool
		inP        int
		pText      []byte
	)
	for _, e := range c.events {
		switch e.kind {
		case evOpen:
			switch e.tag {
			case "a":
				inA++
				href, link = c.str(e.s0, e.s1), link[:0]
			case "blockquote":
				inBQ++
			case "p":
				inP++
				pText = pText[:0]
			case "li":
				href, link = "", link[:0]
			}
		case evClose:
			switch e.tag {
			case "a":
				inA--
			case "blockquote":
				inBQ--
			case "p":
				inP--
				if string(fold(pText)) == serviceAgentLabel {
					afterLabel = true
				}
				href, link = "", link[:0]
			}
		case evText:
			t := c.arena[e.s0:e.s1]
			if inA > 0 {
				link = append(link, t...)
			}
			if inP > 0 {
				pText = append(pText, t...)
			}
		case evCode:
			id := c.str(e.s0, e.s1)
			if inBQ > 0 || !strings.HasPrefix(id, "roles/") {
				continue
			}
			if !validRoleID(id) && !basicRole(id) {
				s.errorf(c, "Included in roles", "role id %q is not roles/<service>.<name> or roles/<name>", id)
				continue
			}
			refs = append(refs, RoleRef{ID: id, Title: string(fold(link)), Page: linkPage(href), ServiceAgent: afterLabel})
		}
	}
	return refs
}

// linkPage returns the page a role link points to: the last path element before
// the fragment.
func linkPage(href string) string {
	href, _, _ = strings.Cut(href, "#")
	if i := strings.LastIndexByte(href, '/'); i >= 0 {
		return href[i+1:]
	}
	return href
}

func basicRole(id string) bool {
	return id == "roles/owner" || id == "roles/editor" || id == "roles/viewer"
}

// validRoleID accepts roles/<service>.<name>, and roles/<name> (roles/browser,
// the basic roles), with the characters Google uses.
func validRoleID(id string) bool {
	rest, ok := strings.CutPrefix(id, "roles/")
	if !ok || rest == "" || strings.HasPrefix(rest, ".") || strings.HasSuffix(rest, ".") {
		return false
	}
	for i := 0; i < len(rest); i++ {
		c := rest[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-') {
			return false
		}
	}
	return true
}

// validPermission accepts service.resource.verb, where service may be a domain
// with a path (iam.googleapis.com/oauthClients.get).
func validPermission(n string) bool {
	if strings.Count(n, ".") < 2 && !(strings.Contains(n, "/") && strings.Count(n, ".") >= 1) {
		return false
	}
	if n[0] == '.' || n[len(n)-1] == '.' {
		return false
	}
	for i := 0; i < len(n); i++ {
		c := n[i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-' || c == '/') {
			return false
		}
	}
	return true
}

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
