// Package tencentcam reads Tencent Cloud CAM "APIs supporting CAM" pages (支持CAM的业务
// 接口), Chinese or English: the 基本信息 table into page facts and each section's
// action table into a model.Table, text exactly as found. It does not interpret
// headings or values; that is resolve's job.
package tencentcam

import (
	"errors"
	"strings"

	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"

	"github.com/permgen/permgen/internal/htmltext"
	"github.com/permgen/permgen/internal/model"
)

// scraper collects one page, its warnings and every error, so that one run reports
// all the problems of a page.
type scraper struct {
	src          model.Source
	page         *model.Page
	errs         []error
	haveFacts    bool
	actionTables int
}

// Scrape reads a Tencent CAM page from its parsed tree. Only the content container
// is read (see containers), so page chrome is ignored. The error joins one
// model.Error per problem found. ScrapeBytes gives the same page from the tokens.
func Scrape(src model.Source, doc *goquery.Document) (*model.Page, error) {
	root := contentRoot(doc)
	if root == nil {
		return nil, model.Errorf(model.Pos{File: src.File}, "empty document: the snapshot holds no HTML content; re-fetch the page")
	}
	return scrapeTables(src, title(doc, root), tables(root))
}

// scrapeTables reads the page's tables, as either reader found them.
func scrapeTables(src model.Source, title string, tabs []rawTable) (*model.Page, error) {
	s := &scraper{src: src, page: &model.Page{Source: src, Title: title, Tables: []model.Table{}}}
	for _, t := range tabs {
		switch classify(t.headers) {
		case factsTable:
			s.facts(t, t.headers)
		case actionTable:
			s.actions(t, t.headers)
		}
	}
	if s.actionTables == 0 {
		s.errorf(model.Pos{File: src.File}, "no action tables found: expected tables with columns 接口名 | 接口描述 | 授权粒度 | 资源六段式 | IP限制 (or English); check that the snapshot is a CAM \"APIs supporting CAM\" page")
	}
	if len(s.errs) > 0 {
		return nil, errors.Join(s.errs...)
	}
	return s.page, nil
}

// title is the first h1 of the content, else the document's <title>, trimmed: it
// names the page for people and is not data.
func title(doc *goquery.Document, root *html.Node) string {
	if h := goquery.NewDocumentFromNode(root).Find("h1").First(); h.Length() > 0 {
		return strings.TrimSpace(htmltext.Text(h.Get(0)))
	}
	return strings.TrimSpace(doc.Find("title").First().Text())
}

func (s *scraper) errorf(pos model.Pos, format string, args ...any) {
	s.errs = append(s.errs, model.Errorf(pos, format, args...))
}

func (s *scraper) warn(pos model.Pos, code, msg string) {
	s.page.Warnings = append(s.page.Warnings, model.Diagnostic{Pos: pos, Code: code, Msg: msg})
}
