package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/vendor"
	"github.com/permgen/permgen/internal/vendors/all"
)

// stdin is read by "policy lint -" and "policy write"; tests replace it.
var stdin io.Reader = os.Stdin

func runPolicy(args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 && args[0] == "write" {
		if handled, err := runVendorCommand("policy write", args[1:], stdout, stderr); handled {
			return err // a vendor's own policy write, chosen with -vendor (vendorcmd.go)
		}
	}
	if len(args) > 0 && (args[0] == "lint" || args[0] == "write" || args[0] == "eval") {
		if handled, err := runPolicyDialects(args, stdout, stderr); handled {
			return err // the command of the dialect that took it (vendor.PolicyDialect)
		}
		// No dialect took it: a registry without a default dialect.
		return fmt.Errorf("no vendor's policy dialect takes these arguments")
	}
	help := len(args) > 0 && (args[0] == "-h" || args[0] == "-help" || args[0] == "--help" || args[0] == "help")
	if len(args) > 0 && !help {
		fmt.Fprintf(stderr, "permgen policy: unknown command %q; want lint, eval or write\n\n", args[0])
	}
	fmt.Fprintf(stderr, policyUsage(), prog())
	if help {
		return exitError{0}
	}
	return exitError{2}
}

// runPolicyDialects offers "policy <command>" to every vendor with a policy
// dialect, in registry order and the default dialect last, and reports whether
// one took it.
func runPolicyDialects(args []string, stdout, stderr io.Writer) (handled bool, err error) {
	def, others := all.Vendors.PolicyDialects()
	order := others
	if def != nil {
		order = append(order, def)
	}
	for _, d := range order {
		cmd := d.PolicyCommand(args[0])
		if cmd == nil {
			continue
		}
		if handled, err := cmd(policyEnv(d, stdout, stderr), args[1:]); handled {
			var code vendor.ExitCode
			if errors.As(err, &code) {
				return true, exitError{int(code)}
			}
			return true, err
		}
	}
	return false, nil
}

// policyEnv is what the CLI lends the policy command of dialect self.
func policyEnv(self vendor.PolicyDialect, stdout, stderr io.Writer) vendor.PolicyEnv {
	def, others := all.Vendors.PolicyDialects()
	var names []string
	var foreign []vendor.PolicyDialect
	for _, d := range append([]vendor.PolicyDialect{def}, others...) {
		if d != nil && d != self {
			names = append(names, d.Name())
			foreign = append(foreign, d)
		}
	}
	only := map[string]vendor.PolicyDialect{} // flag name -> the dialect that reads it
	return vendor.PolicyEnv{
		Stdout: stdout,
		Stderr: stderr,
		Flags: func(name, args, help string, w io.Writer) (*flag.FlagSet, *string) {
			fs, p := newFlags(name, args, help, w)
			describePolicyIn(fs)
			return fs, &p.in
		},
		Parse:      parseFlags,
		Input:      func(pos []string) ([]byte, string, error) { return readInput(pos, stderr) },
		Unread:     func(data []byte) { stdin = bytes.NewReader(data) },
		Services:   func(in, format string) ([]*model.Service, string, error) { return policyCatalogServices(in, format) },
		Help:       policyHelp(),
		Others:     names,
		VendorFlag: policyVendorFlag,
		OnlyFlags: func(command string, fs *flag.FlagSet) {
			for _, d := range foreign {
				if f := d.PolicyWords().OnlyFlags; f != nil {
					for _, n := range f(command, fs) {
						only[n] = d
					}
				}
			}
		},
		RefuseOnly: func(fs *flag.FlagSet) error { return refuseOnly(fs, only) },
		NotJSON:    notJSON,
	}
}

// policyCatalogServices is where the policy commands' catalogs come from
// (policyServices); tests replace it.
var policyCatalogServices = policyServices

// readInput reads the one input file of pos, or stdin when there is none or it is
// "-". Waiting on a terminal would look like a hang, so that case says so first.
func readInput(pos []string, stderr io.Writer) ([]byte, string, error) {
	name := "-"
	if len(pos) > 1 {
		return nil, "", fmt.Errorf("one input file at most, got %d", len(pos))
	}
	if len(pos) == 1 {
		name = pos[0]
	}
	if name == "-" {
		if isTerminal(stdin) {
			fmt.Fprintln(stderr, "permgen: reading stdin (end with Ctrl-D; or give a file name)")
		}
		b, err := io.ReadAll(stdin)
		return b, "stdin", err
	}
	b, err := os.ReadFile(name)
	return b, name, err
}

// isTerminal reports whether r is a character device, such as a terminal.
func isTerminal(r io.Reader) bool {
	f, ok := r.(interface{ Stat() (os.FileInfo, error) })
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}
