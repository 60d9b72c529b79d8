package all

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"
)

// neutralPackages are the stages every vendor passes through and the CLI: the
// places issue 21 wants to name no vendor, so that a new vendor is a package of
// its own and one line in Vendors. Their tests may use a vendor's pages as
// fixtures; their code may not choose by vendor.
var neutralPackages = []string{
	"internal/emit", "internal/resolve", "internal/gowrite", "internal/pipeline",
	"internal/history", "internal/write", "internal/diff", "internal/vendor", "gen",
}

// stillNaming are the files of neutralPackages whose code still names a vendor,
// each with why. The list only shrinks: a file that no longer names one must
// leave it (the test says so), and a file not listed may not start.
var stillNaming = map[string]string{
	// None left: the policy commands, diff's archives, lint -operations, the
	// summaries and the help texts ask the registry (issue 21).
}

// vendorNames are the spellings that name one of the vendors of Vendors. A
// short one counts only as a word of its own ("cam", "cam.Action", "tencentcloud/cam"),
// not inside another ("came").
var vendorNames = []struct {
	name string
	word bool
}{
	{"aws", false}, {"AWS", false}, {"Aws", false},
	{"tencent", false}, {"Tencent", false}, {"CAM", true}, {"Cam", true}, {"cam", true}, {"qcs", true},
	{"stella", false}, {"Stella", false},
	{"gcp", false}, {"GCP", false}, {"Google", false},
}

// TestNeutralPackagesNameNoVendor: no identifier, import path or string literal
// of the code (tests aside) of the vendor-neutral packages names a vendor, but
// for the files listed in stillNaming.
func TestNeutralPackagesNameNoVendor(t *testing.T) {
	root := "../../.."
	named := map[string]bool{}
	scanned := 0
	for _, pkg := range neutralPackages {
		files, err := filepath.Glob(filepath.Join(root, pkg, "*.go"))
		if err != nil || len(files) == 0 {
			t.Fatalf("%s: no Go files (%v)", pkg, err)
		}
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			scanned++
			rel := filepath.ToSlash(strings.TrimPrefix(f, root+string(filepath.Separator)))
			for _, h := range vendorNamings(src) {
				named[rel] = true
				if _, ok := stillNaming[rel]; !ok {
					t.Errorf("%s:%d: %s names a vendor; a vendor's code belongs in internal/vendors/<name>", rel, h.line, h.text)
				}
			}
		}
	}
	if scanned < 50 {
		t.Fatalf("scanned %d files; the walk missed the packages", scanned)
	}
	var stale []string
	for f := range stillNaming {
		if !named[f] {
			stale = append(stale, f)
		}
	}
	sort.Strings(stale)
	for _, f := range stale {
		t.Errorf("%s names no vendor any more: remove it from stillNaming", f)
	}
}

func vendorNamings(src []byte) []naming {
	var out []naming
	seen := map[naming]bool{}
	for _, n := range vendorNames {
		for _, h := range namings(src, []string{n.name}) {
			if (!n.word || hasWord(h.text, n.name)) && !seen[h] {
				seen[h] = true
				out = append(out, h)
			}
		}
	}
	return out
}

// hasWord reports whether w occurs in s with no letter on either side.
func hasWord(s, w string) bool {
	for i := 0; ; {
		j := strings.Index(s[i:], w)
		if j < 0 {
			return false
		}
		j += i
		before := j == 0 || !unicode.IsLetter(rune(s[j-1]))
		end := j + len(w)
		after := end == len(s) || !unicode.IsLetter(rune(s[end]))
		if before && after {
			return true
		}
		i = j + 1
	}
}
