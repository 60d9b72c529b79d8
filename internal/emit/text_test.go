package emit

import "testing"

func TestCommentText(t *testing.T) {
	for in, want := range map[string]string{
		"创建客服账号。":          "创建客服账号。",
		"a */ b":           "a */ b", // harmless in a // comment
		"line\nbreak":      `line\nbreak`,
		"nul\x00":          `nul\x00`,
		"bad\xffutf8":      `bad\xffutf8`,
		"sep\u2028x":       `sep\u2028x`,
		"rtl\u202eevil":    `rtl\u202eevil`,
		"bom\ufeff":        `bom\ufeff`,
		"tab\there":        "tab here",
		"`go:generate` ok": "`go:generate` ok",
	} {
		if got := commentText(in); got != want {
			t.Errorf("commentText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestMarkdownCell(t *testing.T) {
	for in, want := range map[string]string{
		"plain 文本":             "plain 文本",
		"a | b":                `a \| b`,
		"<script>x</script>":   "&lt;script&gt;x&lt;/script&gt;",
		"**bold** _it_ [l](u)": `\*\*bold\*\* \_it\_ \[l\](u)`,
		"`code`":               "\\`code\\`",
		"new\nline":            `new\\nline`,
	} {
		if got := md(in); got != want {
			t.Errorf("md(%q) = %q, want %q", in, got, want)
		}
	}
	if got, want := code("a`b|c"), "`a'b\\|c`"; got != want {
		t.Errorf("code = %q, want %q", got, want)
	}
}
