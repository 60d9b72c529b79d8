package diff

import (
	"fmt"
	"sort"
	"strings"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/permgen/permgen/internal/model"
)

func (c comparer) actions(old, new []model.Action) []Change {
	return lifecycle[model.Action]{
		newScraped: c.newScraped,
		subject:    SubjectAction,
		name:       func(a model.Action) string { return a.Name },
		deprecated: func(a model.Action) *model.Deprecation { return a.Deprecated },
		signature:  actionSignature,
		describe:   describeAction,
		fields:     func(o, n model.Action, _ map[string]bool) []Change { return actionFields(o, n) },
	}.run(old, new)
}

// actionSignature is what stays when only the name changed: the description, which
// must say something, and what a policy may name.
func actionSignature(a model.Action) string {
	if strings.TrimSpace(a.Description) == "" {
		return ""
	}
	return strings.Join([]string{a.Description, string(a.Granularity), strings.Join(patterns(a), "\n"), a.AccessLevel, awsResourceTypes(a.ResourceTypes)}, "\x00")
}

func describeAction(a model.Action) string {
	if a.AccessLevel != "" {
		return describeAWSAction(a)
	}
	s := fmt.Sprintf("%s, %s level, %s", a.Category, a.Granularity, strings.Join(patterns(a), ", "))
	if a.Description == "" {
		return s
	}
	return a.Description + "; " + s
}

// patterns are the action's resource patterns, sorted: their order in a cell carries
// no meaning for a policy.
func patterns(a model.Action) []string {
	var ps []string
	for _, r := range a.Resources {
		ps = append(ps, r.Pattern)
	}
	sort.Strings(ps)
	return ps
}

// rawResources are the resource cells as the page wrote them.
func rawResources(a model.Action) string {
	var ps []string
	for _, r := range a.Resources {
		if r.Raw != "" {
			ps = append(ps, r.Raw)
		} else {
			ps = append(ps, r.Pattern)
		}
	}
	return strings.Join(ps, ", ")
}

var actionRules = []rule{
	{"Section", "section", Cosmetic},
	{"Description", "description", Cosmetic},
	{"IPRestriction", "ip_restriction", Policy},
}

// actionFields compares two versions of one action. A granularity change is one
// change even though the resources change with it (资源级 to 操作级 also turns the
// patterns into "*"); the resources go into its detail.
func actionFields(o, n model.Action) []Change {
	fs := differingFields(o, n, cmpopts.IgnoreFields(model.Action{}, "Name", "Deprecated", "Pos"))
	var out []Change
	switch {
	case fs["Granularity"]:
		ch := Change{Class: Policy, Kind: Changed, Field: "granularity", Old: string(o.Granularity), New: string(n.Granularity)}
		if fs["Resources"] {
			ch.Detail = fmt.Sprintf("resources %s -> %s", strings.Join(patterns(o), ", "), strings.Join(patterns(n), ", "))
		}
		out = append(out, ch)
	case fs["Resources"] && !cmp.Equal(patterns(o), patterns(n), equateEmpty):
		out = append(out, Change{Class: Policy, Kind: Changed, Field: "resources", Old: strings.Join(patterns(o), ", "), New: strings.Join(patterns(n), ", ")})
	case fs["Resources"]:
		// Same patterns, written differently on the page or in another order.
		out = append(out, Change{Class: Cosmetic, Kind: Changed, Field: "resources", Old: rawResources(o), New: rawResources(n)})
	}
	delete(fs, "Granularity")
	delete(fs, "Resources")
	if fs["Category"] {
		// The category is the section's meaning; one change says both.
		out = append(out, Change{Class: Cosmetic, Kind: Changed, Field: "category",
			Old: fmt.Sprintf("%s (%s)", o.Category, o.Section), New: fmt.Sprintf("%s (%s)", n.Category, n.Section)})
		delete(fs, "Category")
		delete(fs, "Section")
	}
	out = append(out, awsActionFields(fs, o, n)...)
	return append(out, applyRules(fs, actionRules, o, n)...)
}
