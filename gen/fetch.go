package main

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"slices"
	"sort"
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
	fs, p := newFlags("fetch", "", fetchHelp(), stderr)
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
		return fmt.Errorf("empty; want a vendor (%s) or a page", strings.Join(fetchHelpVendors(), ", "))
	}
	*o = append(*o, v)
	return nil
}

// fetchHelp is fetch's help, with what each vendor says of its own pages
// (vendor.Helper's "fetch" places).
func fetchHelp() string {
	pages, _ := all.Vendors.Help("fetch", "pages")
	notes, _ := all.Vendors.Help("fetch", "note")
	list := ""
	for _, p := range pages {
		list += p + " "
	}
	help := `Download each page of the manifest that has a url, ` + list + `and each page a vendor derives from its own sources (see the README's "gen
fetch"), and replace its snapshot when the documentation itself changed
(content container only, UTF-8, conditional requests). Updated files go to stdout,
progress to stderr. Exit 0 ok, 1 when a page failed (its snapshot kept), 2 when the
run could not start or no host could be resolved or connected to (nothing written).`
	for _, n := range notes {
		help += "\n" + n
	}
	return help
}

// fetchHelpVendors names the vendors fetch's help speaks of, as examples of
// -only's values.
func fetchHelpVendors() []string {
	var names []string
	for _, place := range []string{"pages", "note"} {
		_, by := all.Vendors.Help("fetch", place)
		for _, v := range by {
			if !slices.Contains(names, v.Name()) {
				names = append(names, v.Name())
			}
		}
	}
	sort.Strings(names)
	return names
}
