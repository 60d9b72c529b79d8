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
// returned together.
func Read(files []File) (*Sources, error) {
	sort.Slice(files, func(i, j int) bool { return files[i].Name < files[j].Name })
	src := &Sources{}
	pages := make([]*Page, len(files))
	errs := make([]error, len(files))
	work.Each(len(files), func(i int) {
		f := files[i]
		switch {
		case DetectRoles(f.Data):
			pages[i], errs[i] = ScrapePage(f.Name, f.Data)
		case DetectSupport(f.Data), DetectDeny(f.Data):
		default:
			errs[i] = fmt.Errorf("%s: not a Google Cloud IAM page this reader knows (roles and permissions, custom-role support, deny permissions)", f.Name)
		}
	})
	for i, f := range files {
		if pages[i] != nil {
			src.Pages = append(src.Pages, pages[i])
			continue
		}
		if errs[i] != nil {
			continue
		}
		var err error
		switch {
		case DetectSupport(f.Data):
			if src.SupportFile != "" {
				err = fmt.Errorf("%s: a second custom-role support page (the first is %s)", f.Name, src.SupportFile)
			} else {
				src.SupportFile = f.Name
				src.Support, err = ReadSupport(f.Name, f.Data)
			}
		case DetectDeny(f.Data):
			if src.DenyFile != "" {
				err = fmt.Errorf("%s: a second deny-permissions page (the first is %s)", f.Name, src.DenyFile)
			} else {
				src.DenyFile = f.Name
				src.Deny, err = ReadDeny(f.Name, f.Data)
			}
		}
		errs[i] = err
	}
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
