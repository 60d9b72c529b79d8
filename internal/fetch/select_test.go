package fetch

import (
	"bytes"
	"context"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"testing"

	"github.com/permgen/permgen/internal/model"
)

// closedAddress is a 127.0.0.1 port nothing listens on: a connection is refused at
// once, as on a machine with no network.
func closedAddress(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	return addr
}

// Issue 18 item 5: with every host refusing connections, the run stops after one
// page per host instead of trying each page with retries; it says so, fails, and
// writes nothing (neither snapshot nor manifest).
func TestNoHostReachableStopsEarlyAndWritesNothing(t *testing.T) {
	a, b := closedAddress(t), closedAddress(t)
	var pages []model.Source
	files := map[string]string{}
	for i, host := range []string{a, a, a, b, b, a} {
		p := "v/p" + string(rune('0'+i)) + ".html"
		pages = append(pages, model.Source{Path: p, Vendor: "v", Format: model.FormatScopeTable, URL: "http://" + host + "/" + p})
		files[p] = "<html>old</html>"
	}
	dir := sourcesDir(t, pages, files)
	manifest := unchangedFile(t, filepath.Join(dir, "manifest.json"))
	snapshot := unchangedFile(t, filepath.Join(dir, "v", "p0.html"))
	var progress bytes.Buffer
	c := testClient(&progress)
	c.Retries = 2
	rep, err := Run(context.Background(), dir, c)
	if err == nil || !strings.Contains(err.Error(), "no host could be resolved or connected to: ") || !strings.Contains(err.Error(), "nothing written") {
		t.Fatalf("err = %v, want the run stopped for no reachable host", err)
	}
	for _, h := range []string{a, b} {
		if !strings.Contains(err.Error(), h) {
			t.Errorf("the error does not name %s: %v", h, err)
		}
	}
	// p0 (host a, with its retries), p1 and p2 (a again: failed at once), p3 (b):
	// then every host has failed, and p4, p5 are not tried.
	if len(rep.Pages) != 4 {
		t.Errorf("%d pages tried, want 4 (stop once both hosts failed):\n%s", len(rep.Pages), progress.String())
	}
	if !strings.Contains(progress.String(), "2 not tried") {
		t.Errorf("the summary does not say what was not tried:\n%s", progress.String())
	}
	manifest()
	snapshot()
}

// One reachable host is enough to go on: the unreachable one's pages fail, the
// others are fetched, and the run ends as before (exit 1 in gen fetch).
func TestOneReachableHostKeepsTheRunGoing(t *testing.T) {
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) { htmlResponse(w, page(`<main>`, "new")) })
	down := closedAddress(t)
	pages := []model.Source{
		{Path: "v/a.html", Vendor: "v", URL: "http://" + down + "/a"},
		{Path: "v/b.html", Vendor: "v", URL: srv.URL + "/b"},
		{Path: "v/c.html", Vendor: "v", URL: "http://" + down + "/c"},
	}
	dir := sourcesDir(t, pages, nil)
	rep, err := Run(context.Background(), dir, testClient(nil))
	if err != nil {
		t.Fatal(err)
	}
	got := []Outcome{}
	for _, p := range rep.Pages {
		got = append(got, p.Outcome)
	}
	if len(got) != 3 || got[0] != Failed || got[1] != Updated || got[2] != Failed {
		t.Errorf("outcomes %v, want failed, updated, failed", got)
	}
}

// Issue 18 item 5: -only takes a vendor or a page (as a path below the sources
// folder or as the file on disk), repeated; a name that selects nothing is refused
// before any request.
func TestOnlySelectsPages(t *testing.T) {
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) { htmlResponse(w, page(`<main>`, "new")) })
	pages := []model.Source{
		{Path: "acme/a.html", Vendor: "acme", URL: srv.URL + "/a"},
		{Path: "acme/b.html", Vendor: "acme", URL: srv.URL + "/b"},
		{Path: "zeta/z.html", Vendor: "zeta", URL: srv.URL + "/z"},
	}
	dir := sourcesDir(t, pages, nil)
	for _, c := range []struct {
		only []string
		want string
	}{
		{[]string{"zeta"}, "zeta/z.html"},
		{[]string{"acme/b.html"}, "acme/b.html"},
		{[]string{filepath.Join(dir, "acme", "a.html"), "zeta"}, "acme/a.html zeta/z.html"},
	} {
		rep, err := RunOnly(context.Background(), dir, testClient(nil), c.only)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, p := range rep.Pages {
			got = append(got, p.Path)
		}
		if strings.Join(got, " ") != c.want {
			t.Errorf("-only %v fetched %v, want %s", c.only, got, c.want)
		}
	}
	before := srv.requests("/a") + srv.requests("/b") + srv.requests("/z")
	_, err := RunOnly(context.Background(), dir, testClient(nil), []string{"acme", "nosuch"})
	if err == nil || !strings.Contains(err.Error(), "-only nosuch: no page of") || !strings.Contains(err.Error(), "vendors: acme, zeta") {
		t.Errorf("-only nosuch: %v", err)
	}
	if after := srv.requests("/a") + srv.requests("/b") + srv.requests("/z"); after != before {
		t.Errorf("a refused -only made %d requests", after-before)
	}
}

// Issue 18 item 5: a manifest is optional (TestAWSPagesNeedNoManifest); a folder
// with neither a manifest nor AWS pages has nothing to fetch, and says what it
// looked for.
func TestNoManifestNothingToFetch(t *testing.T) {
	dir := t.TempDir()
	_, err := Run(context.Background(), dir, testClient(nil))
	if err == nil || !strings.Contains(err.Error(), "nothing to fetch in "+dir+": no manifest.json entry and no aws/list_*.html page") {
		t.Errorf("run of an empty folder: %v", err)
	}
}
