package badinput

import (
	"os"
	"strings"
	"testing"

	"github.com/permgen/permgen/internal/vendors/all"
)

// knownFormats is how errors list the registry's formats; the list grows with
// every vendor, so it is read from the registry.
var knownFormats = strings.Join(all.Vendors.FormatNames(), ", ")

// Unreachable loader and dispatch errors, and why no case raises them:
//
//   - internal/scrape/scrape.go "parse HTML": goquery reads from a bytes.Reader,
//     which never fails, and the HTML parser accepts any bytes.
//   - internal/resolve/resolve.go "no resolver for format": internal/scrape has
//     already rejected every format it has no scraper for, and each scraper has a
//     resolver.
//   - internal/source/source.go "read sources" (WalkDir failing) is reachable only
//     for a folder the process may not read: the case below is skipped when the
//     tests run as root, who may read anything.

var demoPage = page(camFacts + okTable)

func TestSources(t *testing.T) {
	unreadable := ""
	if os.Geteuid() == 0 {
		unreadable = "running as root: every folder is readable"
	}
	runCases(t, []badCase{
		// internal/source/source.go: the manifest
		// The manifest is optional (a missing one is no entries); no page at all is not.
		{name: "no-pages", files: map[string]string{"manifest.json": `{}`},
			want: `sources: no pages (*.html) found`},
		{name: "manifest-not-json", files: map[string]string{"manifest.json": `{"pages": [}`, "acme/demo.html": demoPage},
			want: `sources/manifest.json: invalid character '}' looking for beginning of value`},
		{name: "manifest-unknown-key", files: map[string]string{"manifest.json": `{"pages":[{"path":"acme/demo.html","fromat":"tencent-cam"}]}`, "acme/demo.html": demoPage},
			want: `sources/manifest.json: json: unknown field "fromat"`},
		{name: "manifest-path-not-clean", files: map[string]string{
			"manifest.json":  `{"pages":[{"path":"acme/../acme/demo.html"},{"path":"../demo.html"},{"path":"/abs/demo.html"},{"path":""}]}`,
			"acme/demo.html": demoPage},
			want: "sources/manifest.json: pages[0]: path \"acme/../acme/demo.html\" must be a clean path below the sources folder\n" +
				"sources/manifest.json: pages[1]: path \"../demo.html\" must be a clean path below the sources folder\n" +
				"sources/manifest.json: pages[2]: path \"/abs/demo.html\" must be a clean path below the sources folder\n" +
				"sources/manifest.json: pages[3]: path \"\" must be a clean path below the sources folder"},
		{name: "manifest-lists-twice", files: map[string]string{
			"manifest.json":  `{"pages":[{"path":"acme/demo.html","format":"tencent-cam"},{"path":"acme/demo.html","format":"tencent-cam"}]}`,
			"acme/demo.html": demoPage},
			want: `sources/manifest.json: pages[1]: acme/demo.html is listed twice`},
		{name: "manifest-lists-missing-page", files: map[string]string{
			"manifest.json":  `{"pages":[{"path":"acme/demo.html","format":"tencent-cam"},{"path":"acme/gone.html","format":"tencent-cam"}]}`,
			"acme/demo.html": demoPage},
			want: `sources/manifest.json: lists acme/gone.html, which does not exist`},
		{name: "manifest-lists-missing-pages-in-order", files: map[string]string{
			"manifest.json":  `{"pages":[{"path":"acme/demo.html","format":"tencent-cam"},{"path":"acme/z.html"},{"path":"acme/a.html"},{"path":"acme/m.html"}]}`,
			"acme/demo.html": demoPage},
			want: "sources/manifest.json: lists acme/z.html, which does not exist\nsources/manifest.json: lists acme/a.html, which does not exist\nsources/manifest.json: lists acme/m.html, which does not exist"},
		{name: "vendor-not-a-folder-name", files: map[string]string{
			"manifest.json":  `{"pages":[{"path":"acme/demo.html","vendor":"acme\n*/ func init() {} /*","format":"tencent-cam"}]}`,
			"acme/demo.html": demoPage},
			want: `sources/acme/demo.html: vendor "acme\n*/ func init() {} /*": use lower-case letters, digits, '.', '-' and '_'`},
		{name: "page-name-not-safe", files: map[string]string{"manifest.json": `{"pages":[]}`, "acme/my page.html": demoPage},
			want: `sources/acme/my page.html: "my page.html" in the path: name pages and folders with letters, digits, '.', '-' and '_'`},
		{name: "no-pages", files: map[string]string{"manifest.json": `{"pages":[]}`, "acme/notes.txt": "not a page"},
			want: `sources: no pages (*.html) found`},
		// internal/source/source.go: the folder
		{name: "page-outside-vendor-folder", files: map[string]string{"manifest.json": `{"pages":[]}`, "demo.html": demoPage},
			want: `sources/demo.html: a page belongs in a vendor folder, sources/<vendor>/`},
		{name: "page-unreadable", files: map[string]string{"manifest.json": `{"pages":[]}`, "acme/demo.html": "symlink:nowhere.html"},
			want: `open sources/acme/demo.html: no such file or directory`},
		{name: "folder-unreadable", skip: unreadable, files: map[string]string{"manifest.json": camManifest, "acme/demo.html": demoPage, "locked": "unreadable:"},
			want: `read sources: open sources/locked: permission denied`},
		// internal/source/source.go: overrides
		{name: "overrides-not-json", files: map[string]string{"manifest.json": camManifest, "overrides.json": `[{]`, "acme/demo.html": demoPage},
			want: `sources/overrides.json: invalid character ']' looking for beginning of object key string`},
		{name: "overrides-unknown-key", files: map[string]string{"manifest.json": camManifest, "overrides.json": `[{"file":"acme/demo.html","because":"x"}]`, "acme/demo.html": demoPage},
			want: `sources/overrides.json: json: unknown field "because"`},
		{name: "override-for-missing-page", files: map[string]string{
			"manifest.json":  camManifest,
			"overrides.json": `[{"file":"acme/gone.html","row":"CreateThing","field":"resource","from":"*","to":"*","reason":"vendor typo"}]`,
			"acme/demo.html": demoPage},
			want: `sources/overrides.json: [0]: override for acme/gone.html, which does not exist`},
		{name: "override-without-reason", files: map[string]string{
			"manifest.json":  camManifest,
			"overrides.json": `[{"file":"acme/demo.html","row":"CreateThing","field":"resource","from":"*","to":"*","reason":" "}]`,
			"acme/demo.html": demoPage},
			want: `sources/overrides.json: [0]: override acme/demo.html row CreateThing field resource: "*" -> "*" has no reason; every correction must say why`},
		// internal/scrape/scrape.go
		{name: "empty-file", files: map[string]string{"manifest.json": camManifest, "acme/demo.html": " \n"},
			want: `sources/acme/demo.html: empty file`},
		{name: "truncated", files: map[string]string{"manifest.json": camManifest, "acme/demo.html": demoPage[:len(demoPage)/2]},
			want: `sources/acme/demo.html: truncated HTML: the file does not end with </html>`},
		{name: "unknown-format", files: map[string]string{"manifest.json": `{"pages":[{"path":"acme/demo.html","format":"aws-iam"}]}`, "acme/demo.html": demoPage},
			want: `sources/acme/demo.html: unknown format "aws-iam" (known: ` + knownFormats + `)`},
		{name: "format-not-detected", files: map[string]string{"manifest.json": `{"pages":[]}`, "acme/notes.html": page("<p>release notes</p>")},
			want: `sources/acme/notes.html: no known page format found (known: ` + knownFormats + `); name one in the manifest`},
		// internal/resolve/gopkg.go: output folders
		{name: "package-folder-twice", files: map[string]string{
			"manifest.json": `{"pages":[{"path":"acme/a.html","format":"tencent-cam"},{"path":"acme/b.html","format":"tencent-cam"}]}`,
			"acme/a.html":   demoPage, "acme/b.html": demoPage},
			want: `sources/acme/b.html: package folder "acme/demo" is already used by sources/acme/a.html; set "package" in the manifest`},
		{name: "package-folder-of-runtime", files: map[string]string{
			"manifest.json":  `{"pages":[{"path":"acme/demo.html","format":"tencent-cam"},{"path":"acme/acl.html","format":"scope-table","package":"acme/cam"}]}`,
			"acme/demo.html": demoPage,
			"acme/acl.html":  page("<article>" + table("ACL", header("Scope", "Description"), row("member:read", "Read")) + "</article>")},
			want: `sources/acme/acl.html: package folder "acme/cam" is already used by the runtime package; set "package" in the manifest`},
		// Errors of several pages in one run, in path order.
		{name: "errors-of-every-page", files: map[string]string{
			"manifest.json": `{"pages":[{"path":"acme/a.html","format":"tencent-cam"},{"path":"acme/b.html","format":"scope-table"}]}`,
			"acme/a.html":   " ", "acme/b.html": "<html>"},
			want: "sources/acme/a.html: empty file\nsources/acme/b.html: truncated HTML: the file does not end with </html>"},
	})
}
