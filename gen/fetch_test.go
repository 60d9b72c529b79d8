package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/permgen/permgen/internal/model"
)

// fetchCmd runs the fetch command as main does, until the command table lists it.
func fetchCmd(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	err := runFetch(args, &out, &errb)
	var ee exitError
	switch {
	case err == nil:
	case errors.As(err, &ee):
		code = ee.code
	default:
		fmt.Fprintf(&errb, "permgen fetch: %v\n", err)
		code = 2
	}
	return code, out.String(), errb.String()
}

// allTo sends every request of gen fetch to base (http://127.0.0.1:port) until
// the test ends: the vendors name pages at their real hosts.
func allTo(t *testing.T, base string) {
	t.Helper()
	fetchTransport = redirectAll{strings.TrimPrefix(base, "http://")}
	t.Cleanup(func() { fetchTransport = nil })
}

// redirectAll is a transport that sends each request to host, whatever its URL's.
type redirectAll struct{ host string }

func (r redirectAll) RoundTrip(req *http.Request) (*http.Response, error) {
	req = req.Clone(req.Context())
	req.URL.Scheme, req.URL.Host = "http", r.host
	return http.DefaultTransport.RoundTrip(req)
}

// fetchSources copies the repository's sources folder, pointing each manifest url
// at base + "/" + the page's path.
func fetchSources(t *testing.T, base string) (dir string, pages []model.Source) {
	t.Helper()
	dir = t.TempDir()
	var m struct {
		Pages []model.Source `json:"pages"`
	}
	data, err := os.ReadFile(filepath.Join(frozenSources, "manifest.json"))
	if err == nil {
		err = json.Unmarshal(data, &m)
	}
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range m.Pages {
		html, err := os.ReadFile(filepath.Join(frozenSources, filepath.FromSlash(p.Path)))
		if err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(dir, filepath.FromSlash(p.Path))
		if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(file, html, 0o644); err != nil {
			t.Fatal(err)
		}
		m.Pages[i].URL = base + "/" + p.Path
	}
	for _, f := range []string{"overrides.json"} {
		if data, err := os.ReadFile(filepath.Join(frozenSources, f)); err == nil {
			os.WriteFile(filepath.Join(dir, f), data, 0o644)
		}
	}
	data, err = json.MarshalIndent(m, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "manifest.json"), append(data, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	return dir, m.Pages
}

// TestFetchCommand: the Stella page updates, the Tencent page is gone; the run
// exits 1, keeps the Tencent snapshot, and leaves a sources folder that generates.
func TestFetchCommand(t *testing.T) {
	stella, err := os.ReadFile(filepath.Join(frozenSources, "stella", "access-control-list.html"))
	if err != nil {
		t.Fatal(err)
	}
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/stella/access-control-list.html" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("ETag", `"s1"`)
		w.Write(stella)
	}))
	defer s.Close()
	dir, before := fetchSources(t, s.URL)
	allTo(t, s.URL)
	ccc := filepath.Join(dir, "tencentcloud", "ccc.html")
	oldCCC, _ := os.ReadFile(ccc)

	code, stdout, stderr := fetchCmd(t, "-in", dir, "-rate", "0", "-retries", "0")
	if code != 1 {
		t.Fatalf("exit %d, want 1 (one page failed)\n%s", code, stderr)
	}
	if want := filepath.Join(dir, "stella", "access-control-list.html") + "\n"; stdout != want {
		t.Errorf("stdout %q, want the updated file %q", stdout, want)
	}
	for _, want := range []string{
		"[1/3] stella/access-control-list.html: updated (200, 21.1 KiB, .theme-doc-markdown, utf-8)\n",
		"[2/3] tencentcloud/ccc.html: FAILED: HTTP 404 Not Found; old snapshot kept\n",
		// Tencent's live product index, which the vendor names itself.
		"[3/3] tencentcloud/product-index.snapshot: FAILED: HTTP 404 Not Found; old snapshot kept\n",
		"fetch: 3 pages: 1 updated, 0 unchanged, 0 not modified, 0 skipped, 2 failed; 21.1 KiB read; manifest updated\n",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if got, _ := os.ReadFile(ccc); !bytes.Equal(got, oldCCC) {
		t.Error("the failed page's snapshot changed")
	}
	var m struct{ Pages []model.Source }
	data, _ := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	if m.Pages[0].ETag != `"s1"` || m.Pages[0].Fetched == "" || m.Pages[1] != before[1] {
		t.Errorf("manifest after the run:\n%s", data)
	}
	// The refreshed folder is still a sources folder permgen generates from.
	out := filepath.Join(t.TempDir(), "out")
	if code, _, stderr := runGen(t, "generate", "-in", dir, "-out", out, "-import", "example.com/x/out"); code != 0 {
		t.Fatalf("generate from the fetched sources: exit %d\n%s", code, stderr)
	}
}

