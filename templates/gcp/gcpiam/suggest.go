package gcpiam

import "strings"

// suggest returns the known name nearest to an unknown one among the names of
// indexes [lo, hi): a name differing only in case first, else the nearest by
// edit distance if within a quarter of the name's length. "" when nothing is near.
func suggest(name string, lo, hi int, nameOf func(int) string) string {
	for i := lo; i < hi; i++ {
		if strings.EqualFold(nameOf(i), name) {
			return nameOf(i)
		}
	}
	lower := strings.ToLower(name)
	best, bestDist := "", -1
	for i := lo; i < hi; i++ {
		n := nameOf(i)
		limit := max(1, min(len(lower), len(n))/4)
		if d := len(lower) - len(n); d > limit || -d > limit {
			continue
		}
		if d := editDistance(lower, strings.ToLower(n)); d <= limit && (bestDist < 0 || d < bestDist) {
			best, bestDist = n, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance over bytes: the names are ASCII.
func editDistance(a, b string) int {
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
