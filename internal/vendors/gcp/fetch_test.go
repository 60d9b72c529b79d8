package gcp

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/permgen/permgen/internal/fetch"
	"github.com/permgen/permgen/internal/vendor"
)

// Issue 23: gen fetch refreshes every roles-and-permissions page of sources/gcp
// from its live address into <service>.html, the archive's <service>.md replaced,
// and the support and deny pages from theirs; other files are not fetched.
func TestFetchPagesListsTheFolder(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"a.md", "b.html", "c.md", "c.html", "custom-roles-permissions-support.md", "deny-permissions-support.md", "notes.txt"} {
		writeTestFile(t, filepath.Join(dir, "gcp", f), "x")
	}
	pages, err := FetchPages(vendor.Sources{Dir: dir})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range pages {
		if !p.Manifest || p.Validate == nil || p.Source.Vendor != "gcp" || p.Source.Format == "" {
			t.Errorf("%s: want a manifest entry with its format, the scraper as validator, vendor gcp: %+v", p.Source.Path, p)
		}
		got = append(got, p.Source.Path+" "+p.Source.URL+" "+strings.Join(p.Replaces, ","))
	}
	want := "gcp/a.html " + LiveRolesURL + "a gcp/a.md|gcp/b.html " + LiveRolesURL + "b |gcp/c.html " + LiveRolesURL + "c gcp/c.md|" +
		"gcp/custom-roles-permissions-support.html https://docs.cloud.google.com/iam/docs/custom-roles-permissions-support gcp/custom-roles-permissions-support.md|" +
		"gcp/deny-permissions-support.html https://docs.cloud.google.com/iam/docs/deny-permissions-support gcp/deny-permissions-support.md"
	if strings.Join(got, "|") != want {
		t.Errorf("pages:\n got %s\nwant %s", strings.Join(got, "|"), want)
	}
	if pages, err := FetchPages(vendor.Sources{Dir: t.TempDir()}); err != nil || pages != nil {
		t.Errorf("a folder without gcp/: %v %v", pages, err)
	}
}

