// Command modzip measures what a user downloads for a module: it builds the
// module zip the Go module system would serve for the folder DIR (module path
// from DIR/go.mod, or -module for a folder inside a larger module), with
// golang.org/x/mod/zip, the code the go command and proxies use, and prints its
// size, the number of files and the uncompressed size. Files in nested modules
// (folders with their own go.mod) are left out, as the go command leaves them.
//
//	go run . [-module PATH] [-version v0.0.0] [-o FILE] DIR
package main

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"golang.org/x/mod/modfile"
	"golang.org/x/mod/module"
	"golang.org/x/mod/zip"
)

func main() {
	modPath := flag.String("module", "", "module path (default: read DIR/go.mod)")
	version := flag.String("version", "v0.0.0", "version to stamp in the zip")
	out := flag.String("o", "", "also write the zip to this file")
	flag.Parse()
	if flag.NArg() != 1 {
		fmt.Fprintln(os.Stderr, "usage: modzip [-module PATH] [-version V] [-o FILE] DIR")
		os.Exit(2)
	}
	dir := flag.Arg(0)
	if *modPath == "" {
		data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err != nil {
			fail(err)
		}
		*modPath = modfile.ModulePath(data)
	}
	var buf bytes.Buffer
	if err := zip.CreateFromDir(&buf, module.Version{Path: *modPath, Version: *version}, dir); err != nil {
		fail(err)
	}
	files, unzipped := 0, int64(0)
	_ = filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != dir {
				if _, err := os.Stat(filepath.Join(p, "go.mod")); err == nil {
					return filepath.SkipDir
				}
				if n := d.Name(); n == ".git" || n == "vendor" {
					return filepath.SkipDir
				}
			}
			return nil
		}
		if info, err := d.Info(); err == nil && info.Mode().IsRegular() {
			files++
			unzipped += info.Size()
		}
		return nil
	})
	fmt.Printf("%s@%s: zip %d bytes (%.1f MB), about %d files, %.1f MB unzipped\n",
		*modPath, *version, buf.Len(), float64(buf.Len())/1e6, files, float64(unzipped)/1e6)
	if *out != "" {
		if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
			fail(err)
		}
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "modzip:", err)
	os.Exit(1)
}
