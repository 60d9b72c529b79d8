package main

import (
	"bytes"
	"errors"
	"io/fs"
	"os"

	"github.com/permgen/permgen/internal/vendor"
	"github.com/permgen/permgen/internal/vendors/all"
	"github.com/permgen/permgen/internal/write"
)

// companions are the files outside the output folder that vendors render from the
// same run (vendor.Companion), and how they differ from what is on disk: the changes
// generate makes after the tree, and check reports with it.
func companions(tree []write.File, out string) ([]write.File, []write.Change, error) {
	var rendered []write.File
	var changes []write.Change
	var errs []error
	for _, v := range all.Vendors {
		c, ok := v.(vendor.Companion)
		if !ok {
			continue
		}
		files, err := c.Companions(tree, out)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		rendered = append(rendered, files...)
		for _, f := range files {
			old, err := os.ReadFile(f.Path)
			switch {
			case errors.Is(err, fs.ErrNotExist):
				changes = append(changes, write.Change{Path: f.Path, Kind: write.Create, New: f.Data})
			case err != nil:
				errs = append(errs, err)
			case !bytes.Equal(old, f.Data):
				changes = append(changes, write.Change{Path: f.Path, Kind: write.Update, Old: old, New: f.Data})
			}
		}
	}
	return rendered, changes, errors.Join(errs...)
}

// applyCompanions writes the companions that changed, each replaced atomically.
func applyCompanions(changes []write.Change) error {
	for _, c := range changes {
		if err := write.Atomic(c.Path, c.New); err != nil {
			return err
		}
	}
	return nil
}
