package tencentcloud

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/vendor"
	"github.com/permgen/permgen/internal/vendors/tencentcloud/merged"
)

// Issue 22: "a uniform page, when present, outranks the older sources". A page
// fetched for cvm (here ccc's page renamed, its actions cut to RunInstances at
// operation level) is the one cvm service: the catalog's own cvm service is not
// added beside it, RunInstances keeps the page's granularity although the old
// CAM pages say resource level, and the catalogue's other actions join it as
// undocumented.
func TestUniformPageOutranksOlderSources(t *testing.T) {
	src := repoSources(t)
	html, err := os.ReadFile(filepath.Join(src, "tencentcloud", "ccc.html"))
	if err != nil {
		t.Fatal(err)
	}
	reg := vendor.Registry{Vendor{}}
	p, err := reg.Scrape(model.Source{File: "cvm.html", Path: "tencentcloud/cvm.html", Vendor: "tencentcloud", Format: model.FormatTencentCAM}, html)
	if err != nil {
		t.Fatal(err)
	}
	page, err := Vendor{}.Resolve(p, nil)
	if err != nil {
		t.Fatal(err)
	}
	page.ShortName = "cvm"
	var run model.Action
	for _, a := range page.Actions {
		run = a
		break
	}
	run.Name, run.Granularity = "RunInstances", model.OperationLevel
	page.Actions = []model.Action{run}

	c, err := loadCatalog(filepath.Join(src, "tencentcloud"))
	if err != nil {
		t.Fatal(err)
	}
	cvm, ok := c.Prefix("cvm")
	if !ok {
		t.Fatal("no cvm in the merged catalog")
	}
	if a, ok := cvm.Action("RunInstances"); !ok || a.Granularity != merged.Resource {
		t.Fatalf("the older sources should say RunInstances is resource level: %+v", a)
	}

	services, _, err := withTencentCatalog(src, []*model.Service{page}, nil)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, s := range services {
		if s.ShortName == "cvm" {
			n++
			if s != page {
				t.Error("the catalog's cvm service was added beside the page's")
			}
		}
	}
	if n != 1 {
		t.Fatalf("%d cvm services, want 1 (the page's)", n)
	}
	undocumented := 0
	for _, a := range page.Actions {
		switch {
		case a.Name == "RunInstances" && a.Granularity != model.OperationLevel:
			t.Errorf("RunInstances: %s, want the page's operation level", a.Granularity)
		case a.Name != "RunInstances" && a.Granularity == model.Undocumented:
			undocumented++
		case a.Name != "RunInstances":
			t.Errorf("%s: %s, want undocumented (the page does not list it)", a.Name, a.Granularity)
		}
	}
	if undocumented < 100 {
		t.Errorf("%d of the API catalogue's cvm actions joined the page, want them all (hundreds)", undocumented)
	}
}
