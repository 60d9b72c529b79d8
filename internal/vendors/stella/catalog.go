package stella

import (
	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/vendor"
)

var _ vendor.Cataloger = Vendor{}

// catalogLine is one scope as `gen catalog -format json` prints it.
type catalogLine struct {
	Vendor      string `json:"vendor"`
	Service     string `json:"service"`
	Action      string `json:"action"`
	Description string `json:"description"`
}

// Catalog implements vendor.Cataloger: "namespace:verb<TAB><TAB><TAB>description".
func (Vendor) Catalog(s *model.Service) []vendor.CatalogLine {
	var out []vendor.CatalogLine
	for _, sc := range s.Scopes {
		out = append(out, vendor.CatalogLine{
			Text: []string{sc.Name, "", "", sc.Description},
			JSON: catalogLine{Vendor: s.Source.Vendor, Service: s.ShortName, Action: sc.Name, Description: sc.Description},
		})
	}
	return out
}

var _ vendor.Helper = Vendor{}

// Help implements vendor.Helper.
func (Vendor) Help(command, place string) string {
	if command == "catalog" && place == "service" {
		return "vendor of a scope table"
	}
	return ""
}
