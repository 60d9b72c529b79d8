package scopetable

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/permgen/permgen/internal/model"
)

// readTable turns grid number n (1-based, in page order) into a model.Table.
func readTable(file string, n int, g grid, sc int) (model.Table, []model.Diagnostic, []error) {
	// A table without a heading is named by its place so that positions stay
	// unambiguous.
	name := g.heading
	if name == "" {
		name = strconv.Itoa(n)
	}
	tpos := model.Pos{File: file, Table: name}
	col := func(c int) string {
		if c < len(g.header) && g.header[c] != "" {
			return g.header[c]
		}
		return strconv.Itoa(c + 1)
	}
	dc := descriptionColumn(g, sc)
	t := model.Table{Heading: g.heading, Columns: append([]string{}, g.header...), Pos: tpos}
	warns := columnWarnings(g, tpos, sc, dc, col)
	want := len(g.header)
	if want == 0 {
		want = width(g)
	}
	var errs []error
	for i, cells := range g.rows {
		rpos := tpos
		rpos.Row = i + 1
		row := model.Row{Pos: rpos}
		if len(cells) < want {
			errs = append(errs, model.Errorf(rpos, "row has only %d of %d cells (columns %s): add the missing cells or remove the row",
				len(cells), want, columnList(want, col)))
		}
		if len(g.header) > 0 && len(cells) > len(g.header) {
			warns = append(warns, model.Diagnostic{Pos: rpos, Code: "extra-cells",
				Msg: fmt.Sprintf("row has %d cells, the header %d", len(cells), len(g.header))})
		}
		if sc < len(cells) {
			pos := rpos.WithColumn(col(sc))
			switch s := cells[sc]; {
			case s == "":
				errs = append(errs, model.Errorf(pos, "empty scope cell: each row needs a namespace:verb name; fill it in or remove the row"))
			case !IsScope(s):
				errs = append(errs, model.Errorf(pos, "malformed scope %q: want namespace:verb, each part an ASCII letter followed by letters, digits, '_', '.' or '-' (e.g. %q)", s, "member:read"))
			}
			row.Fields = append(row.Fields, model.Field{Key: model.KeyScope, Text: cells[sc], Pos: pos})
		}
		if dc >= 0 && dc < len(cells) {
			row.Fields = append(row.Fields, model.Field{Key: model.KeyDescription, Text: cells[dc], Pos: rpos.WithColumn(col(dc))})
		}
		t.Rows = append(t.Rows, row)
	}
	return t, warns, errs
}

func columnList(n int, col func(int) string) string {
	names := make([]string, n)
	for c := range n {
		names[c] = col(c)
	}
	return strings.Join(names, ", ")
}

// columnWarnings reports the columns that are neither scope nor description, and a
// missing description column: not errors, but a sign that the vendor changed the
// page's layout.
func columnWarnings(g grid, tpos model.Pos, sc, dc int, col func(int) string) []model.Diagnostic {
	var warns []model.Diagnostic
	for c := range width(g) {
		if c != sc && c != dc {
			warns = append(warns, model.Diagnostic{Pos: tpos.WithColumn(col(c)), Code: "extra-column",
				Msg: "column ignored: a scope table is read as scope and description"})
		}
	}
	if dc < 0 {
		warns = append(warns, model.Diagnostic{Pos: tpos, Code: "no-description-column",
			Msg: "the table has no column besides the scopes; descriptions will be empty"})
	}
	return warns
}
