package vendor

import (
	"errors"
	"fmt"

	"github.com/permgen/permgen/internal/model"
)

// Fetcher is a vendor that names pages for `gen fetch` beyond the manifest's:
// pages it derives from its own sources (Tencent's uniform CAM pages, from the
// product index) or from the pages its folder already holds (Google Cloud's). gen
// fetch asks every vendor of the registry that implements it, so that refreshing a
// vendor needs no list kept by hand outside the vendor's package.
type Fetcher interface {
	// FetchPages returns the vendor's pages below src.Dir, in a stable order; none
	// when the folder holds nothing of the vendor's. A page whose Path the
	// manifest lists is refreshed from its manifest entry instead.
	FetchPages(src Sources) ([]FetchPage, error)
}

// FetchPage is one page a Fetcher names.
type FetchPage struct {
	// Source is the page as a manifest entry would give it: Path below the
	// sources folder, Vendor, URL, and Format and APIVersion when the page is
	// read through the manifest.
	Source model.Source
	// Manifest says the page gets a manifest entry once fetched, so that gen
	// generate reads it and the next refresh is conditional. Pages a vendor reads
	// from its folder without the manifest leave it false.
	Manifest bool
	// Replaces are paths below the sources folder that the page supersedes (an
	// archive's Markdown copy of the same page): removed once the page is
	// written, so that a folder never holds both.
	Replaces []string
	// Validate checks a fetched page, as it would be written to file, with the
	// vendor's own reader; an error fails the page and nothing is written. Nil
	// means the registry's scrape of Source.Format, as for manifest pages.
	Validate func(file string, page []byte) error
}

// FetchPages asks every vendor of r that is a Fetcher for its pages, in registry
// order. A page's Source.Vendor defaults to its vendor's name; an error names the
// vendor. (gen fetch hands the pages to internal/fetch, which does not link this
// package: fetching needs the model, not the resolver.)
func (r Registry) FetchPages(src Sources) ([]FetchPage, error) {
	var out []FetchPage
	var errs []error
	for _, v := range r {
		f, ok := v.(Fetcher)
		if !ok {
			continue
		}
		pages, err := f.FetchPages(src)
		if err != nil {
			errs = append(errs, fmt.Errorf("the pages of vendor %s: %w", v.Name(), err))
			continue
		}
		for _, p := range pages {
			if p.Source.Vendor == "" {
				p.Source.Vendor = v.Name()
			}
			out = append(out, p)
		}
	}
	return out, errors.Join(errs...)
}
