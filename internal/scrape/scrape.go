// Package scrape turns an HTML snapshot into a model.Page. It parses the HTML once,
// picks the scraper of the page's format (named in the manifest, or detected from the
// content) and hands it the document. Each format lives in its own subpackage.
package scrape

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/PuerkitoBio/goquery"

	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/scrape/awssar"
	"github.com/permgen/permgen/internal/scrape/scopetable"
	"github.com/permgen/permgen/internal/scrape/tencentcam"
)

// A format is one page layout: Detect says whether a document looks like it, Scrape
// reads it.
type format struct {
	name   string
	detect func(*goquery.Document) bool
	scrape func(src model.Source, doc *goquery.Document) (*model.Page, error)
	// raw, when set, reads the page's bytes itself, so that a page whose format is
	// known is never parsed into a tree (the AWS pages: a tree was two thirds of a run).
	raw func(src model.Source, html []byte) (*model.Page, error)
}

// formats in detection order: the more specific layout first.
var formats = []format{
	{model.FormatAWSSAR, awssar.Detect, nil, awssar.ScrapeBytes},
	{model.FormatTencentCAM, tencentcam.Detect, tencentcam.Scrape, nil},
	{model.FormatScopeTable, scopetable.Detect, scopetable.Scrape, nil},
}

// Formats lists the names of the formats permgen can read.
func Formats() []string {
	names := make([]string, len(formats))
	for i, f := range formats {
		names[i] = f.name
	}
	return names
}

// Page reads one snapshot. src.Format may be empty: the format is then detected from
// the content and the page carries a warning saying so, so that a maintainer adds a
// manifest entry.
func Page(src model.Source, html []byte) (*model.Page, error) {
	if err := checkComplete(src.File, html); err != nil {
		return nil, err
	}
	var doc *goquery.Document
	parse := func() (err error) {
		if doc == nil {
			if doc, err = goquery.NewDocumentFromReader(bytes.NewReader(html)); err != nil {
				return fmt.Errorf("%s: parse HTML: %w", src.File, err)
			}
		}
		return nil
	}
	detected := false
	if src.Format == "" {
		if err := parse(); err != nil {
			return nil, err
		}
		for _, f := range formats {
			if f.detect(doc) {
				src.Format = f.name
				detected = true
				break
			}
		}
		if src.Format == "" && src.Vendor == "aws" {
			// AWS's folder also holds what the site served for a retired page (a
			// "301 Moved Permanently" stub): it is an AWS page with no actions, which
			// the AWS scraper reports, not a page of unknown format.
			src.Format = model.FormatAWSSAR
			detected = true
		}
		if src.Format == "" {
			return nil, fmt.Errorf("%s: no known page format found (known: %s); name one in the manifest", src.File, strings.Join(Formats(), ", "))
		}
	}
	for _, f := range formats {
		if f.name != src.Format {
			continue
		}
		var p *model.Page
		var err error
		if f.raw != nil {
			p, err = f.raw(src, html)
		} else if err = parse(); err == nil {
			p, err = f.scrape(src, doc)
		}
		if err != nil {
			return nil, err
		}
		if detected {
			p.Warnings = append([]model.Diagnostic{{
				Pos:  model.Pos{File: src.File},
				Code: "no-manifest-entry",
				Msg:  fmt.Sprintf("page is not in the manifest; format %q detected from its content", src.Format),
			}}, p.Warnings...)
		}
		return p, nil
	}
	return nil, fmt.Errorf("%s: unknown format %q (known: %s)", src.File, src.Format, strings.Join(Formats(), ", "))
}

// checkComplete rejects a snapshot cut off in transfer or in an editor: the HTML
// parser would silently close every open element and a shortened table would look
// like a vendor change.
func checkComplete(file string, html []byte) error {
	tail := bytes.TrimSpace(html)
	if len(tail) == 0 {
		return fmt.Errorf("%s: empty file", file)
	}
	// Only the end is looked at: lower-casing a whole AWS page cost 4% of a run.
	if !bytes.HasSuffix(bytes.ToLower(tail[max(0, len(tail)-len("</html>")):]), []byte("</html>")) {
		return fmt.Errorf("%s: truncated HTML: the file does not end with </html>", file)
	}
	return nil
}
