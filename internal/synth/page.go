package synth

import (
	"html"
	"math/rand/v2"
	"strconv"
	"strings"
)

// lang holds the words a page is written in: the Chinese site's or the
// international site's, as the scraper's vocabularies know them.
type lang struct {
	factsHeading string
	factHeaders  [6]string // product, short name, console, tag, granularity, IP
	apiHeaders   [][5]string
	sections     [4]string // by category
	gran         [3]string // by granularity
	support      [3]string // by support
}

var zh = lang{
	factsHeading: "基本信息",
	factHeaders:  [6]string{"CAM中产品名", "CAM中简称", "控制台访问", "按标签授权", "授权粒度", "IP限制"},
	// Pages word the columns slightly differently; each is a variant seen on the site.
	apiHeaders: [][5]string{
		{"接口名", "接口描述", "授权粒度", "资源六段式", "IP限制"},
		{"接口名称", "接口描述", "授权粒度", "资源六段式示例", "IP 限制"},
	},
	sections: [4]string{"写操作", "读操作", "列表操作", "其他操作"},
	gran:     [3]string{"服务级", "操作级", "资源级"},
	support:  [3]string{"支持", "不支持", "部分支持"},
}

var en = lang{
	factsHeading: "Fundamental information",
	factHeaders:  [6]string{"Product Name in CAM", "Short name in CAM", "Console Access", "Tag-based Authorization", "Authorization Granularity", "IP Restriction"},
	apiHeaders: [][5]string{
		{"API", "API Description", "Authorization Granularity", "Six-segment Resource Description", "IP Restriction"},
		{"API Name", "API description", "Authorization granularity", "Six-segment resource", "IP restriction"},
	},
	sections: [4]string{"Write operations", "Read operations", "List operations", "Other operations"},
	gran:     [3]string{"Service level", "Operation level", "Resource level"},
	support:  [3]string{"Supported", "Not supported", "Partially supported"},
}

// render writes the product's page in the layout of a Tencent Cloud doc page: page
// chrome, a content container, the 基本信息 table, the granularity note, then one
// section heading and table per category. The page's own stream (seeded apart
// from the content's) picks the markup variants, so that markup and content vary
// independently.
func (p *product) render(seed int64) []byte {
	r := rand.New(rand.NewPCG(uint64(seed)^0x9e3779b97f4a7c15, uint64(p.index)))
	l := zh
	if p.english {
		l = en
	}
	var b strings.Builder
	b.Grow(64 << 10)
	if p.english {
		b.WriteString(enHead(p))
	} else {
		b.WriteString(zhHead(p))
	}
	b.WriteString(`<h2 id="basic">` + l.factsHeading + "</h2>\n<table>\n<thead><tr>")
	facts := [6]string{html.EscapeString(p.name), p.short, l.support[p.console], l.support[p.tag], l.gran[p.granularity], l.support[p.ip]}
	for i, h := range l.factHeaders {
		if (i == 2 && !p.consoleColumn) || (i == 5 && !p.ipColumn) {
			continue
		}
		b.WriteString("<th>" + h + "</th>")
	}
	b.WriteString("</tr></thead>\n<tbody><tr>")
	for i, f := range facts {
		if (i == 2 && !p.consoleColumn) || (i == 5 && !p.ipColumn) {
			continue
		}
		if i == 1 && p.english {
			f = "<code>" + f + "</code>"
		}
		b.WriteString("<td>" + f + "</td>")
	}
	b.WriteString("</tr></tbody>\n</table>\n")
	if p.english {
		b.WriteString(enNote)
	} else {
		b.WriteString(zhNote)
	}
	headers := l.apiHeaders[r.IntN(len(l.apiHeaders))]
	level := "h3"
	if r.IntN(5) == 0 {
		level = "h2"
	}
	for _, s := range p.sections {
		b.WriteString("<" + level + ` id="` + sectionIDs[s.cat] + `">` + l.sections[s.cat] + "</" + level + ">\n<table>\n<thead><tr>")
		for i, h := range headers {
			if i == 4 && !p.ipColumn {
				continue
			}
			b.WriteString("<th>" + h + "</th>")
		}
		b.WriteString("</tr></thead>\n<tbody>\n")
		for _, a := range s.actions {
			p.row(&b, r, l, a)
		}
		b.WriteString("</tbody>\n</table>\n")
	}
	b.WriteString("</div>\n</div>\n")
	if p.english {
		b.WriteString("</main>\n<footer><p>Copyright © 2013-2024 Tencent Cloud. All Rights Reserved.</p></footer>\n")
	}
	b.WriteString("</body>\n</html>\n")
	return []byte(b.String())
}

var sectionIDs = [4]string{"write", "read", "list", "other"}

