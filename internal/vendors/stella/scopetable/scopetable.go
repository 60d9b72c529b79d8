// Package scopetable reads the "scope table" page format: a documentation page that
// lists access-token scopes written namespace:verb in one column of a table, with a
// description in another (Stella's Access Control List). The grammar of a scope is
// documented at IsScope.
package scopetable

import (
	"errors"
	"strings"

	"github.com/PuerkitoBio/goquery"

	"github.com/permgen/permgen/internal/htmltext"
	"github.com/permgen/permgen/internal/model"
)

// Detect reports whether the page's content holds a scope table: a table with a
// column whose values are mostly namespace:verb names (see IsScope), and no
// six-segment CAM resource.
func Detect(doc *goquery.Document) bool {
	for _, g := range grids(content(doc)) {
		if scopeColumn(g) >= 0 {
			return true
		}
	}
	return false
}

// Scrape reads every scope table of the page's content, text as found. Rows are
// keyed model.KeyScope and model.KeyDescription. Bad input (no scope table, a scope
// cell that is empty or not namespace:verb, a row with missing cells) is reported
// all at once, joined, each error with its position; duplicates are left to resolve.
func Scrape(src model.Source, doc *goquery.Document) (*model.Page, error) {
	c := content(doc)
	page := &model.Page{Source: src, Title: title(doc, c)}
	var errs []error
	all := grids(c)
	for i, g := range all {
		sc := scopeColumn(g)
		if sc < 0 {
			continue
		}
		t, warns, err := readTable(src.File, i+1, g, sc)
		page.Tables = append(page.Tables, t)
		page.Warnings = append(page.Warnings, warns...)
		errs = append(errs, err...)
	}
	if len(page.Tables) == 0 {
		return nil, model.Errorf(model.Pos{File: src.File},
			"no scope table found: expected a column of namespace:verb values (e.g. %q) in a <table> of the page content (tables in the content: %d, none with such a column); check that the snapshot is the scope page, or name another format in the manifest",
			"member:read", len(all))
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return page, nil
}

// title is the page's first heading, or its <title> when the content has none.
func title(doc *goquery.Document, content *goquery.Selection) string {
	if h := content.Find("h1").First(); h.Length() > 0 {
		return htmltext.HeadingText(h.Get(0))
	}
	return strings.TrimSpace(doc.Find("title").First().Text())
}
