package gcp

import (
	"archive/tar"
	"compress/gzip"
	"io"
	"os"
	"path"
	"strings"
)

// archiveFiles reads the pages Load needs from a frozen snapshot archive.
func archiveFiles(file string) ([]File, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	tr := tar.NewReader(zr)
	var files []File
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return files, nil
		}
		if err != nil {
			return nil, err
		}
		p := path.Clean(h.Name)
		dir, base := path.Split(p)
		if h.Typeflag != tar.TypeReg || !(strings.HasSuffix(dir, "/iam/docs/roles-permissions/") ||
			strings.HasSuffix(p, "iam/docs/custom-roles-permissions-support.md") ||
			strings.HasSuffix(p, "iam/docs/deny-permissions-support.md")) || !strings.HasSuffix(base, ".md") {
			continue
		}
		data, err := io.ReadAll(tr)
		if err != nil {
			return nil, err
		}
		files = append(files, File{Name: base, Data: data})
	}
}
