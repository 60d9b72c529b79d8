package merged

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/permgen/permgen/internal/vendors/tencentcloud/camdocs"
	"github.com/permgen/permgen/internal/vendors/tencentcloud/cloudaudit"
	"github.com/permgen/permgen/internal/vendors/tencentcloud/productindex"
	"github.com/permgen/permgen/internal/vendors/tencentcloud/tccli"
)

// Inputs are the sources, read.
type Inputs struct {
	API     *tccli.Catalogue
	APIName string        // how facts cite the catalogue, "tccli/HEAD.tar.gz"
	Docs    []camdocs.Doc // old CAM pages, every archive and language
	Audit   []camdocs.Doc // CloudAudit lists
	// Older is the older docs' archive name: when two pages disagree the newer
	// one (the other archive) is preferred, and both are named.
	Older string
}

// docRank orders the pages by date: the intl zh tree (2020-11 … 2023-07) over the CN
// tree (2021-11); English pages are translations of the zh ones and are not read.
func docRank(d *camdocs.Doc) int {
	switch d.Lang {
	case "zh":
		return 0
	case "cn":
		return 1
	}
	return -1
}

func cite(e camdocs.Entry) string {
	return fmt.Sprintf("%s %s table %d row %d", e.Doc.Archive, e.Doc.Path, e.Table, e.Row)
}

var cosAction = regexp.MustCompile(`name/cos:([A-Za-z]+)`)

