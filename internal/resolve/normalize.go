package resolve

import (
	"strings"
	"sync"
	"unicode"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"
)

// Text is how every piece of page text is kept: Unicode NFC, so that the same
// character typed two ways compares equal, and white space runs (including the
// non-breaking and ideographic spaces pages use for layout) folded to one ASCII space
// and trimmed. Nothing else changes: a description stays verbatim.
func Text(s string) string {
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) || r == '\u00a0' || r == '\u3000' || r == '\u200b' {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// folders pools case folders: a cases.Caser keeps state between calls, and pages
// are resolved in parallel.
var folders = sync.Pool{New: func() any { c := cases.Fold(); return &c }}

// key is the form in which vocabulary is compared: Text, full-width forms narrowed
// (pages mix "：" and ":"), case folded, spaces removed ("Resource level" and
// "resource-level" still differ on purpose: only case and spacing are forgiven).
func key(s string) string {
	s = width.Narrow.String(Text(s))
	f := folders.Get().(*cases.Caser)
	s = f.String(s)
	folders.Put(f)
	return strings.ReplaceAll(s, " ", "")
}
