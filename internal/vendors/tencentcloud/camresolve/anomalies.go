package camresolve

import (
	"fmt"
	"strings"

	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/resolve"
)

// camAnomalies looks across a whole Tencent page for what no single row shows.
func camAnomalies(s *model.Service) []model.Diagnostic {
	var ds []model.Diagnostic

	// Two actions with one description: usually a copy-paste slip on the vendor's
	// side (AddBlackUser says it deletes).
	byDesc := map[string][]model.Action{}
	for _, a := range s.Actions {
		if a.Description != "" {
			byDesc[a.Description] = append(byDesc[a.Description], a)
		}
	}
	for _, a := range s.Actions {
		same := byDesc[a.Description]
		if len(same) < 2 || same[0].Name != a.Name {
			continue
		}
		names := make([]string, len(same))
		for i, b := range same {
			names[i] = b.Name
		}
		ds = append(ds, model.Diagnostic{Pos: a.Pos.WithColumn(""), Code: "shared-description",
			Msg: fmt.Sprintf("actions %s share the description %q", strings.Join(names, ", "), a.Description)})
	}

	// The page-level granularity should be the finest any action has: CAM calls a
	// product resource-level when it supports resource-level authorization at all.
	count := map[model.Granularity]int{}
	for _, a := range s.Actions {
		count[a.Granularity]++
	}
	finest := model.ServiceLevel
	if count[model.OperationLevel] > 0 {
		finest = model.OperationLevel
	}
	if count[model.ResourceLevel] > 0 {
		finest = model.ResourceLevel
	}
	if s.Granularity != "" && len(s.Actions) > 0 && s.Granularity != finest {
		ds = append(ds, model.Diagnostic{Pos: model.Pos{File: s.Source.File}, Code: "page-granularity",
			Msg: fmt.Sprintf("the page says the product is %s-level, but %d of %d actions are resource-level and %d operation-level",
				s.Granularity, count[model.ResourceLevel], len(s.Actions), count[model.OperationLevel])})
	}

	// Misspelled words in API names: kept (the name is the API), but worth knowing.
	var names []resolve.Item
	for _, a := range s.Actions {
		names = append(names, resolve.Item{Name: a.Name, Words: camelWords(a.Name), Pos: a.Pos})
	}
	ds = append(ds, resolve.Typos(names, "API name")...)
	return ds
}

// camelWords splits "DescibeCanSalePhoneNums" into Descibe Can Sale Phone Nums;
// runs of capitals stay together (CCC, IVR).
func camelWords(s string) []string {
	var words []string
	start := 0
	rs := []rune(s)
	for i := 1; i < len(rs); i++ {
		upper := isUpper(rs[i])
		if upper && (!isUpper(rs[i-1]) || (i+1 < len(rs) && !isUpper(rs[i+1]) && isLetter(rs[i+1]))) {
			words = append(words, string(rs[start:i]))
			start = i
		}
	}
	return append(words, string(rs[start:]))
}

func isUpper(r rune) bool  { return r >= 'A' && r <= 'Z' }
func isLetter(r rune) bool { return r >= 'a' && r <= 'z' || isUpper(r) }
