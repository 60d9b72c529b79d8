package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/permgen/permgen/internal/diff"
	"github.com/permgen/permgen/internal/vendor"
	"github.com/permgen/permgen/internal/vendors/all"
)

// runDiff compares two models and prints what changed, classified. By default the
// old model is the snapshots checked in under -out (what users compile against)
// and the new one is -in scraped (what the pages say now). Exit 0: no change;
// 1: changes, none breaking; 3: a breaking change; 2: error.
func runDiff(args []string, stdout, stderr io.Writer) error {
	if handled, err := runVendorCommand("diff", args, stdout, stderr); handled {
		return err // a vendor's own diff, chosen with -vendor (vendorcmd.go)
	}
	archives := ""
	for _, v := range all.Vendors {
		if a, ok := v.(vendor.ArchiveDiffer); ok {
			archives += " " + a.DiffHelp()
		}
	}
	fs, p := newFlags("diff", "", `Compare two models and classify each change (breaking, policy, additive, cosmetic).
By default the old model is the snapshots checked in under -out and the new one is
-in scraped.`+archives+` Exit 0 no change, 1 changes none breaking, 3 a
breaking change.
Reads no go.mod.`, stderr)
	p.withOut(fs)
	oldDir := fs.String("old", "", "old model `folder`: a sources folder (has manifest.json) or a generated tree (default: the snapshots in -out)")
	newDir := fs.String("new", "", "new model `folder`, like -old (default: -in, scraped)")
	oldRev := fs.String("old-rev", "", "old model at git `revision`: its snapshots in -out, or its -in scraped when it has none")
	newRev := fs.String("new-rev", "", "new model at git `revision`, like -old-rev")
	format := fs.String("format", "text", "output `format`: "+strings.Join(diff.Formats, ", "))
	if err := p.parse(fs, args); err != nil {
		return err
	}
	if !slices.Contains(diff.Formats, *format) {
		return fmt.Errorf("unknown -format %q; known: %s", *format, strings.Join(diff.Formats, ", "))
	}
	if handled, err := diffArchives(*oldDir, *newDir, *format, stdout); handled {
		return err // two files of a vendor's own (vendor.ArchiveDiffer)
	}
	if *oldDir != "" && *oldRev != "" || *newDir != "" && *newRev != "" {
		return errors.New("give a side as a folder or as a revision, not both: -old or -old-rev, -new or -new-rev")
	}
	old, err := side(*oldDir, *oldRev, p, func() (diff.Side, error) {
		if _, err := os.Stat(p.out); err != nil {
			return diff.Side{}, fmt.Errorf("output folder %s: %w; give the generated tree with -out, or the old model with -old or -old-rev", p.out, errors.Unwrap(err))
		}
		return diff.LoadSnapshots(p.out)
	})
	if err != nil {
		return fmt.Errorf("old model: %w", err)
	}
	cur, err := side(*newDir, *newRev, p, func() (diff.Side, error) { return diff.LoadSources(p.in) })
	if err != nil {
		return fmt.Errorf("new model: %w", err)
	}
	report, err := diff.Compare(old, cur)
	if err != nil {
		return err
	}
	if err := report.Write(stdout, *format); err != nil {
		return err
	}
	switch worst, changed := report.Worst(); {
	case !changed:
		return nil
	case worst == diff.Breaking:
		return exitError{3}
	default:
		return exitError{1}
	}
}

// side loads one model from a folder, a revision, or its default.
func side(dir, rev string, p *paths, def func() (diff.Side, error)) (diff.Side, error) {
	switch {
	case dir != "":
		return diff.LoadDir(dir)
	case rev != "":
		return diff.LoadRevision(rev, p.in, p.out)
	}
	return def()
}

// diffArchives offers -old and -new to every vendor with archives of its own to
// compare, and reports whether one took them.
func diffArchives(oldPath, newPath, format string, stdout io.Writer) (handled bool, err error) {
	if oldPath == "" || newPath == "" {
		return false, nil
	}
	for _, v := range all.Vendors {
		a, ok := v.(vendor.ArchiveDiffer)
		if !ok {
			continue
		}
		if handled, err := a.DiffArchives(oldPath, newPath, format, stdout); handled {
			var code vendor.ExitCode
			if errors.As(err, &code) {
				return true, exitError{int(code)}
			}
			return true, err
		}
	}
	return false, nil
}
