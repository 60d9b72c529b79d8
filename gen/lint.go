package main

import (
	"fmt"
	"io"

	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/pipeline"
	"github.com/permgen/permgen/internal/vendor"
	"github.com/permgen/permgen/internal/vendors/all"
)

func runLint(args []string, stdout, stderr io.Writer) error {
	fs, p := newFlags("lint", "", `Print every anomaly found in the sources with its place, corrected by an override
or not, and what the manifest entry of a page without one would hold. Reads only
the sources folder: no go.mod needed.`, stderr)
	strict := fs.Bool("strict", false, "exit 1 if any anomaly is not corrected by an override")
	var vendorLints []func(in string, services []*model.Service, stdout, stderr io.Writer) (int, error)
	for _, v := range all.Vendors {
		if l, ok := v.(vendor.Linter); ok {
			vendorLints = append(vendorLints, l.LintFlags(fs)) // a vendor's own checks, such as -operations
		}
	}
	if err := p.parse(fs, args); err != nil {
		return err
	}
	res, err := pipeline.Load(pipeline.Options{In: p.in})
	if err != nil {
		return err
	}
	open := 0
	for _, d := range res.Diagnostics() {
		fmt.Fprintln(stdout, d)
		if d.Fixed == "" {
			open++
		}
	}
	fmt.Fprintf(stderr, "permgen lint: %d anomalies, %d corrected by overrides\n", len(res.Diagnostics()), len(res.Diagnostics())-open)
	for _, lint := range vendorLints {
		n, err := lint(p.in, res.Services, stdout, stderr)
		if err != nil {
			return err
		}
		open += n
	}
	if *strict && open > 0 {
		return exitError{1}
	}
	return nil
}
