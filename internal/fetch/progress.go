package fetch

import (
	"fmt"
	"strings"
)

// printPage writes one page's line, and below it what a maintainer should act on:
// redirects (the manifest's url may be stale) and warnings.
//
//	[2/3] tencentcloud/ccc.html: updated (200, 41.2 KiB, .J-markdown-box, gbk)
//	[3/3] acme/scopes.html: FAILED: HTTP 404 Not Found; old snapshot kept
func (c *Client) printPage(i, n int, p PageReport) {
	if c.Progress == nil {
		return
	}
	var b strings.Builder
	fmt.Fprintf(&b, "[%d/%d] %s: ", i, n, p.Path)
	r := p.Result
	switch p.Outcome {
	case Failed:
		fmt.Fprintf(&b, "FAILED: %v; old snapshot kept", p.Err)
		if r.Bytes > 0 {
			fmt.Fprintf(&b, " (%s read)", size(r.Bytes))
		}
	case Skipped:
		fmt.Fprintf(&b, "skipped: %v", p.Err)
	case NotModified:
		fmt.Fprintf(&b, "%s (%d)", p.Outcome, r.Status)
	default:
		container := r.Container
		if container == "" {
			container = "whole body"
		}
		fmt.Fprintf(&b, "%s (%d, %s, %s, %s)", p.Outcome, r.Status, size(r.Bytes), container, r.Charset)
	}
	b.WriteByte('\n')
	if len(r.Redirects) > 0 {
		fmt.Fprintf(&b, "  redirected: %s -> %s; update the manifest's url if the move is permanent\n", strings.Join(r.Redirects, " -> "), r.URL)
	}
	for _, w := range r.Warnings {
		fmt.Fprintf(&b, "  warning: %s\n", w)
	}
	fmt.Fprint(c.Progress, b.String())
}

// printSummary writes the run's totals.
//
//	fetch: 3 pages: 1 updated, 0 unchanged, 1 not modified, 0 skipped, 1 failed; 41.2 KiB read; manifest updated
func (c *Client) printSummary(r *Report, total int) {
	if c.Progress == nil {
		return
	}
	count := map[Outcome]int{}
	for _, p := range r.Pages {
		count[p.Outcome]++
	}
	manifest := "manifest unchanged"
	if r.ManifestWritten {
		manifest = "manifest updated"
	}
	notTried := ""
	if n := total - len(r.Pages); n > 0 {
		notTried = fmt.Sprintf(", %d not tried", n)
	}
	fmt.Fprintf(c.Progress, "fetch: %d pages: %d updated, %d unchanged, %d not modified, %d skipped, %d failed%s; %s read; %s\n",
		total, count[Updated], count[Unchanged], count[NotModified], count[Skipped], count[Failed], notTried, size(r.Bytes()), manifest)
}

// size renders a byte count for people.
func size(n int64) string {
	switch {
	case n < 1<<10:
		return fmt.Sprintf("%d B", n)
	case n < 1<<20:
		return fmt.Sprintf("%.1f KiB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
}
