package tencentcloud

import (
	"strings"

	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/vendor"
)

var _ vendor.Cataloger = Vendor{}

// catalogLine is one CAM action as `gen catalog -format json` prints it.
type catalogLine struct {
	Vendor      string            `json:"vendor"`
	Service     string            `json:"service"`
	Action      string            `json:"action"`
	Category    model.Category    `json:"category,omitempty"`
	Granularity model.Granularity `json:"granularity,omitempty"`
	Resources   []string          `json:"resources,omitempty"`
	Description string            `json:"description"`
}

// Catalog implements vendor.Cataloger: "service:API<TAB>category<TAB>resource
// patterns<TAB>description".
func (Vendor) Catalog(s *model.Service) []vendor.CatalogLine {
	var out []vendor.CatalogLine
	for _, a := range s.Actions {
		l := catalogLine{Vendor: s.Source.Vendor, Service: s.ShortName, Action: a.Name,
			Category: a.Category, Granularity: a.Granularity, Resources: a.Patterns(), Description: a.Description}
		if len(l.Resources) == 0 {
			l.Resources = nil
		}
		out = append(out, vendor.CatalogLine{
			Text: []string{s.ShortName + ":" + a.Name, string(a.Category), strings.Join(l.Resources, ","), a.Description},
			JSON: l,
		})
	}
	return out
}

var _ vendor.Helper = Vendor{}

// Help implements vendor.Helper.
func (Vendor) Help(command, place string) string {
	switch command + " " + place {
	case "catalog service":
		return "CAM short name"
	case "catalog bundled":
		return "Tencent CAM"
	case "fetch note":
		return `A vendor page named by another is fetched the run after it: Tencent Cloud's uniform
pages come from its live product index, so run -only tencentcloud twice (or
-only tencentcloud/product-index.snapshot first).`
	}
	return ""
}
