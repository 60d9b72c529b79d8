// Package scrape turns an HTML snapshot into a model.Page with the format the
// manifest names, or the one the registry's vendors detect. Each format belongs to
// one vendor and lives in its package (internal/vendors/<name>/<format>); this
// package is the door for callers that hold a page and no registry.
package scrape

import (
	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/vendors/all"
)

// Formats lists the names of the formats permgen can read.
func Formats() []string { return all.Vendors.FormatNames() }

// Page reads one snapshot. src.Format may be empty: the format is then detected from
// the content and the page carries a warning saying so, so that a maintainer adds a
// manifest entry.
func Page(src model.Source, html []byte) (*model.Page, error) {
	return all.Vendors.Scrape(src, html)
}
