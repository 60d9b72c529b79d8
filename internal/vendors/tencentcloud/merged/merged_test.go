package merged

import (
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/permgen/permgen/internal/vendors/tencentcloud/camdocs"
)

var (
	once    sync.Once
	catalog *Catalog
	loadErr error
)

func sourcesDir() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "../../../../sources/tencentcloud")
}

// load builds the catalog from the committed sources once per test binary.
func load(t testing.TB) *Catalog {
	t.Helper()
	once.Do(func() { catalog, loadErr = Load(sourcesDir()) })
	if loadErr != nil {
		t.Fatal(loadErr)
	}
	return catalog
}

// Figures measured on the committed sources; docs/tencentcloud-catalog.md quotes them.
func TestCounts(t *testing.T) {
	c := load(t)
	n := c.Counts()
	want := Counts{Prefixes: 272, Actions: 15987, Deprecated: 145,
		ByGranularity:  map[Granularity]int{Resource: 1633, Operation: 3351, OperationByOmission: 2721, Service: 2171, Undocumented: 6111},
		FindingsByCode: map[string]int{"audit-unknown": 2034, "granularity-conflict": 1, "pattern-repaired": 174, "pattern-unplaced": 27, "resource-level-no-pattern": 63, "row-unstated": 71}}
	if !reflect.DeepEqual(n, want) {
		t.Errorf("counts\n got %+v\nwant %+v", n, want)
	}
}

// Target of issue 22: all 258 services of the newest API catalogue are present.
func TestEveryAPIServicePresent(t *testing.T) {
	c := load(t)
	svcs := map[string]bool{}
	for _, p := range c.Prefixes {
		for _, s := range p.APIServices {
			svcs[s] = true
		}
	}
	if len(svcs) != 258 {
		t.Errorf("%d API services in the catalog, want 258", len(svcs))
	}
}

// Target of issue 22: every resource-level row of the old pages is in the catalog
// with its pattern, or a finding says why not.
func TestEveryResourceRowPlacedOrReported(t *testing.T) {
	c := load(t)
	reported := map[string]bool{}
	for _, f := range c.Findings {
		reported[f.Prefix+":"+f.Action] = true
	}
	var docs []camdocs.Doc
	for _, f := range []string{DocsIntl, DocsCN} {
		d, err := camdocs.ReadArchive(filepath.Join(sourcesDir(), f))
		if err != nil {
			t.Fatal(err)
		}
		for _, x := range d {
			if x.Lang != "en" {
				docs = append(docs, x)
			}
		}
	}
	prefixes := map[string]bool{}
	rows := 0
	for _, e := range camdocs.Entries(docs) {
		if e.Level != camdocs.LevelResource {
			continue
		}
		rows++
		name := docPrefix(e.Prefix) + ":" + e.Action
		prefixes[docPrefix(e.Prefix)] = true
		a, ok := c.Lookup(name)
		if !ok {
			t.Errorf("%s (%s) is not in the catalog", name, cite(e))
			continue
		}
		if (a.Granularity != Resource || len(a.Resources) == 0) && !reported[name] {
			t.Errorf("%s (%s): %s level, %d patterns, and no finding", name, cite(e), a.Granularity, len(a.Resources))
		}
	}
	if rows == 0 || len(prefixes) < 46 {
		t.Errorf("%d resource-level rows over %d prefixes; the sources have at least 46 prefixes", rows, len(prefixes))
	}
}

func TestPrefixMappings(t *testing.T) {
	c := load(t)
	for _, tc := range []struct {
		name, service string
		gran          Granularity
		resource      string
	}{
		{"cvm:AttachDisks", "cbs", Resource, "qcs::cvm:${region}:uin/${uin}:volume/${diskId}"},
		{"as:CreateAutoScalingGroup", "autoscaling", Resource, "qcs::as:${region}:uin/${uin}:auto-scaling-group/*"},
		{"apigw:CreateService", "apigateway", Undocumented, ""},
		{"vpc:AcceptVpcPeeringConnection", "vpc", Resource, "qcs::vpc:${region}:uin/${uin}:pcx/${peeringConnectionId}"},
		{"tke:CreateCluster", "tke", Resource, ""},
		{"tke:DescribeClusters", "tke", OperationByOmission, ""},
		{"cos:GetObject", "", Undocumented, ""},
	} {
		a, ok := c.Lookup(tc.name)
		if !ok {
			t.Errorf("%s missing", tc.name)
			continue
		}
		if a.APIService != tc.service || a.Granularity != tc.gran || tc.resource != "" && !contains(a.Resources, tc.resource) {
			t.Errorf("%s: service %q granularity %s resources %q; want %q, %s, %q", tc.name, a.APIService, a.Granularity, a.Resources, tc.service, tc.gran, tc.resource)
		}
		if a.GranularityFrom == "" || len(a.Exists) == 0 {
			t.Errorf("%s: no provenance (%q, %q)", tc.name, a.GranularityFrom, a.Exists)
		}
	}
	// No prefix is the old ccs or the API folder names the mappings replace.
	for _, gone := range []string{"ccs", "cbs", "autoscaling", "apigateway"} {
		if _, ok := c.Prefix(gone); ok {
			t.Errorf("prefix %s is in the catalog; it maps to another", gone)
		}
	}
}

func TestEveryActionHasProvenance(t *testing.T) {
	for _, p := range load(t).Prefixes {
		for _, a := range p.Actions {
			if len(a.Exists) == 0 || a.GranularityFrom == "" || a.Granularity == "" {
				t.Fatalf("%s:%s lacks provenance: %+v", p.Name, a.Name, a)
			}
			if a.Granularity == Resource && len(a.Resources) > 0 && a.ResourcesFrom == "" {
				t.Fatalf("%s:%s: patterns without source", p.Name, a.Name)
			}
			if strings.Contains(strings.Join(a.Resources, " "), "$account") {
				t.Fatalf("%s:%s: unnormalized %q", p.Name, a.Name, a.Resources)
			}
		}
	}
}

// Build is deterministic: the same inputs give the same catalog, findings in the same
// order, whatever the order Go's maps iterate in.
func TestBuildDeterministic(t *testing.T) {
	in, err := ReadInputs(sourcesDir())
	if err != nil {
		t.Fatal(err)
	}
	a, b := Build(in), Build(in)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("two builds of the same inputs differ")
	}
}
