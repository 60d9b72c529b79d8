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
const fetchFolder = VendorName

// LiveDocsURL is where the two other pages the folder holds are served:
// LiveDocsURL + "custom-roles-permissions-support".
const LiveDocsURL = "https://docs.cloud.google.com/iam/docs/"

// supportPages are the pages of the folder that are not roles pages, each with
// the check its reader makes (a live copy is read through live.go).
var supportPages = map[string]func(file string, page []byte) error{
	"custom-roles-permissions-support": func(file string, page []byte) error {
		if !DetectSupport(page) {
			return fmt.Errorf("%s: not the custom-role support page (no %q)", file, "Support levels for permissions in custom roles")
		}
		_, err := ReadSupport(file, page)
		return err
	},
	"deny-permissions-support": func(file string, page []byte) error {
		if !DetectDeny(page) {
			return fmt.Errorf("%s: not the deny-permissions page (no %q)", file, "Permissions supported in deny policies")
		}
		_, err := ReadDeny(file, page)
		return err
	},
}

// FetchPages lists what gen fetch refreshes of sources/gcp: every page the
// folder holds (the roles-and-permissions pages, the custom-role support page,
// the deny-permissions page), as Markdown from an archive or as HTML from an
// earlier refresh, fetched from its live address into gcp/<name>.html. Once the live page is written the archive's
// gcp/<service>.md is removed, so that the folder never holds one page twice
// (LoadDir would read both). A page is written only when its reader reads it
// (Validate); it then enters the manifest with its format. A folder without
// gcp/ has nothing to fetch.
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
		if svc := strings.TrimSuffix(n, ext); !seen[svc] {
			seen[svc] = true
			services = append(services, svc)
		}
	}
	sort.Strings(services)
	out := make([]vendor.FetchPage, 0, len(services))
	for _, svc := range services {
		// A live page enters the manifest with its format, so that the registry
		// reads it without detection and the next refresh is conditional.
		p := vendor.FetchPage{Validate: validateLive, Manifest: true}
		p.Source.Path = fetchFolder + "/" + svc + ".html"
		p.Source.Vendor = VendorName
		p.Source.URL = LiveRolesURL + svc
		p.Source.Format = FormatRoles
		if check, ok := supportPages[svc]; ok {
			p.Validate, p.Source.URL = check, LiveDocsURL+svc
			p.Source.Format = map[string]string{"custom-roles-permissions-support": FormatSupport, "deny-permissions-support": FormatDeny}[svc]
		}
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
