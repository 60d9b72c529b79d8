package write

import (
	"fmt"
	"math/rand"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/permgen/permgen/internal/golden"
)

func TestDiffGolden(t *testing.T) {
	numbered := func(from, to int, edit map[int]string) string {
		var b strings.Builder
		for i := from; i <= to; i++ {
			if s, ok := edit[i]; ok {
				b.WriteString(s)
				continue
			}
			fmt.Fprintf(&b, "line %d\n", i)
		}
		return b.String()
	}
	p := &Plan{
		Root: "out",
		Changes: []Change{
			{Path: "a/created.go", Kind: Create, New: []byte("// " + Marker + "\npackage a\n")},
			{
				// 2 stands alone; 12 and 19 are 2*context apart and share a
				// hunk; 27 and 35 are one line further apart and do not; the
				// last line loses its newline.
				Path: "b/updated.go", Kind: Update,
				Old: []byte(numbered(1, 40, nil)),
				New: []byte(numbered(1, 40, map[int]string{
					2: "line two\n", 12: "", 19: "line nineteen\nline 19.5\n", 27: "line twenty-seven\n",
					35: "line thirty-five\n", 40: "line 40",
				})),
			},
			{Path: "c/deleted.md", Kind: Delete, Old: []byte("<!-- " + Marker + " -->\n# Old\n")},
			{Path: "d/empty.json", Kind: Create, New: nil},
		},
		Unchanged: 12,
	}
	got := p.Diff() + "# " + p.Summary() + "\n"
	golden.File(t, filepath.Join("testdata", "diff.golden"), []byte(got))
	for _, c := range p.Changes {
		if c.Kind == Update {
			if back := applyHunks(t, c.Old, hunks(c.Old, c.New)); back != string(c.New) {
				t.Errorf("golden hunks for %s do not reproduce the new text", c.Path)
			}
		}
	}
}

func TestDiffIsDeterministic(t *testing.T) {
	p := &Plan{Changes: []Change{{Path: "x", Kind: Update, Old: []byte("a\nb\nc\nd\n"), New: []byte("d\nc\nb\na\n")}}}
	first := p.Diff()
	for range 20 {
		if got := p.Diff(); got != first {
			t.Fatalf("Diff changed between calls:\n%s\nthen\n%s", first, got)
		}
	}
}

func TestSummary(t *testing.T) {
	tests := []struct {
		plan Plan
		want string
	}{
		{Plan{Unchanged: 4}, "0 files changed, 4 unchanged"},
		{Plan{Changes: []Change{{Kind: Update}}}, "1 file changed (0 created, 1 updated, 0 deleted), 0 unchanged"},
		{Plan{Changes: []Change{{Kind: Create}, {Kind: Delete}, {Kind: Create}}, Unchanged: 1}, "3 files changed (2 created, 0 updated, 1 deleted), 1 unchanged"},
	}
	for _, tt := range tests {
		if got := tt.plan.Summary(); got != tt.want {
			t.Errorf("Summary() = %q, want %q", got, tt.want)
		}
	}
}

// hunks is the body of a unified diff without its file header.
func hunks(old, new []byte) string {
	var w strings.Builder
	writeHunks(&w, splitLines(old), splitLines(new))
	return w.String()
}

// applyHunks is a minimal patch(1) for the hunks writeHunks prints. It checks
// every header count, context and removed line against old, so a diff that
// is wrong in any of them fails here rather than producing plausible text.
func applyHunks(t *testing.T, old []byte, diff string) string {
	t.Helper()
	src := splitLines(old)
	lines := splitLines([]byte(diff))
	var out []string
	next := 0 // index of the next unconsumed line of src
	for i := 0; i < len(lines); {
		var aStart, aCount, bStart, bCount int
		if !parseHunkHeader(lines[i], &aStart, &aCount, &bStart, &bCount) {
			t.Fatalf("line %d: not a hunk header: %q", i+1, lines[i])
		}
		i++
		// An empty side names the line before the change; otherwise the first line.
		from := aStart - 1
		if aCount == 0 {
			from = aStart
		}
		if from < next {
			t.Fatalf("hunk at -%d overlaps or precedes the previous one", aStart)
		}
		out = append(out, src[next:from]...)
		next = from
		var gotA, gotB int
		for i < len(lines) && !strings.HasPrefix(lines[i], "@@") {
			kind, text := lines[i][0], lines[i][1:]
			i++
			if i < len(lines) && strings.HasPrefix(lines[i], "\\") {
				text = strings.TrimSuffix(text, "\n")
				i++
			}
			switch kind {
			case ' ', '-':
				if next >= len(src) || src[next] != text {
					t.Fatalf("hunk -%d: line %d of old is not %q", aStart, next+1, text)
				}
				next++
				gotA++
				if kind == ' ' {
					out = append(out, text)
					gotB++
				}
			case '+':
				out = append(out, text)
				gotB++
			default:
				t.Fatalf("unexpected line %q", lines[i-1])
			}
		}
		if gotA != aCount || gotB != bCount {
			t.Fatalf("hunk -%d,%d +%d,%d has %d old and %d new lines", aStart, aCount, bStart, bCount, gotA, gotB)
		}
	}
	out = append(out, src[next:]...)
	return strings.Join(out, "")
}

