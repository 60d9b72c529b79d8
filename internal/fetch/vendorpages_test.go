package fetch

import (
	"context"
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/permgen/permgen/internal/model"
)

// pages is a Lister of fixed pages, or of an error.
func pages(ps []VendorPage, err error) Lister {
	return func(string) ([]VendorPage, error) { return ps, err }
}

// onlyGood is a vendor's own reader: it reads pages that say "good".
func onlyGood(file string, page []byte) error {
	if !strings.Contains(string(page), "good") {
		return errors.New(file + ": no good table")
	}
	return nil
}

// A vendor's pages are fetched after the manifest's: one that asks for a manifest
// entry gets one once it is on disk, one that does not gets none, the file a page
// replaces goes once the page is written, and a page its vendor's reader refuses
// writes nothing and removes nothing.
func TestVendorPagesLandAndEnterTheManifest(t *testing.T) {
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if r.URL.Path == "/bad" {
			htmlResponse(w, page(`<main>`, "a captcha"))
			return
		}
		htmlResponse(w, page(`<main>`, "good "+r.URL.Path))
	})
	listed := model.Source{Path: "acme/listed.html", Vendor: "acme", URL: srv.URL + "/listed"}
	dir := sourcesDir(t, []model.Source{listed}, map[string]string{
		"acme/listed.html": "<html>old</html>",
		"acme/old.md":      "the archive's copy",
		"acme/bad.md":      "the archive's copy of the bad page",
	})
	reg := pages([]VendorPage{
		{Source: model.Source{Path: "acme/listed.html", Vendor: "acme", URL: srv.URL + "/not-this"}, Manifest: true},
		{Source: model.Source{Path: "acme/new.html", Vendor: "acme", Format: "acme-page", URL: srv.URL + "/new", APIVersion: "2020-02-10"}, Manifest: true},
		{Source: model.Source{Path: "acme/old.html", Vendor: "acme", URL: srv.URL + "/old"}, Replaces: []string{"acme/old.md"}, Validate: onlyGood},
		{Source: model.Source{Path: "acme/bad.html", Vendor: "acme", URL: srv.URL + "/bad"}, Manifest: true, Replaces: []string{"acme/bad.md"}, Validate: onlyGood},
	}, nil)
	badMD := unchangedFile(t, filepath.Join(dir, "acme", "bad.md"))
	rep, err := RunVendors(context.Background(), dir, testClient(nil), nil, reg)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range rep.Pages {
		got = append(got, p.Path+" "+string(p.Outcome))
	}
	want := "acme/listed.html updated, acme/new.html updated, acme/old.html updated, acme/bad.html failed"
	if strings.Join(got, ", ") != want {
		t.Fatalf("outcomes %v, want %s", got, want)
	}
	if srv.requests("/not-this") != 0 || srv.requests("/listed") != 1 {
		t.Error("a page the manifest lists must be refreshed from its entry, not from the vendor's")
	}
	if !strings.Contains(rep.Pages[3].Err.Error(), "no good table") {
		t.Errorf("the bad page's error does not come from its vendor's reader: %v", rep.Pages[3].Err)
	}
	if !strings.Contains(string(readFile(t, filepath.Join(dir, "acme", "new.html"))), "good /new") ||
		!strings.Contains(string(readFile(t, filepath.Join(dir, "acme", "old.html"))), "good /old") {
		t.Error("the vendor's pages did not land")
	}
	if _, err := os.Stat(filepath.Join(dir, "acme", "old.md")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("acme/old.md should be gone once acme/old.html is written: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "acme", "bad.html")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a page its reader refuses must not be written: %v", err)
	}
	badMD()
	m := manifestOf(t, dir)
	if len(m) != 2 || m[0].Path != "acme/listed.html" || m[1].Path != "acme/new.html" || m[1].Format != "acme-page" ||
		m[1].APIVersion != "2020-02-10" || m[1].URL != srv.URL+"/new" || m[1].Fetched != "2025-03-04" {
		t.Errorf("manifest %+v: want listed.html, then new.html with its format, version, url and date; neither old.html (no entry asked) nor bad.html (failed)", m)
	}
}

// -only names a vendor's pages by vendor or path like the manifest's, and a name
// of no page is still refused before any request.
func TestOnlySelectsVendorPages(t *testing.T) {
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) { htmlResponse(w, page(`<main>`, "good")) })
	dir := sourcesDir(t, []model.Source{{Path: "acme/a.html", Vendor: "acme", URL: srv.URL + "/a"}}, nil)
	reg := pages([]VendorPage{
		{Source: model.Source{Path: "zeta/z1.html", Vendor: "zeta", URL: srv.URL + "/z1"}},
		{Source: model.Source{Path: "zeta/z2.html", Vendor: "zeta", URL: srv.URL + "/z2"}},
	}, nil)
	for _, c := range []struct {
		only []string
		want string
	}{
		{[]string{"zeta"}, "zeta/z1.html zeta/z2.html"},
		{[]string{"zeta/z2.html"}, "zeta/z2.html"},
		{[]string{"acme"}, "acme/a.html"},
		{nil, "acme/a.html zeta/z1.html zeta/z2.html"},
	} {
		rep, err := RunVendors(context.Background(), dir, testClient(nil), c.only, reg)
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
	before := srv.requests("/a") + srv.requests("/z1") + srv.requests("/z2")
	if _, err := RunVendors(context.Background(), dir, testClient(nil), []string{"quiet"}, reg); err == nil || !strings.Contains(err.Error(), "vendors: acme, zeta") {
		t.Errorf("-only quiet (a vendor that names no page): %v", err)
	}
	if after := srv.requests("/a") + srv.requests("/z1") + srv.requests("/z2"); after != before {
		t.Errorf("a refused -only made %d requests", after-before)
	}
}

// A list that fails, or names a page outside the sources folder, stops the run
// before any request.
func TestVendorPagesErrorsStopTheRun(t *testing.T) {
	srv := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) { htmlResponse(w, page(`<main>`, "good")) })
	dir := sourcesDir(t, []model.Source{{Path: "acme/a.html", Vendor: "acme", URL: srv.URL + "/a"}}, nil)
	for _, c := range []struct {
		list Lister
		want string
	}{
		{pages(nil, errors.New("the pages of vendor zeta: zeta/list.txt:3: bad line")), "the pages of vendor zeta: zeta/list.txt:3: bad line"},
		{pages([]VendorPage{{Source: model.Source{Path: "../x.html", Vendor: "zeta", URL: srv.URL + "/x"}}}, nil), `vendor zeta: path "../x.html" must be a clean path below the sources folder`},
		{pages([]VendorPage{{Source: model.Source{Path: "zeta/x.html", Vendor: "zeta", URL: srv.URL + "/x"}, Replaces: []string{"/etc/x"}}}, nil), `vendor zeta: page zeta/x.html replaces path "/etc/x" must be a clean path`},
	} {
		_, err := RunVendors(context.Background(), dir, testClient(nil), nil, c.list)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("err = %v, want %q", err, c.want)
		}
	}
	if n := srv.requests("/a") + srv.requests("/x"); n != 0 {
		t.Errorf("%d requests made by runs that could not start", n)
	}
}
