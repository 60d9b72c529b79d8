package camemit_test

import (
	"fmt"
	"path"
	"slices"
	"strings"
	"testing"

	"github.com/permgen/permgen/internal/emit"
	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/resolve"
	"github.com/permgen/permgen/internal/vendors/tencentcloud/camemit"
)

var camRuntime = &resolve.Runtime{Template: "cam", Dir: "tc/cam", Name: "cam", ImportPath: "example.com/out/tc/cam"}

// TestCatalogsCopiesTheCAMRuntimes: beside the cam runtime, a Tencent tree carries
// the runtimes split from it by role (issue 21), each copied by the one template
// copier with its imports of the other CAM templates pointing into the tree, and
// each stamped with GenVersion; nothing copied imports permgen's own module.
func TestCatalogsCopiesTheCAMRuntimes(t *testing.T) {
	files, err := camemit.Catalogs(nil, []*resolve.Runtime{camRuntime}, nil, "sources/manifest.json", "sources/parameters.json")
	if err != nil {
		t.Fatal(err)
	}
	byDir := map[string][]string{}
	for _, f := range files {
		src := string(f.Data)
		if strings.Contains(src, "github.com/permgen/permgen/") {
			t.Errorf("%s imports permgen's own module", f.Path)
		}
		dir := path.Dir(f.Path)
		byDir[dir] = append(byDir[dir], path.Base(f.Path))
		if pkg := path.Base(dir); strings.HasSuffix(f.Path, ".go") && !strings.Contains(src, "\npackage "+pkg+"\n") {
			t.Errorf("%s is not package %s", f.Path, pkg)
		}
		if path.Base(f.Path) == "version.go" && !strings.Contains(src, fmt.Sprintf("MaxGenVersion = %d", emit.GenVersion)) {
			t.Errorf("%s is not stamped with GenVersion %d:\n%s", f.Path, emit.GenVersion, src)
		}
	}
	for _, sib := range []string{"campolicy", "camguard", "camhttp"} {
		names := byDir["tc/"+sib]
		if len(names) < 2 || !slices.Contains(names, "version.go") {
			t.Errorf("tc/%s holds %v; want its template's files and version.go", sib, names)
		}
	}
	imports := func(file, want string) {
		for _, f := range files {
			if f.Path == file {
				if !strings.Contains(string(f.Data), `"`+want+`"`) {
					t.Errorf("%s does not import %s", file, want)
				}
				return
			}
		}
		t.Errorf("no %s", file)
	}
	imports("tc/campolicy/evaluate.go", "example.com/out/tc/cam")
	imports("tc/camguard/guard.go", "example.com/out/tc/campolicy")
	imports("tc/camhttp/camhttp.go", "example.com/out/tc/camguard")
}

// TestCatalogsRefusesARuntimeFolder: a product whose package would land in a folder
// the tree's runtimes use is refused, with the page named and the way out.
func TestCatalogsRefusesARuntimeFolder(t *testing.T) {
	p := &resolve.Package{Dir: "tc/camguard", Name: "camguard", Runtime: camRuntime,
		Service: &model.Service{ShortName: "camguard", Source: model.Source{File: "sources/tc/camguard.html"}}}
	_, err := camemit.Catalogs([]*resolve.Package{p}, []*resolve.Runtime{camRuntime}, nil, "sources/manifest.json", "sources/parameters.json")
	if err == nil || !strings.Contains(err.Error(), `sources/tc/camguard.html: package folder "tc/camguard" is the tree's camguard; set "package" in the manifest`) {
		t.Errorf("err = %v", err)
	}
}
