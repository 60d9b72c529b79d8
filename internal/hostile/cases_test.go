package hostile

import (
	"html"
	"strings"
)

// hostileCase is one piece of hostile page text. cell is the HTML written into the
// page; text is what the HTML parser hands permgen for it (both scrapers read cells
// with htmltext.Text, which turns <br> into "\n"; scopeText is left for a reader
// that would differ). resolve.Text of that is what the generated code must give back.
type hostileCase struct {
	name      string
	cell      string
	text      string
	scopeText string // when it differs from text
}

// forScope is the text the scope-table reader sees.
func (c hostileCase) forScope() string {
	if c.scopeText != "" {
		return c.scopeText
	}
	return c.text
}

// plain makes a case whose cell is the text, HTML-escaped.
func plain(name, text string) hostileCase {
	return hostileCase{name: name, cell: html.EscapeString(text), text: text}
}

// longText is about 100 KB of text that holds every terminator, so a long cell
// cannot hide one past some buffer size.
var longText = func() string {
	unit := "長い説明 */ /* `raw` \"q\" \\ //go:generate x \u202e\ufeff "
	return strings.Repeat(unit, 100*1024/len(unit)+1)
}()

// hostileCases are the texts the brief lists, and their neighbours.
var hostileCases = []hostileCase{
	plain("comment-close", "ends a block comment */ early"),
	plain("comment-open", "/* opens one"),
	plain("line-comment", "// a line comment"),
	plain("backquotes", "raw `string` ``"),
	plain("quotes", `say "hi" \" \\ \n \x00 \u2028`),
	plain("func-init-newlines", "x\n}\nfunc init() {\n\tpanic(\"pwned\")\n}\n//"),
	{name: "func-init-br", cell: "x<br>}<br>func init() {<br>panic(1)<br>}<br>//",
		text: "x\n}\nfunc init() {\npanic(1)\n}\n//"},
	plain("go-generate", "//go:generate rm -rf /"),
	{name: "go-generate-br", cell: "x<br>//go:generate echo pwned<br>//line foo.go:1",
		text: "x\n//go:generate echo pwned\n//line foo.go:1"},
	plain("package-main", "package main"),
	plain("import", "import \"os\"; var _ = os.Exit"),
	{name: "nul-raw", cell: "a\x00b", text: "ab"},
	{name: "nul-entity", cell: "a&#0;b", text: "a\uFFFDb"},
	plain("line-separator", "a\u2028b"),
	plain("paragraph-separator", "a\u2029b"),
	{name: "separators-entity", cell: "a&#x2028;b&#x2029;c", text: "a\u2028b\u2029c"},
	plain("rtl-override", "access \u202e// check admin\u202c done"),
	plain("bidi-isolates", "\u2066\u2067\u2068x\u2069\u200e\u200f"),
	plain("bom", "\ufeffstarts with a BOM \ufeff and holds one"),
	{name: "bom-entity", cell: "&#xFEFF;x", text: "\ufeffx"},
	plain("invalid-utf8", "a\xffb\xfe\xc0\x80c\xed\xa0\x80"),
	plain("c0-c1-controls", "esc \x1b[31m red \x07 bell \u009b csi \u0085 nel \x7f del"),
	plain("crlf", "a\r\nb\rc\x0bd\x0ce"),
	plain("format-verbs", "%s %d %!v %% %[1]q"),
	plain("nfd", "e\u0301 Å"),
	plain("zero-width", "a\u200bb\u200dc\u2060d"),
	plain("html-like", "</td></tr><script>alert(1)</script>"),
	plain("dollar-braces", "${uin} ${a-b} $x {$y}"),
	plain("deprecated", "Deprecated: use nothing"),
	plain("long-100KB", longText),
	plain("only-space", " \u3000\u00a0\n"),
}
