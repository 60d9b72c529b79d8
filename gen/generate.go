package main

import (
	"fmt"
	"io"

	"github.com/permgen/permgen/internal/pipeline"
	"github.com/permgen/permgen/internal/write"
)

func runGenerate(args []string, stdout, stderr io.Writer) error {
	fs, p := newFlags("generate", stderr)
	if err := p.parse(fs, args); err != nil {
		return err
	}
	plan, res, err := plan(p)
	if err != nil {
		return err
	}
	if err := plan.Apply(); err != nil {
		return err
	}
	fmt.Fprintf(stderr, "permgen: %s: %s\n", p.out, plan.Summary())
	if n := len(res.Diagnostics()); n > 0 {
		fmt.Fprintf(stderr, "permgen: %d anomalies in the sources; see 'go run ./gen lint'\n", n)
	}
	return nil
}

func runCheck(args []string, stdout, stderr io.Writer) error {
	fs, p := newFlags("check", stderr)
	if err := p.parse(fs, args); err != nil {
		return err
	}
	plan, _, err := plan(p)
	if err != nil {
		return err
	}
	if len(plan.Changes) == 0 {
		return nil
	}
	fmt.Fprint(stdout, plan.Diff())
	fmt.Fprintf(stderr, "permgen check: %s is stale: %s; run 'make generate'\n", p.out, plan.Summary())
	return exitError{1}
}

// plan runs the pipeline and compares its output with the output folder; nothing is
// written yet, so any error leaves the folder as it was.
func plan(p *paths) (*write.Plan, *pipeline.Result, error) {
	res, err := pipeline.Run(p.in, p.importPath)
	if err != nil {
		return nil, nil, err
	}
	plan, err := write.Compare(p.out, res.Files)
	if err != nil {
		return nil, nil, err
	}
	return plan, res, nil
}
