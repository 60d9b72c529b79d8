package scopetable

import (
	"strings"
	"unicode/utf8"

	"github.com/permgen/permgen/internal/htmltext"
)

// scopeColumn returns the index of the table's scope column, or -1 when the table
// is not a scope table. The column is found by its values, not its header, because
// the header is translated (访问令牌类型, Access Token Type, Scope, 权限 ...) while the
// values are not: the column whose data cells match the scope grammar most often
// wins, if more than half of the data rows match. A few malformed cells therefore
// do not hide the table; they are reported by Scrape.
//
// A table holding a six-segment CAM resource (qcs:...) is never a scope table: its
// action cells ("ccc:CreateStaff" on some pages) have the same shape as scopes.
func scopeColumn(g grid) int {
	if len(g.rows) == 0 || hasCAMResource(g) {
		return -1
	}
	best, bestCount := -1, 0
	for c := range width(g) {
		n := 0
		for _, r := range g.rows {
			if c < len(r) && IsScope(r[c]) {
				n++
			}
		}
		if n > bestCount {
			best, bestCount = c, n
		}
	}
	if bestCount*2 <= len(g.rows) {
		return -1
	}
	return best
}

func hasCAMResource(g grid) bool {
	for _, r := range g.rows {
		for _, cell := range r {
			if strings.HasPrefix(cell, "qcs:") {
				return true
			}
		}
	}
	return false
}

// descriptionHeaders are header words, folded (htmltext.FoldHeader), that name a
// description column.
var descriptionHeaders = []string{"描述", "说明", "description", "含义", "meaning"}

// descriptionColumn picks the column that describes the scopes: the first whose
// header says so; else the only other column; else the other column holding the
// most text, since descriptions are prose. It returns -1 for a one-column table.
func descriptionColumn(g grid, scope int) int {
	for c, h := range g.header {
		if c == scope {
			continue
		}
		h = htmltext.FoldHeader(h)
		for _, w := range descriptionHeaders {
			if strings.Contains(h, w) {
				return c
			}
		}
	}
	best, bestLen := -1, -1
	for c := range width(g) {
		if c == scope {
			continue
		}
		n := 0
		for _, r := range g.rows {
			if c < len(r) {
				n += utf8.RuneCountInString(r[c])
			}
		}
		if n > bestLen {
			best, bestLen = c, n
		}
	}
	return best
}

// width is the number of columns any row reaches, header included.
func width(g grid) int {
	w := len(g.header)
	for _, r := range g.rows {
		w = max(w, len(r))
	}
	return w
}
