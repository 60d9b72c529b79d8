package resolve

import (
	"fmt"
	"sort"
	"strings"

	"github.com/permgen/permgen/internal/model"
)

type named struct {
	name  string
	words []string
	pos   model.Pos
}

// typos flags a word used once on the page that is one edit (an insertion, deletion,
// substitution or swap of neighbours) from a word the page uses at least three times:
// a vendor typo ("Descibe" for "Describe", "permisisons" for "permissions"). Two
// edits would flag real words ("agent" and "agenda"); prefixes and plurals are not
// typos; short words are too alike to judge.
func typos(items []named, what string) []model.Diagnostic {
	freq := map[string]int{}
	for _, it := range items {
		for _, w := range it.words {
			freq[strings.ToLower(w)]++
		}
	}
	common := make([]string, 0, len(freq))
	for w, n := range freq {
		if n >= 3 && len(w) >= 4 {
			common = append(common, w)
		}
	}
	sort.Strings(common)
	var ds []model.Diagnostic
	for _, it := range items {
		for _, w := range it.words {
			lw := strings.ToLower(w)
			if freq[lw] != 1 || len(lw) < 5 {
				continue
			}
			best := ""
			for _, c := range common {
				if c[0] != lw[0] || strings.HasPrefix(c, lw) || strings.HasPrefix(lw, c) {
					continue
				}
				if editDistance(lw, c) == 1 && (best == "" || freq[c] > freq[best]) {
					best = c
				}
			}
			if best != "" {
				ds = append(ds, model.Diagnostic{Pos: it.pos, Code: "typo",
					Msg: fmt.Sprintf("%s %q: %q looks like a misspelling of %q (used %d times on the page); kept as the vendor spells it", what, it.name, w, best, freq[best])})
			}
		}
	}
	return ds
}

// editDistance is the optimal string alignment distance: insertions, deletions,
// substitutions and transpositions of neighbours each cost one.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}
