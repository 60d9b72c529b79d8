package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"strings"

	"golang.org/x/mod/modfile"
)

// paths are the folders and import path the commands share; each command registers
// only the flags it reads, so that its help lists only flags that do something.
type paths struct {
	in, out, importPath string
}

// newFlags returns the flag set of one command with -in, its one-line purpose and
// usage line in its help. Add -out and -import with withOut and withImport.
func newFlags(name, args, purpose string, stderr io.Writer) (*flag.FlagSet, *paths) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: %s %s [flags]%s\n\n%s\n", prog(), name, args, purpose)
		n := 0
		fs.VisitAll(func(*flag.Flag) { n++ })
		if n > 0 {
			fmt.Fprintln(stderr, "\nflags:")
			fs.PrintDefaults()
		}
	}
	p := &paths{}
	fs.StringVar(&p.in, "in", "sources", "sources `folder`: <vendor>/*.html snapshots, optional manifest.json and overrides.json")
	return fs, p
}

func (p *paths) withOut(fs *flag.FlagSet) {
	fs.StringVar(&p.out, "out", "generated", "output `folder`")
}

func (p *paths) withImport(fs *flag.FlagSet) {
	fs.StringVar(&p.importPath, "import", "", "import `path` of the output folder (default: from the go.mod above -out)")
}

// parseFlags parses args, allowing flags after the positional arguments
// ("policy lint FILE -format json"), and returns the positional ones. -h exits 0.
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, exitError{0}
			}
			return nil, exitError{2}
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// parse parses args, which must hold flags only; when -import is a flag of the
// command and was not given, it is worked out from the go.mod above -out.
func (p *paths) parse(fs *flag.FlagSet, args []string) error {
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(pos) > 0 {
		fmt.Fprintf(fs.Output(), "unexpected arguments: %s\n", strings.Join(pos, " "))
		return exitError{2}
	}
	if fs.Lookup("import") != nil && p.importPath == "" {
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

// modulePath reads the module path of a go.mod file the way the go command does
// (comments, quotes and all).
func modulePath(gomod string) (string, error) {
	data, err := os.ReadFile(gomod)
	if err != nil {
		return "", err
	}
	mod := modfile.ModulePath(data)
	if mod == "" {
		return "", fmt.Errorf("%s: no module line", gomod)
	}
	return mod, nil
}

// prog is the command as the user invoked it, for usage lines and hints: "go tool
// <pkg>" or "go run <pkg>" as typed when the go command started it (read from the
// parent's command line where the system shows it), else the binary's name.
// invokedAs is how to run the binary at exe again: a relative path as it was
// typed (make generate runs bin/permgen, which no PATH holds), else its name.
func invokedAs(exe string) string {
	if strings.Contains(exe, "/") && !strings.HasPrefix(exe, "/") {
		return exe
	}
	return filepath.Base(exe)
}

func prog() string {
	if args := parentArgs(); len(args) >= 3 && filepath.Base(args[0]) == "go" && (args[1] == "run" || args[1] == "tool") {
		if pkg := args[2]; !strings.HasPrefix(pkg, "-") {
			return "go " + args[1] + " " + pkg
		}
	}
	exe := filepath.ToSlash(os.Args[0])
	if !strings.Contains(exe, "/go-build") {
		return invokedAs(exe)
	}
	// Built by the go command into its cache: inside this repository the short
	// form works, elsewhere the full one.
	if mod, err := importPathOf("."); err == nil && (mod == thisModule || strings.HasPrefix(mod, thisModule+"/")) {
		return "go run ./gen"
	}
	return "go run " + thisModule + "/gen"
}

// parentArgs returns the parent process's command line, or nil where the system
// does not show it (only Linux's /proc is read).
func parentArgs() []string {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/cmdline", os.Getppid()))
	if err != nil || len(data) == 0 {
		return nil
	}
	return strings.Split(strings.TrimSuffix(string(data), "\x00"), "\x00")
}

// thisModule is permgen's own module path.
const thisModule = "github.com/permgen/permgen"
