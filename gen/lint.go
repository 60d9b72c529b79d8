package main

import (
	"fmt"
	"io"

	"github.com/permgen/permgen/internal/pipeline"
)

func runLint(args []string, stdout, stderr io.Writer) error {
	fs, p := newFlags("lint", stderr)
	strict := fs.Bool("strict", false, "exit 1 if any anomaly is not corrected by an override")
	if err := p.parse(fs, args); err != nil {
		return err
	}
	res, err := pipeline.Run(p.in, p.importPath)
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
	if *strict && open > 0 {
		return exitError{1}
	}
	return nil
}
