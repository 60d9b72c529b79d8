package vendor

import (
	"bytes"
	"fmt"

	"github.com/PuerkitoBio/goquery"

	"github.com/permgen/permgen/internal/model"
)

// docTree is a Doc's parse, made on first use.
type docTree struct {
	doc *goquery.Document
	err error
}

// Tree parses the page into a DOM, once; formats that stream the bytes never call it.
func (d *Doc) Tree() (*goquery.Document, error) {
	if d.tree == nil {
		doc, err := goquery.NewDocumentFromReader(bytes.NewReader(d.HTML))
		if err != nil {
			err = fmt.Errorf("%s: parse HTML: %w", d.Source.File, err)
		}
		d.tree = &docTree{doc, err}
	}
	return d.tree.doc, d.tree.err
}

// TreeFormat is a Format that reads the parsed tree of a page; a vendor whose
// scraper streams the bytes implements Format itself.
type TreeFormat struct {
	FormatName string
	DetectTree func(*goquery.Document) bool
	ScrapeTree func(model.Source, *goquery.Document) (*model.Page, error)
}

// Name implements Format.
func (f TreeFormat) Name() string { return f.FormatName }

// Detect implements Format; a page that does not parse is not of the format.
func (f TreeFormat) Detect(d *Doc) bool {
	doc, err := d.Tree()
	return err == nil && f.DetectTree(doc)
}

// Scrape implements Format.
func (f TreeFormat) Scrape(d *Doc) (*model.Page, error) {
	doc, err := d.Tree()
	if err != nil {
		return nil, err
	}
	return f.ScrapeTree(d.Source, doc)
}
