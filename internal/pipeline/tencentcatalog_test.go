package pipeline

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/vendors/tencentcloud/camcatalog"
)

// writeArchive writes a gzip'd tar of files (path -> content) as `git archive` would.
func writeArchive(t *testing.T, name string, files map[string]string) {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	tw := tar.NewWriter(zw)
	for _, p := range sortedKeys(files) {
		if err := tw.WriteHeader(&tar.Header{Name: p, Mode: 0o644, Size: int64(len(files[p])), Typeflag: tar.TypeReg}); err != nil {
			t.Fatal(err)
		}
		if _, err := tw.Write([]byte(files[p])); err != nil {
			t.Fatal(err)
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(name, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func sortedKeys(m map[string]string) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	for i := 1; i < len(ks); i++ {
		for j := i; j > 0 && ks[j] < ks[j-1]; j-- {
			ks[j], ks[j-1] = ks[j-1], ks[j]
		}
	}
	return ks
}

// catalogSources is a sources folder with ccc's uniform page and a small API
// catalogue, old CAM page, product index and CloudAudit list in the real layouts.
func catalogSources(t *testing.T) string {
	t.Helper()
	in := filepath.Join(t.TempDir(), "sources")
	page, err := os.ReadFile(filepath.Join("..", "..", "sources", "tencentcloud", "ccc.html"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(in, "tencentcloud"), 0o755); err != nil {
		t.Fatal(err)
	}
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(os.WriteFile(filepath.Join(in, "tencentcloud", "ccc.html"), page, 0o644))
	must(os.WriteFile(filepath.Join(in, "manifest.json"), []byte(`{"pages":[{"path":"tencentcloud/ccc.html","vendor":"tencentcloud","format":"tencent-cam","api_version":"2020-02-10"}]}`), 0o644))
	api := func(svc, short, ver, actions, objects string) string {
		return `{"actions":{` + actions + `},"objects":{` + objects + `},"metadata":{"apiVersion":"` + ver + `","serviceShortName":"` + short + `","serviceNameCN":"` + svc + `名"},"version":"1.0"}`
	}
	writeArchive(t, filepath.Join(in, "tencentcloud", "tccli", "HEAD.tar.gz"), map[string]string{
		"tccli/services/cvm/v20170312/api.json": api("cvm", "cvm", "2017-03-12",
			`"RunInstances":{"name":"创建实例","input":"RunInstancesRequest","status":"online"},
			 "DescribeZones":{"name":"查询可用区","input":"DescribeZonesRequest","status":"online"},
			 "StopInstances":{"name":"关闭实例","input":"StopInstancesRequest","status":"online"},
			 "OldThing":{"name":"旧接口","input":"OldThingRequest","status":"deprecated"}`,
			`"StopInstancesRequest":{"members":[{"name":"InstanceIdSet"}]}`),
		"tccli/services/cbs/v20170312/api.json": api("cbs", "cbs", "2017-03-12",
			`"AttachDisks":{"name":"挂载云硬盘","input":"AttachDisksRequest","status":"online"}`,
			`"AttachDisksRequest":{"members":[{"name":"DiskIds"},{"name":"InstanceId"}]}`),
		"tccli/services/autoscaling/v20180419/api.json": api("autoscaling", "as", "2018-04-19",
			`"CreateAutoScalingGroup":{"name":"创建伸缩组","input":"CreateAutoScalingGroupRequest","status":"online"}`, ``),
		"tccli/services/ccc/v20200210/api.json": api("ccc", "ccc", "2020-02-10",
			`"CreateExtension":{"name":"创建话机账号","input":"CreateExtensionRequest","status":"online"},
			 "CreateStaff":{"name":"创建客服账号","input":"CreateStaffRequest","status":"online"}`, ``),
	})
	writeArchive(t, filepath.Join(in, "tencentcloud", "camdocs", "intlcloud-documents.tar.gz"), map[string]string{
		"yehe_doc/计算/云服务器/产品简介/访问管理/可授权的资源类型_intl_zh.md": "表中未列出的 CVM API 操作即表示该 CVM API 操作不支持资源级权限。\n\n" +
			"| API 操作 | 资源路径 |\n| --- | --- |\n" +
			"| [RunInstances](https://cloud.tencent.com/document/api/213/15730) | `qcs::cvm:$region:$account:instance/*` |\n" +
			"| StopInstances | `qcs::cvm:$region:$account:instance/$instanceId` |\n" +
			"| AttachDisks | `qcs::cvm:$region:$account:volume/$diskId` |\n",
	})
	writeArchive(t, filepath.Join(in, "tencentcloud", "camdocs", "qcloud-documents.tar.gz"), map[string]string{
		"product/监控与管理/访问控制/什么是访问控制（CAM）/支持CAM的产品.md": "## 计算\n\n| 产品 | CAM 中简称 | 授权粒度 | 控制台 | 根据标签进行授权 | 服务角色 | 参考文档 |\n| --- | --- | --- | --- | --- | --- | --- |\n" +
			"| [云服务器](https://cloud.tencent.com/document/product/213) | cvm | 资源级 | &#10003; | &#10003; | &#10003; | - |\n" +
			"| [弹性伸缩](https://cloud.tencent.com/document/product/377) | as | 操作级 | &#10003; | - | - | - |\n",
	})
	writeArchive(t, filepath.Join(in, "tencentcloud", "camdocs", "cloudaudit-intlcloud-documents.tar.gz"), map[string]string{
		"yehe_doc/开发者服务/云审计/产品简介/支持审计的服务及接口列表/计算/云服务器_intl_zh.md": "| 操作名称 | 资源类型 | 事件名称 |\n| --- | --- | --- |\n| 创建实例 | cvm | RunInstances |\n| 控制台登录 | cvm | ConsoleOnlyThing |\n",
	})
	writeArchive(t, filepath.Join(in, "tencentcloud", "camdocs", "cloudaudit-qcloud-documents.tar.gz"), map[string]string{"README.md": "none\n"})
	return in
}

func TestTencentCatalogInTheModel(t *testing.T) {
	m, err := Load(Options{In: catalogSources(t)})
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]*model.Service{}
	for _, s := range m.Services {
		byName[s.ShortName] = s
	}
	action := func(svc, name string) model.Action {
		t.Helper()
		s := byName[svc]
		if s == nil {
			t.Fatalf("no service %s among %v", svc, byName)
		}
		for _, a := range s.Actions {
			if a.Name == name {
				return a
			}
		}
		t.Fatalf("%s has no action %s", svc, name)
		return model.Action{}
	}
	// The old page's row: resource level with its pattern normalized.
	if a := action("cvm", "RunInstances"); a.Granularity != model.ResourceLevel || a.Patterns()[0] != "qcs::cvm:${region}:uin/${uin}:instance/*" || a.Operation != "cvm:RunInstances" {
		t.Errorf("cvm:RunInstances %+v", a)
	}
	// By omission: the product has a resource-level table that does not list it.
	if a := action("cvm", "DescribeZones"); a.Granularity != model.OperationLevel || !strings.Contains(a.Pos.File, "not listed") {
		t.Errorf("cvm:DescribeZones %s from %q", a.Granularity, a.Pos.File)
	}
	// cbs is authorized under cvm; the request name stays cbs's.
	if a := action("cvm", "AttachDisks"); a.Operation != "cbs:AttachDisks" || a.Patterns()[0] != "qcs::cvm:${region}:uin/${uin}:volume/${diskId}" {
		t.Errorf("cvm:AttachDisks %+v", a)
	}
	if byName["cbs"] != nil || byName["autoscaling"] != nil {
		t.Error("cbs or autoscaling became a service of its own")
	}
	// The index says 操作级 for the whole of as.
	if a := action("as", "CreateAutoScalingGroup"); a.Granularity != model.OperationLevel || !strings.Contains(a.Pos.File, "操作级") {
		t.Errorf("as:CreateAutoScalingGroup %s from %q", a.Granularity, a.Pos.File)
	}
	// Deprecated in the API catalogue: kept, deprecated.
	if a := action("cvm", "OldThing"); a.Deprecated == nil {
		t.Error("cvm:OldThing not deprecated")
	}
	// ccc keeps its uniform page; the catalogue's action it lacks is added as undocumented.
	if a := action("ccc", "CreateExtension"); a.Granularity != model.Undocumented || a.Description != "创建话机账号" {
		t.Errorf("ccc:CreateExtension %+v", a)
	}
	if a := action("ccc", "CreateStaff"); a.Pos.File == "" || strings.HasPrefix(a.Pos.File, model.CatalogProvenance) {
		t.Errorf("ccc:CreateStaff should keep the page's facts, has %q", a.Pos.File)
	}
	// StopInstances' ${instanceId} is filled by the input member InstanceIdSet: the
	// Tencent vendor derives that parameter when it emits the transport, and
	// TestTencentCatalogRequests sees the recorder fill instance/ins-2 with it.
	// camcatalog.Actions, what policy lint checks against, knows every prefix.
	known := map[string]bool{}
	actions, err := camcatalog.Actions(m.Services)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range actions {
		known[a.Service] = true
	}
	for _, svc := range []string{"ccc", "cvm", "as"} {
		if !known[svc] {
			t.Errorf("camcatalog.Actions lacks %s", svc)
		}
	}
}

// The generated tree compiles, and its catalog and SDK transport map a request's
// service and X-TC-Action to the CAM action, filling resources from the request.
func TestTencentCatalogRequests(t *testing.T) {
	if testing.Short() {
		t.Skip("builds generated code")
	}
	in := catalogSources(t)
	res, err := Run(in, importRoot)
	if err != nil {
		t.Fatal(err)
	}
	// Determinism: a second run gives the same bytes (the catalog is merged from maps).
	again, err := Run(in, importRoot)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(res.Files, again.Files); diff != "" {
		t.Fatalf("two runs differ:\n%s", diff)
	}
	dir := writeModule(t, res.Files)
	test := `package check

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"example.com/out/tencentcloud/cam"
	"example.com/out/tencentcloud/camguard"
	"example.com/out/tencentcloud/camhttp"
	"example.com/out/tencentcloud/catalog"
)

func TestLookupRequest(t *testing.T) {
	for req, want := range map[string]string{"cbs:AttachDisks": "cvm:AttachDisks", "autoscaling:CreateAutoScalingGroup": "as:CreateAutoScalingGroup", "cvm:RunInstances": "cvm:RunInstances", "ccc:CreateExtension": "ccc:CreateExtension"} {
		a, ok := catalog.LookupRequest(req)
		if !ok || a.String() != want {
			t.Errorf("LookupRequest(%q) = %v, %v; want %s", req, a, ok, want)
		}
	}
	// Policies name actions exactly: the request name is not a CAM name.
	if _, ok := catalog.Lookup("cbs:AttachDisks"); ok {
		t.Error("Lookup accepts cbs:AttachDisks")
	}
	if a, _ := catalog.Lookup("ccc:CreateExtension"); a.Info().Granularity != cam.UndocumentedGranularity {
		t.Errorf("ccc:CreateExtension granularity %v", a.Info().Granularity)
	}
}

type api struct{}

func (api) RoundTrip(r *http.Request) (*http.Response, error) {
	return &http.Response{StatusCode: 200, Body: io.NopCloser(strings.NewReader("{\"Response\":{\"RequestId\":\"x\"}}")), Request: r}, nil
}

func TestRecorderMapsTheRequest(t *testing.T) {
	rec := &camguard.Recorder{Next: camhttp.Forward}
	rt := camhttp.New(rec, camhttp.Options{Uin: "100", Next: api{}})
	for _, c := range []struct{ service, action, body string }{
		{"cbs", "AttachDisks", "{\"DiskIds\":[\"disk-1\"],\"InstanceId\":\"ins-1\"}"},
		{"cvm", "StopInstances", "{\"InstanceIdSet\":[\"ins-2\"]}"},
	} {
		r, _ := http.NewRequest("POST", "https://"+c.service+".tencentcloudapi.com/", strings.NewReader(c.body))
		r.Header.Set("Content-Type", "application/json")
		r.Header.Set("Authorization", "TC3-HMAC-SHA256 Credential=AKID/2026-11-29/"+c.service+"/tc3_request, SignedHeaders=content-type;host, Signature=00")
		r.Header.Set("X-TC-Action", c.action)
		r.Header.Set("X-TC-Region", "ap-guangzhou")
		resp, err := rt.RoundTrip(r)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
	}
	calls := rec.Calls()
	if len(calls) != 2 {
		t.Fatalf("%d calls", len(calls))
	}
	if c := calls[0]; c.Action.String() != "cvm:AttachDisks" || len(c.Resources) != 1 || c.Resources[0].String() != "qcs::cvm:ap-guangzhou:uin/100:volume/disk-1" {
		t.Errorf("cbs AttachDisks recorded as %v on %v (unfilled %v)", c.Action, c.Resources, c.Unfilled)
	}
	if c := calls[1]; c.Action.String() != "cvm:StopInstances" || len(c.Resources) != 1 || c.Resources[0].String() != "qcs::cvm:ap-guangzhou:uin/100:instance/ins-2" {
		t.Errorf("StopInstances recorded as %v on %v (unfilled %v)", c.Action, c.Resources, c.Unfilled)
	}
}
`
	if err := os.MkdirAll(filepath.Join(dir, "check"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "check", "check_test.go"), []byte(test), 0o644); err != nil {
		t.Fatal(err)
	}
	goCmd(t, dir, "test", "./check/")
}
