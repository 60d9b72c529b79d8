package resolve

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
	"golang.org/x/text/width"
)

// Text is how every piece of page text is kept: Unicode NFC, so that the same
// character typed two ways compares equal, and white space runs (including the
// non-breaking and ideographic spaces pages use for layout) folded to one ASCII space
// and trimmed. Nothing else changes: a description stays verbatim.
func Text(s string) string {
	// Most text is already in that form: returned as it is, with no copy (the
	// folding below, run over every string of every page, was a tenth of a Tencent
	// run's CPU).
	if plain, ascii := singleSpaced(s); plain && (ascii || norm.NFC.QuickSpanString(s) == len(s)) {
		return s
	}
	return textFolded(s)
}

// singleSpaced reports whether s is valid UTF-8 whose only white space (as Text
// counts it) is single ASCII blanks between other characters, and whether it is
// all ASCII: then Text changes s only if NFC does (QuickSpanString, which may
// answer "not sure" and send s the long way, but never wrongly "normal").
func singleSpaced(s string) (plain, ascii bool) {
	space, ascii := true, true // true at the start: a leading blank is not plain
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == ' ':
				if space {
					return false, ascii
				}
				space = true
			case c < ' ' && c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r', c > ' ':
				space = false
			default:
				return false, ascii // other ASCII white space
			}
			i++
			continue
		}
		ascii = false
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || isTextSpace(r) {
			return false, ascii
		}
		space = false
		i += size
	}
	return len(s) == 0 || !space, ascii
}

// isTextSpace is the white space Text folds.
func isTextSpace(r rune) bool {
	return unicode.IsSpace(r) || r == '\u00a0' || r == '\u3000' || r == '\u200b'
}

// textFolded is Text's work on a string that needs it.
func textFolded(s string) string {
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if isTextSpace(r) {
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
