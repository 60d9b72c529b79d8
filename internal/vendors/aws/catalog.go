package aws

import (
	"strings"

	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/vendor"
)

var _ vendor.Cataloger = Vendor{}

// catalogLine is one AWS action as `gen catalog` users query it (policy_sentry's
// "query action-table"). Every field is present, empty lists as [], so that a line
// is read the same way every time; the top-level keys and dependent actions are
// those of the request-level row.
type catalogLine struct {
	Vendor           string                 `json:"vendor"`
	Service          string                 `json:"service"`
	Action           string                 `json:"action"`
	AccessLevel      string                 `json:"access_level,omitempty"`
	ResourceTypes    []catalogRT            `json:"resource_types"`
	ConditionKeys    []string               `json:"condition_keys"`
	DependentActions []string               `json:"dependent_actions"`
	Scenarios        []model.ActionScenario `json:"scenarios,omitempty"`
	Operation        string                 `json:"operation,omitempty"`
	DocURL           string                 `json:"doc_url,omitempty"`
	Description      string                 `json:"description"`
}

type catalogRT struct {
	Name             string   `json:"name"`
	Required         bool     `json:"required"`
	ConditionKeys    []string `json:"condition_keys"`
	DependentActions []string `json:"dependent_actions"`
}

// Catalog implements vendor.Cataloger: "prefix:action<TAB>access level<TAB>resource
// types, required ones starred<TAB>description".
func (Vendor) Catalog(s *model.Service) []vendor.CatalogLine {
	var out []vendor.CatalogLine
	for _, a := range s.Actions {
		rts := []catalogRT{}
		var names []string
		for _, rt := range a.ResourceTypes {
			rts = append(rts, catalogRT{rt.Name, rt.Required, nonNil(rt.ConditionKeys), nonNil(rt.DependentActions)})
			n := rt.Name
			if rt.Required {
				n += "*"
			}
			names = append(names, n)
		}
		l := catalogLine{Vendor: s.Source.Vendor, Service: s.ShortName, Action: a.Name,
			AccessLevel: a.AccessLevel, ResourceTypes: rts, ConditionKeys: nonNil(a.ConditionKeys), DependentActions: nonNil(a.DependentActions),
			Scenarios: a.Scenarios, Operation: a.Operation, DocURL: a.DocURL, Description: a.Description}
		out = append(out, vendor.CatalogLine{
			Text: []string{s.ShortName + ":" + a.Name, a.AccessLevel, strings.Join(names, ","), a.Description},
			JSON: l,
		})
	}
	return out
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return append([]T(nil), s...)
}

var _ vendor.Helper = Vendor{}

// Help implements vendor.Helper.
func (Vendor) Help(command, place string) string {
	switch command + " " + place {
	case "catalog service":
		return "AWS prefix"
	case "catalog folder":
		return "-in may also be a folder whose aws/ holds AWS pages as fetched, with no manifest."
	case "catalog bundled":
		return "AWS"
	case "fetch pages":
		return "each AWS page in aws/ (no\nmanifest needed)"
	}
	return ""
}