func writeTestFile(t *testing.T, file, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// gcpVendor stands for the registered vendor, whose vendor.Fetcher method is
// FetchPages; a run asks nothing else of it.
type gcpVendor struct{ vendor.Vendor }

func (gcpVendor) Name() string { return fetchFolder }

func (gcpVendor) FetchPages(src vendor.Sources) ([]vendor.FetchPage, error) { return FetchPages(src) }

// toServer sends every request to the test server: the pages are fetched from
// docs.cloud.google.com.
type toServer struct{ url string }

func (s toServer) RoundTrip(r *http.Request) (*http.Response, error) {
	r = r.Clone(r.Context())
	r.URL.Scheme, r.URL.Host = "http", strings.TrimPrefix(s.url, "http://")
	return http.DefaultTransport.RoundTrip(r)
}

// livePage wraps an archived page's body (front matter cut) in page chrome as the
// site serves it: a head, navigation with a table of its own, the content in an
// article.
func livePage(title, body string) string {
	return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>` + title + ` | IAM Documentation | Google Cloud</title>` +
		`<link rel="canonical" href="https://docs.cloud.google.com/iam/docs/x"></head><body><devsite-header><table><tr><th>Menu</th></tr></table></devsite-header>` +
		`<main><article class="devsite-article"><h1>` + title + `</h1>` + body + `<p>Last updated 2026-05-27 UTC.</p></article></main></body></html>`
}

func archiveBody(t *testing.T, file string) string {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	parts := bytes.SplitN(data, []byte("\n---\n"), 2)
	return string(parts[len(parts)-1])
}

// Issue 23: the live pages land as <service>.html, readable by LoadDir, and the
// archive's .md of the same page goes; a page served with no table (a captcha)
// writes nothing and removes nothing; -only selects by vendor and by page.
func TestLivePagesReplaceTheArchive(t *testing.T) {
	_, self, _, _ := runtime.Caller(0)
	repo := filepath.Join(filepath.Dir(self), "../../../sources/gcp")
	dir := t.TempDir()
	for _, f := range []string{"agentgateway.md", "accessapproval.md", "custom-roles-permissions-support.md", "deny-permissions-support.md"} {
		data, err := os.ReadFile(filepath.Join(repo, f))
		if err != nil {
			t.Fatal(err)
		}
		writeTestFile(t, filepath.Join(dir, "gcp", f), string(data))
	}
	writeTestFile(t, filepath.Join(dir, "gcp", "emptysvc.md"), "---\ntitle: Empty roles and permissions\nuri: https://docs.cloud.google.com/iam/docs/roles-permissions/emptysvc\n---\n## Empty permissions\n\nThere are no IAM permissions for this service.\n")
	agent := archiveBody(t, filepath.Join(repo, "agentgateway.md"))
	_, supportHTML, _, denyHTML := supportFixtures(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		switch r.URL.Path {
		case "/iam/docs/roles-permissions/agentgateway":
			w.Write([]byte(livePage("Agent Gateway roles and permissions", agent)))
		case "/iam/docs/custom-roles-permissions-support":
			w.Write([]byte(supportHTML))
		case "/iam/docs/deny-permissions-support":
			w.Write([]byte(denyHTML))
		case "/iam/docs/roles-permissions/emptysvc":
			// No table, and no link with the page's address: known by its title.
			w.Write([]byte(livePage("Empty roles and permissions", `<h2>Empty permissions</h2><p>There are no IAM permissions for this service.</p>`)))
		default:
			w.Write([]byte(livePage("Unusual traffic", `<p>Our systems have detected unusual traffic.</p>`)))
		}
	}))
	defer srv.Close()
	c := &fetch.Client{HTTP: &http.Client{Transport: toServer{srv.URL}}, Timeout: 5 * time.Second}
	reg := vendor.Registry{gcpVendor{}}
	accessMD := filepath.Join(dir, "gcp", "accessapproval.md")
	before, _ := os.ReadFile(accessMD)

	rep, err := fetch.RunVendors(context.Background(), dir, c, []string{"gcp/emptysvc.html"}, lister(reg))
	if err != nil || len(rep.Pages) != 1 || rep.Pages[0].Outcome != fetch.Updated {
		t.Fatalf("-only gcp/emptysvc.html: %v %+v", err, rep)
	}
	rep, err = fetch.RunVendors(context.Background(), dir, c, []string{"gcp"}, lister(reg))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range rep.Pages {
		got = append(got, p.Path+" "+string(p.Outcome))
	}
	// emptysvc.html entered the manifest on the first run: refreshed from its
	// entry first, as manifest pages are.
	if strings.Join(got, ", ") != "gcp/emptysvc.html unchanged, gcp/accessapproval.html failed, gcp/agentgateway.html updated, gcp/custom-roles-permissions-support.html updated, gcp/deny-permissions-support.html updated" {
		t.Fatalf("outcomes: %v", got)
	}
	if !strings.Contains(rep.Pages[1].Err.Error(), "not a roles-and-permissions page") {
		t.Errorf("the failed page's error: %v", rep.Pages[0].Err)
	}
	if after, err := os.ReadFile(accessMD); err != nil || !bytes.Equal(after, before) {
		t.Errorf("the failed page's archive copy must stay as it was: %v", err)
	}
	for f, want := range map[string]bool{"accessapproval.html": false, "agentgateway.md": false, "agentgateway.html": true, "emptysvc.md": false, "emptysvc.html": true,
		"custom-roles-permissions-support.md": false, "custom-roles-permissions-support.html": true, "deny-permissions-support.md": false, "deny-permissions-support.html": true} {
		_, err := os.Stat(filepath.Join(dir, "gcp", f))
		if exists := err == nil; exists != want || (err != nil && !errors.Is(err, os.ErrNotExist)) {
			t.Errorf("gcp/%s exists: %v, want %v (%v)", f, exists, want, err)
		}
	}
	// Each live page entered the manifest with its format; the failed one did not.
	man, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"gcp/agentgateway.html"`, `"gcp-roles"`, `"gcp-custom-support"`, `"gcp-deny-support"`} {
		if !strings.Contains(string(man), want) {
			t.Errorf("manifest lacks %s:\n%s", want, man)
		}
	}
	if strings.Contains(string(man), "accessapproval") {
		t.Errorf("the failed page entered the manifest:\n%s", man)
	}
	cat, err := LoadDir(filepath.Join(dir, "gcp"))
	if err != nil {
		t.Fatal(err)
	}
	if p := cat.Permission("accessapproval.requests.approve"); p == nil || p.Support != Supported || p.Deny != "accessapproval.googleapis.com/requests.approve" {
		t.Errorf("the live support and deny pages as LoadDir reads them: %+v", p)
	}
	r := cat.Role("roles/agentgateway.serviceAgent")
	if r == nil || !r.ServiceAgent || len(r.Permissions) != 1 || r.Permissions[0] != "dns.networks.targetWithPeeringZone" || !strings.HasSuffix(r.Pos.File, "agentgateway.html") {
		t.Errorf("the live page's role as LoadDir reads it: %+v", r)
	}
}

