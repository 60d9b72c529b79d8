package pipeline

import (
	"errors"
	"fmt"
	"path"
	"path/filepath"

	"github.com/permgen/permgen/internal/resolve"
	"github.com/permgen/permgen/internal/snapshot"
)

// guardMoves refuses a run that would put a page's package in another folder than
// the one it was generated in (a vendor's second scope page moves the first from
// <vendor> to <vendor>/<page>): every import of the old path would break, and the
// old files would be deleted as stale. The message names the imports that break
// and both ways out. out is the generated root, importRoot its import path.
func guardMoves(prev []snapshot.Stored, pkgs []*resolve.Package, out, importRoot string) error {
	was := map[string]string{} // page path → folder it was generated in
	for _, st := range prev {
		if p := st.Service.Source.Path; p != "" {
			was[p] = st.Dir
		}
	}
	var errs []error
	for _, p := range pkgs {
		src := p.Service.Source
		old, ok := was[src.Path]
		if !ok || old == p.Dir {
			continue
		}
		errs = append(errs, fmt.Errorf("%s: its package would move from %s to %s: imports of %q break; "+
			"to keep it, set \"package\": %q in the page's manifest entry; to move it, pass -force",
			src.File, filepath.Join(out, filepath.FromSlash(old)), filepath.Join(out, filepath.FromSlash(p.Dir)),
			path.Join(importRoot, old), old))
	}
	return errors.Join(errs...)
}