// TestFetchRefusesAPageItCannotRead serves a captcha with 200: the snapshot stays.
func TestFetchRefusesAPageItCannotRead(t *testing.T) {
	s := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, `<!DOCTYPE html><html><head><title>验证</title></head><body><main><p>请完成安全验证</p></main></body></html>`)
	}))
	defer s.Close()
	dir, _ := fetchSources(t, s.URL)
	allTo(t, s.URL)
	manifest, _ := os.ReadFile(filepath.Join(dir, "manifest.json"))
	code, stdout, stderr := fetchCmd(t, "-in", dir, "-rate", "0", "-retries", "0")
	if code != 1 || stdout != "" {
		t.Fatalf("exit %d, stdout %q; want 1 and nothing updated\n%s", code, stdout, stderr)
	}
	if !strings.Contains(stderr, "[1/3] stella/access-control-list.html: FAILED: the fetched page is not readable as before: ") {
		t.Errorf("stderr does not say why:\n%s", stderr)
	}
	if !strings.Contains(stderr, "[3/3] tencentcloud/product-index.snapshot: FAILED: the fetched page is not readable as before: ") ||
		!strings.Contains(stderr, "not the CAM product index") {
		t.Errorf("the live index's own check does not say why:\n%s", stderr)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "manifest.json")); !bytes.Equal(got, manifest) {
		t.Error("the manifest changed although no page did")
	}
}

func TestFetchUsage(t *testing.T) {
	if code, _, stderr := fetchCmd(t, "-h"); code != 0 || !strings.Contains(stderr, "-rate duration") {
		t.Errorf("-h: exit %d\n%s", code, stderr)
	}
	if code, _, _ := fetchCmd(t, "-nosuch"); code != 2 {
		t.Errorf("unknown flag: exit %d, want 2", code)
	}
	if code, _, _ := fetchCmd(t, "extra"); code != 2 {
		t.Errorf("extra argument: exit %d, want 2", code)
	}
	if code, _, stderr := fetchCmd(t, "-in", t.TempDir()); code != 2 || !strings.Contains(stderr, "nothing to fetch in") {
		t.Errorf("no manifest and no AWS pages: exit %d, want 2\n%s", code, stderr)
	}
}

// Issue 18 item 5: with no host reachable, gen fetch stops early, says so, exits 2
// and writes nothing; -only names what to fetch, and a name that selects nothing is
// refused.
func TestFetchWithoutNetworkAndOnly(t *testing.T) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	closed := "http://" + l.Addr().String()
	l.Close()
	dir, _ := fetchSources(t, closed)
	allTo(t, closed)
	before, _ := os.ReadFile(filepath.Join(dir, "manifest.json"))
	code, stdout, stderr := fetchCmd(t, "-in", dir, "-rate", "0", "-retries", "0")
	if code != 2 || stdout != "" || !strings.Contains(stderr, "no host could be resolved or connected to: 127.0.0.1") || !strings.Contains(stderr, "nothing written") {
		t.Errorf("fetch with no reachable host: exit %d, want 2 saying so\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
	if after, _ := os.ReadFile(filepath.Join(dir, "manifest.json")); !bytes.Equal(after, before) {
		t.Error("the manifest changed")
	}
	code, _, stderr = fetchCmd(t, "-in", dir, "-only", "nosuch")
	if code != 2 || !strings.Contains(stderr, "-only nosuch: no page of") {
		t.Errorf("fetch -only nosuch: exit %d\n%s", code, stderr)
	}
	code, _, stderr = fetchCmd(t, "-in", dir, "-rate", "0", "-retries", "0", "-only", "stella")
	if code != 2 || !strings.Contains(stderr, "[1/1] stella/access-control-list.html: FAILED") {
		t.Errorf("fetch -only stella: exit %d, want one page tried\n%s", code, stderr)
	}
}

// Issues 22 and 23: gen fetch asks the registry's vendors for their own pages; a
// vendor whose list is malformed stops the run before any request, naming the
// file and line (here Tencent's uniform-pages.txt), and nothing is written.
func TestFetchAsksTheVendors(t *testing.T) {
	dir := t.TempDir()
	list := filepath.Join(dir, "tencentcloud", "uniform-pages.txt")
	if err := os.MkdirAll(filepath.Dir(list), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(list, []byte("cvm https://example.com/not-a-cam-page\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr := fetchCmd(t, "-in", dir, "-only", "tencentcloud")
	if code != 2 || stdout != "" || !strings.Contains(stderr, "the pages of vendor tencentcloud: "+list+":1:") {
		t.Errorf("exit %d, want 2 naming the list's line\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "manifest.json")); !os.IsNotExist(err) {
		t.Errorf("a manifest was written: %v", err)
	}
}
