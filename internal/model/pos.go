package model

import (
	"fmt"
	"strings"
)

// Pos says where a piece of text was found, in the words a maintainer uses to find it
// again: the file, the table (by its heading as found), the data row (1-based, header
// rows not counted) and the column (by its header text as found). Any part may be
// unknown and is then left out of String.
type Pos struct {
	File   string `json:"file,omitempty"`
	Table  string `json:"table,omitempty"`
	Row    int    `json:"row,omitempty"`
	Column string `json:"column,omitempty"`
}

// String renders the position as "file: table T row R column C".
func (p Pos) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	var parts []string
	if p.Table != "" {
		parts = append(parts, "table "+p.Table)
	}
	if p.Row > 0 {
		parts = append(parts, fmt.Sprintf("row %d", p.Row))
	}
	if p.Column != "" {
		parts = append(parts, "column "+p.Column)
	}
	if len(parts) > 0 {
		if b.Len() > 0 {
			b.WriteString(": ")
		}
		b.WriteString(strings.Join(parts, " "))
	}
	return b.String()
}

// WithColumn returns p pointing at column c of the same row.
func (p Pos) WithColumn(c string) Pos { p.Column = c; return p }

// Error is bad input at a known place. Collect several with errors.Join so that one
// run reports all of them.
type Error struct {
	Pos Pos
	Msg string
}

func (e *Error) Error() string {
	if s := e.Pos.String(); s != "" {
		return s + ": " + e.Msg
	}
	return e.Msg
}

// Errorf returns an *Error at pos.
func Errorf(pos Pos, format string, args ...any) error {
	return &Error{Pos: pos, Msg: fmt.Sprintf(format, args...)}
}

// Diagnostic is an anomaly worth a maintainer's look that does not stop generation:
// a vendor inconsistency, a typo, a value corrected by an override. Lint prints them.
type Diagnostic struct {
	Pos  Pos    `json:"pos"`
	Code string `json:"code"` // short stable key, e.g. "empty-account", "shared-description"
	Msg  string `json:"msg"`
	// Fixed is the reason of the override that corrected it, empty when left as found.
	Fixed string `json:"fixed,omitempty"`
	// Subject names what the row holds, "action CreateStaff", when the position alone
	// (a row number) would leave the reader to look it up.
	Subject string `json:"subject,omitempty"`
}

func (d Diagnostic) String() string {
	s := d.Pos.String()
	if d.Subject != "" {
		s += " (" + d.Subject + ")"
	}
	if s != "" {
		s += ": "
	}
	s += d.Code + ": " + d.Msg
	if d.Fixed != "" {
		s += " (corrected by override: " + d.Fixed + ")"
	}
	return s
}
