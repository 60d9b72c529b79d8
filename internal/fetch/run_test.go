package fetch

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/scrape"
	"github.com/permgen/permgen/internal/source"
)

// repoSources is the repository's sources folder, seen from this package.
const repoSources = "../../sources"

// sourcesDir makes a sources folder with a manifest of pages and the given files.
func sourcesDir(t *testing.T, pages []model.Source, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	data, err := json.MarshalIndent(source.Manifest{Pages: pages}, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, source.ManifestFile), append(data, '\n'))
	for p, body := range files {
		writeFile(t, filepath.Join(dir, filepath.FromSlash(p)), []byte(body))
	}
	return dir
}

func manifestOf(t *testing.T, dir string) []model.Source {
	t.Helper()
	m, err := readManifest(filepath.Join(dir, source.ManifestFile))
	if err != nil {
		t.Fatal(err)
	}
	return m.Pages
}

// unchangedFile records a file's bytes and modification time, to check later that
// it was not touched at all.
func unchangedFile(t *testing.T, file string) func() {
	t.Helper()
	old := readFile(t, file)
	info, err := os.Stat(file)
	if err != nil {
		t.Fatal(err)
	}
	// A rewrite within the file system's timestamp granularity would go unseen.
	time.Sleep(10 * time.Millisecond)
	return func() {
		t.Helper()
		now, err := os.Stat(file)
		if err != nil {
			t.Fatal(err)
		}
		if got := readFile(t, file); !bytes.Equal(got, old) || !now.ModTime().Equal(info.ModTime()) {
			t.Errorf("%s was rewritten (%s -> %s)", file, info.ModTime(), now.ModTime())
		}
	}
}

func TestFailedPageKeepsItsSnapshotAndOthersAreTried(t *testing.T) {
	s := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if r.URL.Path == "/gone" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("ETag", `"v2"`)
		htmlResponse(w, page("main", "new"))
	})
	dir := sourcesDir(t, []model.Source{
		{Path: "a/gone.html", Vendor: "a", Format: "scope-table", URL: s.URL + "/gone", ETag: `"v1"`},
		{Path: "a/ok.html", Vendor: "a", Format: "scope-table", URL: s.URL + "/ok"},
	}, map[string]string{"a/gone.html": "old gone", "a/ok.html": "old ok"})
	gone := unchangedFile(t, filepath.Join(dir, "a/gone.html"))
	rep, err := Run(context.Background(), dir, testClient(nil))
	if err != nil {
		t.Fatal(err)
	}
	gone()
	if got := outcomes(rep); got != "a/gone.html failed, a/ok.html updated" {
		t.Errorf("outcomes: %s", got)
	}
	if f := rep.Failed(); len(f) != 1 || f[0].Err.Error() != "HTTP 404 Not Found" {
		t.Errorf("Failed() = %+v, want the 404", f)
	}
	if got := readFile(t, filepath.Join(dir, "a/ok.html")); !bytes.Contains(got, []byte("new")) {
		t.Errorf("a/ok.html not updated: %s", got)
	}
	m := manifestOf(t, dir)
	if m[0].ETag != `"v1"` || m[1].ETag != `"v2"` || m[1].Fetched != "2025-03-04" {
		t.Errorf("manifest validators: %+v", m)
	}
}

func outcomes(rep *Report) string {
	var parts []string
	for _, p := range rep.Pages {
		parts = append(parts, p.Path+" "+string(p.Outcome))
	}
	return strings.Join(parts, ", ")
}

