package tencentcloud

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/vendor"
	"github.com/permgen/permgen/internal/vendors/tencentcloud/camdocs"
	"github.com/permgen/permgen/internal/vendors/tencentcloud/merged"
	"github.com/permgen/permgen/internal/vendors/tencentcloud/productindex"
	"github.com/permgen/permgen/internal/vendors/tencentcloud/tccli"
)

// UniformPagesFile, below sources/tencentcloud, lists uniform pages the product
// index does not link: one "prefix url" a line, # comments. The index archived in
// camdocs (2021 CN, 2023 intl) links each product's older CAM guide, not its
// uniform page, so for the archived sources this file is the only list; the live
// index (LiveIndexFile), which links them, needs none.
const UniformPagesFile = "uniform-pages.txt"

// uniformURL is the address of every uniform "支持CAM的业务接口" page: the CAM
// product's (598) documents on the Chinese site. Nothing else is fetched as one,
// so that a link to another product's guide is never stored as a uniform page.
var uniformURL = regexp.MustCompile(`^https://cloud\.tencent\.com/document/product/598/[0-9]+$`)

// isUniformLink tells a link to a product's uniform page from the other CAM (598)
// pages an index links: its address is a 598 document and its text names the API
// list ("支持CAM的业务接口", "CAM-Enabled API"). CAM's own row links its user guide,
// 598/10590, as "访问管理指南" / "User Guide", which is not one.
func isUniformLink(l camdocs.Link) bool {
	return uniformURL.MatchString(l.URL) && (strings.Contains(l.Text, "接口") || strings.Contains(strings.ToUpper(l.Text), "API"))
}

// LiveIndexFile, below sources/tencentcloud, is the live product index as gen
// fetch stores it, and LiveIndexURL where it fetches it from: the Chinese site's
// "支持 CAM 的产品" page, whose rows link each product's uniform page. gen fetch
// lists the uniform pages before it fetches anything, so the index a run stores
// names its pages for the next run: run gen fetch twice, or
// `-only tencentcloud/product-index.snapshot` first. The file is HTML but not
// named .html: the sources loader reads every .html file below sources as a
// page to generate from, and the index is none.
const (
	LiveIndexFile = "product-index.snapshot"
	LiveIndexURL  = "https://cloud.tencent.com/document/product/598/10588"
)

// camPrefix is the form of a CAM prefix as a file name: "cvm", "tdmq-cmq" never
// occurs but would be kept whole; no dots or slashes that could leave the folder.
var camPrefix = regexp.MustCompile(`^[a-z][a-z0-9_-]*$`)

// FetchPages implements vendor.Fetcher: the live product index, then every CAM
// prefix's uniform page, from the product indexes' links and UniformPagesFile
// (see UniformPages), as sources/tencentcloud/<prefix>.html
// in format tencent-cam with a manifest entry, so that the next generate reads it
// and the merged catalog lets it outrank the older sources for its prefix.
func (Vendor) FetchPages(src vendor.Sources) ([]vendor.FetchPage, error) {
	if info, err := os.Stat(filepath.Join(src.Dir, "tencentcloud")); err != nil || !info.IsDir() {
		return nil, nil // not a folder of the vendor's: nothing to refresh
	}
	pages, err := UniformPages(filepath.Join(src.Dir, "tencentcloud"))
	if err != nil {
		return nil, err
	}
	versions, err := apiVersions(filepath.Join(src.Dir, "tencentcloud"), pages)
	if err != nil {
		return nil, err
	}
	prefixes := make([]string, 0, len(pages))
	for p := range pages {
		prefixes = append(prefixes, p)
	}
	sort.Strings(prefixes)
	// The live index first: read from the folder, not through the manifest, and
	// checked to hold the product table, so that a verification page or a
	// redesign never replaces a good copy.
	out := make([]vendor.FetchPage, 1+len(prefixes))
	out[0] = vendor.FetchPage{
		Source:   model.Source{Path: "tencentcloud/" + LiveIndexFile, Vendor: "tencentcloud", URL: LiveIndexURL},
		Validate: validateLiveIndex,
	}
	for i, p := range prefixes {
		out[1+i] = vendor.FetchPage{
			Source: model.Source{Path: "tencentcloud/" + p + ".html", Vendor: "tencentcloud", Format: model.FormatTencentCAM,
				URL: pages[p].URL, APIVersion: versions[p]},
			Manifest: true,
		}
	}
	return out, nil
}

