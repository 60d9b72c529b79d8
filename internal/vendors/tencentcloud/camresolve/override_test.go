package camresolve

import (
	"strings"
	"testing"

	"github.com/permgen/permgen/internal/model"
)

// camPage is a one-row Tencent page: AddBlackUser, whose description says "delete"
// (the README's override example).
func camPage() *model.Page {
	pos := model.Pos{File: "sources/tencentcloud/ccc.html", Table: "写操作", Row: 1}
	cell := func(k, col, text string) model.Field {
		return model.Field{Key: k, Text: text, Pos: pos.WithColumn(col)}
	}
	return &model.Page{
		Source: model.Source{File: pos.File, Path: "tencentcloud/ccc.html", Vendor: "tencentcloud", Format: model.FormatTencentCAM, APIVersion: "2020-02-10"},
		Facts: []model.Field{
			{Key: model.FactProductName, Text: "云呼叫中心"},
			{Key: model.FactShortName, Text: "ccc"},
		},
		Tables: []model.Table{{Heading: "写操作", Pos: pos, Rows: []model.Row{{Pos: pos, Fields: []model.Field{
			cell(model.KeyAPI, "接口名", "AddBlackUser"),
			cell(model.KeyDescription, "接口描述", "被叫投诉黑名单删除用户"),
			cell(model.KeyGranularity, "授权粒度", "操作级"),
			cell(model.KeyResource, "资源六段式", "*"),
			cell(model.KeyIP, "IP限制", "支持"),
		}}}}},
	}
}

func override(field, from, to string) model.Override {
	return model.Override{File: "tencentcloud/ccc.html", Row: "AddBlackUser", Field: field, From: from, To: to, Reason: "the page says delete"}
}

// TestOverrideEveryField: every field a row carries can be corrected, not only the
// resource; each correction is still reported by lint with its reason.
func TestOverrideEveryField(t *testing.T) {
	s, err := resolvePage(camPage(), []model.Override{
		override(model.KeyDescription, "被叫投诉黑名单删除用户", "被叫投诉黑名单添加用户"),
		override(model.KeyGranularity, "操作级", "资源级"),
		override(model.KeyResource, "*", "qcs::ccc::uin/${uin}:SdkAppId/${SdkAppId}"),
		override(model.KeyIP, "支持", "不支持"),
	})
	if err != nil {
		t.Fatal(err)
	}
	a := s.Actions[0]
	if a.Description != "被叫投诉黑名单添加用户" || a.Granularity != model.ResourceLevel || a.IPRestriction != model.Unsupported || a.Resources[0].Type != "SdkAppId" {
		t.Errorf("overrides not applied: %+v", a)
	}
	fixed := 0
	for _, d := range s.Diagnostics {
		if d.Code == "unused-override" {
			t.Errorf("misreported: %s", d)
		}
		if d.Code == "override" && d.Fixed == "the page says delete" {
			fixed++
		}
	}
	if fixed != 3 { // the resource override's note goes on the anomalies it fixes
		t.Errorf("%d corrections reported to lint, want 3: %v", fixed, s.Diagnostics)
	}
}

// TestOverrideServiceFacts: row "" names the page's service-wide facts, e.g. the
// page-level granularity 操作级 that the ccc page gives while most actions are 资源级.
func TestOverrideServiceFacts(t *testing.T) {
	p := camPage()
	p.Facts = append(p.Facts, model.Field{Key: model.FactGranularity, Text: "操作级"})
	ov := override(model.FactGranularity, "操作级", "资源级")
	ov.Row = ""
	s, err := resolvePage(p, []model.Override{ov})
	if err != nil {
		t.Fatal(err)
	}
	if s.Granularity != model.ResourceLevel {
		t.Errorf("page granularity %s, want resource", s.Granularity)
	}
	if p.Facts[2].Text != "操作级" {
		t.Error("the scraped page was modified")
	}
	for _, d := range s.Diagnostics {
		if d.Code == "unused-override" {
			t.Errorf("misreported: %s", d)
		}
	}
}

// TestOverrideUnknownField: a misspelt field is an error naming the known fields,
// never "matches nothing: remove it".
func TestOverrideUnknownField(t *testing.T) {
	_, err := resolvePage(camPage(), []model.Override{override("descripton", "x", "y")})
	want := `unknown field "descripton"; known fields of a row of a tencent-cam page: api, description, granularity, resource, ip_restriction`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("err = %v\nwant it to contain %s", err, want)
	}
	fact := override("page_granularity", "操作级", "资源级")
	fact.Row = ""
	_, err = resolvePage(camPage(), []model.Override{fact})
	want = `unknown field "page_granularity"; known fields of the service facts (row "") of a tencent-cam page: product_name, short_name, console_access, tag_authorization, granularity, ip_restriction`
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("err = %v\nwant it to contain %s", err, want)
	}
}

// TestOverrideUnusedSaysWhy: an override that matches nothing says what the page holds
// there, so the maintainer can tell a vendor fix from a typo in the override.
func TestOverrideUnusedSaysWhy(t *testing.T) {
	ov := override(model.KeyDescription, "something else", "y")
	gone := ov
	gone.Row = "RemovedAPI"
	s, err := resolvePage(camPage(), []model.Override{ov, gone})
	if err != nil {
		t.Fatal(err)
	}
	var msgs []string
	for _, d := range s.Diagnostics {
		if d.Code == "unused-override" {
			msgs = append(msgs, d.Msg)
		}
	}
	all := strings.Join(msgs, "\n")
	for _, want := range []string{
		`row AddBlackUser field description reads "被叫投诉黑名单删除用户", not "something else"`,
		`the page has no row "RemovedAPI"`,
	} {
		if !strings.Contains(all, want) {
			t.Errorf("unused-override messages lack %q:\n%s", want, all)
		}
	}
}

// TestRowFindingsNameTheAction: a finding on a row says which action the row holds, so
// "row 10 column 资源六段式" needs no lookup in the page.
func TestRowFindingsNameTheAction(t *testing.T) {
	p := camPage()
	p.Tables[0].Rows[0].Fields[3].Text = "qcs::ccc::uin/:SdkAppId/${SdkAppId}"
	p.Tables[0].Rows[0].Fields[2].Text = "资源级"
	p.Warnings = []model.Diagnostic{{Pos: p.Tables[0].Rows[0].Pos, Code: "extra-cells", Msg: "row has 6 cells, the header has 5"}}
	s, err := resolvePage(p, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := "sources/tencentcloud/ccc.html: table 写操作 row 1 column 资源六段式 (action AddBlackUser): empty-account:"
	if got := s.Diagnostics[0].String(); got != "sources/tencentcloud/ccc.html: table 写操作 row 1 (action AddBlackUser): extra-cells: row has 6 cells, the header has 5" {
		t.Errorf("the scraper's row warning: %s", got)
	}
	for _, d := range s.Diagnostics {
		if d.Code == "empty-account" {
			if !strings.HasPrefix(d.String(), want) {
				t.Errorf("got  %s\nwant %s...", d, want)
			}
			return
		}
	}
	t.Errorf("no empty-account finding: %v", s.Diagnostics)
}

// resolvePage is a run with no history: Entries, then Derive.
func resolvePage(p *model.Page, ovs []model.Override) (*model.Service, error) {
	s, err := Entries(p, ovs)
	if err != nil {
		return nil, err
	}
	Derive(s)
	return s, nil
}
