package tencentcam

import (
	"testing"

	"github.com/permgen/permgen/internal/model"
)

// TestSnapshotCounts pins the snapshot to the seed it was rebuilt from, so that an
// edit that drops or adds a row fails here even if the golden file is regenerated.
func TestSnapshotCounts(t *testing.T) {
	p, err := scrapeFile(t, snapshot, snapshotSource())
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		heading string
		rows    int
	}{{"写操作", 53}, {"其他操作", 4}, {"读操作", 51}, {"列表操作", 11}}
	if len(p.Tables) != len(want) {
		t.Fatalf("%d tables, want %d", len(p.Tables), len(want))
	}
	total := 0
	for i, w := range want {
		tb := p.Tables[i]
		if tb.Heading != w.heading || len(tb.Rows) != w.rows {
			t.Errorf("table %d: %q with %d rows, want %q with %d", i+1, tb.Heading, len(tb.Rows), w.heading, w.rows)
		}
		total += len(tb.Rows)
	}
	if total != 119 {
		t.Errorf("%d actions, want 119", total)
	}
	facts := map[string]string{
		model.FactProductName:      "云呼叫中心",
		model.FactShortName:        "ccc",
		model.FactConsoleAccess:    "支持",
		model.FactTagAuthorization: "不支持",
		model.FactGranularity:      "操作级",
		model.FactIPRestriction:    "支持",
	}
	if len(p.Facts) != len(facts) {
		t.Errorf("%d facts, want %d", len(p.Facts), len(facts))
	}
	for k, v := range facts {
		if f, ok := p.Fact(k); !ok || f.Text != v || f.Pos.Table != "基本信息" {
			t.Errorf("fact %s = %q at %v, want %q in table 基本信息", k, f.Text, f.Pos, v)
		}
	}
	if len(p.Warnings) != 0 {
		t.Errorf("warnings on the snapshot: %v", p.Warnings)
	}
	// The seed's quirks must survive: a typo in a name, a description at odds with
	// its name, an empty account.
	checks := map[string][2]string{
		"DescibeCanSalePhoneNums":               {model.KeyDescription, "查询可购买号码列表"},
		"AddBlackUser":                          {model.KeyDescription, "被叫投诉黑名单删除用户"},
		"CreateCarrierPrivilegeNumberApplicant": {model.KeyResource, "qcs::ccc::uin/:SdkAppId/${SdkAppId}"},
		"DestroyNumberResource":                 {model.KeyResource, "qcs::ccc:${region}:uin/${uin}:SdkAppId/${SdkAppId}"},
		"CreateSDKLoginToken":                   {model.KeyDescription, "创建 SDK 登录 Token。"},
	}
	for _, tb := range p.Tables {
		for _, r := range tb.Rows {
			api, _ := r.Field(model.KeyAPI)
			if c, ok := checks[api.Text]; ok {
				if f, _ := r.Field(c[0]); f.Text != c[1] {
					t.Errorf("%s %s = %q, want %q", api.Text, c[0], f.Text, c[1])
				}
				delete(checks, api.Text)
			}
		}
	}
	for name := range checks {
		t.Errorf("action %s not found", name)
	}
	if p.Title == "" {
		t.Error("no title")
	}
}
