// Package merged builds one CAM catalog per CAM prefix from every Tencent Cloud source
// permgen has, keeping the provenance of every fact:
//
//   - the API catalogue (tccli api.json): the action exists, its description, its
//     status (deprecated and offline actions stay, marked deprecated), its input fields;
//   - the old CAM pages (2018–2023): resource-level rows with their patterns, and by
//     the pages' own rule ("actions not listed here do not support resource-level
//     permissions") operation level by omission for every other action of a product
//     that has such a table;
//   - the CAM product index: a product's finest granularity (操作级 / 服务级 apply to
//     all its actions);
//   - COS's policy reference: COS's action names (COS has no API 3.0 catalogue);
//   - CloudAudit's event lists: a check, never a source (names the catalog misses
//     are findings).
//
// Granularity no source states is Undocumented, never guessed. Where sources disagree
// the catalog says so in a Finding naming both, and keeps the reading that never
// grants more than the vendor does.
package merged

import (
	"sort"
	"strings"
)

// Granularity is what the catalog can say about how finely CAM authorizes an action.
type Granularity string

// Granularities, with the sources that can state them.
const (
	Resource Granularity = "resource" // 资源级: an old page's table row with a pattern or a level cell
	// Operation is 操作级, said by an old page's row (level cell or resource "*")
	// or by the product index for the whole product.
	Operation Granularity = "operation"
	// OperationByOmission is operation level by the old pages' rule: the product's
	// resource-level tables do not list the action.
	OperationByOmission Granularity = "operation-by-omission"
	Service             Granularity = "service"      // 服务级, from the product index
	Undocumented        Granularity = "undocumented" // no source says
)

// Action is one CAM action with the provenance of each fact.
type Action struct {
	Prefix, Name string
	// Exists lists every source that names the action, e.g.
	// "api: cvm 2017-03-12", "doc: qcloud-documents.tar.gz product/…/x.md table 2 row 5".
	Exists          []string
	Description     string
	DescriptionFrom string
	Granularity     Granularity
	GranularityFrom string
	// Resources are the normalized six-segment patterns ("*" never appears: an
	// operation-level action has none); ResourcesFrom where they were read.
	Resources     []string
	ResourcesFrom string
	Conditions    []string
	// Deprecated is the API catalogue's status when it is deprecated or offline and
	// no version of the API is online; "" otherwise.
	Deprecated string
	// APIService is the API endpoint's service (tccli folder, the X-TC-Action
	// request's host service), "" for actions the API catalogue does not list.
	APIService string
	APIVersion string   // newest API version listing it
	Input      []string // request member names of that version
}

// Prefix is the catalog of one CAM prefix.
type Prefix struct {
	Name        string // CAM prefix, "cvm"
	Product     string // product name (index, else serviceNameCN)
	ProductFrom string
	// IndexGranularity is the product index's finest level for the product, "" when
	// the index does not list it.
	IndexGranularity string
	Console, Tag     bool
	APIServices      []string // tccli services whose actions are here, sorted
	DocFiles         []string // old CAM pages with resource-level rows for the prefix
	Actions          []Action // sorted by Name
}

// Finding is an anomaly: a conflict between two sources (both named), a row that
// could not be placed, a name only CloudAudit knows.
type Finding struct {
	Code    string // "granularity-conflict", "pattern-unplaced", "audit-unknown", …
	Prefix  string
	Action  string
	Message string
}

// Catalog is every prefix.
type Catalog struct {
	Prefixes []Prefix
	Findings []Finding
	// Mappings are the service → prefix overrides applied, each with its reason.
	Mappings []Mapping
}

// Prefix returns the prefix named name.
func (c *Catalog) Prefix(name string) (*Prefix, bool) {
	i := sort.Search(len(c.Prefixes), func(i int) bool { return c.Prefixes[i].Name >= name })
	if i < len(c.Prefixes) && c.Prefixes[i].Name == name {
		return &c.Prefixes[i], true
	}
	return nil, false
}

// Action returns the prefix's action named name.
func (p *Prefix) Action(name string) (*Action, bool) {
	i := sort.Search(len(p.Actions), func(i int) bool { return p.Actions[i].Name >= name })
	if i < len(p.Actions) && p.Actions[i].Name == name {
		return &p.Actions[i], true
	}
	return nil, false
}

// Lookup finds the action "prefix:Name".
func (c *Catalog) Lookup(name string) (*Action, bool) {
	pfx, act, ok := strings.Cut(name, ":")
	if !ok {
		return nil, false
	}
	p, ok := c.Prefix(pfx)
	if !ok {
		return nil, false
	}
	return p.Action(act)
}

// Counts are the catalog's figures, for docs and tests.
type Counts struct {
	Prefixes, Actions int
	ByGranularity     map[Granularity]int
	Deprecated        int
	FindingsByCode    map[string]int
}

// Counts returns the catalog's figures.
func (c *Catalog) Counts() Counts {
	n := Counts{Prefixes: len(c.Prefixes), ByGranularity: map[Granularity]int{}, FindingsByCode: map[string]int{}}
	for _, p := range c.Prefixes {
		for _, a := range p.Actions {
			n.Actions++
			n.ByGranularity[a.Granularity]++
			if a.Deprecated != "" {
				n.Deprecated++
			}
		}
	}
	for _, f := range c.Findings {
		n.FindingsByCode[f.Code]++
	}
	return n
}
