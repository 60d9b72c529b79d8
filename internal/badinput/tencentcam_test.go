package badinput

import "testing"

// Unreachable Tencent CAM errors, and why no case raises them:
//
//   - internal/vendors/tencentcloud/tencentcam/scrape.go "empty document": contentRoot is nil only
//     for a document without nodes, but the HTML parser always builds html, head
//     and body, and internal/scrape rejects an empty file before parsing.
//   - internal/vendors/tencentcloud/camresolve/cam.go "no action tables": the scraper already fails with "no
//     action tables found" unless it kept at least one table with rows.
//   - internal/resolve/gopkg.go, a Go name that clashes with the package's fixed API
//     (Action, Actions, ParseAction, Service, ...): action names become "Action"+X
//     and builders X+"Resource", which no fixed name matches; clashes between data
//     names are covered below.

// The pieces of a valid page; each case breaks one thing.
var (
	camHeader = header("接口名", "接口描述", "授权粒度", "资源六段式", "IP限制")
	camFacts  = "<h2>基本信息</h2>\n<table>" + header("CAM中产品名", "CAM中简称", "控制台访问", "授权粒度") +
		row("演示", "demo", "支持", "资源级") + "</table>\n"
	okRow   = row("CreateThing", "创建", "资源级", "qcs::demo::uin/${uin}:instance/${InstanceId}", "支持")
	okTable = table("写操作", camHeader, okRow)
)

func camCase(name, want string, content ...string) badCase {
	html := ""
	for _, c := range content {
		html += c
	}
	return badCase{name: name, want: want, files: map[string]string{
		"manifest.json":  camManifest,
		"acme/demo.html": page(html),
	}}
}

const knownCols = `"接口名" | "接口描述" | "授权粒度" | "资源六段式" | "IP限制"`