// TestNotModifiedLeavesEverything is the conditional request: the server answers
// 304 only when the validators of the manifest come back.
func TestNotModifiedLeavesEverything(t *testing.T) {
	const etag, lastMod = `W/"abc"`, "Tue, 04 Mar 2025 08:00:00 GMT"
	s := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		switch {
		case r.URL.Path == "/etag" && r.Header.Get("If-None-Match") == etag,
			r.URL.Path == "/date" && r.Header.Get("If-Modified-Since") == lastMod && r.Header.Get("If-None-Match") == "":
			w.WriteHeader(http.StatusNotModified)
			return
		}
		htmlResponse(w, page("main", "changed"))
	})
	dir := sourcesDir(t, []model.Source{
		{Path: "a/etag.html", Vendor: "a", URL: s.URL + "/etag", ETag: etag, LastModified: lastMod, Fetched: "2025-01-01"},
		{Path: "a/date.html", Vendor: "a", URL: s.URL + "/date", LastModified: lastMod, Fetched: "2025-01-02"},
	}, map[string]string{"a/etag.html": "old 1", "a/date.html": "old 2"})
	checks := []func(){
		unchangedFile(t, filepath.Join(dir, source.ManifestFile)),
		unchangedFile(t, filepath.Join(dir, "a/etag.html")),
		unchangedFile(t, filepath.Join(dir, "a/date.html")),
	}
	rep, err := Run(context.Background(), dir, testClient(nil))
	if err != nil {
		t.Fatal(err)
	}
	for _, check := range checks {
		check()
	}
	if got := outcomes(rep); got != "a/etag.html not modified, a/date.html not modified" || rep.ManifestWritten {
		t.Errorf("outcomes %s, manifest written %v", got, rep.ManifestWritten)
	}
}

func TestUpdateRecordsValidatorsAndTheNextRunIsNotModified(t *testing.T) {
	s := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Last-Modified", "Mon, 03 Mar 2025 00:00:00 GMT")
		htmlResponse(w, page("main", "body"))
	})
	dir := sourcesDir(t, []model.Source{{Path: "a/p.html", Vendor: "a", URL: s.URL + "/p", Provenance: "typed in"}}, nil)
	rep, err := Run(context.Background(), dir, testClient(nil))
	if err != nil || outcomes(rep) != "a/p.html updated" || !rep.ManifestWritten {
		t.Fatalf("first run: %v, %s, manifest written %v", err, outcomes(rep), rep.ManifestWritten)
	}
	want := model.Source{
		Path: "a/p.html", Vendor: "a", URL: s.URL + "/p",
		Provenance: "fetched from the url by permgen fetch; kept its content container main; charset utf-8, stored as UTF-8",
		ETag:       `"v1"`, LastModified: "Mon, 03 Mar 2025 00:00:00 GMT", Fetched: "2025-03-04",
	}
	if d := cmp.Diff([]model.Source{want}, manifestOf(t, dir)); d != "" {
		t.Errorf("manifest (-want +got):\n%s", d)
	}
	check := unchangedFile(t, filepath.Join(dir, source.ManifestFile))
	rep, err = Run(context.Background(), dir, testClient(nil))
	if err != nil || outcomes(rep) != "a/p.html not modified" || rep.ManifestWritten {
		t.Fatalf("second run: %v, %s, manifest written %v", err, outcomes(rep), rep.ManifestWritten)
	}
	check()
}

func TestSameBytesRewriteNothing(t *testing.T) {
	s := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		htmlResponse(w, page("main", "same"))
	})
	ex, err := extract([]byte(page("main", "same")))
	if err != nil {
		t.Fatal(err)
	}
	dir := sourcesDir(t, []model.Source{{Path: "a/p.html", Vendor: "a", URL: s.URL + "/p", Fetched: "2024-12-31"}},
		map[string]string{"a/p.html": string(ex.html)})
	checks := []func(){unchangedFile(t, filepath.Join(dir, "a/p.html")), unchangedFile(t, filepath.Join(dir, source.ManifestFile))}
	rep, err := Run(context.Background(), dir, testClient(nil))
	if err != nil || outcomes(rep) != "a/p.html unchanged" || rep.ManifestWritten {
		t.Fatalf("%v, %s, manifest written %v", err, outcomes(rep), rep.ManifestWritten)
	}
	for _, check := range checks {
		check()
	}
}

