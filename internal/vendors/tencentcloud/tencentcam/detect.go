package tencentcam

import (
	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"

	"github.com/permgen/permgen/internal/htmltext"
	"github.com/permgen/permgen/internal/model"
)

// contentRoot returns the content container of doc (see htmltext.Containers), or
// nil for an empty document. Tables outside it (menus, banners) are page chrome.
func contentRoot(doc *goquery.Document) *html.Node {
	if c, _ := htmltext.Content(doc); c != nil && len(c.Nodes) > 0 {
		return c.Nodes[0]
	}
	return nil
}

// Detect reports whether doc looks like a Tencent CAM "APIs supporting CAM" page, in
// Chinese or English: a table with the API name and resource columns, or a 基本信息
// table naming a CAM short name. Both are specific enough not to claim other pages.
func Detect(doc *goquery.Document) bool {
	root := contentRoot(doc)
	if root == nil {
		return false
	}
	for _, t := range tables(root) {
		headers := t.headers
		switch classify(headers) {
		case actionTable:
			if has(actionColumns.keys(headers), model.KeyAPI) && has(actionColumns.keys(headers), model.KeyResource) {
				return true
			}
		case factsTable:
			if has(factColumns.keys(headers), model.FactShortName) {
				return true
			}
		}
	}
	return false
}

func has(keys []string, k string) bool {
	for _, x := range keys {
		if x == k {
			return true
		}
	}
	return false
}
