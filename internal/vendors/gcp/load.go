package gcp

import (
	"archive/tar"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"

	"github.com/permgen/permgen/internal/work"
)

// File is one page's bytes and the name errors cite.
type File struct {
	Name string
	Data []byte
}

// LoadDir reads a sources folder of GCP pages (sources/gcp): every *.md and
// *.html file, its format detected from its content. A file of no known format
// is an error, so that a stray file is not silently ignored.
func LoadDir(dir string) (*Catalog, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var files []File
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || !(strings.HasSuffix(n, ".md") || strings.HasSuffix(n, ".html")) {
			continue
		}
		data, err := os.ReadFile(filepath.Join(dir, n))
		if err != nil {
			return nil, err
		}
		files = append(files, File{Name: filepath.Join(dir, n), Data: data})
	}
	return Load(files)
}

// LoadArchive reads a snapshot archive as apstndb/iam-docs-mirror lays it out
// (.tar.gz): the catalog pages under …/iam/docs/roles-permissions/ and the two
// support pages; the rest of the archive is not read.
func LoadArchive(file string) (*Catalog, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	tr := tar.NewReader(zr)
	var files []File
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", file, err)
		}
		p := path.Clean(h.Name)
		dir, base := path.Split(p)
		keep := strings.HasSuffix(dir, "/iam/docs/roles-permissions/") && strings.HasSuffix(base, ".md") ||
			strings.HasSuffix(p, "/iam/docs/custom-roles-permissions-support.md") ||
			strings.HasSuffix(p, "/iam/docs/deny-permissions-support.md")
		if !keep || h.Typeflag != tar.TypeReg {
			continue
		}
		data, err := io.ReadAll(tr)
		if err != nil {
			return nil, fmt.Errorf("%s: %s: %w", file, p, err)
		}
		files = append(files, File{Name: file + ":" + base, Data: data})
	}
	return Load(files)
}

// Read scrapes the files without joining them: every error of every file is
// returned together, in file name order.
func Read(files []File) (*Sources, error) {
	sort.Slice(files, func(i, j int) bool { return files[i].Name < files[j].Name })
	parts := make([]*part, len(files))
	errs := make([]error, len(files))
	work.Each(len(files), func(i int) { parts[i], errs[i] = readFile(files[i]) })
	src := &Sources{}
	for i, pt := range parts {
		if pt != nil {
			errs[i] = src.add(pt)
		}
	}
	return src.complete(errs)
}

// part is one page read and not yet joined: a roles-and-permissions page, the
// custom-role support page's levels or the deny page's entries (format says which).
type part struct {
	file    string
	format  string
	roles   *Page
	support map[string]Support
	deny    []DenyEntry
}

// readFile reads one page with the format its content shows.
func readFile(f File) (*part, error) {
	pt := &part{file: f.Name}
	var err error
	switch {
	case DetectRoles(f.Data):
		pt.format = FormatRoles
		pt.roles, err = ScrapePage(f.Name, f.Data)
	case DetectSupport(f.Data):
		pt.format = FormatSupport
		pt.support, err = ReadSupport(f.Name, f.Data)
	case DetectDeny(f.Data):
		pt.format = FormatDeny
		pt.deny, err = ReadDeny(f.Name, f.Data)
	default:
		return nil, fmt.Errorf("%s: not a Google Cloud IAM page this reader knows (roles and permissions, custom-role support, deny permissions)", f.Name)
	}
	if err != nil {
		return nil, err
	}
	return pt, nil
}

// join gathers parts read elsewhere (the registry's formats) into one snapshot's
// sources, in file name order.
func join(parts []*part) (*Sources, error) {
	parts = slices.Clone(parts)
	sort.SliceStable(parts, func(i, j int) bool { return parts[i].file < parts[j].file })
	src := &Sources{}
	errs := make([]error, len(parts))
	for i, pt := range parts {
		errs[i] = src.add(pt)
	}
	return src.complete(errs)
}

// add takes one part: one support page and one deny page at most.
func (src *Sources) add(pt *part) error {
	switch pt.format {
	case FormatRoles:
		src.Pages = append(src.Pages, pt.roles)
	case FormatSupport:
		if src.SupportFile != "" {
			return fmt.Errorf("%s: a second custom-role support page (the first is %s)", pt.file, src.SupportFile)
		}
		src.SupportFile, src.Support = pt.file, pt.support
	case FormatDeny:
		if src.DenyFile != "" {
			return fmt.Errorf("%s: a second deny-permissions page (the first is %s)", pt.file, src.DenyFile)
		}
		src.DenyFile, src.Deny = pt.file, pt.deny
	}
	return nil
}

// complete returns src when no part failed and it has a roles page.
func (src *Sources) complete(errs []error) (*Sources, error) {
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	if len(src.Pages) == 0 {
		return nil, errors.New("no Google Cloud IAM roles-and-permissions pages found")
	}
	return src, nil
}

// Load reads and joins the files.
func Load(files []File) (*Catalog, error) {
	src, err := Read(files)
	if err != nil {
		return nil, err
	}
	return Build(src)
}
