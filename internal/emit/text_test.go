package emit

import (
	"math/rand/v2"
	"strings"
	"testing"
)

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

// commentText's shortcut (text that needs nothing comes back as it is) gives
// what the escaping gives, on random strings over the characters that matter.
func TestCommentTextShortcutSameAsEscaping(t *testing.T) {
	alphabet := []string{"a", " ", "\t", "\n", "\r", "\x00", "\x1f", "\x7f", "~", "\u00a0", "\u0085", "\u3000",
		"\u2028", "\u202e", "\u200e", "\ufeff", "\u00ad", "\xff", "\xe4\xb8", "创", "。", "\ufffd", "\U0001f600", "e\u0301"}
	r := rand.New(rand.NewPCG(21, 2))
	for range 20000 {
		var b strings.Builder
		for range r.IntN(8) {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		s := b.String()
		if got, want := commentText(s), commentEscaped(s); got != want {
			t.Errorf("commentText(%q) = %q, the escaping gives %q", s, got, want)
		}
	}
}
