package all

import (
	"go/scanner"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// onlyOwnPlaces are the vendors built on the registry alone, each with the
// spellings that name it and the only places whose Go code may: its package, its
// runtime templates, and this list. (AWS and Tencent Cloud are still named by
// the CLI's policy commands and a few other commands: stillNaming in
// neutral_test.go lists those files.)
var onlyOwnPlaces = []struct {
	vendor string
	names  []string // case-sensitive; "gcPause" is no GCP
	places []string // slash paths below the module root; a trailing / is a folder
}{
	{
		vendor: "gcp",
		names:  []string{"gcp", "GCP", "Gcp", "Google"},
		places: []string{
			"internal/vendors/gcp/",
			"templates/gcp/",
			"internal/vendors/all/", // the one list, and this test
			// The CLI's end-to-end tests of the vendor's own commands (gen diff
			// -vendor gcp, gen policy write -vendor gcp), which drive package main.
			"gen/gcp_test.go",
		},
	},
}

// TestOnlyOwnPlacesNameTheVendor proves issue 21's claim for the vendors above:
// no identifier, import path or string literal of any Go file of the module
// outside the vendor's own places names it (comments may: they explain).
// Generated trees are output, not code that chooses a vendor.
func TestOnlyOwnPlacesNameTheVendor(t *testing.T) {
	root, err := filepath.Abs("../../..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("module root: %v", err)
	}
	scanned := 0
	err = filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel := filepath.ToSlash(strings.TrimPrefix(p, root+string(filepath.Separator)))
		if d.IsDir() {
			if n := d.Name(); p != root && (strings.HasPrefix(n, ".") || n == "testdata" || rel == "generated") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(p, ".go") {
			return nil
		}
		src, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		scanned++
		for _, v := range onlyOwnPlaces {
			if inPlaces(rel, v.places) {
				continue
			}
			for _, hit := range namings(src, v.names) {
				t.Errorf("%s:%d: %s names vendor %s outside its places (%s)", rel, hit.line, hit.text, v.vendor, strings.Join(v.places, ", "))
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if scanned < 100 {
		t.Fatalf("scanned %d Go files below %s; the walk missed the module", scanned, root)
	}
}

func inPlaces(rel string, places []string) bool {
	for _, pl := range places {
		if rel == pl || strings.HasSuffix(pl, "/") && strings.HasPrefix(rel, pl) {
			return true
		}
	}
	return false
}

type naming struct {
	line int
	text string
}

// namings returns the identifiers and literals of src that contain one of names.
func namings(src []byte, names []string) []naming {
	fset := token.NewFileSet()
	f := fset.AddFile("", fset.Base(), len(src))
	var s scanner.Scanner
	s.Init(f, src, nil, 0) // comments skipped
	var out []naming
	for {
		pos, tok, lit := s.Scan()
		if tok == token.EOF {
			return out
		}
		if tok != token.IDENT && tok != token.STRING && tok != token.CHAR {
			continue
		}
		for _, n := range names {
			if strings.Contains(lit, n) {
				out = append(out, naming{line: f.Line(pos), text: lit})
				break
			}
		}
	}
}
