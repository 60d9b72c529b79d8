package emit

import (
	"errors"

	"github.com/permgen/permgen/internal/resolve"
	"github.com/permgen/permgen/internal/write"
)

// Package renders one package: its Go files, model snapshot and README. It is the
// per-package emitter the vendors' packages call until each prints its own.
func Package(p *resolve.Package) ([]write.File, error) {
	fs, errs := pkgFiles(p)
	return fs, errors.Join(errs...)
}

// Runtime copies one runtime template package into the tree.
func Runtime(r *resolve.Runtime) ([]write.File, error) { return runtime(r) }
