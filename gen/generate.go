package main

import (
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/permgen/permgen/internal/history"
	"github.com/permgen/permgen/internal/pipeline"
	"github.com/permgen/permgen/internal/write"
)

// historyFlags are the settings of deprecation and the regression guards, shared by
// generate and check so that check predicts exactly what generate would do.
func historyFlags(fs *flag.FlagSet) *history.Options {
	o := &history.Options{}
	fs.BoolVar(&o.Force, "force", false, "accept losses the regression guards refuse (a whole section, or more than -max-loss of a service)")
	fs.BoolVar(&o.Prune, "prune", false, "drop actions and scopes that vanished from the docs instead of keeping them as deprecated")
	o.MaxLoss = new(float64) // set, so that -max-loss 0 means zero
	fs.Float64Var(o.MaxLoss, "max-loss", history.DefaultMaxLoss, "share of a service's actions or scopes that may vanish in one run")
	fs.StringVar(&o.Today, "today", time.Now().UTC().Format(time.DateOnly), "`date` recorded on newly deprecated symbols")
	return o
}

func runGenerate(args []string, stdout, stderr io.Writer) error {
	fs, p := newFlags("generate", stderr)
	h := historyFlags(fs)
	if err := p.parse(fs, args); err != nil {
		return err
	}
	plan, res, err := plan(p, h)
	if err != nil {
		return err
	}
	if err := plan.Apply(); err != nil {
		return err
	}
	// One line: a second one with a count of "anomalies" read like a failure.
	line := fmt.Sprintf("permgen: %s: %s", p.out, plan.Summary())
	if ds := res.Diagnostics(); len(ds) > 0 {
		fixed := 0
		for _, d := range ds {
			if d.Fixed != "" {
				fixed++
			}
		}
		line += fmt.Sprintf("; lint notes %d vendor quirks (%d corrected by overrides)", len(ds), fixed)
	}
	fmt.Fprintln(stderr, line)
	return nil
}

func runCheck(args []string, stdout, stderr io.Writer) error {
	fs, p := newFlags("check", stderr)
	h := historyFlags(fs)
	if err := p.parse(fs, args); err != nil {
		return err
	}
	plan, _, err := plan(p, h)
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
func plan(p *paths, h *history.Options) (*write.Plan, *pipeline.Result, error) {
	res, err := pipeline.RunWith(pipeline.Options{In: p.in, ImportRoot: p.importPath, Out: p.out, History: *h})
	if err != nil {
		return nil, nil, err
	}
	plan, err := write.Compare(p.out, res.Files)
	if err != nil {
		return nil, nil, err
	}
	return plan, res, nil
}
