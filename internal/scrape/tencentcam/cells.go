package tencentcam

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// blocks are the elements a browser puts on a line of their own. Their boundaries
// become "\n" like <br>, so that two patterns in two <p> do not run together.
var blocks = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Li: true, atom.Ul: true, atom.Ol: true,
	atom.Dl: true, atom.Dt: true, atom.Dd: true, atom.Pre: true, atom.Blockquote: true,
	atom.Table: true, atom.Tr: true, atom.Td: true, atom.Th: true, atom.Section: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
}

// nodeText is the text of n as found: tags dropped, <br> and block boundaries as
// "\n", everything else (spaces, entities decoded, punctuation) unchanged. A block
// boundary adds no "\n" at the start or end, nor after one already there.
func nodeText(n *html.Node) string {
	var b strings.Builder
	pending := false
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		switch n.Type {
		case html.TextNode:
			if n.Data == "" {
				return
			}
			if pending && b.Len() > 0 && !strings.HasSuffix(b.String(), "\n") {
				b.WriteByte('\n')
			}
			pending = false
			b.WriteString(n.Data)
			return
		case html.ElementNode:
			switch n.DataAtom {
			case atom.Br:
				b.WriteByte('\n')
				pending = false
				return
			case atom.Script, atom.Style, atom.Template:
				return
			}
		case html.DocumentNode:
		default:
			return
		}
		block := n.Type == html.ElementNode && blocks[n.DataAtom]
		pending = pending || block
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		pending = pending || block
	}
	walk(n)
	return b.String()
}

// parts splits a cell holding several values; nil when it holds one or none, as
// model.Field.Parts wants. Line breaks from <br> and blocks are white space here.
func parts(text string) []string {
	p := strings.Fields(text)
	if len(p) < 2 {
		return nil
	}
	return p
}
