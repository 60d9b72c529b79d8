package awssar

import (
	"strings"

	"golang.org/x/net/html"
)

// textBuf folds the text of a subtree into single-spaced words, reusing one buffer
// for every cell of a page: the pages are pretty-printed, so nearly every text node
// is white space around a word, and a fresh builder per node was the hot spot.
type textBuf struct {
	b     []byte
	space bool // a space is pending before the next word
}

func (t *textBuf) reset() { t.b = t.b[:0]; t.space = false }

func (t *textBuf) add(s string) {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case ' ', '\t', '\n', '\r', '\f':
			t.space = true
		default:
			if t.space && len(t.b) > 0 {
				t.b = append(t.b, ' ')
			}
			t.space = false
			t.b = append(t.b, c)
		}
	}
}

func (t *textBuf) walk(n *html.Node) {
	switch n.Type {
	case html.TextNode:
		t.add(n.Data)
		return
	case html.ElementNode:
		if n.Data == "script" || n.Data == "style" {
			return
		}
		if n.Data == "br" || n.Data == "p" || n.Data == "div" || n.Data == "li" {
			t.space = true
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		t.walk(c)
	}
	if n.Type == html.ElementNode && (n.Data == "p" || n.Data == "div" || n.Data == "li") {
		t.space = true
	}
}

// text returns n's text with white space folded and trimmed.
func (t *textBuf) text(n *html.Node) string {
	t.reset()
	t.walk(n)
	return string(t.b)
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// find returns the first element below n (n included) for which ok holds, in document order.
func find(n *html.Node, ok func(*html.Node) bool) *html.Node {
	if n.Type == html.ElementNode && ok(n) {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := find(c, ok); f != nil {
			return f
		}
	}
	return nil
}

func fold(s string) string { return strings.Join(strings.Fields(s), " ") }

// addBytes is add for the tokenizer's bytes, with no string made of them.
func (t *textBuf) addBytes(s []byte) {
	for _, c := range s {
		switch c {
		case ' ', '\t', '\n', '\r', '\f':
			t.space = true
		default:
			if t.space && len(t.b) > 0 {
				t.b = append(t.b, ' ')
			}
			t.space = false
			t.b = append(t.b, c)
		}
	}
}