func (p *product) row(b *strings.Builder, r *rand.Rand, l lang, a action) {
	b.WriteString("<tr><td>")
	switch r.IntN(12) {
	case 0:
		b.WriteString("<code>" + a.name + "</code>")
	case 1:
		b.WriteString("<p>" + a.name + "</p>")
	default:
		b.WriteString(a.name)
	}
	b.WriteString("</td><td>" + a.desc + "</td><td>")
	if r.IntN(20) == 0 {
		b.WriteString("<strong>" + l.gran[a.gran] + "</strong>")
	} else {
		b.WriteString(l.gran[a.gran])
	}
	b.WriteString("</td><td>")
	resourceCell(b, r, a.resources)
	b.WriteString("</td>")
	if p.ipColumn {
		b.WriteString("<td>" + l.support[a.ip] + "</td>")
	}
	b.WriteString("</tr>\n")
}

// resourceCell writes one or several patterns with the separators pages use: <br>
// in its spellings, paragraphs, or plain white space and line breaks.
func resourceCell(b *strings.Builder, r *rand.Rand, patterns []string) {
	if len(patterns) == 1 {
		b.WriteString(patterns[0])
		return
	}
	switch r.IntN(6) {
	case 0:
		b.WriteString("<p>" + strings.Join(patterns, "</p><p>") + "</p>")
	case 1:
		b.WriteString("\n" + strings.Join(patterns, "\n  ") + "\n")
	case 2:
		b.WriteString(strings.Join(patterns, " "))
	default:
		b.WriteString(strings.Join(patterns, pick(r, []string{"<br>", "<br/>", "<br />"})))
	}
}

func zhHead(p *product) string {
	name := html.EscapeString(p.name)
	return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>` + name + ` 支持CAM的业务接口-访问管理-文档中心-腾讯云</title>
<link rel="canonical" href="` + p.url() + `">
</head>
<body>
<div class="J-topBar doc-topbar"><a class="doc-topbar-link" href="https://cloud.tencent.com/document/product">有奖捉虫:办公协同&amp;微信生态&amp;物联网文档专题 <span class="doc-topbar-hot">HOT</span></a></div>
<div class="J-header doc-header"><nav class="doc-nav"><a href="https://cloud.tencent.com/">腾讯云</a> <a href="https://cloud.tencent.com/document/product">文档中心</a> <a href="https://cloud.tencent.com/document/product/598">访问管理</a></nav></div>
<div class="J-body doc-body">
<div class="J-markdown-box markdown-body">
`
}

func enHead(p *product) string {
	name := html.EscapeString(p.name)
	return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>` + name + ` - Tencent Cloud</title>
<link rel="canonical" href="` + p.url() + `">
</head>
<body>
<div class="header-bar">Documentation Feedback Contest HOT</div>
<nav>
<table class="layout">
<tr><th>Products</th><th>Solutions</th><th>Pricing</th></tr>
<tr><td>Compute</td><td>Gaming</td><td>Free Tier</td></tr>
</table>
</nav>
<main>
<div class="markdown-body">
<div>
<h1>` + name + `</h1>
<p>Last updated: 2024-06-01 10:00:00</p>
<table class="layout"><tr><td>Share</td><td>Print</td></tr></table>
`
}

const zhNote = `<blockquote>
<p>说明:</p>
<p>云产品的授权粒度按照粒度粗细分为服务级、操作级和资源级三个级别。</p>
<ul>
<li>服务级:定义对服务的整体是否拥有访问权限,分为允许对服务拥有全部操作权限或者拒绝对服务拥有全部操作权限。服务级授权粒度的云产品,不支持对具体的接口进行授权。</li>
<li>操作级:定义对服务的特定接口(API)是否拥有访问权限,例如:授权某账号对云服务器服务进行只读操作。</li>
<li>资源级:定义对特定资源是否有访问权限,这是最细的授权粒度,例如:授权某账号仅读写操作某台云服务器实例。</li>
</ul>
</blockquote>
<h2 id="granularity">接口授权粒度</h2>
<p>接口授权粒度分为资源级和操作级两个级别:</p>
<ul>
<li>资源级接口:此类型接口支持对某一个具体特定的资源进行授权。</li>
<li>操作级接口:此类型接口不支持对某一个特定的资源进行授权。授权时策略语法若限定了具体的资源,CAM会判断此接口不在授权范围,判断为无权限。</li>
</ul>
`

const enNote = `<blockquote>
<p>Note:</p>
<ul>
<li>Service level: whether a user may access the service as a whole.</li>
<li>Operation level: whether a user may call a specific API of the service.</li>
<li>Resource level: whether a user may access a specific resource; the finest granularity.</li>
</ul>
</blockquote>
<h2 id="granularity">API authorization granularity</h2>
`

// url is where the vendor would publish the page.
func (p *product) url() string {
	host := "cloud.tencent.com"
	if p.english {
		host = "www.tencentcloud.com"
	}
	return "https://" + host + "/document/product/598/" + strconv.Itoa(90000+p.index)
}
