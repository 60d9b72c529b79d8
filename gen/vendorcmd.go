package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/permgen/permgen/internal/vendor"
	"github.com/permgen/permgen/internal/vendors/all"
)

// runVendorCommand runs a vendor's own form of the command path ("diff",
// "policy write") when args choose one with -vendor (vendor.Commander); handled
// is false when they do not, and the CLI's own form runs. The usage line, -in
// and -vendor are the CLI's; the vendor registers the rest.
func runVendorCommand(path string, args []string, stdout, stderr io.Writer) (handled bool, err error) {
	v, cmd := all.Vendors.Command(path, args)
	if cmd == nil {
		return false, nil
	}
	fs, p := newFlags(path+" -vendor "+v.Name(), cmd.Args, cmd.Purpose, stderr)
	fs.String("vendor", "", v.Name())
	run := cmd.Flags(fs)
	pos, err := parseFlags(fs, args)
	if err != nil {
		return true, err
	}
	if cmd.Args == "" && len(pos) > 0 {
		fmt.Fprintf(fs.Output(), "unexpected arguments: %s\n", strings.Join(pos, " "))
		return true, exitError{2}
	}
	err = run(vendor.CommandRun{
		In:     p.in,
		Args:   pos,
		Input:  func() ([]byte, string, error) { return readInput(pos, stderr) },
		Stdout: stdout,
		Stderr: stderr,
	})
	var code vendor.ExitCode
	if errors.As(err, &code) {
		return true, exitError{int(code)}
	}
	return true, err
}
