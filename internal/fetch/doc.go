// Package fetch refreshes the snapshots listed in sources/manifest.json over HTTP.
//
// The snapshots are checked in and everything after them is deterministic, so a
// refresh must change a file only when the vendor changed the documentation, must
// never replace a good snapshot with a bad one, and must be kind to the vendor's
// servers. Each behaviour below exists for one of those reasons.
//
// Politeness. Every request carries a User-Agent naming permgen, so that a vendor who
// sees the traffic knows what it is and where to complain. Requests are spaced by
// Client.MinInterval, retries included, so that a manifest of many pages on one site
// is not a burst.
//
// Conditional requests. The ETag and Last-Modified of the response a snapshot came
// from are kept in its manifest entry and sent back as If-None-Match and
// If-Modified-Since. A 304 leaves the snapshot as it is: an unchanged page costs the
// vendor no body and the repository no diff. Validators are not sent for a snapshot
// that does not exist, since a 304 would then leave nothing to keep.
//
// Failures. Each attempt has a timeout, so that one stalled server does not hang the
// run. Network errors, timeouts, 408, 429 and 5xx are transient and retried with
// backoff (Client.Backoff, or the server's Retry-After when it asks for longer);
// other statuses are the server's answer and are not retried. A failed page keeps its
// old snapshot byte for byte and is reported; the other pages are still tried, and
// the command exits non-zero at the end, so that one broken link neither hides the
// rest nor passes unnoticed.
//
// Limits. A body over Client.MaxBytes fails the page before anything is written, so
// that a misconfigured server or a decompression bomb cannot fill the disk or the
// repository. Redirects are followed up to Client.MaxRedirects and reported (the
// manifest's URL may deserve an update); a loop fails at once with the loop named.
// Only http and https URLs are fetched, so that a manifest entry cannot read a local
// file or talk another protocol.
//
// Content. A response that is not text/html or application/xhtml+xml fails: an API
// error in JSON or a PDF is not a documentation page, and the scrapers would make
// nothing or nonsense of it. The body is decoded to UTF-8 from the charset named by
// the Content-Type header, else by the page's <meta charset> or <meta http-equiv>,
// else UTF-8 (Tencent's older pages are GBK). A body that is not valid in its charset
// fails rather than being stored with replacement characters, since mojibake in a
// snapshot would become mojibake in generated names and descriptions.
//
// Extraction. Only the content container is kept (Tencent's .J-markdown-box or
// .markdown-body, Docusaurus's .theme-doc-markdown or article, else main), inside a
// minimal document: doctype, <html lang>, a head with <meta charset="utf-8"> and the
// title, and a body holding the container as found. Banners, navigation, "last
// updated" stamps and tracking scripts live outside it, and keeping them would make
// every refresh a change. A page with no container keeps its whole body, with a
// warning. Client.Validate, when set, checks the result before it is written; the
// command sets it to scraping the page, so that a captcha, a login wall or an error
// page served with 200 never replaces a snapshot permgen can read.
//
// Writing. Snapshots and the manifest are replaced atomically (a temporary file in
// the same folder, then rename), so that an interrupted run leaves every file either
// old or new, never cut off. A snapshot whose bytes did not change is not rewritten,
// and the manifest is rewritten, in its own 2-space indented form with the pages in
// their order, only when an entry changed. An updated page's entry records the
// date (fetched) and a provenance saying how the snapshot was made, which names
// nothing that varies between two fetches of the same page.
//
// Vendor pages. Besides the manifest's pages and AWS's, a run refreshes the pages
// the vendors name themselves (RunVendors' Lister; gen fetch asks the registry's
// vendor.Fetchers): Tencent's uniform pages, Google Cloud's live pages. They are
// selected by -only like the others; each is checked by its vendor's own reader
// when it gives one, enters the manifest only when its vendor asks and only once
// it is on disk, and removes the files it replaces (an archive's copy of the same
// page) only after it is written, so that a failed page changes nothing.
//
// Progress goes to Client.Progress: one line per page (its number of the total, the
// outcome and the bytes read), retries and redirects as they happen, and a summary.
// Cancelling the context stops the run at once, a request in flight or a backoff
// included; the pages not reached are counted as not tried, and the manifest still
// records the pages already written.
package fetch
