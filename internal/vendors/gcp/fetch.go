package gcp

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/permgen/permgen/internal/vendor"
)

// LiveRolesURL is where Google serves a roles-and-permissions page:
// LiveRolesURL + "storage". The archive's Markdown copies cite the same address
// in their front matter (uri:).
const LiveRolesURL = "https://docs.cloud.google.com/iam/docs/roles-permissions/"

// fetchFolder is the vendor's folder below the sources folder (sources/gcp).
const fetchFolder = "gcp"

// supportPages are the two pages of the folder that are not roles pages. Their
// live HTML is not refreshed: the readers (ReadSupport, ReadDeny) read the
// archive's Markdown only, and a page no reader can read must not replace one.
var supportPages = map[string]bool{
	"custom-roles-permissions-support": true,
	"deny-permissions-support":         true,
}

// FetchPages lists what gen fetch refreshes of sources/gcp: every
// roles-and-permissions page the folder holds, as Markdown from an archive or
// as HTML from an earlier refresh, fetched from its live address into
// gcp/<service>.html. Once the live page is written the archive's
// gcp/<service>.md is removed, so that the folder never holds one page twice
// (LoadDir would read both). A page is written only when ScrapePage reads it
// (Validate); the pages stay out of the manifest, as LoadDir finds them by
// content. A folder without gcp/ has nothing to fetch.
//
// It is the body of the registered vendor's vendor.Fetcher method.
func FetchPages(src vendor.Sources) ([]vendor.FetchPage, error) {
	dir := filepath.Join(src.Dir, fetchFolder)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	has := map[string]bool{}
	seen := map[string]bool{}
	var services []string
	for _, e := range entries {
		n := e.Name()
		ext := filepath.Ext(n)
		if e.IsDir() || (ext != ".md" && ext != ".html") {
			continue
		}
		has[n] = true
		if svc := strings.TrimSuffix(n, ext); !supportPages[svc] && !seen[svc] {
			seen[svc] = true
			services = append(services, svc)
		}
	}
	sort.Strings(services)
	out := make([]vendor.FetchPage, 0, len(services))
	for _, svc := range services {
		p := vendor.FetchPage{Validate: validateLive}
		p.Source.Path = fetchFolder + "/" + svc + ".html"
		p.Source.Vendor = fetchFolder
		p.Source.URL = LiveRolesURL + svc
		if has[svc+".md"] {
			p.Replaces = []string{fetchFolder + "/" + svc + ".md"}
		}
		out = append(out, p)
	}
	return out, nil
}

// validateLive accepts a fetched page only when LoadDir will read it as the
// roles-and-permissions page it replaces: detected by content, and scraped
// without error.
func validateLive(file string, page []byte) error {
	if !DetectRoles(page) {
		return fmt.Errorf("%s: not a roles-and-permissions page (no role-title or permission-name h4, and no %q)", file, noPermissionsSentence)
	}
	_, err := ScrapePage(file, page)
	return err
}
