package fetch

import (
	"bytes"
	"fmt"
	"mime"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
)

// metaScanLimit is how far into a body a <meta> charset is looked for. Browsers look
// at 1024 bytes; documentation sites put long heads first, and a declaration found a
// little later is still the page's own word.
const metaScanLimit = 64 << 10

// decode returns body as UTF-8 and the name of the encoding it was in. The encoding
// is, in order: a byte-order mark, the charset of the Content-Type header, the
// page's <meta charset> or <meta http-equiv="Content-Type">, else UTF-8.
func decode(body []byte, contentType string) ([]byte, string, error) {
	if enc, name, n := sniffBOM(body); enc != nil {
		return transform(body[n:], enc, name, "its byte-order mark")
	}
	label, from := "", ""
	if _, params, err := mime.ParseMediaType(contentType); err == nil && params["charset"] != "" {
		label, from = params["charset"], "the Content-Type header"
	} else if m := metaCharset(body); m != "" {
		label, from = m, "its <meta> charset"
	}
	if label == "" {
		return transform(body, unicode.UTF8, "utf-8", "the default, as neither the Content-Type header nor a <meta> names a charset")
	}
	enc, err := htmlindex.Get(label)
	if err != nil {
		return nil, "", fmt.Errorf("unknown charset %q named by %s", label, from)
	}
	name, _ := htmlindex.Name(enc)
	// A page that says it is UTF-16 in a <meta> cannot be: the <meta> was readable
	// as ASCII. HTML reads such pages as UTF-8, and so do we.
	if strings.HasPrefix(name, "utf-16") && from != "the Content-Type header" {
		enc, name = unicode.UTF8, "utf-8"
	}
	return transform(body, enc, name, from)
}

func transform(body []byte, enc encoding.Encoding, name, from string) ([]byte, string, error) {
	if name == "utf-8" {
		if !utf8.Valid(body) {
			return nil, "", fmt.Errorf("the body is not valid UTF-8, the charset from %s; if the page is in another encoding, it does not say so", from)
		}
		return body, name, nil
	}
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		return nil, "", fmt.Errorf("decoding %s (from %s): %v", name, from, err)
	}
	// The legacy encodings permgen meets cannot encode U+FFFD, so one in the output is
	// a byte sequence invalid in the declared charset.
	if i := bytes.IndexRune(out, utf8.RuneError); i >= 0 {
		return nil, "", fmt.Errorf("the body has bytes that are not valid %s (the charset from %s), near %q", name, from, around(out, i))
	}
	return out, name, nil
}

// around returns a few characters around byte i of s, for an error message.
func around(s []byte, i int) string {
	start, end := max(i-24, 0), min(i+24, len(s))
	for start > 0 && !utf8.RuneStart(s[start]) {
		start--
	}
	for end < len(s) && !utf8.RuneStart(s[end]) {
		end++
	}
	return string(s[start:end])
}

func sniffBOM(b []byte) (encoding.Encoding, string, int) {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		return unicode.UTF8, "utf-8", 3
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), "utf-16be", 2
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), "utf-16le", 2
	}
	return nil, "", 0
}

// metaCharset finds the charset a page declares in its head: <meta charset=X> or
// <meta http-equiv="Content-Type" content="text/html; charset=X">. The tokenizer
// reads the ASCII of tags the same in every encoding HTML allows here.
func metaCharset(body []byte) string {
	z := html.NewTokenizer(bytes.NewReader(body[:min(len(body), metaScanLimit)]))
	for {
		switch z.Next() {
		case html.ErrorToken:
			return ""
		case html.EndTagToken:
			if name, _ := z.TagName(); string(name) == "head" {
				return ""
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			switch string(name) {
			case "body":
				return ""
			case "meta":
				if cs := metaTagCharset(z, hasAttr); cs != "" {
					return cs
				}
			}
		}
	}
}

func metaTagCharset(z *html.Tokenizer, more bool) string {
	var charset, httpEquiv, content string
	for more {
		var k, v []byte
		k, v, more = z.TagAttr()
		switch string(k) {
		case "charset":
			charset = strings.TrimSpace(string(v))
		case "http-equiv":
			httpEquiv = string(v)
		case "content":
			content = string(v)
		}
	}
	if charset != "" {
		return charset
	}
	if strings.EqualFold(strings.TrimSpace(httpEquiv), "content-type") {
		return charsetParam(content)
	}
	return ""
}

// charsetParam reads charset=X from a Content-Type value, also from the malformed
// ones pages carry (text/html;charset=gbk;).
func charsetParam(v string) string {
	if _, params, err := mime.ParseMediaType(v); err == nil {
		return params["charset"]
	}
	i := strings.Index(strings.ToLower(v), "charset=")
	if i < 0 {
		return ""
	}
	rest := strings.TrimLeft(v[i+len("charset="):], `"' `)
	if j := strings.IndexAny(rest, `"'; `); j >= 0 {
		rest = rest[:j]
	}
	return rest
}
