package resolve

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// Text's shortcut (returning already-normal text as it is) gives what the full
// folding gives, on hand-picked edges and on random strings over an alphabet of
// the characters that matter: blanks of every kind, combining marks (NFC), invalid
// UTF-8, control characters, CJK text.
func TestTextShortcutSameAsFolding(t *testing.T) {
	cases := []string{"", " ", "a", "a b", "a  b", " a", "a ", "a\tb", "a\nb", "a\u00a0b", "a\u3000b",
		"a\u200bb", "a\u0085b", "e\u0301", "\u00e9", "\xff", "a\xffb", "\x01x\x7f", "\ufffd", "创建 实例", "创建\u3000实例",
		"Ｋ", "ﬁ", "\u212b"}
	alphabet := []string{"a", "Z", " ", "  ", "\t", "\n", "\r", "\v", "\f", "\x00", "\x1f", "\x7f", "\u00a0", "\u0085",
		"\u3000", "\u200b", "\u2028", "e", "\u0301", "\u00e9", "\xff", "\xe4\xb8", "创", "建", "：", "Ｋ", "\u212b", "\ufffd"}
	r := rand.New(rand.NewPCG(21, 1))
	for range 20000 {
		var b strings.Builder
		for range r.IntN(8) {
			b.WriteString(alphabet[r.IntN(len(alphabet))])
		}
		cases = append(cases, b.String())
	}
	for _, s := range cases {
		if got, want := Text(s), textFolded(s); got != want {
			t.Errorf("Text(%q) = %q, the folding gives %q", s, got, want)
		}
	}
	// The shortcut is taken: plain text comes back without a copy.
	if s := "CreateInstance 创建实例"; testing.AllocsPerRun(10, func() { _ = Text(s) }) != 0 {
		t.Error("Text allocated for text already in its form")
	}
}
