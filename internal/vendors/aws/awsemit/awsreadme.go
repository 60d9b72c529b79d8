package awsemit

import (
	"fmt"
	"strings"

	"github.com/permgen/permgen/internal/emit"
	"github.com/permgen/permgen/internal/resolve"
	"github.com/permgen/permgen/internal/vendors/aws/awsresolve"
)

// awsReadme is the reference page of one AWS service package: counts by access
// level, resource types with their builders, condition keys, and every action.
func awsReadme(b *strings.Builder, p *resolve.Package) {
	s := p.Service
	fmt.Fprintf(b, "| fact | value |\n|---|---|\n| service | %s |\n| prefix | `%s` |\n| actions | %d |\n| resource types | %d |\n| condition keys | %d |\n",
		emit.MD(s.Name), emit.MD(s.ShortName), len(s.Actions), len(s.ResourceTypes), len(s.ConditionKeys))
	b.WriteString("\n## Actions by access level\n\n| access level | actions | function |\n|---|---:|---|\n")
	for _, l := range awsLevels {
		n := 0
		for _, a := range s.Actions {
			if a.AccessLevel == l.word {
				n++
			}
		}
		fmt.Fprintf(b, "| %s | %d | `%s()` |\n", l.word, n, l.fn)
	}
	if len(s.ResourceTypes) > 0 {
		b.WriteString("\n## Resource types\n\n| type | ARN template | builder |\n|---|---|---|\n")
		for i, rt := range s.ResourceTypes {
			g := p.Resources[i]
			builder := "none: the template is not one iamarn builds"
			if awsBuildable(rt, g) {
				builder = fmt.Sprintf("`%s(%s)`", g.Func, strings.Join(g.Params, ", "))
			}
			fmt.Fprintf(b, "| %s | %s | %s |\n", emit.MD(rt.Name), emit.Code(rt.Pattern), builder)
		}
	}
	if len(s.ConditionKeys) > 0 {
		b.WriteString("\n## Condition keys\n\n| key | type | Go | description |\n|---|---|---|---|\n")
		for i, k := range s.ConditionKeys {
			g := awsresolve.NamesOf(p).Keys[i]
			goName := "in package `global`"
			if g.Ident != "" {
				goName = "`" + g.Ident + "`"
				if len(g.Params) > 0 {
					goName = fmt.Sprintf("`%s(%s)`", g.Ident, strings.Join(g.Params, ", "))
				}
			}
			fmt.Fprintf(b, "| %s | %s | %s | %s |\n", emit.Code(k.Name), emit.MD(k.Type), goName, emit.MD(k.Description))
		}
	}
	b.WriteString("\n## Actions\n\n| action | access level | resource types | condition keys | description |\n|---|---|---|---|---|\n")
	for i, a := range s.Actions {
		name := "`" + p.Actions[i].Ident + "`"
		if a.Deprecated != nil {
			name += " (deprecated: " + emit.MD(emit.DeprecatedText(a.Deprecated)) + ")"
		}
		var rts []string
		for _, r := range a.ResourceTypes {
			n := emit.MD(r.Name)
			if r.Required {
				n += "\\*"
			}
			rts = append(rts, n)
		}
		var keys []string
		for _, k := range a.ConditionKeys {
			keys = append(keys, emit.Code(k))
		}
		title := emit.MD(s.ShortName + ":" + a.Name)
		if safeURL(a.DocURL) {
			title = fmt.Sprintf("[%s](%s)", title, a.DocURL)
		}
		fmt.Fprintf(b, "| %s %s | %s | %s | %s | %s |\n", title, name, emit.MD(a.AccessLevel), strings.Join(rts, ", "), strings.Join(keys, " "), emit.MD(a.Description))
	}
}

// safeURL reports whether a page's link can be a Markdown link target as is: an
// https URL with nothing that could end the target or start markup. Anything else
// stays out of the README (it is still in the Go doc comment and Info).
func safeURL(u string) bool {
	if !strings.HasPrefix(u, "https://") {
		return false
	}
	for _, r := range u {
		if r <= ' ' || r >= 0x7f || strings.ContainsRune("()<>[]`\\\"'|", r) {
			return false
		}
	}
	return true
}