func TestTencentCAM(t *testing.T) {
	runCases(t, []badCase{
		// internal/vendors/tencentcloud/tencentcam/actions.go
		camCase("missing-required-column",
			`sources/acme/demo.html: table 写操作: action table has no column 资源六段式 (Six-segment Resource Description), which every action needs; headers found: "接口名" | "接口描述" | "授权粒度" | "IP限制"; if the page names it differently, add the name to the vocabulary in internal/vendors/tencentcloud/tencentcam/headers.go`,
			camFacts, table("写操作", header("接口名", "接口描述", "授权粒度", "IP限制"), row("CreateThing", "创建", "操作级", "支持"))),
		camCase("no-data-rows",
			`sources/acme/demo.html: table 写操作: action table has a header row but no data rows; check the snapshot against the vendor page (a cut-off or empty section)`,
			camFacts, table("写操作", camHeader)),
		camCase("missing-cell",
			`sources/acme/demo.html: table 写操作 row 2: row has 4 cells, the header has 5 (`+knownCols+`): a cell is missing; check the snapshot against the vendor page (merged cells are not supported)`,
			camFacts, table("写操作", camHeader, okRow, row("DeleteThing", "删除", "操作级", "*"))),
		camCase("empty-api-name",
			`sources/acme/demo.html: table 读操作 row 1 column 接口名: empty API name: every action needs its name; check the snapshot against the vendor page`,
			camFacts, okTable, table("读操作", camHeader, row(" ", "读", "操作级", "*", "支持"))),
		camCase("two-columns-one-key",
			`sources/acme/demo.html: table 写操作 column API: columns "接口名" and "API" both read as api; remove one from the vocabulary in internal/vendors/tencentcloud/tencentcam/headers.go or check the snapshot`,
			camFacts, table("写操作", header("接口名", "API", "授权粒度", "资源六段式"), row("CreateThing", "CreateThing", "操作级", "*"))),
		// internal/vendors/tencentcloud/tencentcam/facts.go
		camCase("facts-no-data-row",
			`sources/acme/demo.html: table 基本信息: the 基本信息 (Fundamental information) table has a header row but no data row; check the snapshot against the vendor page`,
			"<h2>基本信息</h2>\n<table>"+header("CAM中产品名", "CAM中简称")+"</table>\n", okTable),
		camCase("facts-missing-cell",
			`sources/acme/demo.html: table 基本信息 row 1: row has 1 cells, the header has 2 ("CAM中产品名" | "CAM中简称"): a cell is missing; check the snapshot against the vendor page`,
			"<h2>基本信息</h2>\n<table>"+header("CAM中产品名", "CAM中简称")+row("演示")+"</table>\n", okTable),
		// internal/vendors/tencentcloud/tencentcam/scrape.go
		camCase("no-action-tables",
			`sources/acme/demo.html: no action tables found: expected tables with columns 接口名 | 接口描述 | 授权粒度 | 资源六段式 | IP限制 (or English); check that the snapshot is a CAM "APIs supporting CAM" page`,
			camFacts, "<p>no tables here</p>"),
		// internal/vendors/tencentcloud/camresolve/cam.go
		camCase("bad-short-name",
			`sources/acme/demo.html: table 基本信息 row 1 column CAM中简称: short name "Demo!" is not a CAM service short name (lower-case letters, digits, '-', '_')`,
			"<h2>基本信息</h2>\n<table>"+header("CAM中产品名", "CAM中简称")+row("演示", "Demo!")+"</table>\n", okTable),
		camCase("no-facts-table",
			"sources/acme/demo.html: the service facts table has no product name (CAM中产品名)\n"+
				"sources/acme/demo.html: the service facts table has no short name (CAM中简称)",
			okTable),
		camCase("empty-product-name",
			`sources/acme/demo.html: table 基本信息: the service facts table has no product name (CAM中产品名)`,
			"<h2>基本信息</h2>\n<table>"+header("CAM中产品名", "CAM中简称")+row("\u3000 ", "demo")+"</table>\n", okTable),
		camCase("duplicate-action",
			`sources/acme/demo.html: table 读操作 row 1: duplicate action "CreateThing": already listed at sources/acme/demo.html: table 写操作 row 1`,
			camFacts, okTable, table("读操作", camHeader, okRow)),
		camCase("api-name-not-identifier",
			`sources/acme/demo.html: table 写操作 row 1 column 接口名: API name "Foo}" is not an identifier (letters, digits, '_', starting with a letter)`,
			camFacts, table("写操作", camHeader, row("Foo}", "x", "操作级", "*", "支持"))),
		camCase("api-name-injection",
			`sources/acme/demo.html: table 写操作 row 1 column 接口名: API name "Foo } func init() { panic(1) }" is not an identifier (letters, digits, '_', starting with a letter)`,
			camFacts, table("写操作", camHeader, row("Foo\n}\nfunc init() {\n\tpanic(1)\n}", "x", "操作级", "*", "支持"))),
		camCase("no-resource-pattern",
			`sources/acme/demo.html: table 写操作 row 1 column 资源六段式: no resource pattern; operation-level actions list "*"`,
			camFacts, table("写操作", camHeader, row("CreateThing", "x", "操作级", "", "支持"))),
		// internal/vendors/tencentcloud/camresolve/vocab.go, for each closed vocabulary
		camCase("unknown-granularity",
			`sources/acme/demo.html: table 写操作 row 1 column 授权粒度: unknown granularity "资源级别"; known: 服务级, 操作级, 资源级`,
			camFacts, table("写操作", camHeader, row("CreateThing", "x", "资源级别", "*", "支持"))),
		camCase("unknown-ip-restriction",
			`sources/acme/demo.html: table 写操作 row 1 column IP限制: unknown support value "看情况"; known: 支持, 不支持, 部分支持`,
			camFacts, table("写操作", camHeader, row("CreateThing", "x", "操作级", "*", "看情况"))),
		camCase("unknown-fact-value",
			"sources/acme/demo.html: table 基本信息 row 1 column 控制台访问: unknown support value \"也许\"; known: 支持, 不支持, 部分支持\n"+
				"sources/acme/demo.html: table 基本信息 row 1 column 授权粒度: unknown granularity \"Row level\"; known: 服务级, 操作级, 资源级",
			"<h2>基本信息</h2>\n<table>"+header("CAM中产品名", "CAM中简称", "控制台访问", "授权粒度")+row("演示", "demo", "也许", "Row level")+"</table>\n", okTable),
		// internal/vendors/tencentcloud/camresolve/resource.go
		camCase("resource-not-six-segments",
			`sources/acme/demo.html: table 写操作 row 1 column 资源六段式: resource "qcs:demo:instance" is not a six-segment pattern qcs:project:service:region:account:resource`,
			camFacts, table("写操作", camHeader, row("CreateThing", "x", "资源级", "qcs:demo:instance", "支持"))),
		camCase("resource-empty-service",
			`sources/acme/demo.html: table 写操作 row 1 column 资源六段式: resource "qcs::::uin/${uin}:instance/${InstanceId}" has an empty service segment`,
			camFacts, table("写操作", camHeader, row("CreateThing", "x", "资源级", "qcs::::uin/${uin}:instance/${InstanceId}", "支持"))),
		camCase("resource-empty-path",
			`sources/acme/demo.html: table 写操作 row 1 column 资源六段式: resource "qcs::demo::uin/${uin}:" has an empty resource segment`,
			camFacts, table("写操作", camHeader, row("CreateThing", "x", "资源级", "qcs::demo::uin/${uin}:", "支持"))),
		camCase("resource-character",
			`sources/acme/demo.html: table 写操作 row 1 column 资源六段式: resource "qcs::demo::uin/${uin}:in\"st/${Id}" contains '"', which no CAM pattern does; correct the snapshot or add an override`,
			camFacts, table("写操作", camHeader, row("CreateThing", "x", "资源级", "qcs::demo::uin/${uin}:in&quot;st/${Id}", "支持"))),
		camCase("resource-service-name",
			`sources/acme/demo.html: table 写操作 row 1 column 资源六段式: resource "qcs::Demo::uin/${uin}:instance/${Id}" has service "Demo"; CAM service names are lower-case letters, digits, '-' and '_'`,
			camFacts, table("写操作", camHeader, row("CreateThing", "x", "资源级", "qcs::Demo::uin/${uin}:instance/${Id}", "支持"))),
		camCase("resource-malformed-placeholder",
			`sources/acme/demo.html: table 写操作 row 1 column 资源六段式: resource "qcs::demo::uin/${uin}:instance/${a-b}" has a malformed placeholder in "instance/${a-b}"; write ${name} with a name of letters, digits and '_'`,
			camFacts, table("写操作", camHeader, row("CreateThing", "x", "资源级", "qcs::demo::uin/${uin}:instance/${a-b}", "支持"))),
		// internal/resolve/gopkg.go: names that differ on the page but not in Go
		camCase("go-name-clash-actions",
			`sources/acme/demo.html: table 写操作 row 2: Go name ActionFoo of action foo clashes with action Foo (sources/acme/demo.html: table 写操作 row 1)`,
			camFacts, table("写操作", camHeader, row("Foo", "x", "操作级", "*", "支持"), row("foo", "y", "操作级", "*", "支持"))),
		camCase("go-name-clash-across-kinds",
			`sources/acme/demo.html: Go name ActionXResource of resource type demo/ActionX clashes with action XResource (sources/acme/demo.html: table 写操作 row 1)`,
			camFacts, table("写操作", camHeader, row("XResource", "x", "资源级", "qcs::demo::uin/${uin}:ActionX/${Id}", "支持"))),
		camCase("go-name-clash-resource-types",
			`sources/acme/demo.html: Go name ABResource of resource type demo/aB clashes with resource type demo/a-b (sources/acme/demo.html)`,
			camFacts, table("写操作", camHeader,
				row("One", "x", "资源级", "qcs::demo::uin/${uin}:a-b/${Id}", "支持"),
				row("Two", "y", "资源级", "qcs::demo::uin/${uin}:aB/${Id}", "支持"))),
		// Every error of a page in one run, joined in page order.
		camCase("all-errors-at-once",
			"sources/acme/demo.html: table 写操作 row 1 column 授权粒度: unknown granularity \"?\"; known: 服务级, 操作级, 资源级\n"+
				"sources/acme/demo.html: table 写操作 row 2 column 接口名: API name \"2Fast\" is not an identifier (letters, digits, '_', starting with a letter)\n"+
				"sources/acme/demo.html: table 写操作 row 2 column 资源六段式: resource \"qcs:x\" is not a six-segment pattern qcs:project:service:region:account:resource",
			camFacts, table("写操作", camHeader, row("A", "x", "?", "*", "支持"), row("2Fast", "y", "操作级", "qcs:x", "支持"))),
	})
}
