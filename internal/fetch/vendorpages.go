package fetch

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/permgen/permgen/internal/model"
)

// VendorPage is a page a vendor names for a run beyond the manifest's: the
// fields of vendor.FetchPage (see there), which the caller converts, since
// fetching links the model and not the vendors' contract.
type VendorPage struct {
	Source   model.Source
	Manifest bool
	Replaces []string
	Validate func(file string, page []byte) error
}

// Lister returns the pages the vendors name below the sources folder dir; gen
// fetch asks the registry's vendor.Fetchers.
type Lister func(dir string) ([]VendorPage, error)

// vendorPages returns list's pages whose path listed does not hold: a page in the
// manifest is refreshed from its entry, which keeps its validators. A list that
// fails, or a page outside the sources folder, stops the run before any request.
func vendorPages(dir string, list Lister, listed []model.Source) ([]VendorPage, error) {
	if list == nil {
		return nil, nil
	}
	pages, err := list(dir)
	if err != nil {
		return nil, err
	}
	have := map[string]bool{}
	for _, s := range listed {
		have[s.Path] = true
	}
	var out []VendorPage
	var errs []error
	for _, p := range pages {
		if err := checkPath(p.Source.Path); err != nil {
			errs = append(errs, fmt.Errorf("vendor %s: %w", p.Source.Vendor, err))
			continue
		}
		for _, r := range p.Replaces {
			if err := checkPath(r); err != nil {
				errs = append(errs, fmt.Errorf("vendor %s: page %s replaces %w", p.Source.Vendor, p.Source.Path, err))
			}
		}
		if have[p.Source.Path] {
			continue
		}
		have[p.Source.Path] = true
		out = append(out, p)
	}
	return out, errors.Join(errs...)
}

// refreshVendorPage is refresh for a page a vendor named: checked by the vendor's
// own reader when it gives one, and, once the page is on disk, the files it
// supersedes removed.
func refreshVendorPage(ctx context.Context, dir string, c *Client, fp VendorPage) (PageReport, model.Source) {
	if fp.Validate != nil {
		ctx = context.WithValue(ctx, validatorKey{}, fp.Validate)
	}
	pr, next := refresh(ctx, dir, c, fp.Source)
	switch pr.Outcome {
	case Updated, Unchanged, NotModified:
	default:
		return pr, next
	}
	if pr.Outcome == NotModified {
		// A 304 keeps the snapshot: only a snapshot on disk supersedes anything.
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(fp.Source.Path))); err != nil {
			return pr, next
		}
	}
	var errs []error
	for _, r := range fp.Replaces {
		if err := os.Remove(filepath.Join(dir, filepath.FromSlash(r))); err != nil && !errors.Is(err, fs.ErrNotExist) {
			errs = append(errs, err)
		}
	}
	if err := errors.Join(errs...); err != nil {
		pr.Outcome, pr.Err = Failed, fmt.Errorf("written, but the file it replaces could not be removed (remove it by hand; a folder must not hold both): %w", err)
	}
	return pr, next
}

// validatorKey carries a vendor page's own check to Client.once, in place of
// Client.Validate.
type validatorKey struct{}

// validatorFor returns the check a fetched page must pass: the vendor's own, when
// the run set one for this page, else c.Validate.
func (c *Client) validatorFor(ctx context.Context) func(model.Source, []byte) error {
	if v, ok := ctx.Value(validatorKey{}).(func(string, []byte) error); ok {
		return func(src model.Source, page []byte) error { return v(src.File, page) }
	}
	return c.Validate
}
