package tencentcam

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/permgen/permgen/internal/synth"
)

// sameAsTree scrapes page both ways, from the parsed tree (Scrape, the reader
// generated/ was made with) and from the tokens (ScrapeBytes), and fails unless
// the pages, or the errors, are the same. It reports whether the token reader
// read the page itself rather than handing it to the tree.
func sameAsTree(t *testing.T, name string, page []byte) bool {
	t.Helper()
	src := testSource(name)
	tree := func() (*goquery.Document, error) { return goquery.NewDocumentFromReader(bytes.NewReader(page)) }
	doc, err := tree()
	if err != nil {
		t.Fatalf("%s: parse: %v", name, err)
	}
	want, wantErr := Scrape(src, doc)
	got, gotErr := ScrapeBytes(src, page, tree)
	switch {
	case (wantErr == nil) != (gotErr == nil):
		t.Errorf("%s: tree error %v, token error %v", name, wantErr, gotErr)
	case wantErr != nil:
		if wantErr.Error() != gotErr.Error() {
			t.Errorf("%s: errors differ:\ntree:  %v\ntoken: %v", name, wantErr, gotErr)
		}
	default:
		if w, g := marshal(t, want), marshal(t, got); !bytes.Equal(w, g) {
			t.Errorf("%s: pages differ:\ntree:  %s\ntoken: %s", name, w, g)
		}
	}
	_, streamed := streamPage(page)
	return streamed
}

// TestStreamMatchesTreeOnPages: every page the tests hold and a synthetic corpus
// read the same both ways, and the token reader reads them itself (else this test
// would compare the tree with itself).
func TestStreamMatchesTreeOnPages(t *testing.T) {
	pages := map[string][]byte{}
	files, _ := filepath.Glob("testdata/*.html")
	bad, _ := filepath.Glob("testdata/bad/*.html")
	for _, f := range append(append(files, bad...), snapshot) {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		pages[f] = b
	}
	dir := filepath.Join(t.TempDir(), "corpus")
	if err := synth.Generate(dir, 7, 40, 25); err != nil {
		t.Fatal(err)
	}
	synthetic, _ := filepath.Glob(filepath.Join(dir, synth.Vendor, "*.html"))
	if len(synthetic) != 40 {
		t.Fatalf("%d synthetic pages, want 40", len(synthetic))
	}
	for _, f := range synthetic {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		pages[filepath.Base(f)] = b
	}
	for name, page := range pages {
		if !sameAsTree(t, name, page) {
			t.Errorf("%s: the token reader handed the page to the tree", name)
		}
	}
}

// snippets are what the mutations insert: each is something the token reader
// must either read as the tree does or hand to the tree.
var snippets = []string{
	"</p>", "<p>", "<table>", "</table>", "<td>", "</td>", "<tr>", "</tr>", "<th>x</th>", "<li>", "</li>",
	"<ul>", "<br>", "</br>", "<div>", "</div>", "<b>", "</b>", "<a href=x>", "</a>", "<h2>", "</h3>",
	"<h1>T</h1>", "text", " ", "&amp;", "<!-- c -->", "<title>t</title>", "<script>x<td>y</script>",
	"<svg><title>s</title></svg>", `<div class="J-markdown-box">`, `<div class="markdown-body">`,
	`<span id="main-content">`, "<tbody>", "<thead>", "<select>", "<pre>\nx</pre>", "<dd>", "<hr>",
	"<p/>", "<span>", "</span>", "<code>", "</code>", "<strong>", "<caption>", "<template>", "\x00",
	"<h3>接口</h3>", "<th>接口名</th>", "<td>qcs::ccc:::*</td>", "<p class=J-markdown-box>", "<body>", "</body>",
}

// mutate changes page at one to three places: a tag removed or doubled, or a
// snippet inserted at a tag.
func mutate(r *rand.Rand, page []byte) []byte {
	out := append([]byte(nil), page...)
	for range 1 + r.IntN(3) {
		start := r.IntN(len(out))
		i := bytes.IndexByte(out[start:], '<')
		if i < 0 {
			continue
		}
		i += start
		j := bytes.IndexByte(out[i:], '>')
		if j < 0 {
			continue
		}
		j += i + 1
		switch r.IntN(3) {
		case 0: // drop the tag
			out = append(out[:i:i], out[j:]...)
		case 1: // double it
			out = append(out[:j:j], append(append([]byte(nil), out[i:j]...), out[j:]...)...)
		default:
			s := snippets[r.IntN(len(snippets))]
			out = append(out[:i:i], append([]byte(s), out[i:]...)...)
		}
	}
	return out
}

// TestStreamMatchesTreeOnMutants: pages damaged at random read the same both
// ways. Most damage makes the token reader hand the page to the tree; the rest is
// damage it reads as the parser does (a dropped cell, text moved, a tag doubled
// where that changes nothing).
func TestStreamMatchesTreeOnMutants(t *testing.T) {
	var seeds [][]byte
	for _, f := range []string{snapshot, "testdata/intl.html", "testdata/zh_variants.html"} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		seeds = append(seeds, b)
	}
	r := rand.New(rand.NewPCG(21, 3))
	n := 500
	if testing.Short() {
		n = 100
	}
	streamed := 0
	for i := range n {
		page := mutate(r, seeds[i%len(seeds)])
		if sameAsTree(t, "mutant.html", page) {
			streamed++
		}
		if t.Failed() {
			t.Fatalf("mutant %d:\n%s", i, page)
		}
	}
	// Both outcomes must occur, or the mutations test nothing of the reader.
	if streamed == 0 || streamed == n {
		t.Errorf("%d of %d mutants read from the tokens; want some of each", streamed, n)
	}
	t.Logf("%d of %d mutants read from the tokens, the rest from the tree", streamed, n)
}

// FuzzStreamMatchesTree: any bytes read the same both ways.
func FuzzStreamMatchesTree(f *testing.F) {
	files, _ := filepath.Glob("testdata/*.html")
	bad, _ := filepath.Glob("testdata/bad/*.html")
	for _, in := range append(append(files, bad...), snapshot) {
		b, err := os.ReadFile(in)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, page []byte) {
		sameAsTree(t, "fuzz.html", page)
	})
}
