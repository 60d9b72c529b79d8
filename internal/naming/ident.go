package naming

import (
	"go/token"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Ident joins vendor words into one exported Go identifier: each part starts with an
// upper-case letter and keeps the vendor's spelling otherwise (ToggleLiveChat,
// DescibeCanSalePhoneNums), so a name found in the docs is found in the code.
// Characters Go does not allow in identifiers break words: the next letter is
// upper-cased and the character dropped ("whatsapp-message.templates" ->
// "WhatsappMessageTemplates"). Letters of any script are kept, since Go allows them;
// an identifier that would not start with an upper-case letter gets prefix "X".
func Ident(parts ...string) string {
	var b strings.Builder
	for _, p := range parts {
		upper := true
		for _, r := range norm.NFC.String(p) {
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '_' {
				upper = true
				continue
			}
			if upper {
				r = unicode.ToUpper(r)
				upper = false
			}
			b.WriteRune(r)
		}
	}
	s := b.String()
	if r, _ := utf8.DecodeRuneInString(s); s == "" || !unicode.IsUpper(r) {
		s = "X" + s
	}
	return s
}

// Param makes an unexported Go parameter name from a placeholder: lower camel case
// ("SdkAppId" -> "sdkAppId", "UIN" -> "uin", "region" -> "region"); Go keywords and
// the names a generated file already uses get a trailing underscore.
func Param(placeholder string) string {
	id := Ident(placeholder)
	if strings.HasPrefix(id, "X") && !strings.HasPrefix(placeholder, "X") && !strings.HasPrefix(placeholder, "x") {
		id = id[1:]
	}
	rs := []rune(id)
	// Lower the leading run of capitals, keeping the last one when a lower-case word
	// follows it (SDKAppId -> sdkAppId, UIN -> uin).
	i := 0
	for i < len(rs) && unicode.IsUpper(rs[i]) {
		i++
	}
	if i > 1 && i < len(rs) && unicode.IsLower(rs[i]) {
		i--
	}
	if i == 0 {
		i = 1
	}
	for j := 0; j < i && j < len(rs); j++ {
		rs[j] = unicode.ToLower(rs[j])
	}
	s := string(rs)
	if s == "" || !unicode.IsLetter([]rune(s)[0]) {
		s = "p" + s
	}
	if token.IsKeyword(s) || reservedParams[s] {
		s += "_"
	}
	return s
}

// reservedParams are names that a parameter would shadow inside generated code.
var reservedParams = map[string]bool{"cam": true, "string": true, "error": true, "len": true}

// PackageName makes a Go package name: lower-case letters and digits only, as the Go
// style for package names asks ("ccc", "tdmq", "stella").
func PackageName(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			b.WriteRune(r)
		}
	}
	n := b.String()
	if n == "" || unicode.IsDigit(rune(n[0])) || token.IsKeyword(n) {
		n = "p" + n
	}
	return n
}
