// Command permgen turns vendor permission documentation into typed Go.
//
//	generate   regenerate the output folder from the sources folder
//	check      print a diff and exit 1 if the output folder is stale; writes nothing
//	lint       print every anomaly found in the sources, with its place
//	diff       compare two models and classify what changed
//	catalog    print every action of every vendor, one a line, text or JSON
//	fetch      refresh the snapshots listed in the manifest over HTTP
//	policy     lint a policy, write the least-privilege one, or decide a request
//
// Run it as "go run ./gen" in this repository, or as a tool of your own module
// ("go tool github.com/permgen/permgen/gen", after "go get -tool"). Each command's
// -h lists the flags it reads. This file only parses flags and calls internal
// packages.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/permgen/permgen/internal/vendors/all"
)

// exitError carries a process exit code up to main.
type exitError struct{ code int }

func (e exitError) Error() string { return fmt.Sprintf("exit %d", e.code) }

var commands = []struct {
	name, summary string
	run           func(args []string, stdout, stderr io.Writer) error
}{
	{"generate", "regenerate the output folder from the sources folder", runGenerate},
	{"check", "print a diff and exit 1 if the output folder is stale; writes nothing", runCheck},
	{"lint", "print every anomaly found in the sources, with its place", runLint},
	{"diff", "compare two models and classify what changed (exit 1 changed, 3 breaking)", runDiff},
	{"fetch", "refresh the snapshots listed in the manifest over HTTP; exit 1 if a page failed", runFetch},
	{"catalog", "print every action of every vendor, one a line (-format json for tools)", runCatalog},
	{"policy", policySummary(), runPolicy},
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return 2
	}
	if args[0] == "-h" || args[0] == "-help" || args[0] == "--help" || args[0] == "help" {
		if len(args) > 1 { // "help lint" is "lint -h"
			return run([]string{args[1], "-h"}, stdout, stderr)
		}
		usage(stdout)
		return 0
	}
	for _, c := range commands {
		if c.name != args[0] {
			continue
		}
		err := c.run(args[1:], stdout, stderr)
		var ee exitError
		switch {
		case err == nil:
			return 0
		case errors.As(err, &ee):
			return ee.code
		default:
			fmt.Fprintf(stderr, "permgen %s: %v\n", c.name, err)
			return 2
		}
	}
	fmt.Fprintf(stderr, "permgen: unknown command %q\n\n", args[0])
	usage(stderr)
	return 2
}

func usage(w io.Writer) {
	fmt.Fprintf(w, "usage: %s <command> [flags]\n", prog())
	fmt.Fprintln(w)
	for _, c := range commands {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Vendors (the format of each page is named in the manifest, or detected):")
	for _, v := range all.Vendors {
		var formats []string
		for _, f := range v.Formats() {
			formats = append(formats, f.Name())
		}
		fmt.Fprintf(w, "  %-13s %s; formats: %s\n", v.Name(), v.Summary(), strings.Join(formats, ", "))
	}
	fmt.Fprintf(w, "\nRun '%s <command> -h' for what a command does and its flags.\n", prog())
}
