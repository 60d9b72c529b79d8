package scopes

import (
	"strings"
	"unicode/utf8"
)

// suggest returns the known name nearest to an unknown one, for error messages: a
// name differing only in case first (member:togglelivechat), else the name at the
// smallest edit distance ignoring case, if that distance is small for the name's
// length (a quarter of it, at least 1), so that "member:write" is not answered
// with "member:read". Ties go to the first name in sorted order. It returns "" when
// nothing is near.
func suggest(name string) string {
	for _, n := range scopeNames {
		if strings.EqualFold(n, name) {
			return n
		}
	}
	lower := []rune(strings.ToLower(name))
	best, bestDist := "", -1
	for _, n := range scopeNames {
		limit := max(1, min(len(lower), utf8.RuneCountInString(n))/4)
		// The length difference bounds the distance from below: skipping on it keeps
		// a huge input from costing a full comparison with every name.
		if d := len(lower) - utf8.RuneCountInString(n); d > limit || -d > limit {
			continue
		}
		d := editDistance(lower, []rune(strings.ToLower(n)))
		if d <= limit && (bestDist < 0 || d < bestDist) {
			best, bestDist = n, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance between a and b: the fewest insertions,
// deletions and substitutions of one rune that turn a into b.
func editDistance(a, b []rune) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
