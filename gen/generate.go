package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	iofs "io/fs"
	"os"
	"time"

	"github.com/permgen/permgen/internal/history"
	"github.com/permgen/permgen/internal/pipeline"
	"github.com/permgen/permgen/internal/write"
)

// historyFlags are the settings of deprecation and the regression guards, shared by
// generate and check so that check predicts exactly what generate would do.
func historyFlags(fs *flag.FlagSet) *history.Options {
	o := &history.Options{}
	fs.BoolVar(&o.Force, "force", false, "accept what the guards refuse: a loss (a whole section, or more than -max-loss of a service) or a package moving to another folder")
	fs.BoolVar(&o.Prune, "prune", false, "drop actions and scopes that vanished from the docs instead of keeping them as deprecated")
	o.MaxLoss = new(float64) // set, so that -max-loss 0 means zero
	fs.Float64Var(o.MaxLoss, "max-loss", history.DefaultMaxLoss, "share of a service's actions or scopes that may vanish in one run")
	fs.StringVar(&o.Today, "today", time.Now().UTC().Format(time.DateOnly), "`date` recorded on newly deprecated symbols")
	return o
}

func runGenerate(args []string, stdout, stderr io.Writer) error {
	fs, p := newFlags("generate", "", `Regenerate the output folder from the sources folder: render everything in memory,
write only the files whose bytes changed, remove generated files no longer produced,
keep symbols that vanished from the docs as deprecated. On any error nothing is written.`, stderr)
	p.withOut(fs)
	p.withImport(fs)
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
		line += fmt.Sprintf("; lint notes %s: '%s lint'", quirkSummary(ds), prog())
	}
	fmt.Fprintln(stderr, line)
	return nil
}

func runCheck(args []string, stdout, stderr io.Writer) error {
	fs, p := newFlags("check", "", `Write nothing; print a unified diff of what generate would change, and exit 1
if the output folder is stale (0 when it is fresh).`, stderr)
	p.withOut(fs)
	p.withImport(fs)
	h := historyFlags(fs)
	if err := p.parse(fs, args); err != nil {
		return err
	}
	if _, err := os.Stat(p.out); errors.Is(err, iofs.ErrNotExist) {
		fmt.Fprintf(stderr, "permgen check: output folder %s does not exist: nothing generated yet; run '%s generate'\n", p.out, prog())
		return exitError{1}
	}
	plan, _, err := plan(p, h)
	if err != nil {
		return err
	}
	if len(plan.Changes) == 0 {
		return nil
	}
	fmt.Fprint(stdout, plan.Diff())
	fmt.Fprintf(stderr, "permgen check: %s is stale: %s; run '%s generate'\n", p.out, plan.Summary(), prog())
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
