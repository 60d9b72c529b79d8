// Package awssar reads AWS Service Authorization Reference pages, "Actions,
// resources, and condition keys for <service>": the actions table (one action over
// several rows joined by rowspan), the resource types table and the condition keys
// table, each found by its header row, and the service prefix stated in the text.
//
// Values are kept as found (white space folded, as a browser shows them); reading
// them (which row is request-level, what "image*" or "SCENARIO:" means) is
// resolve's job. The scraper reads the tokens once, with no document tree and
// reused text buffers (stream.go), because a page like ec2's has tens of thousands
// of cells; Detect, for pages of unknown format, looks at the parsed tree.
package awssar

import (
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"

	"github.com/permgen/permgen/internal/model"
)

// TitlePrefix starts the title of every Service Authorization Reference page.
const TitlePrefix = "Actions, resources, and condition keys for "

// Container is the id of the element that holds a page's content; everything
// outside it is site chrome.
const Container = "main-content"

// Detect reports whether doc is a Service Authorization Reference page: its first
// heading is "Actions, resources, and condition keys for ...".
func Detect(doc *goquery.Document) bool {
	if len(doc.Nodes) == 0 {
		return false
	}
	h1 := find(content(doc.Nodes[0]), func(n *html.Node) bool { return n.Data == "h1" })
	if h1 == nil {
		return false
	}
	var t textBuf
	return strings.HasPrefix(t.text(h1), TitlePrefix)
}

// content returns the page's content container, or the whole document when the
// snapshot kept only the content (or the container is missing).
func content(root *html.Node) *html.Node {
	if c := find(root, func(n *html.Node) bool { return attr(n, "id") == Container }); c != nil {
		return c
	}
	return root
}

// table kinds, recognised by their header row.
type kind struct {
	name    string            // used in positions when the table has no header text
	first   string            // the first header cell, folded and lower-cased
	second  string            // the second one
	columns map[string]string // header (folded, lower-cased, "(*required)" kept) → field key
}

var kinds = []kind{
	{"Actions", "actions", "description", map[string]string{
		"actions":                    model.KeyAction,
		"description":                model.KeyDescription,
		"access level":               model.KeyAccessLevel,
		"resource types (*required)": model.KeyResourceTypes,
		"resource types":             model.KeyResourceTypes,
		"condition keys":             model.KeyConditionKeys,
		"dependent actions":          model.KeyDependentActions,
	}},
	{"Resource types", "resource types", "arn", map[string]string{
		"resource types": model.KeyResourceType,
		"arn":            model.KeyARN,
		"condition keys": model.KeyConditionKeys,
	}},
	{"Condition keys", "condition keys", "description", map[string]string{
		"condition keys": model.KeyConditionKey,
		"description":    model.KeyDescription,
		"type":           model.KeyType,
	}},
}

// listKeys are the columns that hold one value per paragraph.
var listKeys = map[string]bool{model.KeyResourceTypes: true, model.KeyConditionKeys: true, model.KeyDependentActions: true}

func low(s string) string { return strings.ToLower(fold(s)) }
