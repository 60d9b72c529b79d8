package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strings"

	"github.com/permgen/permgen/internal/fetch"
	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/scrape"
	"github.com/permgen/permgen/internal/vendor"
	"github.com/permgen/permgen/internal/vendors/all"
)

// runFetch refreshes the snapshots of the -in folder's manifest over HTTP. Exit 0
// when every page was fetched or not modified, 1 when a page failed (its snapshot
// kept), 2 when the run could not start or finish. Updated files are listed on
// stdout, progress goes to stderr.
func runFetch(args []string, stdout, stderr io.Writer) error {
	fs, p := newFlags("fetch", "", `Download each page of the manifest that has a url, each AWS page in aws/ (no
manifest needed) and each page a vendor derives from its own sources (see the README's "gen
fetch"), and replace its snapshot when the documentation itself changed
(content container only, UTF-8, conditional requests). Updated files go to stdout,
progress to stderr. Exit 0 ok, 1 when a page failed (its snapshot kept), 2 when the
run could not start or no host could be resolved or connected to (nothing written).
A vendor page named by another is fetched the run after it: Tencent Cloud's uniform
pages come from its live product index, so run -only tencentcloud twice (or
-only tencentcloud/product-index.snapshot first).`, stderr)
	var only onlyFlag
	fs.Var(&only, "only", "fetch only this `vendor or page` (a path below -in, or the file); repeat for more")
	c := fetch.NewClient()
	fs.DurationVar(&c.Timeout, "timeout", fetch.DefaultTimeout, "give up on one attempt after this `duration`")
	fs.IntVar(&c.Retries, "retries", fetch.DefaultRetries, "retry a timeout, a network error, 408, 429 or 5xx this many `times`")
	fs.DurationVar(&c.MinInterval, "rate", fetch.DefaultMinInterval, "least `duration` between the starts of two requests")
	fs.Int64Var(&c.MaxBytes, "max-size", fetch.DefaultMaxBytes, "largest page accepted, in `bytes`")
	fs.StringVar(&c.UserAgent, "user-agent", fetch.DefaultUserAgent, "User-Agent `header`; keep it naming permgen")
	if err := p.parse(fs, args); err != nil {
		return err
	}
	c.Progress = stderr
	c.Validate = scrapes
	if fetchTransport != nil {
		c.HTTP = &http.Client{Transport: fetchTransport}
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	rep, err := fetch.RunVendors(ctx, p.in, c, only, vendorPages)
	if rep != nil {
		for _, pr := range rep.Pages {
			if pr.Outcome == fetch.Updated {
				fmt.Fprintln(stdout, filepath.Join(p.in, filepath.FromSlash(pr.Path)))
			}
		}
	}
	if err != nil {
		return err
	}
	if len(rep.Failed()) > 0 {
		return exitError{1}
	}
	return nil
}

// fetchTransport, when set, carries every request of gen fetch: tests send all
// hosts to a server on 127.0.0.1, since the vendors name pages by their real
// addresses (Tencent's live product index). Nil in the command.
var fetchTransport http.RoundTripper

// scrapes refuses a fetched page that permgen cannot read, so that a captcha or an
// error page served with 200 never replaces a working snapshot.
func scrapes(src model.Source, html []byte) error {
	_, err := scrape.Page(src, html)
	return err
}

// vendorPages are the pages the registry's vendors name for gen fetch.
func vendorPages(dir string) ([]fetch.VendorPage, error) {
	pages, err := all.Vendors.FetchPages(vendor.Sources{Dir: dir})
	out := make([]fetch.VendorPage, len(pages))
	for i, p := range pages {
		out[i] = fetch.VendorPage(p)
	}
	return out, err
}

// onlyFlag collects the values of a repeated -only.
type onlyFlag []string

func (o *onlyFlag) String() string { return strings.Join(*o, ",") }

func (o *onlyFlag) Set(v string) error {
	if strings.TrimSpace(v) == "" {
		return fmt.Errorf("empty; want a vendor (aws, tencentcloud) or a page")
	}
	*o = append(*o, v)
	return nil
}
