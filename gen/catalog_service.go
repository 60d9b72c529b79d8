package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/permgen/permgen/internal/bundled"
	"github.com/permgen/permgen/internal/pipeline"
	"github.com/permgen/permgen/internal/vendor"
	"github.com/permgen/permgen/internal/vendors/all"

	"github.com/permgen/permgen/internal/model"
)

// findService returns the short name of the service -service names. Prefixes are
// matched without regard to case, as IAM reads them ("S3" is s3); a name that is
// no service gets the nearest one, as ParseAction suggests actions.
func findService(services []*model.Service, want, in string) (string, error) {
	var names []string
	for _, s := range services {
		if s.ShortName == want {
			return want, nil
		}
		names = append(names, s.ShortName)
	}
	for _, n := range names {
		if strings.EqualFold(n, want) {
			return n, nil
		}
	}
	if s := nearestName(want, names); s != "" {
		return "", fmt.Errorf("no service %q in %s; did you mean %q?", want, in, s)
	}
	return "", fmt.Errorf("no service %q in %s", want, in)
}

// catalogServices reads the sources folder; when it is the default and does not
// exist (a module of your own, with no permgen sources/), the catalog compiled into
// permgen, said on stderr. Any other folder is read as it is, errors and all.
func catalogServices(in string, stderr io.Writer) (*pipeline.Model, error) {
	if _, err := os.Stat(in); in == defaultIn && errors.Is(err, fs.ErrNotExist) {
		b, err := bundled.Load()
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(stderr, "permgen catalog: no sources folder %s; printing the %s catalog compiled into permgen%s\n", in, bundledCatalogNames(), bundledDates(b))
		return &pipeline.Model{Services: b.Services}, nil
	}
	return pipeline.Load(pipeline.Options{In: in})
}

// bundledCatalogNames names the catalogs compiled into permgen, as the vendors
// that have one word it (vendor.Helper's "catalog", "bundled").
func bundledCatalogNames() string {
	names, _ := all.Vendors.Help("catalog", "bundled")
	return andList(names)
}

// bundledDates says the date of the compiled-in pages of each vendor whose
// bundle records one, as the vendor words it (vendor.PolicyWords.Bundled).
func bundledDates(b bundled.Bundle) string {
	out := ""
	for _, v := range all.Vendors {
		d, ok := v.(vendor.PolicyDialect)
		if !ok || d.PolicyWords().Bundled == nil {
			continue
		}
		for _, f := range v.Formats() {
			if date := b.Date(f.Name()); date != "" {
				out += d.PolicyWords().Bundled(date)
			}
		}
	}
	return out
}

// nearestName is the name of names nearest to want, for "did you mean": at the
// smallest byte edit distance ignoring ASCII case, the first of equals, and
// only when at most a third of want changed ("s33" finds "s3", "foo" nothing).
func nearestName(want string, names []string) string {
	want = strings.TrimPrefix(want, ":") // as an action's empty service prefix
	best, bestD := "", len(want)/3+1
	for _, n := range names {
		if d := editDistance(lowerASCII(want), lowerASCII(n)); d < bestD {
			best, bestD = n, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance of two strings, by bytes.
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

func lowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}