// UniformPage is where a prefix's uniform page is and who said so.
type UniformPage struct {
	URL  string
	From string // "the product index camdocs/qcloud-documents.tar.gz table 1 row 3", or "uniform-pages.txt line 4"
}

// UniformPages returns each CAM prefix's uniform page below dir
// (sources/tencentcloud): those the product indexes in camdocs link in their
// 参考文档 (Reference document) column, then those the live index (LiveIndexFile)
// links, which win over the archives, then those of UniformPagesFile, which win
// over both. Two different pages for one prefix in one kind of index are an error
// unless a source that wins settles it. A dir without the indexes or the file has
// none.
func UniformPages(dir string) (map[string]UniformPage, error) {
	pages := map[string]UniformPage{}
	conflicts := map[string]string{}
	live, liveConflicts, err := liveIndexPages(filepath.Join(dir, LiveIndexFile))
	if err != nil {
		return nil, err
	}
	for _, f := range []string{merged.DocsCN, merged.DocsIntl} {
		docs, err := camdocs.ReadArchive(filepath.Join(dir, f))
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		for i := range docs {
			d := &docs[i]
			if !productindex.IsIndex(d) {
				continue
			}
			products, err := productindex.Read(d)
			if err != nil {
				return nil, err
			}
			addIndexLinks(pages, conflicts, products, "the product index "+f+":"+d.Path, nil)
		}
	}
	for p, u := range live {
		pages[p] = u
		delete(conflicts, p)
	}
	for p, m := range liveConflicts {
		conflicts[p] = m
	}
	listed, err := readUniformPagesFile(filepath.Join(dir, UniformPagesFile))
	if err != nil {
		return nil, err
	}
	for p, u := range listed {
		pages[p] = u
		delete(conflicts, p)
	}
	if len(conflicts) > 0 {
		var msgs []string
		for _, m := range conflicts {
			msgs = append(msgs, m)
		}
		sort.Strings(msgs)
		return nil, fmt.Errorf("two uniform pages for one CAM prefix (name the right one in %s): %s", filepath.Join(dir, UniformPagesFile), strings.Join(msgs, "; "))
	}
	return pages, nil
}

// addIndexLinks adds to pages each product's uniform link, from the index named
// by index, resolving a relative link against base when it is not nil; a prefix
// linked to two different pages goes to conflicts.
func addIndexLinks(pages map[string]UniformPage, conflicts map[string]string, products []productindex.Product, index string, base *url.URL) {
	for _, p := range products {
		for _, l := range p.DocLinks {
			if base != nil {
				u, err := base.Parse(l.URL)
				if err != nil {
					continue
				}
				u.Fragment, u.RawQuery = "", ""
				l.URL = u.String()
			}
			link, pfx := l.URL, strings.ToLower(p.Prefix)
			if !isUniformLink(l) || !camPrefix.MatchString(pfx) {
				continue
			}
			from := index + " " + p.Row
			if prev, ok := pages[pfx]; ok && prev.URL != link {
				conflicts[pfx] = fmt.Sprintf("prefix %s: %s links %s, %s links %s", pfx, prev.From, prev.URL, from, link)
				continue
			}
			pages[pfx] = UniformPage{URL: link, From: from}
		}
	}
}

// liveIndexPages returns the uniform pages the stored live index links, and the
// prefixes it links to two pages; a missing file links none. The page's links
// may be relative to its address.
func liveIndexPages(file string) (map[string]UniformPage, map[string]string, error) {
	data, err := os.ReadFile(file)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	products, err := readLiveIndex(file, data)
	if err != nil {
		return nil, nil, err
	}
	base, _ := url.Parse(LiveIndexURL)
	pages, conflicts := map[string]UniformPage{}, map[string]string{}
	addIndexLinks(pages, conflicts, products, "the live product index "+LiveIndexFile, base)
	return pages, conflicts, nil
}

