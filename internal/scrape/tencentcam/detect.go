package tencentcam

import (
	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"

	"github.com/permgen/permgen/internal/model"
)

// containers are the selectors of a page's content, most specific first: Tencent's
// doc pages use .J-markdown-box, mirrors and saved copies the others. Tables outside
// (menus, banners) are page chrome.
var containers = []string{".J-markdown-box", ".markdown-body", "article", "main", "body"}

// contentRoot returns the content container of doc, or nil for an empty document.
func contentRoot(doc *goquery.Document) *html.Node {
	if doc == nil || doc.Selection == nil {
		return nil
	}
	for _, c := range containers {
		if s := doc.Find(c).First(); s.Length() > 0 {
			return s.Get(0)
		}
	}
	if len(doc.Nodes) > 0 {
		return doc.Nodes[0]
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
		headers := texts(t.headers)
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
