package tencentcloud

import (
	"fmt"
	"sort"
	"strings"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/vendor"
)

var _ vendor.Differ = Vendor{}

// actions are CAM's actions: grouped by the page's section, so that history
// refuses a run in which a whole section vanished.
var actions = vendor.Actions(vendor.ActionRules{
	GroupNoun: "section",
	Group:     func(a model.Action) string { return a.Section },
	Signature: signature,
	Describe:  describe,
	Fields:    actionFields,
})

// signature is what stays when only the name changed: the description, which must
// say something, and what a policy may name.
func signature(a model.Action) string {
	if strings.TrimSpace(a.Description) == "" {
		return ""
	}
	return strings.Join([]string{a.Description, string(a.Granularity), strings.Join(patterns(a), "\n")}, "\x00")
}

func describe(a model.Action) string {
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

var actionRules = []vendor.FieldRule{
	{Path: "Section", Name: "section", Class: vendor.Cosmetic},
	{Path: "Description", Name: "description", Class: vendor.Cosmetic},
	{Path: "IPRestriction", Name: "ip_restriction", Class: vendor.Policy},
}

// actionFields compares two versions of one action. A granularity change is one
// change even though the resources change with it (资源级 to 操作级 also turns the
// patterns into "*"); the resources go into its detail.
func actionFields(o, n model.Action) []vendor.Change {
	fs := vendor.DifferingFields(o, n, cmpopts.IgnoreFields(model.Action{}, "Name", "Deprecated", "Pos"))
	var out []vendor.Change
	switch {
	case fs["Granularity"]:
		ch := vendor.Change{Class: vendor.Policy, Field: "granularity", Old: string(o.Granularity), New: string(n.Granularity)}
		if fs["Resources"] {
			ch.Detail = fmt.Sprintf("resources %s -> %s", strings.Join(patterns(o), ", "), strings.Join(patterns(n), ", "))
		}
		out = append(out, ch)
	case fs["Resources"] && !cmp.Equal(patterns(o), patterns(n), vendor.EquateEmpty):
		out = append(out, vendor.Change{Class: vendor.Policy, Field: "resources", Old: strings.Join(patterns(o), ", "), New: strings.Join(patterns(n), ", ")})
	case fs["Resources"]:
		// Same patterns, written differently on the page or in another order.
		out = append(out, vendor.Change{Class: vendor.Cosmetic, Field: "resources", Old: rawResources(o), New: rawResources(n)})
	}
	delete(fs, "Granularity")
	delete(fs, "Resources")
	if fs["Category"] {
		// The category is the section's meaning; one change says both.
		out = append(out, vendor.Change{Class: vendor.Cosmetic, Field: "category",
			Old: fmt.Sprintf("%s (%s)", o.Category, o.Section), New: fmt.Sprintf("%s (%s)", n.Category, n.Section)})
		delete(fs, "Category")
		delete(fs, "Section")
	}
	return append(out, vendor.ApplyRules(fs, actionRules, o, n, true)...)
}

// Identity implements vendor.Differ: a product's short name identifies it.
func (Vendor) Identity(*model.Service) string { return "" }

// serviceRules classify the product's facts (基本信息).
var serviceRules = []vendor.FieldRule{
	{Path: "ConsoleAccess", Name: "console_access", Class: vendor.Policy},
	{Path: "TagAuthorization", Name: "tag_authorization", Class: vendor.Policy},
	{Path: "Granularity", Name: "granularity", Class: vendor.Policy},
	{Path: "IPRestriction", Name: "ip_restriction", Class: vendor.Policy},
}

// ServiceFields implements vendor.Differ.
func (Vendor) ServiceFields(fs map[string]bool, o, n *model.Service) []vendor.Change {
	return vendor.ApplyRules(fs, serviceRules, *o, *n, false)
}