func TestMissingSnapshotIsFetchedWithoutValidators(t *testing.T) {
	s := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if r.Header.Get("If-None-Match") != "" || r.Header.Get("If-Modified-Since") != "" {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		htmlResponse(w, page("main", "fresh"))
	})
	dir := sourcesDir(t, []model.Source{{Path: "new/p.html", Vendor: "new", URL: s.URL, ETag: `"x"`, LastModified: "Mon, 03 Mar 2025 00:00:00 GMT"}}, nil)
	rep, err := Run(context.Background(), dir, testClient(nil))
	if err != nil || outcomes(rep) != "new/p.html updated" {
		t.Fatalf("%v, %s", err, outcomes(rep))
	}
	if got := readFile(t, filepath.Join(dir, "new/p.html")); !bytes.Contains(got, []byte("fresh")) {
		t.Errorf("snapshot: %s", got)
	}
	if m := manifestOf(t, dir); m[0].ETag != "" || m[0].LastModified != "" {
		t.Errorf("validators the server no longer sends must go: %+v", m[0])
	}
}

func TestHugePageWritesNothing(t *testing.T) {
	s := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		htmlResponse(w, page("main", strings.Repeat("x", 4096)))
	})
	dir := sourcesDir(t, []model.Source{{Path: "a/p.html", Vendor: "a", URL: s.URL}}, nil)
	c := testClient(nil)
	c.MaxBytes = 1024
	check := unchangedFile(t, filepath.Join(dir, source.ManifestFile))
	rep, err := Run(context.Background(), dir, c)
	if err != nil || outcomes(rep) != "a/p.html failed" {
		t.Fatalf("%v, %s", err, outcomes(rep))
	}
	check()
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("the sources folder holds %d entries, want only the manifest", len(entries))
	}
}

func TestSkippedAndRefusedEntries(t *testing.T) {
	dir := sourcesDir(t, []model.Source{
		{Path: "a/nourl.html", Vendor: "a"},
		{Path: "../escape.html", Vendor: "a", URL: "http://127.0.0.1:1/"},
		{Path: "a/file.html", Vendor: "a", URL: "file:///etc/passwd"},
	}, nil)
	rep, err := Run(context.Background(), dir, testClient(nil))
	if err != nil {
		t.Fatal(err)
	}
	if got := outcomes(rep); got != "a/nourl.html skipped, ../escape.html failed, a/file.html failed" {
		t.Errorf("outcomes: %s", got)
	}
	for i, want := range []string{
		"no url in the manifest",
		`path "../escape.html" must be a clean path below the sources folder`,
		`url "file:///etc/passwd": only http and https URLs are fetched`,
	} {
		if got := rep.Pages[i].Err.Error(); got != want {
			t.Errorf("page %d: %s, want %s", i, got, want)
		}
	}
}

func TestBadManifestStopsTheRun(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, source.ManifestFile), []byte(`{"pages":[{"path":"a/p.html","etg":"x"}]}`))
	if _, err := Run(context.Background(), dir, testClient(nil)); err == nil || !strings.Contains(err.Error(), `unknown field "etg"`) {
		t.Errorf("err = %v, want the unknown field named", err)
	}
}

// TestManifestKeepsItsForm rewrites the repository's manifest: a run that changes a
// validator must not reformat the rest.
func TestManifestKeepsItsForm(t *testing.T) {
	file := filepath.Join(repoSources, source.ManifestFile)
	m, err := readManifest(file)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), source.ManifestFile)
	if err := writeManifest(out, m); err != nil {
		t.Fatal(err)
	}
	if got, want := readFile(t, out), readFile(t, file); !bytes.Equal(got, want) {
		t.Errorf("rewritten manifest differs:\n%s\nwant\n%s", got, want)
	}
}