// readLiveIndex reads the live index's product table: the page is HTML, whose
// <table> camdocs reads with its links. A page without a row that gives a
// product's name, its CAM prefix and a link is not the index (a verification
// page, a redesign) and is an error naming the file.
func readLiveIndex(file string, page []byte) ([]productindex.Product, error) {
	products, err := productindex.Read(&camdocs.Doc{Path: file, Lang: "cn", Text: string(page)})
	if err != nil {
		return nil, err
	}
	for _, p := range products {
		if p.Name != "" && p.Prefix != "" && len(p.DocLinks) > 0 {
			return products, nil
		}
	}
	return nil, fmt.Errorf("%s: not the CAM product index: no table row gives a product (产品), its CAM prefix (CAM 中简称) and a link (参考文档 or 支持CAM的业务接口)", file)
}

// validateLiveIndex is the live index's check in gen fetch: it must read as the
// index, and its links must not name two uniform pages for one prefix.
func validateLiveIndex(file string, page []byte) error {
	products, err := readLiveIndex(file, page)
	if err != nil {
		return err
	}
	base, _ := url.Parse(LiveIndexURL)
	conflicts := map[string]string{}
	addIndexLinks(map[string]UniformPage{}, conflicts, products, "the live product index "+file, base)
	if len(conflicts) > 0 {
		var msgs []string
		for _, m := range conflicts {
			msgs = append(msgs, m)
		}
		sort.Strings(msgs)
		return fmt.Errorf("%s: two uniform pages for one CAM prefix: %s", file, strings.Join(msgs, "; "))
	}
	return nil
}

// readUniformPagesFile reads UniformPagesFile; a missing file lists nothing. Every
// bad line is reported with its number, and then nothing is listed.
func readUniformPagesFile(file string) (map[string]UniformPage, error) {
	data, err := os.ReadFile(file)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	out := map[string]UniformPage{}
	var errs []error
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		at := fmt.Sprintf("%s:%d", file, n)
		f := strings.Fields(line)
		switch {
		case len(f) != 2:
			errs = append(errs, fmt.Errorf("%s: want \"prefix url\", got %q", at, line))
		case !camPrefix.MatchString(f[0]):
			errs = append(errs, fmt.Errorf("%s: %q is not a CAM prefix (lower case letters, digits, - and _)", at, f[0]))
		case !uniformURL.MatchString(f[1]):
			errs = append(errs, fmt.Errorf("%s: %q is not a uniform page's address (https://cloud.tencent.com/document/product/598/<id>)", at, f[1]))
		default:
			if prev, dup := out[f[0]]; dup {
				errs = append(errs, fmt.Errorf("%s: prefix %s listed again (first at %s)", at, f[0], prev.From))
				continue
			}
			out[f[0]] = UniformPage{URL: f[1], From: UniformPagesFile + " line " + fmt.Sprint(n)}
		}
	}
	if err := sc.Err(); err != nil {
		errs = append(errs, fmt.Errorf("%s: %w", file, err))
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return out, nil
}

// apiVersions gives each prefix of pages the API version its manifest entry
// names, for the generated Client's X-TC-Version: the version of the API
// catalogue's service of that name, when the service has exactly one. With
// several (tke, vod…) the page's actions may belong to either, so none is
// guessed and resolve reports the missing version.
func apiVersions(dir string, pages map[string]UniformPage) (map[string]string, error) {
	out := map[string]string{}
	if len(pages) == 0 || !merged.Present(dir) {
		return out, nil
	}
	c, err := tccli.ReadFile(filepath.Join(dir, merged.APIFile))
	if err != nil {
		return nil, err
	}
	for _, s := range c.Services {
		for _, name := range []string{s.Name, s.ShortName} {
			if _, ok := pages[name]; ok && len(s.Versions) == 1 {
				out[name] = s.Versions[0]
			}
		}
	}
	return out, nil
}
