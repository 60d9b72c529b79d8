package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// paths are the three settings every command shares.
type paths struct {
	in, out, importPath string
}

func newFlags(name string, stderr io.Writer) (*flag.FlagSet, *paths) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	p := &paths{}
	fs.StringVar(&p.in, "in", "sources", "sources `folder`: manifest.json, overrides.json and <vendor>/*.html snapshots")
	fs.StringVar(&p.out, "out", "generated", "output `folder`")
	fs.StringVar(&p.importPath, "import", "", "import `path` of the output folder (default: from the go.mod above -out)")
	return fs, p
}

// parse parses args and fills the import path when it was not given.
func (p *paths) parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitError{0}
		}
		return exitError{2}
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(fs.Output(), "unexpected arguments: %s\n", strings.Join(fs.Args(), " "))
		return exitError{2}
	}
	if p.importPath == "" {
		ip, err := importPathOf(p.out)
		if err != nil {
			return fmt.Errorf("%w; pass -import", err)
		}
		p.importPath = ip
	}
	return nil
}

// importPathOf works out the import path a folder will have: the module path of the
// nearest go.mod above it plus the folder's place below that module's root. This is
// what lets permgen generate into another module with no flags.
func importPathOf(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for root := abs; ; {
		if mod, err := modulePath(filepath.Join(root, "go.mod")); err == nil {
			rel, err := filepath.Rel(root, abs)
			if err != nil {
				return "", err
			}
			return path.Join(mod, filepath.ToSlash(rel)), nil
		} else if !errors.Is(err, os.ErrNotExist) {
			return "", err
		}
		parent := filepath.Dir(root)
		if parent == root {
			return "", fmt.Errorf("no go.mod above %s to take the import path from", abs)
		}
		root = parent
	}
}

func modulePath(gomod string) (string, error) {
	f, err := os.Open(gomod)
	if err != nil {
		return "", err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if rest, ok := strings.CutPrefix(line, "module"); ok && (rest == "" || rest[0] == ' ' || rest[0] == '\t') {
			return strings.Trim(strings.TrimSpace(rest), `"`), nil
		}
	}
	return "", fmt.Errorf("%s: no module line", gomod)
}
