package diff

import "sort"

// pair is an old name and the new name it most likely became.
type pair struct{ old, new string }

// pairRenames pairs names that left with names that came whose signatures (what
// must be equal for a rename: description, resources ...) are equal. An empty
// signature never pairs: two actions with no description are not the same action.
// Within one signature the closest names pair first, ties broken by name, so the
// result depends on neither input order nor map order.
func pairRenames(gone, came []string, sigOld, sigNew func(string) string) []pair {
	bySig := map[string][]string{}
	for _, n := range came {
		if s := sigNew(n); s != "" {
			bySig[s] = append(bySig[s], n)
		}
	}
	type cand struct {
		pair
		dist int
	}
	var cands []cand
	for _, o := range gone {
		s := sigOld(o)
		if s == "" {
			continue
		}
		for _, n := range bySig[s] {
			cands = append(cands, cand{pair{o, n}, editDistance(o, n)})
		}
	}
	sort.Slice(cands, func(i, j int) bool {
		a, b := cands[i], cands[j]
		if a.dist != b.dist {
			return a.dist < b.dist
		}
		if a.old != b.old {
			return a.old < b.old
		}
		return a.new < b.new
	})
	usedOld, usedNew := map[string]bool{}, map[string]bool{}
	var out []pair
	for _, c := range cands {
		if usedOld[c.old] || usedNew[c.new] {
			continue
		}
		usedOld[c.old], usedNew[c.new] = true, true
		out = append(out, c.pair)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].old < out[j].old })
	return out
}

// editDistance is the Levenshtein distance in runes.
func editDistance(a, b string) int {
	x, y := []rune(a), []rune(b)
	prev := make([]int, len(y)+1)
	cur := make([]int, len(y)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(x); i++ {
		cur[0] = i
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(y)]
}
