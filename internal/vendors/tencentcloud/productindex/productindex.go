// Package productindex reads the CAM product index, "支持 CAM 的产品" (Products
// supporting CAM): per product its CAM prefix (CAM 中简称), the finest granularity it
// supports, console access and tag authorization. The Chinese site's 2021 page lists
// 236 products, the international site's 2023 page 75.
package productindex

import (
	"fmt"
	"strings"

	"github.com/permgen/permgen/internal/vendors/tencentcloud/camdocs"
)

// Product is one row of the index.
type Product struct {
	Name        string // as written, footnote marks dropped: "云服务器"
	Prefix      string // CAM 中简称; "" when the row gives none
	Granularity string // "service", "operation", "resource", or "" for "-"
	Console     bool   // ✓ in 控制台
	Tag         bool   // ✓ in 根据标签进行授权
	Category    string // the section heading: "计算"
	Row         string // "table 3 row 2", for findings
	// DocLinks are the links in the row's 参考文档 (Reference document) cell:
	// the product's CAM documentation, as the index links it.
	DocLinks []camdocs.Link
}

// IsIndex reports whether the Doc is a product index page.
func IsIndex(d *camdocs.Doc) bool {
	return strings.Contains(d.Path, "支持 CAM 的产品") || strings.Contains(d.Path, "支持CAM的产品")
}

// Read returns the products of an index page in page order. A granularity that is
// none of the known words is an error naming the table, row and column.
func Read(d *camdocs.Doc) ([]Product, error) {
	var out []Product
	var errs []string
	for _, t := range d.Tables() {
		col := map[string]int{}
		for k, h := range t.Header {
			h = strings.ToLower(h)
			switch {
			case strings.Contains(h, "简称") || strings.Contains(h, "abbreviation"):
				col["prefix"] = k
			case strings.Contains(h, "粒度") || strings.Contains(h, "granularity"):
				col["granularity"] = k
			case strings.Contains(h, "控制台") || h == "console":
				col["console"] = k
			case strings.Contains(h, "标签") || strings.Contains(h, "tag"):
				col["tag"] = k
			case h == "产品" || h == "product" || h == "服务":
				col["name"] = k
			case strings.Contains(h, "参考文档") || strings.Contains(h, "reference document") || strings.Contains(h, "支持cam的业务接口"):
				col["doc"] = k
			}
		}
		if _, ok := col["prefix"]; !ok {
			continue
		}
		for i, row := range t.Rows {
			get := func(k string) string {
				if c, ok := col[k]; ok && c < len(row) {
					return strings.TrimSpace(row[c])
				}
				return ""
			}
			p := Product{Name: get("name"), Prefix: get("prefix"), Category: t.Heading,
				Console: get("console") == "✓", Tag: get("tag") == "✓",
				Row: fmt.Sprintf("table %d row %d", t.Index, i+1)}
			if c, ok := col["doc"]; ok {
				p.DocLinks = t.Links[[2]int{i, c}]
			}
			if p.Prefix == "-" {
				p.Prefix = ""
			}
			switch g := strings.ToLower(get("granularity")); {
			case strings.Contains(g, "资源级") || strings.Contains(g, "resource"):
				p.Granularity = "resource"
			case strings.Contains(g, "操作级") || strings.Contains(g, "operation") || strings.Contains(g, "api"):
				p.Granularity = "operation"
			case strings.Contains(g, "服务级") || strings.Contains(g, "service"):
				p.Granularity = "service"
			case g == "-" || g == "":
			default:
				errs = append(errs, fmt.Sprintf("%s: %s column 授权粒度: unknown granularity %q; known: 服务级, 操作级, 资源级", d.Path, p.Row, g))
			}
			out = append(out, p)
		}
	}
	if len(errs) > 0 {
		return nil, fmt.Errorf("%s", strings.Join(errs, "\n"))
	}
	return out, nil
}
