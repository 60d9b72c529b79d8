package tencentcloud

import (
	"crypto/sha256"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/vendors/tencentcloud/camemit"
	"github.com/permgen/permgen/internal/vendors/tencentcloud/merged"
)

// catalogDate is the API catalogue snapshot's commit date (sources/tencentcloud/
// SOURCES.md), the date its deprecations are stamped with.
const catalogDate = "2026-08-21"

// withTencentCatalog adds one service per CAM prefix of the merged Tencent catalog
// when the sources folder holds the API catalogue (sources/tencentcloud/tccli). A
// prefix with a uniform page keeps the page's service, which outranks every other
// source; the API catalogue's actions the page does not list are added to it as
// undocumented. Without the catalogue nothing changes.
//
// It also returns params with the parameter overrides the API catalogue implies for the
// SDK transport (derivedParameters).
func withTencentCatalog(in string, services []*model.Service, params []camemit.ParameterOverride) ([]*model.Service, []camemit.ParameterOverride, error) {
	dir := filepath.Join(in, "tencentcloud")
	if !merged.Present(dir) {
		return services, params, nil
	}
	c, err := loadCatalog(dir)
	if err != nil {
		return nil, nil, err
	}
	pages := map[string]*model.Service{}
	for _, s := range services {
		if s.Kind == model.FormatTencentCAM && s.Source.Vendor == "tencentcloud" {
			pages[s.ShortName] = s
		}
	}
	findings := map[string][]model.Diagnostic{}
	for _, f := range c.Findings {
		d := model.Diagnostic{Pos: model.Pos{File: "sources/tencentcloud"}, Code: f.Code, Msg: f.Message}
		if f.Action != "" {
			d.Subject = "action " + f.Prefix + ":" + f.Action
		}
		findings[f.Prefix] = append(findings[f.Prefix], d)
	}
	for _, p := range c.Prefixes {
		if page := pages[p.Name]; page != nil {
			addUndocumented(page, p)
			page.Diagnostics = append(page.Diagnostics, findings[p.Name]...)
			continue
		}
		s := catalogService(p)
		s.Diagnostics = findings[p.Name]
		services = append(services, s)
	}
	// Findings about a prefix with no action (CloudAudit names of a product no other
	// source lists) go to the last service, so that lint still shows them.
	for _, pfx := range sortedFindingPrefixes(findings) {
		if _, ok := c.Prefix(pfx); !ok && len(services) > 0 {
			last := services[len(services)-1]
			last.Diagnostics = append(last.Diagnostics, findings[pfx]...)
		}
	}
	return services, append(params, derivedParameters(c, params)...), nil
}

// withCatalogParameters adds to params, read from parameters.json, the overrides
// the API catalogue implies, when the sources folder holds it.
func withCatalogParameters(in string, params []camemit.ParameterOverride) ([]camemit.ParameterOverride, error) {
	dir := filepath.Join(in, "tencentcloud")
	if !merged.Present(dir) {
		return params, nil
	}
	c, err := loadCatalog(dir)
	if err != nil {
		return nil, err
	}
	return append(params, derivedParameters(c, params)...), nil
}

// derivedParameters names, for each placeholder of a merged action's patterns, the
// api.json input member that fills it when camhttp would not find it by itself (it
// matches the placeholder's name and that name + "s" case-insensitively): a member
// named the placeholder + "Set", "List" or "Array". Overrides already in
// parameters.json win.
func derivedParameters(c *merged.Catalog, given []camemit.ParameterOverride) []camemit.ParameterOverride {
	have := map[string]bool{}
	for _, o := range given {
		have[o.Action+" "+o.Placeholder] = true
	}
	var out []camemit.ParameterOverride
	for _, p := range c.Prefixes {
		for _, a := range p.Actions {
			name := p.Name + ":" + a.Name
			seen := map[string]bool{}
			for _, pat := range a.Resources {
				for _, ph := range placeholderNames(pat) {
					if seen[ph] || have[name+" ${"+ph+"}"] || strings.EqualFold(ph, "region") || strings.EqualFold(ph, "uin") || strings.EqualFold(ph, "uid") {
						continue
					}
					seen[ph] = true
					if member, ok := inputFor(ph, a.Input); ok {
						out = append(out, camemit.ParameterOverride{Action: name, Placeholder: "${" + ph + "}", Parameter: member,
							Reason: fmt.Sprintf("the request's input (api.json %s %s) has %s, not %s or %ss", a.APIService, a.APIVersion, member, ph, ph)})
					}
				}
			}
		}
	}
	return out
}

// inputFor finds the input member that carries the placeholder's values under
// another name; found by itself (same name or + "s") means no override.
func inputFor(ph string, input []string) (string, bool) {
	for _, m := range input {
		if strings.EqualFold(m, ph) || strings.EqualFold(m, ph+"s") {
			return "", false
		}
	}
	for _, suffix := range []string{"Set", "List", "Array"} {
		for _, m := range input {
			if strings.EqualFold(m, ph+suffix) || strings.EqualFold(m, ph+"s"+suffix) {
				return m, true
			}
		}
	}
	return "", false
}

// placeholderNames lists the ${names} of a normalized pattern.
func placeholderNames(pattern string) []string {
	var names []string
	for rest := pattern; ; {
		i := strings.Index(rest, "${")
		if i < 0 {
			return names
		}
		j := strings.IndexByte(rest[i:], '}')
		if j < 0 {
			return names
		}
		names = append(names, rest[i+2:i+j])
		rest = rest[i+j+1:]
	}
}

