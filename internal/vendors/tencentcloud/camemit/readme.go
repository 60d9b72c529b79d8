package camemit

import (
	"fmt"
	"strings"

	"github.com/permgen/permgen/internal/emit"
	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/resolve"
)

func camReadme(b *strings.Builder, p *resolve.Package) {
	s := p.Service
	b.WriteString("| fact | value |\n|---|---|\n")
	for _, r := range [][2]string{
		{"product", s.Name}, {"CAM short name", s.ShortName},
		{"console access", orUnknown(string(s.ConsoleAccess))}, {"tag authorization", orUnknown(string(s.TagAuthorization))},
		{"granularity (page)", orUnknown(string(s.Granularity))}, {"IP restriction", orUnknown(string(s.IPRestriction))},
		{"API version", orUnknown(s.Source.APIVersion)},
	} {
		fmt.Fprintf(b, "| %s | %s |\n", r[0], emit.MD(r[1]))
	}

	// An undocumented column only where the merged catalog has such actions, so that
	// a page's README stays as it was.
	undoc := false
	for _, a := range s.Actions {
		undoc = undoc || a.Granularity == model.Undocumented
	}
	if undoc {
		b.WriteString("\n## Counts\n\n| category | operation level | resource level | service level | undocumented | total |\n|---|---:|---:|---:|---:|---:|\n")
	} else {
		b.WriteString("\n## Counts\n\n| category | operation level | resource level | service level | total |\n|---|---:|---:|---:|---:|\n")
	}
	type row struct{ op, res, svc, und int }
	counts := map[model.Category]*row{}
	var order []model.Category
	total := row{}
	for _, a := range s.Actions {
		if counts[a.Category] == nil {
			counts[a.Category] = &row{}
		}
		r := counts[a.Category]
		for _, c := range []*row{r, &total} {
			switch a.Granularity {
			case model.OperationLevel:
				c.op++
			case model.ResourceLevel:
				c.res++
			case model.ServiceLevel:
				c.svc++
			case model.Undocumented:
				c.und++
			}
		}
	}
	for _, c := range []model.Category{model.Write, model.Read, model.List, model.Other, model.Unknown} {
		if counts[c] != nil {
			order = append(order, c)
		}
	}
	for _, c := range order {
		r := counts[c]
		if undoc {
			fmt.Fprintf(b, "| %s | %d | %d | %d | %d | %d |\n", c, r.op, r.res, r.svc, r.und, r.op+r.res+r.svc+r.und)
		} else {
			fmt.Fprintf(b, "| %s | %d | %d | %d | %d |\n", c, r.op, r.res, r.svc, r.op+r.res+r.svc)
		}
	}
	if undoc {
		fmt.Fprintf(b, "| **all** | %d | %d | %d | %d | %d |\n", total.op, total.res, total.svc, total.und, len(s.Actions))
	} else {
		fmt.Fprintf(b, "| **all** | %d | %d | %d | %d |\n", total.op, total.res, total.svc, len(s.Actions))
	}

	if len(s.ResourceTypes) > 0 {
		b.WriteString("\n## Resource types\n\n| type | pattern | builder |\n|---|---|---|\n")
		for i, rt := range s.ResourceTypes {
			fmt.Fprintf(b, "| %s/%s | %s | `%s(%s)` |\n", emit.MD(rt.Service), emit.MD(rt.Name), emit.Code(rt.Pattern), p.Resources[i].Func, strings.Join(p.Resources[i].Params, ", "))
		}
	}

	b.WriteString("\n## Actions\n\n| action | description | category | granularity | resources | IP restriction |\n|---|---|---|---|---|---|\n")
	for i, a := range s.Actions {
		name := "`" + p.Actions[i].Ident + "`"
		if a.Deprecated != nil {
			name += " (deprecated: " + emit.MD(emit.DeprecatedText(a.Deprecated)) + ")"
		}
		var res []string
		for _, r := range a.Resources {
			res = append(res, emit.Code(r.Pattern))
		}
		fmt.Fprintf(b, "| %s:%s %s | %s | %s | %s | %s | %s |\n", s.ShortName, emit.MD(a.Name), name, emit.MD(a.Description),
			a.Category, a.Granularity, strings.Join(res, "<br>"), orUnknown(string(a.IPRestriction)))
	}
}

func orUnknown(s string) string {
	if s == "" {
		return "not stated"
	}
	return s
}
