// Package source reads the sources folder: the manifest that says where each
// snapshot came from and how to read it, the snapshots themselves, and the overrides
// that correct known errors in them.
package source

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/permgen/permgen/internal/model"
)

// ManifestFile and OverridesFile are the two bookkeeping files of a sources folder.
const (
	ManifestFile  = "manifest.json"
	OverridesFile = "overrides.json"
)

// ErrNoPages is Load's error for a folder without a single page: a vendor whose
// own files are not *.html pages (vendor.SourceFinisher) may still find services
// in it, so the pipeline tells this error from the others.
var ErrNoPages = errors.New("no pages (*.html) found")

// Manifest lists the snapshots with their provenance.
type Manifest struct {
	Pages []model.Source `json:"pages"`
}

// Page is one snapshot ready for scraping.
type Page struct {
	Source    model.Source
	HTML      []byte
	Overrides []model.Override
}

// Load reads every page below dir: those in the manifest with the facts it records,
// and any other *.html in a vendor folder with its format left for detection.
func Load(dir string) ([]Page, error) {
	if info, err := os.Stat(dir); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("sources folder %s does not exist; give the folder of your page snapshots with -in", dir)
		}
		return nil, err
	} else if !info.IsDir() {
		return nil, fmt.Errorf("sources folder %s is not a folder", dir)
	}
	// Both bookkeeping files are optional: missing, empty or {} mean no entries.
	var m Manifest
	if err := readJSON(filepath.Join(dir, ManifestFile), &m); err != nil {
		return nil, err
	}
	var ovs []model.Override
	if err := readJSON(filepath.Join(dir, OverridesFile), &ovs); err != nil {
		return nil, err
	}
	var errs []error
	listed := map[string]model.Source{}
	for i, s := range m.Pages {
		if s.Path == "" || path.Clean(s.Path) != s.Path || strings.HasPrefix(s.Path, "../") || path.IsAbs(s.Path) {
			errs = append(errs, fmt.Errorf("%s: pages[%d]: path %q must be a clean path below the sources folder", filepath.Join(dir, ManifestFile), i, s.Path))
			continue
		}
		if _, dup := listed[s.Path]; dup {
			errs = append(errs, fmt.Errorf("%s: pages[%d]: %s is listed twice", filepath.Join(dir, ManifestFile), i, s.Path))
		}
		listed[s.Path] = s
	}
	found, err := htmlFiles(dir)
	if err != nil {
		return nil, fmt.Errorf("read sources: %w", err)
	}
	for _, s := range m.Pages {
		if _, ok := listed[s.Path]; ok && !found[s.Path] {
			errs = append(errs, fmt.Errorf("%s: lists %s, which does not exist", filepath.Join(dir, ManifestFile), s.Path))
		}
	}
	paths := make([]string, 0, len(found))
	for p := range found {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	var pages []Page
	for _, p := range paths {
		src, ok := listed[p]
		if !ok {
			src = AWSPage(p)
		}
		vendor, _, nested := strings.Cut(p, "/")
		if !nested {
			errs = append(errs, fmt.Errorf("%s: a page belongs in a vendor folder, sources/<vendor>/", filepath.Join(dir, p)))
			continue
		}
		if src.Vendor == "" {
			src.Vendor = vendor
		}
		// The vendor and the file name become folders, import paths and comments of
		// generated code: keep them to what all of those accept.
		if !safeName.MatchString(src.Vendor) {
			errs = append(errs, fmt.Errorf("%s: vendor %q: use lower-case letters, digits, '.', '-' and '_'", filepath.Join(dir, filepath.FromSlash(p)), src.Vendor))
			continue
		}
		if bad := badPathElem(p); bad != "" {
			errs = append(errs, fmt.Errorf("%s: %q in the path: name pages and folders with letters, digits, '.', '-' and '_'", filepath.Join(dir, filepath.FromSlash(p)), bad))
			continue
		}
		src.File = filepath.Join(dir, filepath.FromSlash(p))
		html, err := os.ReadFile(src.File)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		page := Page{Source: src, HTML: html}
		for _, o := range ovs {
			if o.File == p {
				page.Overrides = append(page.Overrides, o)
			}
		}
		pages = append(pages, page)
	}
	for i, o := range ovs {
		if !found[o.File] {
			errs = append(errs, fmt.Errorf("%s: [%d]: override for %s, which does not exist", filepath.Join(dir, OverridesFile), i, o.File))
		}
		if strings.TrimSpace(o.Reason) == "" {
			errs = append(errs, fmt.Errorf("%s: [%d]: override %s has no reason; every correction must say why", filepath.Join(dir, OverridesFile), i, o))
		}
	}
	if len(pages) == 0 && len(errs) == 0 {
		errs = append(errs, fmt.Errorf("%s: %w", dir, ErrNoPages))
	}
	return pages, errors.Join(errs...)
}

var (
	safeName = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]*$`)
	safeElem = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)
)

// badPathElem returns the first element of a slash path that safeElem rejects.
func badPathElem(p string) string {
	for _, e := range strings.Split(p, "/") {
		if !safeElem.MatchString(e) {
			return e
		}
	}
	return ""
}

// readJSON decodes a bookkeeping file strictly, so a misspelt key is an error and
// not a silently ignored setting. A missing file, or one holding only white space,
// leaves v as it was: no entries.
func readJSON(file string, v any) error {
	data, err := os.ReadFile(file)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	return nil
}

// htmlFiles lists the pages below dir as slash paths relative to it. Each top-level
// entry is walked as a root of its own, so that a vendor folder may be a symbolic
// link (sources/aws -> a folder of pages as fetched); links deeper down are not
// followed.
func htmlFiles(dir string) (map[string]bool, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	found := map[string]bool{}
	isPage := func(p string) bool { return strings.HasSuffix(p, ".html") || strings.HasSuffix(p, ".htm") }
	for _, e := range entries {
		root := filepath.Join(dir, e.Name())
		if !e.IsDir() && isPage(root) {
			found[e.Name()] = true // reported below: a page belongs in a vendor folder
			continue
		}
		if e.Type()&fs.ModeSymlink != 0 {
			// A trailing separator makes WalkDir's Lstat of the root follow the link.
			if fi, err := os.Stat(root); err == nil && fi.IsDir() {
				root += string(filepath.Separator)
			}
		}
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() || !isPage(p) {
				return nil
			}
			rel, err := filepath.Rel(dir, p)
			if err != nil {
				return err
			}
			found[filepath.ToSlash(rel)] = true
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	return found, nil
}
