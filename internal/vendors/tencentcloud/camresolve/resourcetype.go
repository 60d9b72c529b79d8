package camresolve

import (
	"fmt"
	"sort"
	"strings"

	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/resolve"
)

func fieldsOf(s string) []string { return strings.Fields(resolve.Text(s)) }

// resourceTypes collects the resource types the actions' patterns name. A type seen
// with different patterns (one with ${region}, one without) is one type: the region
// is a builder option. Patterns that disagree on placeholders are reported, and the
// most used one wins (ties: the smallest), so the result does not depend on order.
func resourceTypes(actions []model.Action) ([]model.ResourceType, []model.Diagnostic) {
	type key struct{ service, name string }
	type shape struct {
		pattern      string
		placeholders []string
	}
	counts := map[key]map[string]int{}
	shapes := map[string]shape{}
	firstPos := map[key]model.Pos{}
	for _, a := range actions {
		for _, r := range a.Resources {
			if r.IsWildcard() {
				continue
			}
			k := key{r.Service, r.Type}
			// The region segment does not shape the builder: drop it.
			p := strings.Join([]string{"qcs", r.Project, r.Service, "", r.Account, r.Path}, ":")
			if counts[k] == nil {
				counts[k] = map[string]int{}
				firstPos[k] = a.Pos
			}
			counts[k][p]++
			shapes[p] = shape{p, append(append(placeholders(r.Project), placeholders(r.Account)...), placeholders(r.Path)...)}
		}
	}
	keys := make([]key, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].service != keys[j].service {
			return keys[i].service < keys[j].service
		}
		return keys[i].name < keys[j].name
	})
	var types []model.ResourceType
	var ds []model.Diagnostic
	for _, k := range keys {
		patterns := make([]string, 0, len(counts[k]))
		for p := range counts[k] {
			patterns = append(patterns, p)
		}
		sort.Slice(patterns, func(i, j int) bool {
			ci, cj := counts[k][patterns[i]], counts[k][patterns[j]]
			if ci != cj {
				return ci > cj
			}
			return patterns[i] < patterns[j]
		})
		best := shapes[patterns[0]]
		for _, p := range patterns[1:] {
			if strings.Join(shapes[p].placeholders, ",") != strings.Join(best.placeholders, ",") {
				ds = append(ds, model.Diagnostic{Pos: firstPos[k], Code: "inconsistent-pattern",
					Msg: fmt.Sprintf("resource type %s/%s is written %q (%d times) and %q (%d times); builders follow the first",
						k.service, k.name, best.pattern, counts[k][best.pattern], p, counts[k][p])})
			}
		}
		types = append(types, model.ResourceType{Service: k.service, Name: k.name, Pattern: best.pattern, Placeholders: best.placeholders})
	}
	return types, ds
}
