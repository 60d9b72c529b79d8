package emit

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// commentText makes page text safe inside a // comment and readable there: anything
// that could end the line or that Go rejects in source (NUL, invalid UTF-8, a BOM,
// control and bidirectional-override characters that would make the comment display
// differently from what it is) is shown as a Go escape. The exact text is always in
// a string literal next to it.
func commentText(s string) string {
	// Most page text needs nothing: returned as it is, with no copy (every
	// description of every page passes here).
	if commentSafe(s) {
		return s
	}
	return commentEscaped(s)
}

// commentEscaped is commentText's work on text that needs it.
func commentEscaped(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			b.WriteString(`\x` + strconv.FormatUint(uint64(s[i]), 16))
		case r == '\t' || r == ' ':
			b.WriteByte(' ')
		case r == '\uFEFF' || unicode.Is(unicode.Bidi_Control, r) || !unicode.IsPrint(r) && !unicode.IsSpace(r):
			b.WriteString(strings.Trim(strconv.QuoteRune(r), "'"))
		case unicode.IsSpace(r): // newlines, U+2028 and the like
			b.WriteString(strings.Trim(strconv.QuoteRune(r), "'"))
		default:
			b.WriteRune(r)
		}
		i += n
	}
	return b.String()
}

// commentSafe reports whether commentText would give s back unchanged: valid
// UTF-8 with no tab, no other white space than the ASCII blank, and only
// printable characters that are neither a BOM nor a bidirectional control.
func commentSafe(s string) bool {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c < ' ' || c == 0x7f {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || r == '\uFEFF' || unicode.Is(unicode.Bidi_Control, r) || !unicode.IsPrint(r) || unicode.IsSpace(r) {
			return false
		}
		i += n
	}
	return true
}
