package tencentcloud

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io/fs"
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
// uniform page, so for the archived sources this file is the only list; an index
// that links the uniform pages (a newer archive) needs none.
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

// camPrefix is the form of a CAM prefix as a file name: "cvm", "tdmq-cmq" never
// occurs but would be kept whole; no dots or slashes that could leave the folder.
var camPrefix = regexp.MustCompile(`^[a-z][a-z0-9_-]*$`)

// FetchPages implements vendor.Fetcher: every CAM prefix's uniform page, from the
// product index's links and UniformPagesFile, as sources/tencentcloud/<prefix>.html
// in format tencent-cam with a manifest entry, so that the next generate reads it
// and the merged catalog lets it outrank the older sources for its prefix.
func (Vendor) FetchPages(src vendor.Sources) ([]vendor.FetchPage, error) {
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
	out := make([]vendor.FetchPage, len(prefixes))
	for i, p := range prefixes {
		out[i] = vendor.FetchPage{
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
// 参考文档 (Reference document) column, then those of UniformPagesFile, which win.
// Two different pages for one prefix in the indexes are an error unless the file
// settles it. A dir without the archives or the file has none.
func UniformPages(dir string) (map[string]UniformPage, error) {
	pages := map[string]UniformPage{}
	conflicts := map[string]string{}
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
			for _, p := range products {
				for _, l := range p.DocLinks {
					link, pfx := l.URL, strings.ToLower(p.Prefix)
					if !isUniformLink(l) || !camPrefix.MatchString(pfx) {
						continue
					}
					from := "the product index " + f + ":" + d.Path + " " + p.Row
					if prev, ok := pages[pfx]; ok && prev.URL != link {
						conflicts[pfx] = fmt.Sprintf("prefix %s: %s links %s, %s links %s", pfx, prev.From, prev.URL, from, link)
						continue
					}
					pages[pfx] = UniformPage{URL: link, From: from}
				}
			}
		}
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
