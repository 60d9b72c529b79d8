package fetch

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"strings"

	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/source"
	"github.com/permgen/permgen/internal/write"
)

// Outcome is what a run did with one page.
type Outcome string

// The outcomes of a page.
const (
	Updated     Outcome = "updated"      // a new snapshot was written
	Unchanged   Outcome = "unchanged"    // 200, and the snapshot came out byte-identical
	NotModified Outcome = "not modified" // 304: the snapshot was left as it is
	Skipped     Outcome = "skipped"      // nothing to fetch (no url)
	Failed      Outcome = "failed"       // the old snapshot was kept
)

// PageReport is the outcome of one manifest entry.
type PageReport struct {
	Path    string  // the entry's path below the sources folder
	Outcome Outcome // what was done
	Result  Result  // what the client saw; zero when skipped
	Err     error   // why it failed, or why it was skipped
}

// Report is the outcome of a run, pages in manifest order.
type Report struct {
	Pages           []PageReport
	ManifestWritten bool // an entry's validators changed and the manifest was rewritten
}

// Failed returns the pages that failed.
func (r *Report) Failed() []PageReport {
	var out []PageReport
	for _, p := range r.Pages {
		if p.Outcome == Failed {
			out = append(out, p)
		}
	}
	return out
}

// Bytes is the total size of the bodies read.
func (r *Report) Bytes() int64 {
	var n int64
	for _, p := range r.Pages {
		n += p.Result.Bytes
	}
	return n
}

// Run refreshes every page of dir's manifest with c, in manifest order, trying them
// all: a failed page is reported and keeps its snapshot. The error is for what stops
// the run (an unreadable manifest, a manifest that cannot be written, a cancelled
// context, no host reachable); page failures are in the report.
func Run(ctx context.Context, dir string, c *Client) (*Report, error) {
	return RunOnly(ctx, dir, c, nil)
}

// RunOnly is Run for the pages only names (vendors, or page paths); all of them
// when only is empty. A manifest is optional: without one, the AWS pages in aws/
// are the pages. Once every host of the run has failed to resolve or connect (a
// machine with no network), the run stops with an error and writes nothing; a page
// of a host already found unreachable fails at once rather than being retried.
func RunOnly(ctx context.Context, dir string, c *Client, only []string) (*Report, error) {
	return RunVendors(ctx, dir, c, only, nil)
}

// RunVendors is RunOnly with the pages list names (the vendors' own, which gen
// fetch asks of the registry) after the manifest's: selected, reported and refreshed like them, each checked by
// its vendor's reader when the vendor gives one. Such a page enters the manifest,
// when its vendor asks, once it was fetched; the files it replaces are removed once
// it is on disk.
func RunVendors(ctx context.Context, dir string, c *Client, only []string, list Lister) (*Report, error) {
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return nil, fmt.Errorf("sources folder %s does not exist", dir)
	}
	manifestFile := filepath.Join(dir, source.ManifestFile)
	m, err := readManifest(manifestFile)
	if errors.Is(err, fs.ErrNotExist) {
		m, err = &source.Manifest{}, nil // optional: AWS pages as fetched need none
	}
	if err != nil {
		return nil, err
	}
	rep := &Report{}
	todo := append(append([]model.Source(nil), m.Pages...), unlistedAWS(dir, m.Pages)...)
	listed := len(todo) // the manifest's pages and the AWS pages; then the vendors'
	extra, err := vendorPages(dir, list, todo)
	if err != nil {
		return nil, err
	}
	for _, fp := range extra {
		todo = append(todo, fp.Source)
	}
	if len(todo) == 0 {
		return nil, fmt.Errorf("nothing to fetch in %s: no %s entry and no %s/list_*.html page", dir, source.ManifestFile, source.AWSDir)
	}
	selected, err := selectPages(dir, todo, only)
	if err != nil {
		return nil, err
	}
	pages := append([]model.Source(nil), todo...)
	hosts := newReach(todo, selected)
	var stopped error
	fetched := make([]bool, len(todo))
	for n, i := range selected {
		if ctx.Err() != nil {
			break
		}
		src := todo[i]
		var pr PageReport
		next := src
		if down := hosts.down(src); down != nil {
			pr = PageReport{Path: src.Path, Outcome: Failed, Err: fmt.Errorf("host unreachable, as for an earlier page: %w", down)}
		} else if i >= listed {
			pr, next = refreshVendorPage(ctx, dir, c, extra[i-listed])
		} else {
			pr, next = refresh(ctx, dir, c, src)
		}
		fetched[i] = pr.Outcome == Updated || pr.Outcome == Unchanged || pr.Outcome == NotModified
		pages[i] = next
		rep.Pages = append(rep.Pages, pr)
		hosts.note(src, pr)
		c.printPage(n+1, len(selected), pr)
		if stopped = hosts.none(); stopped != nil {
			break
		}
	}
	var errs []error
	if ctx.Err() != nil {
		errs = append(errs, fmt.Errorf("stopped after %d of %d pages: %w", len(rep.Pages), len(selected), ctx.Err()))
	}
	if stopped != nil {
		c.printSummary(rep, len(selected))
		return rep, stopped // nothing was fetched: nothing to write
	}
	changed := false
	for i := range pages[:listed] {
		changed = changed || pages[i] != todo[i]
	}
	keep := pages[:listed:listed]
	for i := listed; i < len(pages); i++ {
		// A vendor's page enters the manifest once it is on disk, and only then.
		if extra[i-listed].Manifest && fetched[i] {
			keep = append(keep, pages[i])
			changed = true
		}
	}
	if changed {
		m.Pages = keep
		if err := writeManifest(manifestFile, m); err != nil {
			errs = append(errs, err)
		} else {
			rep.ManifestWritten = true
		}
	}
	c.printSummary(rep, len(selected))
	return rep, errors.Join(errs...)
}

