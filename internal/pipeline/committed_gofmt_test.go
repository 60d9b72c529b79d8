package pipeline

import (
	"bytes"
	"fmt"
	"go/format"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/permgen/permgen/internal/vendors/all"
)

// TestCommittedTreeGofmtCanonical is the one gofmt check of issue 21: the emitters
// write their Go preformatted and generation neither formats nor parses it, so
// every Go file of the committed generated/ tree, every vendor's, must be in
// gofmt's form here (a file that does not parse fails too). The tree is what
// `gen check` holds equal to a fresh render of the real sources.
func TestCommittedTreeGofmtCanonical(t *testing.T) {
	root := filepath.Join("..", "..", "generated")
	bad, perVendor, err := notGofmtCanonical(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range bad {
		t.Error(b)
	}
	// Not vacuous: each registered vendor's tree is there and was read.
	for _, v := range all.Vendors.Names() {
		if perVendor[v] == 0 {
			t.Errorf("generated/%s: no Go file checked", v)
		}
	}
	t.Logf("checked %v Go files per vendor folder", perVendor)
}

// The check itself fails on a misformatted file, on one that does not parse, and
// passes one in gofmt's form.
func TestNotGofmtCanonicalFinds(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{
		"v/good.go":        "package v\n\nvar x = T{\n\tA:      1,\n\tLonger: 2,\n}\n",
		"v/unaligned.go":   "package v\n\nvar x = T{\n\tA: 1,\n\tLonger: 2,\n}\n",
		"v/broken.go":      "package v\n\nfunc broken( {\n",
		"v/notgo.txt":      "package v\n\nvar  x = 1\n",
		"w/deep/spaces.go": "package deep\n\nvar  x = 1\n",
	}
	for name, text := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	bad, perVendor, err := notGofmtCanonical(root)
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(bad, "\n")
	for _, want := range []string{"v/unaligned.go: not in gofmt's form", "v/broken.go:", "w/deep/spaces.go: not in gofmt's form"} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in:\n%s", want, got)
		}
	}
	if len(bad) != 3 || strings.Contains(got, "good.go") || strings.Contains(got, "notgo.txt") {
		t.Errorf("want exactly the three bad Go files, got:\n%s", got)
	}
	if perVendor["v"] != 3 || perVendor["w"] != 1 {
		t.Errorf("files per folder: %v", perVendor)
	}
}

// notGofmtCanonical formats every .go file under root, on every core, and lists
// those gofmt would change or cannot parse (sorted, with the first differing
// line), and how many Go files each top folder held.
func notGofmtCanonical(root string) (bad []string, perVendor map[string]int, err error) {
	var paths []string
	perVendor = map[string]int{}
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".go") {
			return err
		}
		rel, _ := filepath.Rel(root, p)
		top, _, _ := strings.Cut(filepath.ToSlash(rel), "/")
		perVendor[top]++
		paths = append(paths, p)
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	var (
		mu   sync.Mutex
		wg   sync.WaitGroup
		next = make(chan string)
	)
	for range runtime.GOMAXPROCS(0) {
		wg.Go(func() {
			for p := range next {
				msg := checkGofmt(root, p)
				if msg != "" {
					mu.Lock()
					bad = append(bad, msg)
					mu.Unlock()
				}
			}
		})
	}
	for _, p := range paths {
		next <- p
	}
	close(next)
	wg.Wait()
	sort.Strings(bad)
	return bad, perVendor, nil
}

// checkGofmt is "" when the file p is in gofmt's form, else why not.
func checkGofmt(root, p string) string {
	rel, _ := filepath.Rel(root, p)
	rel = filepath.ToSlash(rel)
	src, err := os.ReadFile(p)
	if err != nil {
		return fmt.Sprintf("%s: %v", rel, err)
	}
	got, err := format.Source(src)
	if err != nil {
		return fmt.Sprintf("%s: %v", rel, err)
	}
	if !bytes.Equal(got, src) {
		return fmt.Sprintf("%s: not in gofmt's form: %s", rel, firstDiff(src, got))
	}
	return ""
}

// firstDiff shows the first line where the written text and gofmt's differ.
func firstDiff(a, b []byte) string {
	al, bl := strings.Split(string(a), "\n"), strings.Split(string(b), "\n")
	for i := 0; i < len(al) && i < len(bl); i++ {
		if al[i] != bl[i] {
			return fmt.Sprintf("line %d: written %q, gofmt %q", i+1, al[i], bl[i])
		}
	}
	return "lengths differ"
}
