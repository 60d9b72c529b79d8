package gcp

import (
	"bytes"
	"io"
	"strings"

	"golang.org/x/net/html"
)

// The support and deny pages as the site serves them (and gen fetch stores them)
// are HTML; the archive's copies are the Markdown Google's Developer Knowledge API
// renders from that HTML, which ReadSupport and ReadDeny read line by line. Rather
// than a second reader for each, liveLines renders the HTML back into those lines:
// a table of plain cells as pipe rows (the support table), a table whose cells hold
// paragraphs and lists as those blocks one a line (the deny page's service
// table), <code> in backticks, list items after "- ", quotes after "> ". A live
// page laid out otherwise fails the readers' own checks, so nothing is written.

// isLiveHTML tells a page stored from the site from an archive's Markdown, which
// starts with its front matter.
func isLiveHTML(data []byte) bool {
	head := bytes.ToLower(bytes.TrimSpace(data[:min(len(data), 512)]))
	return bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html"))
}

// liveLines renders an HTML page as the lines the Markdown readers take.
func liveLines(data []byte) []byte {
	w := &lineWriter{}
	z := html.NewTokenizer(bytes.NewReader(data))
	skip := 0 // inside script or style
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if z.Err() == io.EOF {
				w.flush()
				return w.out.Bytes()
			}
			return w.out.Bytes()
		case html.TextToken:
			if skip == 0 {
				w.text(z.Text())
			}
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, _ := z.TagName()
			tag, end := string(name), tt == html.EndTagToken
			switch {
			case tag == "script" || tag == "style":
				if tt == html.StartTagToken {
					skip++
				} else if end && skip > 0 {
					skip--
				}
			case skip > 0:
			default:
				w.tag(tag, end, tt == html.SelfClosingTagToken)
			}
		}
	}
}

// blockTags end the line being written, at their start and at their end.
var blockTags = map[string]bool{
	"p": true, "div": true, "li": true, "ul": true, "ol": true, "blockquote": true, "br": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true, "pre": true,
	"section": true, "article": true, "aside": true, "dl": true, "dt": true, "dd": true,
	"thead": true, "tbody": true, "caption": true,
}

type lineWriter struct {
	out    bytes.Buffer
	line   []byte
	bullet bool // the next line is a list item's
	quote  int  // blockquote depth
	tables int  // table depth; only the outermost is laid out
	rows   [][]liveCell
	cell   *liveCell
}

// liveCell is one table cell: its lines, and whether it is a header cell.
type liveCell struct {
	lines  []string
	header bool
}

// text appends b with each run of white space as one space.
func (w *lineWriter) text(b []byte) {
	for _, c := range b {
		if !isSpace(c) {
			w.line = append(w.line, c)
		} else if len(w.line) > 0 && w.line[len(w.line)-1] != ' ' {
			w.line = append(w.line, ' ')
		}
	}
}

func isSpace(c byte) bool { return c == ' ' || c == '\n' || c == '\t' || c == '\r' }

func (w *lineWriter) tag(tag string, end, selfClosing bool) {
	switch {
	case tag == "code":
		if end {
			w.line = bytes.TrimRight(w.line, " ")
		}
		w.line = append(w.line, '`')
	case tag == "table":
		w.flush()
		if !end {
			w.tables++
			return
		}
		if w.tables--; w.tables == 0 {
			w.emitTable()
		}
	case w.tables == 1 && tag == "tr":
		w.flush()
		if !end {
			w.rows = append(w.rows, nil)
		}
		w.cell = nil
	case w.tables == 1 && (tag == "td" || tag == "th"):
		w.flush()
		w.cell = nil
		if !end && len(w.rows) > 0 {
			row := &w.rows[len(w.rows)-1]
			*row = append(*row, liveCell{header: tag == "th"})
			w.cell = &(*row)[len(*row)-1]
		}
	case blockTags[tag]:
		w.flush()
		switch {
		case tag == "li" && !end:
			w.bullet = true
		case tag == "blockquote" && !end && !selfClosing:
			w.quote++
		case tag == "blockquote" && end && w.quote > 0:
			w.quote--
		}
	}
}

// flush ends the line being written: into the current cell inside a table, else
// into the output.
func (w *lineWriter) flush() {
	l := strings.TrimSpace(string(w.line))
	w.line = w.line[:0]
	if l == "" {
		return
	}
	if w.bullet {
		l, w.bullet = "- "+l, false
	}
	if w.quote > 0 {
		l = "> " + l
	}
	if w.tables > 0 {
		if w.cell != nil {
			w.cell.lines = append(w.cell.lines, l)
		}
		return
	}
	w.out.WriteString(l)
	w.out.WriteString("\n\n")
}

// emitTable writes the table's rows: as pipe rows when every cell is one line (a
// separator after a header row), else every cell's lines in order.
func (w *lineWriter) emitTable() {
	rows := w.rows
	w.rows, w.cell = nil, nil
	plain := true
	for _, r := range rows {
		for _, c := range r {
			plain = plain && len(c.lines) <= 1
		}
	}
	for i, r := range rows {
		if !plain {
			for _, c := range r {
				for _, l := range c.lines {
					w.out.WriteString(l)
					w.out.WriteString("\n\n")
				}
			}
			continue
		}
		if len(r) == 0 {
			continue
		}
		w.out.WriteString("|")
		header := true
		for _, c := range r {
			w.out.WriteString(" " + strings.ReplaceAll(strings.Join(c.lines, ""), "|", `\|`) + " |")
			header = header && c.header
		}
		w.out.WriteString("\n")
		if header && i == 0 {
			w.out.WriteString("|" + strings.Repeat(" --- |", len(r)) + "\n")
		}
	}
	w.out.WriteString("\n")
}