// unlistedAWS returns the AWS pages (aws/list_*.html) the manifest does not list,
// as source.AWSPage describes them: they are refreshed too, and once one has
// validators to keep they are written into the manifest like any other page.
func unlistedAWS(dir string, listed []model.Source) []model.Source {
	have := map[string]bool{}
	for _, s := range listed {
		have[s.Path] = true
	}
	files, _ := filepath.Glob(filepath.Join(dir, source.AWSDir, "list_*.html"))
	var out []model.Source
	for _, f := range files {
		p := source.AWSDir + "/" + filepath.Base(f)
		if !have[p] {
			out = append(out, source.AWSPage(p))
		}
	}
	return out
}

// refresh fetches one page and writes its snapshot; it returns the manifest entry
// to keep, which changes only when the fetch succeeded.
func refresh(ctx context.Context, dir string, c *Client, src model.Source) (PageReport, model.Source) {
	pr := PageReport{Path: src.Path}
	if err := checkPath(src.Path); err != nil {
		pr.Outcome, pr.Err = Failed, err
		return pr, src
	}
	if strings.TrimSpace(src.URL) == "" {
		pr.Outcome, pr.Err = Skipped, errors.New("no url in the manifest")
		return pr, src
	}
	file := filepath.Join(dir, filepath.FromSlash(src.Path))
	old, err := os.ReadFile(file)
	exists := err == nil
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		pr.Outcome, pr.Err = Failed, err
		return pr, src
	}
	req := src
	req.File = file
	if !exists {
		req.ETag, req.LastModified = "", ""
	}
	res, err := c.Page(ctx, req)
	pr.Result = res
	if err != nil {
		pr.Outcome, pr.Err = Failed, err
		return pr, src
	}
	next := src
	next.ETag, next.LastModified = res.ETag, res.LastModified
	switch {
	case res.NotModified:
		pr.Outcome = NotModified
	case exists && bytes.Equal(old, res.HTML):
		pr.Outcome = Unchanged
	default:
		if err := write.Atomic(file, res.HTML); err != nil {
			pr.Outcome, pr.Err = Failed, err
			return pr, src
		}
		pr.Outcome = Updated
		next.Fetched = c.now().UTC().Format("2006-01-02")
		next.Provenance = provenance(res)
	}
	return pr, next
}

// provenance says how a fetched snapshot was made; it names nothing that varies
// between two fetches of the same page.
func provenance(res Result) string {
	kept := "its content container " + res.Container
	if res.Container == "" {
		kept = "its whole body (no content container found)"
	}
	return fmt.Sprintf("fetched from the url by permgen fetch; kept %s; charset %s, stored as UTF-8", kept, res.Charset)
}

// checkPath refuses entries that would write outside the sources folder.
func checkPath(p string) error {
	if p == "" || path.Clean(p) != p || p == ".." || strings.HasPrefix(p, "../") || path.IsAbs(p) {
		return fmt.Errorf("path %q must be a clean path below the sources folder", p)
	}
	return nil
}

// readManifest decodes the manifest as strictly as the sources loader does, so that
// rewriting it can never drop a key the loader would have refused.
func readManifest(file string) (*source.Manifest, error) {
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var m source.Manifest
	if err := dec.Decode(&m); err != nil {
		return nil, fmt.Errorf("%s: %w", file, err)
	}
	return &m, nil
}

// writeManifest writes the manifest in its checked-in form: 2-space indents, no
// HTML escaping, a final newline.
func writeManifest(file string, m *source.Manifest) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(m); err != nil {
		return err
	}
	if err := write.Atomic(file, buf.Bytes()); err != nil {
		return fmt.Errorf("%s: %w", file, err)
	}
	return nil
}