// liveFromMarkdown renders an archived support or deny page as HTML the way the
// site's layout is assumed to be (the Markdown is rendered from it): pipe tables
// as tables, "> " lines as blockquotes, "- " lines as list items, backticks as
// <code> with the site's break spaces after each dot. With cell, every block
// after the line starting with it goes into one table cell, as the deny page's
// service table holds its permissions.
func liveFromMarkdown(md, cell string) string {
	code := func(s string) string {
		var b strings.Builder
		parts := strings.Split(s, "`")
		for i, p := range parts {
			if i%2 == 1 {
				b.WriteString(`<code translate="no" dir="ltr">` + strings.ReplaceAll(p, ".", ".  ") + `</code>`)
			} else {
				b.WriteString(strings.NewReplacer("**Note:**", "<strong>Note:</strong>", "<", "&lt;", "&", "&amp;").Replace(p))
			}
		}
		return b.String()
	}
	var b strings.Builder
	inTable, inCell := false, false
	rows := 0
	for _, l := range strings.Split(md, "\n") {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "|") {
			if !inTable {
				b.WriteString("<table>\n")
				inTable, rows = true, 0
			}
			if strings.HasPrefix(t, "| -") {
				continue
			}
			tag := "td"
			if rows == 0 {
				tag = "th"
			}
			rows++
			b.WriteString("<tr>")
			for _, c := range strings.Split(strings.Trim(t, "|"), "|") {
				b.WriteString("<" + tag + ">" + code(strings.TrimSpace(c)) + "</" + tag + ">")
			}
			b.WriteString("</tr>\n")
			continue
		}
		if inTable {
			b.WriteString("</table>\n")
			inTable = false
		}
		switch {
		case t == "":
		case cell != "" && !inCell && strings.HasPrefix(t, cell):
			b.WriteString("<table><tr><th>Service</th><th>Supported permissions</th></tr><tr><td>All</td><td>\n<p>" + code(t) + "</p>\n")
			inCell = true
		case strings.HasPrefix(t, "## "):
			b.WriteString("<h2>" + code(t[3:]) + "</h2>\n")
		case strings.HasPrefix(t, "> "):
			b.WriteString("<blockquote><p>" + code(t[2:]) + "</p></blockquote>\n")
		case strings.HasPrefix(t, "- "):
			b.WriteString("<ul><li>" + code(t[2:]) + "</li></ul>\n")
		default:
			b.WriteString("<p>" + code(t) + "</p>\n")
		}
	}
	if inCell {
		b.WriteString("</td></tr></table>\n")
	}
	return b.String()
}

func supportFixtures(t *testing.T) (supportMD, supportHTML, denyMD, denyHTML string) {
	t.Helper()
	_, self, _, _ := runtime.Caller(0)
	repo := filepath.Join(filepath.Dir(self), "../../../sources/gcp")
	s := archiveBody(t, filepath.Join(repo, "custom-roles-permissions-support.md"))
	d := archiveBody(t, filepath.Join(repo, "deny-permissions-support.md"))
	return s, livePage("Support levels for permissions in custom roles", liveFromMarkdown(s, "")),
		d, livePage("Permissions supported in deny policies", liveFromMarkdown(d, "Access Approval"))
}

// Issue 23: the support and deny pages as the site serves them read as their
// archived Markdown does: the same 13,548 support levels, the same deny entries
// with their v1 names and aliases.
func TestLiveSupportAndDenyPagesReadAsTheArchive(t *testing.T) {
	supportMD, supportHTML, denyMD, denyHTML := supportFixtures(t)
	want, err := ReadSupport("support.md", []byte(supportMD))
	if err != nil {
		t.Fatal(err)
	}
	got, err := ReadSupport("support.html", []byte(supportHTML))
	if err != nil {
		t.Fatal(err)
	}
	if len(want) != 13548 || len(got) != len(want) {
		t.Fatalf("%d levels live, %d archived; want 13,548", len(got), len(want))
	}
	for name, level := range want {
		if got[name] != level {
			t.Errorf("%s: live %q, archived %q", name, got[name], level)
		}
	}
	wantDeny, err := ReadDeny("deny.md", []byte(denyMD))
	if err != nil {
		t.Fatal(err)
	}
	gotDeny, err := ReadDeny("deny.html", []byte(denyHTML))
	if err != nil {
		t.Fatal(err)
	}
	if len(gotDeny) != len(wantDeny) || len(wantDeny) < 9000 {
		t.Fatalf("%d deny entries live, %d archived", len(gotDeny), len(wantDeny))
	}
	v1, aliases := 0, 0
	for i := range wantDeny {
		w, g := wantDeny[i], gotDeny[i]
		if w.V2 != g.V2 || w.V1 != g.V1 || strings.Join(w.Aliases, " ") != strings.Join(g.Aliases, " ") {
			t.Fatalf("entry %d: live %+v, archived %+v", i, g, w)
		}
		if w.V1 != "" {
			v1++
		}
		aliases += len(w.Aliases)
	}
	if v1 == 0 || aliases == 0 {
		t.Errorf("the comparison saw %d v1 notes and %d aliases; the archive has both", v1, aliases)
	}
	// A live page whose table is not there reads as an error, never as no levels.
	if _, err := ReadSupport("support.html", []byte(livePage("Support levels for permissions in custom roles", "<p>Loading…</p>"))); err == nil {
		t.Error("a live support page without its table was read")
	}
}

// lister asks reg's vendors for their pages, as gen fetch does.
func lister(reg vendor.Registry) fetch.Lister {
	return func(dir string) ([]fetch.VendorPage, error) {
		pages, err := reg.FetchPages(vendor.Sources{Dir: dir})
		out := make([]fetch.VendorPage, len(pages))
		for i, p := range pages {
			out[i] = fetch.VendorPage(p)
		}
		return out, err
	}
}