// Build merges the inputs into the catalog.
func Build(in Inputs) *Catalog {
	c := &Catalog{Mappings: append(append([]Mapping{}, apiMappings...), docMappings...)}
	prefixes := map[string]*Prefix{}
	actions := map[string]*Action{}
	prefix := func(name string) *Prefix {
		p := prefixes[name]
		if p == nil {
			p = &Prefix{Name: name}
			prefixes[name] = p
		}
		return p
	}
	action := func(pfx, name string) *Action {
		k := pfx + ":" + name
		a := actions[k]
		if a == nil {
			prefix(pfx)
			a = &Action{Prefix: pfx, Name: name}
			actions[k] = a
		}
		return a
	}
	finding := func(code, pfx, act, format string, args ...any) {
		c.Findings = append(c.Findings, Finding{Code: code, Prefix: pfx, Action: act, Message: fmt.Sprintf(format, args...)})
	}

	// 1. The API catalogue: existence, description, status, inputs.
	if in.API != nil {
		for _, s := range in.API.Services {
			for _, a := range s.Actions {
				pfx, _ := apiPrefix(s.Name, s.ShortName, a.Name)
				x := action(pfx, a.Name)
				ver := a.Versions[len(a.Versions)-1]
				x.Exists = append(x.Exists, fmt.Sprintf("api: %s %s %s", in.APIName, s.Name, strings.Join(a.Versions, ",")))
				if x.APIService == "" {
					x.APIService, x.APIVersion, x.Input = s.Name, ver, a.Input
					x.Description, x.DescriptionFrom = a.Description, fmt.Sprintf("api: %s %s %s", in.APIName, s.Name, ver)
				}
				if a.Status == tccli.Deprecated || a.Status == tccli.Offline {
					x.Deprecated = fmt.Sprintf("status %s in every API version that lists it (%s %s)", a.Status, in.APIName, s.Name)
				}
				p := prefix(pfx)
				if !contains(p.APIServices, s.Name) {
					p.APIServices = append(p.APIServices, s.Name)
				}
				if p.Product == "" {
					p.Product, p.ProductFrom = s.NameCN, "api: serviceNameCN of "+s.Name
				}
			}
		}
	}

	// 2. The product index: names and finest granularity. The intl page (2023)
	// is read after the CN one (2021) and wins where both list a product.
	docs := append([]camdocs.Doc{}, in.Docs...)
	sort.SliceStable(docs, func(i, j int) bool { return docRank(&docs[i]) > docRank(&docs[j]) })
	for i := range docs {
		d := &docs[i]
		if !productindex.IsIndex(d) || docRank(d) < 0 {
			continue
		}
		ps, err := productindex.Read(d)
		if err != nil {
			finding("index-unreadable", "", "", "%v", err)
			continue
		}
		for _, row := range ps {
			if row.Prefix == "" {
				continue
			}
			for _, pfx := range strings.FieldsFunc(row.Prefix, func(r rune) bool { return r == '/' || r == '、' || r == ',' || r == ' ' }) {
				pfx = docPrefix(strings.ToLower(pfx))
				p := prefix(pfx)
				if p.IndexGranularity != "" && row.Granularity != "" && p.IndexGranularity != row.Granularity {
					finding("index-conflict", pfx, "", "the product index says %s level (%s) and %s level (%s %s %s, newer); the newer is kept",
						p.IndexGranularity, p.ProductFrom, row.Granularity, d.Archive, d.Path, row.Row)
				}
				if row.Granularity != "" {
					p.IndexGranularity = row.Granularity
				}
				p.Product, p.ProductFrom = row.Name, fmt.Sprintf("index: %s %s %s", d.Archive, d.Path, row.Row)
				p.Console, p.Tag = row.Console, row.Tag
			}
		}
	}

	// 3. The old pages' resource-level rows, newest page last so that it wins.
	type docFact struct {
		e    camdocs.Entry
		rank int
	}
	rows := map[string][]docFact{}
	var zhcn []camdocs.Doc
	for i := range docs {
		if docRank(&docs[i]) >= 0 && !productindex.IsIndex(&docs[i]) {
			zhcn = append(zhcn, docs[i])
		}
	}
	for _, e := range camdocs.Entries(zhcn) {
		pfx := docPrefix(e.Prefix)
		rows[pfx+":"+e.Action] = append(rows[pfx+":"+e.Action], docFact{e, docRank(e.Doc)})
		p := prefix(pfx)
		if f := e.Doc.Archive + " " + e.Doc.Path; !contains(p.DocFiles, f) {
			p.DocFiles = append(p.DocFiles, f)
		}
	}
	for k, facts := range rows {
		pfx, name, _ := strings.Cut(k, ":")
		x := action(pfx, name)
		// The newest page first (rank 0 = intl zh), then page order.
		sort.SliceStable(facts, func(i, j int) bool { return facts[i].rank < facts[j].rank })
		for _, f := range facts {
			x.Exists = append(x.Exists, "doc: "+cite(f.e))
		}
		// Resource level wins over operation level when pages disagree: an allow
		// restricted to a resource never grants more than CAM does (it is ignored if
		// the API is in fact operation level), while "*" would.
		chosen := facts[0]
		for _, f := range facts {
			if f.e.Level == camdocs.LevelResource {
				chosen = f
				break
			}
		}
		for _, f := range facts {
			if f.e.Level != chosen.e.Level && f.e.Level != camdocs.LevelUnstated && chosen.e.Level != camdocs.LevelUnstated {
				finding("granularity-conflict", pfx, name, "%s says %s level, %s says %s level; %s level is kept (it never grants more than CAM does)",
					cite(chosen.e), chosen.e.Level, cite(f.e), f.e.Level, chosen.e.Level)
				break
			}
		}
		if x.Description == "" && chosen.e.Description != "" {
			x.Description, x.DescriptionFrom = chosen.e.Description, "doc: "+cite(chosen.e)
		}
		x.Conditions = chosen.e.Conditions
		switch chosen.e.Level {
		case camdocs.LevelResource:
			x.Granularity, x.GranularityFrom = Resource, "doc: "+cite(chosen.e)
			for _, raw := range chosen.e.Patterns {
				pat, notes, err := normalizePattern(raw, pfx)
				for _, n := range notes {
					finding("pattern-repaired", pfx, name, "%s: %s", cite(chosen.e), n)
				}
				if err != nil {
					finding("pattern-unplaced", pfx, name, "%s: resource-level row, pattern not placed: %v", cite(chosen.e), err)
					continue
				}
				if !contains(x.Resources, pat) {
					x.Resources = append(x.Resources, pat)
				}
			}
			x.ResourcesFrom = "doc: " + cite(chosen.e)
			if len(x.Resources) == 0 && len(chosen.e.Patterns) == 0 {
				finding("resource-level-no-pattern", pfx, name, "%s says resource level (%q) and gives no pattern; a policy can name it only on \"*\"", cite(chosen.e), chosen.e.GranularityCell)
			}
		case camdocs.LevelOperation:
			x.Granularity, x.GranularityFrom = Operation, "doc: "+cite(chosen.e)
		default:
			finding("row-unstated", pfx, name, "%s lists it in a resource-level table with neither a pattern nor a level; left undocumented", cite(chosen.e))
		}
	}

	// 4. COS's action names, from its policy reference.
	for i := range docs {
		d := &docs[i]
		if docRank(d) < 0 || !strings.Contains(d.Path, "COS API 授权策略使用指引") {
			continue
		}
		for _, m := range cosAction.FindAllStringSubmatch(d.Text, -1) {
			x := action("cos", m[1])
			if src := "cos-reference: " + d.Archive + " " + d.Path; !contains(x.Exists, src) {
				x.Exists = append(x.Exists, src)
			}
		}
	}

	// 5. Granularity of everything else: by omission where the product has
	// resource-level tables, else the index's level for the whole product.
	for _, x := range actions {
		if x.Granularity != "" {
			continue
		}
		p := prefixes[x.Prefix]
		switch {
		case len(p.DocFiles) > 0:
			x.Granularity = OperationByOmission
			x.GranularityFrom = fmt.Sprintf("doc rule \"actions not listed do not support resource-level permissions\": not in the %d page(s) listing %s's resource-level APIs (%s)", len(p.DocFiles), p.Name, p.DocFiles[0])
		case p.IndexGranularity == "operation":
			x.Granularity, x.GranularityFrom = Operation, p.ProductFrom+" (操作级 for the whole product)"
		case p.IndexGranularity == "service":
			x.Granularity, x.GranularityFrom = Service, p.ProductFrom+" (服务级 for the whole product)"
		default:
			x.Granularity = Undocumented
			x.GranularityFrom = "no source states it"
			if p.IndexGranularity == "resource" {
				x.GranularityFrom += fmt.Sprintf(" (the product index says the product supports resource level, %s, but no page lists its resource-level APIs)", p.ProductFrom)
			}
		}
	}
	for _, p := range prefixes {
		if (p.IndexGranularity == "operation" || p.IndexGranularity == "service") && len(p.DocFiles) > 0 {
			finding("granularity-conflict", p.Name, "", "%s says %s level for the whole product, and %s list resource-level rows; the rows are kept",
				p.ProductFrom, p.IndexGranularity, strings.Join(p.DocFiles, "; "))
		}
	}

	// 6. CloudAudit: names the catalog does not have.
	for _, ev := range cloudaudit.Events(in.Audit) {
		pfx := docPrefix(strings.ToLower(ev.ResourceType))
		if x, ok := actions[pfx+":"+ev.Name]; ok {
			if len(x.Exists) < 8 {
				x.Exists = append(x.Exists, "audit: "+ev.Where)
			}
			continue
		}
		finding("audit-unknown", pfx, ev.Name, "CloudAudit records %s:%s (%s) and no catalog source names it", pfx, ev.Name, ev.Where)
	}

	for _, p := range prefixes {
		sort.Strings(p.APIServices)
		sort.Strings(p.DocFiles)
	}
	for _, x := range actions {
		p := prefixes[x.Prefix]
		p.Actions = append(p.Actions, *x)
	}
	for _, p := range prefixes {
		if len(p.Actions) == 0 {
			continue // an index row only: a product with no known action
		}
		sort.Slice(p.Actions, func(i, j int) bool { return p.Actions[i].Name < p.Actions[j].Name })
		c.Prefixes = append(c.Prefixes, *p)
	}
	sort.Slice(c.Prefixes, func(i, j int) bool { return c.Prefixes[i].Name < c.Prefixes[j].Name })
	sort.SliceStable(c.Findings, func(i, j int) bool {
		a, b := c.Findings[i], c.Findings[j]
		if a.Code != b.Code {
			return a.Code < b.Code
		}
		if a.Prefix != b.Prefix {
			return a.Prefix < b.Prefix
		}
		if a.Action != b.Action {
			return a.Action < b.Action
		}
		return a.Message < b.Message
	})
	return c
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
