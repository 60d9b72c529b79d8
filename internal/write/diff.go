package write

import (
	"fmt"
	"strings"
)

// contextLines is how many unchanged lines surround each change, as with
// diff -u.
const contextLines = 3

// maxEdits bounds the search for a shortest edit script. The search keeps
// O(D²) state for D edits, so a file rewritten beyond this is shown as its
// differing middle removed and re-added whole: still a correct diff, only
// not the shortest. A variable so tests can reach that path with small input.
var maxEdits = 1000

// Diff renders every change as a unified diff (git's a/ and b/ prefixes,
// /dev/null for a created or deleted side), in path order.
func (p *Plan) Diff() string {
	var w strings.Builder
	for _, c := range p.Changes {
		from, to := "a/"+c.Path, "b/"+c.Path
		switch c.Kind {
		case Create:
			from = "/dev/null"
		case Delete:
			to = "/dev/null"
		}
		fmt.Fprintf(&w, "--- %s\n+++ %s\n", from, to)
		writeHunks(&w, splitLines(c.Old), splitLines(c.New))
	}
	return w.String()
}

// splitLines cuts after every newline; each line keeps its "\n", so a last
// line without one stays distinguishable.
func splitLines(data []byte) []string {
	var lines []string
	s := string(data)
	for s != "" {
		i := strings.IndexByte(s, '\n') + 1
		if i == 0 {
			i = len(s)
		}
		lines = append(lines, s[:i])
		s = s[i:]
	}
	return lines
}

// edit is one line of the edit script: kind is ' ' (kept), '-' or '+'; a and
// b are the positions in the old and new lines where it happens.
type edit struct {
	kind byte
	a, b int
}

// lineEdits returns an edit script turning a into b, with the removals of
// each changed region before its additions, as diff -u prints them.
func lineEdits(a, b []string) []edit {
	ids := map[string]int{}
	intern := func(lines []string) []int {
		out := make([]int, len(lines))
		for i, l := range lines {
			id, ok := ids[l]
			if !ok {
				id = len(ids)
				ids[l] = id
			}
			out[i] = id
		}
		return out
	}
	x, y := intern(a), intern(b)

	// The shared head and tail cost nothing to find and keep the expensive
	// search to the part that really differs.
	pre := 0
	for pre < len(x) && pre < len(y) && x[pre] == y[pre] {
		pre++
	}
	suf := 0
	for suf < len(x)-pre && suf < len(y)-pre && x[len(x)-1-suf] == y[len(y)-1-suf] {
		suf++
	}
	var matches [][2]int
	for i := 0; i < pre; i++ {
		matches = append(matches, [2]int{i, i})
	}
	for _, m := range shortestMatches(x[pre:len(x)-suf], y[pre:len(y)-suf]) {
		matches = append(matches, [2]int{m[0] + pre, m[1] + pre})
	}
	for i := suf; i > 0; i-- {
		matches = append(matches, [2]int{len(x) - i, len(y) - i})
	}

	var edits []edit
	i, j := 0, 0
	changeUpTo := func(toA, toB int) {
		for ; i < toA; i++ {
			edits = append(edits, edit{'-', i, j})
		}
		for ; j < toB; j++ {
			edits = append(edits, edit{'+', i, j})
		}
	}
	for _, m := range matches {
		changeUpTo(m[0], m[1])
		edits = append(edits, edit{' ', i, j})
		i, j = i+1, j+1
	}
	changeUpTo(len(x), len(y))
	return edits
}

// shortestMatches returns the pairs of equal lines kept by a shortest edit
// script (Myers' greedy O(ND) algorithm), in order; nil when a and b share
// nothing or differ by more than maxEdits.
func shortestMatches(a, b []int) [][2]int {
	n, m := len(a), len(b)
	if n == 0 || m == 0 {
		return nil
	}
	limit := min(n+m, maxEdits)
	off := limit + 1
	// v[off+k] is the furthest x reached on diagonal k = x-y.
	v := make([]int, 2*limit+3)
	// trace[d] holds v for diagonals -d-1..d+1 as it was before round d,
	// which is all the backtrack needs from that round.
	var trace [][]int
	for d := 0; d <= limit; d++ {
		trace = append(trace, append([]int(nil), v[off-d-1:off+d+2]...))
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || (k != d && v[off+k-1] < v[off+k+1]) {
				x = v[off+k+1] // step down: one line added
			} else {
				x = v[off+k-1] + 1 // step right: one line removed
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x, y = x+1, y+1
			}
			v[off+k] = x
			if x >= n && y >= m {
				return backtrack(trace, n, m)
			}
		}
	}
	return nil
}

func backtrack(trace [][]int, n, m int) [][2]int {
	var matches [][2]int
	x, y := n, m
	for d := len(trace) - 1; d > 0; d-- {
		w := trace[d]
		at := func(k int) int { return w[k+d+1] }
		k := x - y
		pk := k - 1
		if k == -d || (k != d && at(k-1) < at(k+1)) {
			pk = k + 1
		}
		px := at(pk)
		py := px - pk
		for x > px && y > py {
			x, y = x-1, y-1
			matches = append(matches, [2]int{x, y})
		}
		x, y = px, py
	}
	for x > 0 && y > 0 {
		x, y = x-1, y-1
		matches = append(matches, [2]int{x, y})
	}
	for i, j := 0, len(matches)-1; i < j; i, j = i+1, j-1 {
		matches[i], matches[j] = matches[j], matches[i]
	}
	return matches
}

// writeHunks prints the @@ hunks turning a into b; nothing when they are
// equal. Changes closer than twice the context share one hunk, as their
// contexts would otherwise touch or overlap.
func writeHunks(w *strings.Builder, a, b []string) {
	edits := lineEdits(a, b)
	for i := 0; i < len(edits); {
		for i < len(edits) && edits[i].kind == ' ' {
			i++
		}
		if i == len(edits) {
			return
		}
		start := max(i-contextLines, 0)
		end := i
		for {
			for end < len(edits) && edits[end].kind != ' ' {
				end++
			}
			next := end
			for next < len(edits) && edits[next].kind == ' ' {
				next++
			}
			if next == len(edits) || next-end > 2*contextLines {
				break
			}
			end = next
		}
		stop := min(end+contextLines, len(edits))
		writeHunk(w, a, b, edits[start:stop])
		i = stop
	}
}

func writeHunk(w *strings.Builder, a, b []string, h []edit) {
	var na, nb int
	for _, e := range h {
		if e.kind != '+' {
			na++
		}
		if e.kind != '-' {
			nb++
		}
	}
	fmt.Fprintf(w, "@@ -%s +%s @@\n", hunkRange(h[0].a, na), hunkRange(h[0].b, nb))
	for _, e := range h {
		var line string
		if e.kind == '+' {
			line = b[e.b]
		} else {
			line = a[e.a]
		}
		w.WriteByte(e.kind)
		w.WriteString(line)
		if !strings.HasSuffix(line, "\n") {
			w.WriteString("\n\\ No newline at end of file\n")
		}
	}
}

// hunkRange prints a hunk side the way diff -u does: the first line counted
// from 1, the count left out when it is 1, and for an empty side the line
// after which the change happens.
func hunkRange(start, count int) string {
	switch count {
	case 0:
		return fmt.Sprintf("%d,0", start)
	case 1:
		return fmt.Sprintf("%d", start+1)
	}
	return fmt.Sprintf("%d,%d", start+1, count)
}