func TestCancelledRunKeepsWhatWasDone(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	s := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if r.URL.Path == "/second" {
			cancel()
			wait(r, time.Minute)
			return
		}
		w.Header().Set("ETag", `"1"`)
		htmlResponse(w, page("main", "first"))
	})
	dir := sourcesDir(t, []model.Source{
		{Path: "a/first.html", Vendor: "a", URL: s.URL + "/first"},
		{Path: "a/second.html", Vendor: "a", URL: s.URL + "/second"},
		{Path: "a/third.html", Vendor: "a", URL: s.URL + "/third"},
	}, map[string]string{"a/second.html": "old"})
	var progress bytes.Buffer
	rep, err := Run(ctx, dir, testClient(&progress))
	if !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), "stopped after 2 of 3 pages") {
		t.Fatalf("err = %v, want cancelled after 2 of 3", err)
	}
	if got := outcomes(rep); got != "a/first.html updated, a/second.html failed" || s.requests("/third") != 0 {
		t.Errorf("outcomes %s, /third requested %d times", got, s.requests("/third"))
	}
	if m := manifestOf(t, dir); m[0].ETag != `"1"` {
		t.Errorf("the manifest must record the page written before the cancel: %+v", m[0])
	}
	if got := string(readFile(t, filepath.Join(dir, "a/second.html"))); got != "old" {
		t.Errorf("second snapshot: %q", got)
	}
	if !strings.Contains(progress.String(), "1 failed, 1 not tried;") {
		t.Errorf("summary does not count the page not tried:\n%s", progress.String())
	}
}

func TestProgress(t *testing.T) {
	s := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		switch r.URL.Path {
		case "/old":
			http.Redirect(w, r, "/new", http.StatusMovedPermanently)
		case "/new":
			htmlResponse(w, page("main", strings.Repeat("y", 2000)))
		case "/flaky":
			if n == 1 {
				w.WriteHeader(http.StatusBadGateway)
				return
			}
			htmlResponse(w, "<html><body><p>no container</p></body></html>")
		case "/same":
			w.WriteHeader(http.StatusNotModified)
		default:
			http.NotFound(w, r)
		}
	})
	dir := sourcesDir(t, []model.Source{
		{Path: "a/moved.html", Vendor: "a", URL: s.URL + "/old"},
		{Path: "a/flaky.html", Vendor: "a", URL: s.URL + "/flaky"},
		{Path: "a/same.html", Vendor: "a", URL: s.URL + "/same", ETag: `"e"`},
		{Path: "a/none.html", Vendor: "a"},
		{Path: "a/gone.html", Vendor: "a", URL: s.URL + "/gone"},
	}, map[string]string{"a/same.html": "kept", "a/gone.html": "kept"})
	var progress bytes.Buffer
	if _, err := Run(context.Background(), dir, testClient(&progress)); err != nil {
		t.Fatal(err)
	}
	want := `[1/5] a/moved.html: updated (200, 2.1 KiB, main, utf-8)
  redirected: URL/old -> URL/new; update the manifest's url if the move is permanent
  a/flaky.html: attempt 1 of 3: HTTP 502 Bad Gateway; retrying in 0s
[2/5] a/flaky.html: updated (200, 45 B, whole body, utf-8)
  warning: no content container (.J-markdown-box, .markdown-body, .theme-doc-markdown, #main-content, article, main) found; kept the whole <body>, so banners and navigation may change the snapshot
[3/5] a/same.html: not modified (304)
[4/5] a/none.html: skipped: no url in the manifest
[5/5] a/gone.html: FAILED: HTTP 404 Not Found; old snapshot kept
fetch: 5 pages: 2 updated, 0 unchanged, 1 not modified, 1 skipped, 1 failed; 2.1 KiB read; manifest updated
`
	if got := strings.ReplaceAll(progress.String(), s.URL, "URL"); got != want {
		t.Errorf("progress:\n%s\nwant\n%s", got, want)
	}
}

