// Package stamp lets a regeneration with nothing changed skip the render. It
// records, in one small file beside the generated tree, what the last run read (a
// hash of every file of the sources folder, of the generator's own executable,
// whose embedded templates and code make the output, and of the settings) and what
// it wrote (a hash of every file of the tree and of the files rendered beside it).
// When both still hold, the run would print the same bytes over the same bytes.
// A hand edit of any generated file changes the second hash, so check still sees
// it; anything else that changed makes a full run.
package stamp

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/permgen/permgen/internal/work"
	"github.com/permgen/permgen/internal/write"
)

// File is the stamp's name below the output folder.
const File = "permgen.sum"

// Stamp is what one run read and wrote.
type Stamp struct {
	Inputs string
	Tree   string
	// Beside are the files rendered outside the tree (vendor.Companion), by path
	// relative to the working directory; Tree covers them too.
	Beside []string
}

// Render is the stamp file. It is a cache, not generated code: it records the
// executable and the paths of one machine, so it carries no generated-code header
// (write neither compares nor removes it, check never reports it) and is best kept
// out of version control. Deleting it costs one full run.
func (s Stamp) Render() write.File {
	var b strings.Builder
	b.WriteString("# permgen: what the last generate read and wrote; while both hold, generate and check skip the render.\n")
	b.WriteString("# A cache: delete it freely.\n")
	fmt.Fprintf(&b, "inputs %s\ntree %s\n", s.Inputs, s.Tree)
	for _, p := range s.Beside {
		fmt.Fprintf(&b, "beside %s\n", p)
	}
	return write.File{Path: File, Data: []byte(b.String())}
}

// Read reads the stamp of the output folder out; an error when there is none.
func Read(out string) (Stamp, error) {
	data, err := os.ReadFile(filepath.Join(out, File))
	if err != nil {
		return Stamp{}, err
	}
	var s Stamp
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		k, v, _ := strings.Cut(sc.Text(), " ")
		switch k {
		case "inputs":
			s.Inputs = v
		case "tree":
			s.Tree = v
		case "beside":
			s.Beside = append(s.Beside, v)
		}
	}
	if s.Inputs == "" || s.Tree == "" {
		return Stamp{}, fmt.Errorf("%s: no inputs or tree hash", filepath.Join(out, File))
	}
	return s, nil
}

// Inputs hashes what a run reads: every file below the sources folder in (path and
// bytes), the running executable, and the settings, in the order given.
func Inputs(in string, settings ...string) (string, error) {
	files, err := walk(in)
	if err != nil {
		return "", err
	}
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	h := sha256.New()
	for _, s := range settings {
		fmt.Fprintf(h, "setting %q\n", s)
	}
	sums, err := fileSums(append([]string{exe}, files...))
	if err != nil {
		return "", err
	}
	fmt.Fprintf(h, "executable %s\n", sums[0])
	for i, f := range files {
		rel, _ := filepath.Rel(in, f)
		fmt.Fprintf(h, "source %q %s\n", filepath.ToSlash(rel), sums[i+1])
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil)), nil
}

// Rendered hashes the files a run renders below the output folder (the stamp left
// out) and the files beside it, as Disk hashes them once written.
func Rendered(tree, beside []write.File) string {
	h := sha256.New()
	var paths []string
	data := map[string][]byte{}
	for _, f := range tree {
		if f.Path != File {
			paths = append(paths, f.Path)
			data[f.Path] = f.Data
		}
	}
	sort.Strings(paths)
	for _, p := range paths {
		sum := sha256.Sum256(data[p])
		fmt.Fprintf(h, "tree %q %x\n", p, sum)
	}
	for _, f := range beside {
		sum := sha256.Sum256(f.Data)
		fmt.Fprintf(h, "beside %q %x\n", f.Path, sum)
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil))
}

// Disk hashes what is on disk now as Rendered does: every file below out (the
// stamp left out) and the files beside it. A file a user put in the folder makes
// the hash differ, and so a full run: safe, only slower.
func Disk(out string, beside []string) (hash string, files int, err error) {
	all, err := walk(out)
	if err != nil {
		return "", 0, err
	}
	var tree []string
	for _, f := range all {
		if rel, _ := filepath.Rel(out, f); filepath.ToSlash(rel) != File {
			tree = append(tree, f)
		}
	}
	sums, err := fileSums(append(tree, beside...))
	if err != nil {
		return "", 0, err
	}
	type entry struct{ path, sum string }
	var es []entry
	for i, f := range tree {
		rel, _ := filepath.Rel(out, f)
		es = append(es, entry{filepath.ToSlash(rel), sums[i]})
	}
	sort.Slice(es, func(i, j int) bool { return es[i].path < es[j].path })
	h := sha256.New()
	for _, e := range es {
		fmt.Fprintf(h, "tree %q %s\n", e.path, e.sum)
	}
	for i, p := range beside {
		fmt.Fprintf(h, "beside %q %s\n", p, sums[len(tree)+i])
	}
	return "sha256:" + hex.EncodeToString(h.Sum(nil)), len(tree), nil
}

// Files hashes the named files as Disk hashes the files beside a tree, for a
// command whose output is a few files rather than a folder (mkbundle's bundle). A
// missing file is an error, which callers read as "run in full".
func Files(paths ...string) (string, error) {
	h, _, err := Disk("", paths)
	return h, err
}

// walk lists the regular files below root, sorted; a missing root has none.
// Links to folders are followed: a vendor folder of sources may be a link.
func walk(root string) ([]string, error) {
	var files []string
	if root == "" {
		return nil, nil
	}
	var visit func(dir string) error
	visit = func(dir string) error {
		entries, err := os.ReadDir(dir)
		if err != nil {
			return err
		}
		for _, e := range entries {
			p := filepath.Join(dir, e.Name())
			info, err := os.Stat(p)
			if err != nil {
				return err
			}
			switch {
			case info.IsDir():
				if err := visit(p); err != nil {
					return err
				}
			case info.Mode().IsRegular():
				files = append(files, p)
			}
		}
		return nil
	}
	err := visit(root)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	sort.Strings(files)
	return files, err
}

// fileSums hashes files in parallel, each sum in hex.
func fileSums(files []string) ([]string, error) {
	sums := make([]string, len(files))
	errs := make([]error, len(files))
	work.Each(len(files), func(i int) {
		f, err := os.Open(files[i])
		if err != nil {
			errs[i] = err
			return
		}
		defer f.Close()
		h := sha256.New()
		if _, err := io.Copy(h, f); err != nil {
			errs[i] = err
			return
		}
		sums[i] = hex.EncodeToString(h.Sum(nil))
	})
	return sums, errors.Join(errs...)
}
