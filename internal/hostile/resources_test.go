package hostile

import (
	"strings"
	"testing"

	"github.com/permgen/permgen/internal/pipeline"
)

// TestHostileResourceText puts hostile text where the page gives the resource
// type and service of a six-segment pattern. What a CAM pattern can contain
// reaches generated code escaped, like descriptions; what no CAM pattern contains
// (non-ASCII, controls, quotes, angle brackets, a malformed ${...}) is an error
// that names the cell, never code. Three of these were bugs this test found: a
// raw type name in a doc comment, a raw service in the README, and a panic on
// "${a-b}".
func TestHostileResourceText(t *testing.T) {
	base := run(t, resourcePages("qcs::demo::uin/${uin}:instance/${InstanceId}"))
	fixed := fixedDecls(t, base)
	const cell = "table 写操作 row 1 column 资源六段式: "
	for _, c := range []struct {
		name, pattern, wantErr string
	}{
		{"comment-close", "qcs::demo::uin/${uin}:in*/st/${InstanceId}", ""},
		{"pipe", "qcs::demo::uin/${uin}:a|b/${InstanceId}", ""},
		{"backquote-quote", "qcs::demo::uin/${uin}:in`st&quot;/${InstanceId}", cell + `resource "qcs::demo::uin/${uin}:in` + "`" + `st\"/${InstanceId}" contains '` + "`" + `', which no CAM pattern does`},
		{"rtl-override", "qcs::demo::uin/${uin}:in&#x202E;st/${InstanceId}", `contains '\u202e', which no CAM pattern does`},
		{"c1-control", "qcs::demo::uin/${uin}:in\u009bst/${InstanceId}", `contains '\u009b', which no CAM pattern does`},
		{"bom", "qcs::demo::uin/${uin}:&#xFEFF;inst/${InstanceId}", `contains '\ufeff', which no CAM pattern does`},
		{"html-in-service", "qcs::de&lt;b&gt;mo::uin/${uin}:instance/${InstanceId}", `contains '<', which no CAM pattern does`},
		{"upper-case-service", "qcs::Demo::uin/${uin}:instance/${InstanceId}", `has service "Demo"; CAM service names are lower-case`},
		{"placeholder-not-identifier", "qcs::demo::uin/${uin}:instance/${a-b}", `has a malformed placeholder in "instance/${a-b}"`},
		{"placeholder-empty", "qcs::demo::uin/${uin}:instance/${}", `has a malformed placeholder in "instance/${}"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			res, err := pipeline.Run(writeSources(t, t.TempDir(), resourcePages(c.pattern)), importRoot)
			if c.wantErr == "" {
				if err != nil {
					t.Fatal(err)
				}
				checkTree(t, res, base, fixed)
				return
			}
			if err == nil || !strings.Contains(err.Error(), c.wantErr) || !strings.Contains(err.Error(), cell) {
				t.Fatalf("err = %v\nwant a positioned error containing %q", err, c.wantErr)
			}
			if res != nil {
				t.Error("a result came with the error")
			}
		})
	}
}

// resourcePages is a CAM page with one resource-level action on pattern (HTML).
func resourcePages(pattern string) map[string]string {
	return map[string]string{camPath: camPage("产品", camTable{heading: "写操作", rows: []camAction{
		{name: "CreateThing", desc: "d", gran: "资源级", res: pattern},
	}})}
}
