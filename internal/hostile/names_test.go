package hostile

import (
	"html"
	"path/filepath"
	"testing"

	"github.com/permgen/permgen/internal/pipeline"
)

// TestHostileNames: names become identifiers, so hostile text in a name is a clear
// error at its cell, never code.
func TestHostileNames(t *testing.T) {
	for _, c := range []struct{ name, want string }{
		{"Foo}", `"Foo}"`},
		{"Foo*/", `"Foo*/"`},
		{"Foo\n}\nfunc init() {}", `"Foo } func init() {}"`},
		{"Foo`", "\"Foo`\""},
		{"Föö", `"Föö"`},
		{"1Foo", `"1Foo"`},
		{"Foo\u202e", `"Foo\u202e"`},
		{"Foo\ufeff", `"Foo\ufeff"`},
		{"Fo\xffo", `"Fo�o"`},
	} {
		t.Run("api/"+c.want, func(t *testing.T) {
			dir := writeSources(t, t.TempDir(), map[string]string{camPath: camPage("产品",
				camTable{heading: "写操作", rows: []camAction{{name: html.EscapeString(c.name), desc: "d"}}})})
			want := filepath.Join(dir, camPath) + ": table 写操作 row 1 column 接口名: API name " + c.want +
				" is not an identifier (letters, digits, '_', starting with a letter)"
			res, err := pipeline.Run(dir, importRoot)
			if err == nil || err.Error() != want || res != nil {
				t.Errorf("Run = %v, %v\nwant the error %s", res, err, want)
			}
		})
	}
	for _, c := range []struct{ name, want string }{
		{"a:b}", `"a:b}"`},
		{"a:b*/", `"a:b*/"`},
		{"a:b\u202e", `"a:b\u202e"`},
		{"a:\ufeffb", `"a:\ufeffb"`},
		{"a:b`", "\"a:b`\""},
	} {
		t.Run("scope/"+c.want, func(t *testing.T) {
			dir := writeSources(t, t.TempDir(), map[string]string{scopePath: scopePage("t", "ACL",
				scopeRow{"a:ok", "d"}, scopeRow{html.EscapeString(c.name), "d"}, scopeRow{"b:ok", "d"})})
			want := filepath.Join(dir, scopePath) + ": table ACL row 2 column Scope: malformed scope " + c.want +
				": want namespace:verb, each part an ASCII letter followed by letters, digits, '_', '.' or '-' (e.g. \"member:read\")"
			res, err := pipeline.Run(dir, importRoot)
			if err == nil || err.Error() != want || res != nil {
				t.Errorf("Run = %v, %v\nwant the error %s", res, err, want)
			}
		})
	}
}

// TestNamesThatAreGoWords: a vendor may name an API init or main, or a scope
// init:init; they stay data (ActionInit, method Init, ScopeInitInit), never a func
// init, which checkTree would reject.
func TestNamesThatAreGoWords(t *testing.T) {
	pages := func(api, scope string) map[string]string {
		return map[string]string{
			camPath: camPage("产品", camTable{heading: "写操作", rows: []camAction{
				{name: api, desc: "d"}, {name: "Main", desc: "d"}, {name: "package", desc: "d"}}}),
			scopePath: scopePage("t", "ACL", scopeRow{scope, "d"}, scopeRow{"func:main", "d"}),
		}
	}
	base := run(t, pages("Plain", "plain:plain"))
	res := run(t, pages("init", "init:init"))
	checkTree(t, res, base, fixedDecls(t, base))
}
