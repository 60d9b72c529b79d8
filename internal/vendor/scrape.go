package vendor

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/permgen/permgen/internal/model"
)

// Fallback is a vendor that reads, with one of its formats, a page of its own
// sources folder (Source.Vendor equal to its Name) that no format detects: AWS's
// folder also holds what the site served for a retired page, a redirect stub that
// is an AWS page with no actions, which the AWS format reports.
type Fallback interface {
	Fallback() Format
}

// Scrape reads one snapshot with the format the manifest names (src.Format), or
// with the first format that detects it; a detected page carries a warning saying
// so, so that a maintainer adds a manifest entry.
func (r Registry) Scrape(src model.Source, html []byte) (*model.Page, error) {
	if err := checkComplete(src.File, html); err != nil {
		return nil, err
	}
	d := &Doc{Source: src, HTML: html}
	var format Format
	detected := src.Format == ""
	if detected {
		if _, err := d.Tree(); err != nil {
			return nil, err
		}
		format = r.detect(d)
		if format == nil {
			return nil, fmt.Errorf("%s: no known page format found (known: %s); name one in the manifest", src.File, strings.Join(r.FormatNames(), ", "))
		}
		d.Source.Format = format.Name()
	} else if _, format, _ = r.Format(src.Format); format == nil {
		return nil, fmt.Errorf("%s: unknown format %q (known: %s)", src.File, src.Format, strings.Join(r.FormatNames(), ", "))
	}
	p, err := format.Scrape(d)
	if err != nil {
		return nil, err
	}
	if detected {
		p.Warnings = append([]model.Diagnostic{{
			Pos:  model.Pos{File: src.File},
			Code: "no-manifest-entry",
			Msg:  fmt.Sprintf("page is not in the manifest (format detected from its content); its entry would be %s, plus \"url\" for gen fetch", manifestEntry(d.Source)),
		}}, p.Warnings...)
	}
	return p, nil
}

// detect returns the first format that recognizes d, else the fallback of the
// vendor whose folder d is in, else nil.
func (r Registry) detect(d *Doc) Format {
	for _, v := range r {
		for _, f := range v.Formats() {
			if f.Detect(d) {
				return f
			}
		}
	}
	for _, v := range r {
		if fb, ok := v.(Fallback); ok && v.Name() == d.Source.Vendor {
			return fb.Fallback()
		}
	}
	return nil
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

// manifestEntry is the manifest entry an unlisted page would have: what the run
// worked out for it, as the manifest spells it.
func manifestEntry(src model.Source) string {
	b, _ := json.Marshal(struct {
		Path       string `json:"path"`
		Vendor     string `json:"vendor"`
		Format     string `json:"format"`
		APIVersion string `json:"api_version,omitempty"`
	}{src.Path, src.Vendor, src.Format, src.APIVersion})
	return string(b)
}
