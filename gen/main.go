// Command permgen turns vendor permission documentation into typed Go.
//
//	go run ./gen generate   regenerate the output folder from the sources folder
//	go run ./gen check      exit 1 and print a diff if the output folder is stale
//	go run ./gen lint       print every anomaly found in the sources, with its place
//	go run ./gen fetch      refresh the snapshots listed in sources/manifest.json over HTTP
//	go run ./gen catalog    every action of every vendor, one a line, text or JSON
//	go run ./gen diff       what changed between the checked-in models and the sources, classified
//	go run ./gen policy lint FILE.json   check a CAM policy against every generated catalog
//	go run ./gen policy write            the least-privilege policy for "action [resource]" lines
//	go run ./gen policy eval -request REQ.json POLICY.json...   decide a request as CAM would
//
// Every command takes -in (sources folder), -out (output folder) and -import (the
// output folder's import path; by default worked out from the go.mod above -out).
// This file only parses flags and calls internal packages.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
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
	{"fetch", "refresh the snapshots listed in the manifest over HTTP; exit 1 if a page failed", runFetch},
	{"catalog", "print every action of every vendor, one a line (-format json for tools)", runCatalog},
	{"diff", "compare two models and classify what changed (exit 1 changed, 3 breaking)", runDiff},
	{"policy", "lint a CAM policy (policy lint FILE|-), write the least-privilege one (policy write), or decide a request (policy eval)", runPolicy},
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "help" || args[0] == "--help" {
		usage(stderr)
		return 2
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
	fmt.Fprintln(w, "usage: go run ./gen <command> [flags]")
	fmt.Fprintln(w)
	for _, c := range commands {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun 'go run ./gen <command> -h' for a command's flags.")
}