func parseHunkHeader(line string, aStart, aCount, bStart, bCount *int) bool {
	f := strings.Fields(line)
	if len(f) != 4 || f[0] != "@@" || f[3] != "@@" || f[1][0] != '-' || f[2][0] != '+' {
		return false
	}
	side := func(s string, start, count *int) bool {
		n, c, found := strings.Cut(s, ",")
		var err error
		if *start, err = strconv.Atoi(n); err != nil {
			return false
		}
		*count = 1
		if found {
			*count, err = strconv.Atoi(c)
		}
		return err == nil
	}
	return side(f[1][1:], aStart, aCount) && side(f[2][1:], bStart, bCount)
}

// lcsLen is the textbook dynamic program, the reference the Myers search
// must match in length.
func lcsLen(a, b []string) int {
	prev := make([]int, len(b)+1)
	for i := range a {
		cur := make([]int, len(b)+1)
		for j := range b {
			if a[i] == b[j] {
				cur[j+1] = prev[j] + 1
			} else {
				cur[j+1] = max(prev[j+1], cur[j])
			}
		}
		prev = cur
	}
	return prev[len(b)]
}

func checkLineDiff(t *testing.T, old, new []byte, shortest bool) {
	t.Helper()
	if d := hunks(old, old); d != "" {
		t.Fatalf("diff of %q with itself is not empty:\n%s", old, d)
	}
	d := hunks(old, new)
	if got := applyHunks(t, old, d); got != string(new) {
		t.Fatalf("patching %q with\n%s\ngives %q, want %q", old, d, got, new)
	}
	if !shortest {
		return
	}
	a, b := splitLines(old), splitLines(new)
	changed := 0
	for _, e := range lineEdits(a, b) {
		if e.kind != ' ' {
			changed++
		}
	}
	if want := len(a) + len(b) - 2*lcsLen(a, b); changed != want {
		t.Fatalf("%q -> %q: %d lines changed, shortest is %d", old, new, changed, want)
	}
}

func randomText(r *rand.Rand) []byte {
	alphabet := []string{"a\n", "b\n", "c\n", "d\n", "\n"}
	var b strings.Builder
	for range r.Intn(12) {
		b.WriteString(alphabet[r.Intn(len(alphabet))])
	}
	if r.Intn(4) == 0 {
		b.WriteString("tail") // no final newline
	}
	return []byte(b.String())
}

func TestLineDiffProperties(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for range 5000 {
		checkLineDiff(t, randomText(r), randomText(r), true)
	}
}

// TestLineDiffOverLimit takes the fallback that shows a heavily rewritten
// middle as removed and re-added: still a correct patch.
func TestLineDiffOverLimit(t *testing.T) {
	defer func(n int) { maxEdits = n }(maxEdits)
	maxEdits = 2
	r := rand.New(rand.NewSource(2))
	for range 2000 {
		checkLineDiff(t, randomText(r), randomText(r), false)
	}
	if d := hunks([]byte("x\na\nb\ny\n"), []byte("x\nc\nd\ny\n")); !strings.Contains(d, "-a\n-b\n+c\n+d\n") {
		t.Errorf("fallback hunk = %q, want the middle removed then added", d)
	}
}

func FuzzLineDiff(f *testing.F) {
	f.Add([]byte(""), []byte("a\n"))
	f.Add([]byte("a\nb\nc\n"), []byte("a\nc\n"))
	f.Add([]byte("a"), []byte("a\n"))
	f.Add([]byte("1\n2\n3\n4\n5\n6\n7\n8\n9\n"), []byte("1\nx\n3\n4\n5\n6\n7\n8\ny\n"))
	f.Add([]byte("\\\n@@\n-\n+\n"), []byte("+\n-\n@@\n"))
	f.Fuzz(func(t *testing.T, old, new []byte) {
		checkLineDiff(t, old, new, len(old)+len(new) < 200)
	})
}