func sortedFindingPrefixes(m map[string][]model.Diagnostic) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// addUndocumented adds the API catalogue's actions a uniform page does not list.
// The page is the authority: what it leaves out, it does not document.
func addUndocumented(page *model.Service, p merged.Prefix) {
	have := map[string]bool{}
	for _, a := range page.Actions {
		have[a.Name] = true
	}
	n := len(page.Actions)
	for _, a := range p.Actions {
		if have[a.Name] || a.APIService == "" {
			continue
		}
		x := catalogAction(a)
		x.Granularity, x.Resources = model.Undocumented, []model.Resource{{Pattern: "*"}}
		x.Pos = model.Pos{File: provenance(a, "granularity undocumented: the API catalogue lists it and sources/"+page.Source.Path+" does not")}
		page.Actions = append(page.Actions, x)
	}
	if len(page.Actions) > n {
		sortActions(page.Actions)
	}
}

func sortActions(as []model.Action) {
	sort.Slice(as, func(i, j int) bool { return as[i].Name < as[j].Name })
}

var granularities = map[merged.Granularity]model.Granularity{
	merged.Resource: model.ResourceLevel, merged.Operation: model.OperationLevel,
	merged.OperationByOmission: model.OperationLevel, merged.Service: model.ServiceLevel,
	merged.Undocumented: model.Undocumented,
}

// catalogService turns one prefix of the merged catalog into the model's service.
func catalogService(p merged.Prefix) *model.Service {
	s := &model.Service{
		Kind: model.FormatTencentCAM,
		Source: model.Source{
			// A path of its own per prefix keeps history and the package-move guard
			// working per service; no such file exists.
			Path:       "tencentcloud/catalog/" + p.Name,
			File:       "sources/tencentcloud (merged catalog, prefix " + p.Name + ")",
			Vendor:     "tencentcloud",
			Format:     model.FormatTencentCatalog,
			Provenance: "merged from " + strings.Join(p.APIServices, ", ") + " (tccli/HEAD.tar.gz) and " + fmt.Sprint(len(p.DocFiles)) + " old CAM pages; product " + p.ProductFrom,
		},
		Name:      p.Product,
		ShortName: p.Name,
	}
	if s.Name == "" {
		s.Name = p.Name
	}
	switch p.IndexGranularity {
	case "resource":
		s.Granularity = model.ResourceLevel
	case "operation":
		s.Granularity = model.OperationLevel
	case "service":
		s.Granularity = model.ServiceLevel
	}
	if p.IndexGranularity != "" {
		s.ConsoleAccess, s.TagAuthorization = support(p.Console), support(p.Tag)
	}
	for _, a := range p.Actions {
		x := catalogAction(a)
		x.Pos = model.Pos{File: provenance(a, "granularity "+string(a.Granularity)+": "+a.GranularityFrom)}
		s.Actions = append(s.Actions, x)
	}
	return s
}

func support(b bool) model.Support {
	if b {
		return model.Supported
	}
	return model.Unsupported
}

// catalogAction is the model's action for a merged one; its granularity says what the
// catalog knows, its resources are the normalized patterns or "*".
func catalogAction(a merged.Action) model.Action {
	x := model.Action{Name: a.Name, Description: a.Description, Category: model.Unknown, Granularity: granularities[a.Granularity]}
	for _, pat := range a.Resources {
		seg := strings.SplitN(pat, ":", 6)
		typ, _, _ := strings.Cut(seg[5], "/")
		x.Resources = append(x.Resources, model.Resource{Pattern: pat, Project: seg[1], Service: seg[2], Region: seg[3], Account: seg[4], Path: seg[5], Type: typ})
	}
	if len(x.Resources) == 0 {
		x.Resources = []model.Resource{{Pattern: "*"}}
	}
	if a.APIService != "" {
		// The API operation the action authorizes, as a request names it: the SDK
		// transport finds cvm:AttachDisks from a cbs request this way.
		x.Operation = a.APIService + ":" + a.Name
	}
	if a.Deprecated != "" {
		x.Deprecated = &model.Deprecation{Date: catalogDate, Page: "sources/tencentcloud/tccli/HEAD.tar.gz (" + a.Deprecated + ")"}
	}
	return x
}

// provenance is the action's "Source:" line: where it exists, and where its
// granularity comes from.
func provenance(a merged.Action, granularity string) string {
	exists := a.Exists
	if len(exists) > 3 {
		exists = append(exists[:3:3], fmt.Sprintf("%d more", len(a.Exists)-3))
	}
	return model.CatalogProvenance + strings.Join(exists, "; ") + "; " + granularity
}

// catalogs caches built catalogs by the hash of their archives: reading 80 MB of JSON
// takes seconds, and a process (a test binary, gen check after gen generate) may load
// the same sources many times, from copies in other folders. The catalog is read-only.
var catalogCache struct {
	sync.Mutex
	byHash map[[32]byte]*merged.Catalog
}

func loadCatalog(dir string) (*merged.Catalog, error) {
	h := sha256.New()
	for _, f := range []string{merged.APIFile, merged.DocsIntl, merged.DocsCN, merged.AuditIntl, merged.AuditCN} {
		fh, err := os.Open(filepath.Join(dir, f))
		if err != nil {
			return nil, err
		}
		_, err = io.Copy(h, fh)
		fh.Close()
		if err != nil {
			return nil, err
		}
		fmt.Fprintf(h, "\x00%s\x00", f)
	}
	var key [32]byte
	copy(key[:], h.Sum(nil))
	catalogCache.Lock()
	defer catalogCache.Unlock()
	if c := catalogCache.byHash[key]; c != nil {
		return c, nil
	}
	c, err := merged.Load(dir)
	if err != nil {
		return nil, err
	}
	if catalogCache.byHash == nil {
		catalogCache.byHash = map[[32]byte]*merged.Catalog{}
	}
	catalogCache.byHash[key] = c
	return c, nil
}
