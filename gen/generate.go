package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	iofs "io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/permgen/permgen/internal/history"
	"github.com/permgen/permgen/internal/pipeline"
	"github.com/permgen/permgen/internal/stamp"
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
	if n, ok := unchanged(p, h); ok {
		fmt.Fprintf(stderr, "permgen: %s: 0 files changed, %d unchanged (nothing it reads or wrote changed since the last run: %s)\n", p.out, n, stamp.File)
		return nil
	}
	plan, res, extra, st, err := plan(p, h)
	if err != nil {
		return err
	}
	if err := plan.Apply(); err != nil {
		return err
	}
	if err := applyCompanions(extra); err != nil {
		return err
	}
	// Last, so that a run that failed on the way leaves a stamp that no longer
	// holds, and the next run is a full one.
	if err := write.Atomic(filepath.Join(p.out, st.Path), st.Data); err != nil {
		return err
	}
	// One line: a second one with a count of "anomalies" read like a failure.
	line := fmt.Sprintf("permgen: %s: %s", p.out, plan.Summary())
	for _, c := range extra {
		line += fmt.Sprintf("; %s %s", c.Path, c.Kind)
	}
	if ds := res.Diagnostics(); len(ds) > 0 {
		fixed := 0
		for _, d := range ds {
			if d.Fixed != "" {
				fixed++
			}
		}
		line += fmt.Sprintf("; lint notes %d vendor quirks (%d corrected by overrides): '%s lint'", len(ds), fixed, prog())
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
	if _, ok := unchanged(p, h); ok {
		return nil
	}
	plan, _, extra, _, err := plan(p, h)
	if err != nil {
		return err
	}
	if len(plan.Changes) == 0 && len(extra) == 0 {
		return nil
	}
	fmt.Fprint(stdout, plan.Diff())
	if len(plan.Changes) > 0 {
		fmt.Fprintf(stderr, "permgen check: %s is stale: %s; run '%s generate'\n", p.out, plan.Summary(), prog())
	}
	if len(extra) > 0 {
		fmt.Fprint(stdout, (&write.Plan{Changes: extra}).Diff())
		for _, c := range extra {
			fmt.Fprintf(stderr, "permgen check: %s is stale (rendered from the same run); run '%s generate'\n", c.Path, prog())
		}
	}
	return exitError{1}
}

// plan runs the pipeline and compares its output and the files rendered beside the
// output folder with what is on disk, and renders the run's stamp; nothing is
// written yet, so any error leaves everything as it was.
func plan(p *paths, h *history.Options) (*write.Plan, *pipeline.Result, []write.Change, write.File, error) {
	// What the run reads is hashed before it reads it: a source edited during
	// the run then makes the next run a full one.
	inputs, err := stamp.Inputs(p.in, settings(p, h)...)
	if err != nil {
		return nil, nil, nil, write.File{}, err
	}
	res, err := pipeline.RunWith(pipeline.Options{In: p.in, ImportRoot: p.importPath, Out: p.out, History: *h})
	if err != nil {
		return nil, nil, nil, write.File{}, err
	}
	beside, extra, err := companions(res.Files, p.out)
	if err != nil {
		return nil, nil, nil, write.File{}, err
	}
	st := stamp.Stamp{Inputs: inputs, Tree: stamp.Rendered(res.Files, beside)}
	for _, f := range beside {
		st.Beside = append(st.Beside, f.Path)
	}
	plan, err := write.Compare(p.out, res.Files)
	if err != nil {
		return nil, nil, nil, write.File{}, err
	}
	return plan, res, extra, st.Render(), nil
}

// settings are every setting that changes what a run prints.
func settings(p *paths, h *history.Options) []string {
	maxLoss := history.DefaultMaxLoss
	if h.MaxLoss != nil {
		maxLoss = *h.MaxLoss
	}
	return []string{"in=" + p.in, "out=" + p.out, "import=" + p.importPath, "today=" + h.Today,
		fmt.Sprintf("prune=%t force=%t max-loss=%g", h.Prune, h.Force, maxLoss)}
}

// unchanged reports whether the output folder's stamp still holds: the sources,
// the generator and the settings are what the last run read, and the tree and the
// files beside it are what it wrote. Then a run would print the same bytes over
// the same bytes, and generate and check skip it. n is the number of files.
func unchanged(p *paths, h *history.Options) (n int, ok bool) {
	st, err := stamp.Read(p.out)
	if err != nil {
		return 0, false
	}
	inputs, err := stamp.Inputs(p.in, settings(p, h)...)
	if err != nil || inputs != st.Inputs {
		return 0, false
	}
	tree, n, err := stamp.Disk(p.out, st.Beside)
	if err != nil || tree != st.Tree {
		return 0, false
	}
	return n, true
}