// TestFetchedPagesStillScrape serves the repository's two snapshots, the Tencent one
// in GBK as Tencent serves older pages, and checks that what fetch keeps reads into
// the same model as the original.
func TestFetchedPagesStillScrape(t *testing.T) {
	m, err := readManifest(filepath.Join(repoSources, source.ManifestFile))
	if err != nil {
		t.Fatal(err)
	}
	originals := map[string][]byte{}
	for _, p := range m.Pages {
		originals["/"+p.Path] = readFile(t, filepath.Join(repoSources, filepath.FromSlash(p.Path)))
	}
	s := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		body := originals[r.URL.Path]
		if strings.HasPrefix(r.URL.Path, "/tencentcloud/") {
			w.Header().Set("Content-Type", "text/html; charset=GBK")
			w.Write(gbk(t, strings.Replace(string(body), `<meta charset="utf-8">`, `<meta charset="gbk">`, 1)))
			return
		}
		htmlResponse(w, string(body))
	})
	pages := append([]model.Source(nil), m.Pages...)
	for i := range pages {
		pages[i].URL = s.URL + "/" + pages[i].Path
	}
	dir := sourcesDir(t, pages, nil)
	c := testClient(nil)
	c.Validate = func(src model.Source, html []byte) error {
		_, err := scrape.Page(src, html)
		return err
	}
	rep, err := Run(context.Background(), dir, c)
	if err != nil || len(rep.Failed()) > 0 {
		t.Fatalf("%v, %+v", err, rep.Failed())
	}
	rows := map[string]int{"tencentcloud/ccc.html": 119, "stella/access-control-list.html": 145}
	for _, p := range m.Pages {
		fetched := scrapeFile(t, filepath.Join(dir, filepath.FromSlash(p.Path)), p)
		original := scrapeFile(t, filepath.Join(repoSources, filepath.FromSlash(p.Path)), p)
		if n := countRows(fetched); n != rows[p.Path] {
			t.Errorf("%s: %d rows scraped from the fetched snapshot, want %d", p.Path, n, rows[p.Path])
		}
		if d := cmp.Diff(original, fetched, cmpopts.IgnoreFields(model.Pos{}, "File"), cmpopts.IgnoreFields(model.Page{}, "Source")); d != "" {
			t.Errorf("%s: the fetched snapshot reads differently (-original +fetched):\n%s", p.Path, d)
		}
	}
}

func scrapeFile(t *testing.T, file string, src model.Source) *model.Page {
	t.Helper()
	src.File = file
	p, err := scrape.Page(src, readFile(t, file))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func countRows(p *model.Page) int {
	n := 0
	for _, t := range p.Tables {
		n += len(t.Rows)
	}
	return n
}

// awsTransport sends every request to the test server, whatever its host: AWS pages
// are refreshed from the address their file name implies, docs.aws.amazon.com.
type awsTransport struct{ to string }

func (a awsTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.URL.Scheme, r.URL.Host = "http", strings.TrimPrefix(a.to, "http://")
	return http.DefaultTransport.RoundTrip(r)
}

// A folder whose aws/ holds pages as fetched, with no manifest: gen fetch refreshes
// them from the reference's address, keeps #main-content only, and writes their
// validators into a new manifest so the next run is conditional.
func TestAWSPagesNeedNoManifest(t *testing.T) {
	var paths []string
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		paths = append(paths, r.URL.Path)
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", `"v1"`)
		htmlResponse(w, `<html><head><title>S3</title><script>var b=1</script></head><body><div id="nav">x</div><div id="main-content"><h1>Actions, resources, and condition keys for Amazon S3</h1><table id="w9aab"><tr><td>a</td></tr></table></div></body></html>`)
	})
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "aws", "list_amazons3.html"), []byte("<html><body>old, chrome and all</body></html>"))
	c := testClient(nil)
	c.HTTP = &http.Client{Transport: awsTransport{srv.URL}}
	rep, err := Run(context.Background(), dir, c)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Pages) != 1 || rep.Pages[0].Outcome != Updated || len(paths) != 1 || paths[0] != "/service-authorization/latest/reference/list_amazons3.html" {
		t.Fatalf("report %+v, requests %v", rep.Pages, paths)
	}
	got := string(readFile(t, filepath.Join(dir, "aws", "list_amazons3.html")))
	if !strings.Contains(got, "Actions, resources, and condition keys for Amazon S3") || strings.Contains(got, "var b") || strings.Contains(got, "w9aab") {
		t.Errorf("snapshot:\n%s", got)
	}
	m := manifestOf(t, dir)
	if len(m) != 1 || m[0].Path != "aws/list_amazons3.html" || m[0].Format != model.FormatAWSSAR || m[0].ETag != `"v1"` ||
		m[0].URL != "https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html" {
		t.Errorf("manifest %+v", m)
	}
	if rep, err = Run(context.Background(), dir, c); err != nil || rep.Pages[0].Outcome != NotModified {
		t.Errorf("second run: %v %+v", err, rep)
	}
}
