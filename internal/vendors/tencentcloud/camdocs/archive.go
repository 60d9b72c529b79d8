// Package camdocs reads the older Tencent Cloud CAM documentation pages (Markdown with
// pipe and HTML tables, 2018–2023) that `git archive` wrote into
// sources/tencentcloud/camdocs: their tables found by the role of each column (action,
// description, resource, resource type, condition key, granularity) rather than by
// exact header, because the same role is written some 26 ways.
//
// It reports what the pages say, with the file, table and row of each fact; deciding
// what the facts mean for a CAM prefix is the merged catalog's job.
package camdocs

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// Doc is one Markdown file of an archive.
type Doc struct {
	Archive string // the archive's base name, e.g. "qcloud-documents.tar.gz"
	Path    string // path inside the archive
	// Lang is "zh" or "en" for the international site's _intl_zh.md / _intl_en.md,
	// "cn" for the Chinese site's tree.
	Lang string
	// QuotedPrintable is set when the file was Excel-exported quoted-printable HTML
	// and was decoded before reading.
	QuotedPrintable bool
	Text            string // the file's text after decoding
}

// ReadArchive reads every .md file of the gzip'd tar at name, sorted by path.
func ReadArchive(name string) ([]Doc, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Read(f, baseName(name))
}

func baseName(p string) string {
	if i := strings.LastIndexAny(p, `/\`); i >= 0 {
		return p[i+1:]
	}
	return p
}

// Read reads every .md file of a gzip'd tar; archive names it in errors and Docs.
func Read(r io.Reader, archive string) ([]Doc, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", archive, err)
	}
	tr := tar.NewReader(zr)
	var docs []Doc
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", archive, err)
		}
		if h.Typeflag != tar.TypeReg || !strings.HasSuffix(h.Name, ".md") {
			continue
		}
		b, err := io.ReadAll(tr)
		if err != nil {
			return nil, fmt.Errorf("%s: %s: %w", archive, h.Name, err)
		}
		d := Doc{Archive: archive, Path: h.Name, Lang: lang(h.Name)}
		if isQuotedPrintable(b) {
			b = decodeQuotedPrintable(b)
			d.QuotedPrintable = true
		}
		d.Text = strings.ReplaceAll(string(b), "\r\n", "\n")
		docs = append(docs, d)
	}
	sort.Slice(docs, func(i, j int) bool { return docs[i].Path < docs[j].Path })
	return docs, nil
}

func lang(p string) string {
	switch {
	case strings.HasSuffix(p, "_intl_zh.md"):
		return "zh"
	case strings.HasSuffix(p, "_intl_en.md"):
		return "en"
	}
	return "cn"
}

// isQuotedPrintable recognises the Excel export: its attributes are written with
// "=3D" for "=", which no hand-written Markdown page contains.
func isQuotedPrintable(b []byte) bool { return bytes.Contains(b, []byte("=3D")) }

// decodeQuotedPrintable undoes soft line breaks ("=" at the end of a line) and =XX
// escapes. mime/quotedprintable refuses the file's raw UTF-8 bytes, which Excel left
// unescaped, so this decoder passes every other byte through.
func decodeQuotedPrintable(b []byte) []byte {
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c != '=' {
			out = append(out, c)
			continue
		}
		switch {
		case i+1 < len(b) && b[i+1] == '\n':
			i++
		case i+2 < len(b) && b[i+1] == '\r' && b[i+2] == '\n':
			i += 2
		case i+2 < len(b) && isHex(b[i+1]) && isHex(b[i+2]):
			out = append(out, unhex(b[i+1])<<4|unhex(b[i+2]))
			i += 2
		default:
			out = append(out, c)
		}
	}
	return out
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'A' <= c && c <= 'F' || 'a' <= c && c <= 'f'
}

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c >= 'a':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}
