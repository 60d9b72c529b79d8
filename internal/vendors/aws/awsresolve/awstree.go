package awsresolve

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/permgen/permgen/internal/model"
)

// Merge finishes the AWS services once every page is resolved: pages that share a
// service prefix become one service (AWS documents some prefixes on several pages),
// and the checks that need more than one page run — condition keys and resource
// types an action names but no page of its prefix defines, dependent actions that
// name no action of any service, and actions listed twice. Other vendors' services
// pass through in place. A page that defines nothing (no prefix: a retired page's
// redirect stub) is dropped; its diagnostics move to the first AWS service.
func Merge(services []*model.Service) []*model.Service {
	var out []*model.Service
	byPrefix := map[string]*model.Service{}
	pages := map[string][]string{}
	var orphan []model.Diagnostic
	for _, s := range services {
		if s.Kind != model.FormatAWSSAR {
			out = append(out, s)
			continue
		}
		if s.ShortName == "" {
			orphan = append(orphan, s.Diagnostics...)
			continue
		}
		pages[s.ShortName] = append(pages[s.ShortName], s.Source.File)
		m := byPrefix[s.ShortName]
		if m == nil {
			byPrefix[s.ShortName] = s
			out = append(out, s)
			continue
		}
		mergeAWS(m, s)
	}
	var first *model.Service
	all := map[string]bool{} // "prefix:action", lower-cased: IAM action names ignore case
	for _, s := range out {
		if s.Kind != model.FormatAWSSAR {
			continue
		}
		if first == nil {
			first = s
		}
		if ps := pages[s.ShortName]; len(ps) > 1 {
			s.Diagnostics = append(s.Diagnostics, model.Diagnostic{Pos: model.Pos{File: s.Source.File}, Code: "shared-prefix",
				Msg: fmt.Sprintf("service prefix %s is documented on %d pages (%s); merged", s.ShortName, len(ps), strings.Join(ps, ", "))})
		}
		sortAWS(s)
		dedupAWS(s)
		for _, a := range s.Actions {
			all[strings.ToLower(s.ShortName+":"+a.Name)] = true
		}
	}
	if first != nil {
		first.Diagnostics = append(first.Diagnostics, orphan...)
	}
	for _, s := range out {
		if s.Kind == model.FormatAWSSAR {
			checkAWS(s, all)
		}
	}
	return out
}

// mergeAWS adds page s to the service m of the same prefix.
func mergeAWS(m, s *model.Service) {
	if m.Name != s.Name && s.Name != "" && !strings.Contains(m.Name, s.Name) {
		m.Diagnostics = append(m.Diagnostics, model.Diagnostic{Pos: model.Pos{File: s.Source.File}, Code: "shared-prefix-name",
			Msg: fmt.Sprintf("prefix %s is named %q here and %q on %s; the first page's name is kept", s.ShortName, s.Name, m.Name, m.Source.File)})
	}
	m.Actions = append(m.Actions, s.Actions...)
	m.ResourceTypes = append(m.ResourceTypes, s.ResourceTypes...)
	m.ConditionKeys = append(m.ConditionKeys, s.ConditionKeys...)
	m.Diagnostics = append(m.Diagnostics, s.Diagnostics...)
}

// dedupAWS keeps the first of equal-named actions, resource types and condition keys
// (sorted stably, so the first in page order) and reports the others: silently the
// ones that repeat the same definition (pages sharing a prefix repeat the global
// keys), as "duplicate-*" the ones that differ.
func dedupAWS(s *model.Service) {
	var as []model.Action
	for i, a := range s.Actions {
		if i == 0 || a.Name != as[len(as)-1].Name {
			as = append(as, a)
			continue
		}
		prev := &as[len(as)-1]
		if prev.Pos.File != a.Pos.File && sameAction(*prev, a) {
			continue // another page of the prefix repeats it word for word
		}
		s.Diagnostics = append(s.Diagnostics, model.Diagnostic{Pos: a.Pos, Code: "duplicate-action",
			Msg: fmt.Sprintf("action %s:%s is listed again (first at %s)%s; merged: resource types, keys and dependent actions of both, the first's access level and description", s.ShortName, a.Name, prev.Pos, differs(*prev, a))})
		mergeAction(prev, a)
	}
	s.Actions = as
	var rts []model.ResourceType
	for i, rt := range s.ResourceTypes {
		if i > 0 && rt.Name == rts[len(rts)-1].Name && rt.Service == rts[len(rts)-1].Service {
			if prev := rts[len(rts)-1]; prev.Pattern != rt.Pattern {
				s.Diagnostics = append(s.Diagnostics, model.Diagnostic{Pos: rt.Pos, Code: "duplicate-resource-type",
					Msg: fmt.Sprintf("resource type %s is defined again as %s (first at %s as %s); the first is kept", rt.Name, rt.Pattern, prev.Pos, prev.Pattern)})
			}
			continue
		}
		rts = append(rts, rt)
	}
	s.ResourceTypes = rts
	var ks []model.ConditionKey
	for i, k := range s.ConditionKeys {
		if i > 0 && k.Name == ks[len(ks)-1].Name {
			if prev := ks[len(ks)-1]; prev.Type != k.Type {
				s.Diagnostics = append(s.Diagnostics, model.Diagnostic{Pos: k.Pos, Code: "duplicate-condition-key",
					Msg: fmt.Sprintf("condition key %s is defined again with type %s (first at %s with type %s); the first is kept", k.Name, k.Type, prev.Pos, prev.Type)})
			}
			continue
		}
		ks = append(ks, k)
	}
	s.ConditionKeys = ks
}

// checkAWS reports what an action names that nothing defines. Global keys (aws:...)
// are defined on no service page (AWS documents them once, in the IAM user guide),
// so only keys of other namespaces are checked.
func checkAWS(s *model.Service, all map[string]bool) {
	keys := map[string]bool{}
	for _, k := range s.ConditionKeys {
		keys[k.Name] = true
	}
	rts := map[string]bool{}
	for _, rt := range s.ResourceTypes {
		rts[rt.Name] = true
	}
	col := func(a model.Action, c string) model.Pos { return a.Pos.WithColumn(c) }
	checkKeys := func(a model.Action, where string, ks []string) {
		for _, k := range ks {
			if !keys[k] && !strings.HasPrefix(k, "aws:") {
				s.Diagnostics = append(s.Diagnostics, model.Diagnostic{Pos: col(a, "Condition keys"), Code: "undefined-condition-key",
					Msg: fmt.Sprintf("action %s:%s%s lists condition key %s, which the condition keys table does not define", s.ShortName, a.Name, where, k)})
			}
		}
	}
	checkDeps := func(a model.Action, ds []string) {
		for _, d := range ds {
			if !all[strings.ToLower(d)] {
				s.Diagnostics = append(s.Diagnostics, model.Diagnostic{Pos: col(a, "Dependent actions"), Code: "unknown-dependent-action",
					Msg: fmt.Sprintf("action %s:%s depends on %s, which no service lists", s.ShortName, a.Name, d)})
			}
		}
	}
	checkRTs := func(a model.Action, where string, list []model.ActionResourceType) {
		for _, rt := range list {
			if !rts[rt.Name] {
				s.Diagnostics = append(s.Diagnostics, model.Diagnostic{Pos: col(a, "Resource types (*required)"), Code: "undefined-resource-type",
					Msg: fmt.Sprintf("action %s:%s%s names resource type %s, which the resource types table does not define", s.ShortName, a.Name, where, rt.Name)})
			}
			checkKeys(a, " (resource type "+rt.Name+")", rt.ConditionKeys)
			checkDeps(a, rt.DependentActions)
		}
	}
	for _, a := range s.Actions {
		checkRTs(a, "", a.ResourceTypes)
		for _, sc := range a.Scenarios {
			checkRTs(a, " (scenario "+sc.Name+")", sc.ResourceTypes)
		}
		checkKeys(a, "", a.ConditionKeys)
		checkDeps(a, a.DependentActions)
	}
	for _, rt := range s.ResourceTypes {
		for _, k := range rt.ConditionKeys {
			if !keys[k] && !strings.HasPrefix(k, "aws:") {
				s.Diagnostics = append(s.Diagnostics, model.Diagnostic{Pos: rt.Pos.WithColumn("Condition keys"), Code: "undefined-condition-key",
					Msg: fmt.Sprintf("resource type %s lists condition key %s, which the condition keys table does not define", rt.Name, k)})
			}
		}
	}
}

// sameAction reports whether two listings of an action say the same, wherever found.
func sameAction(a, b model.Action) bool {
	a.Pos, b.Pos = model.Pos{}, model.Pos{}
	return reflect.DeepEqual(a, b)
}

// differs says how a repeated listing differs from the first.
func differs(a, b model.Action) string {
	switch {
	case a.AccessLevel != b.AccessLevel:
		return fmt.Sprintf(" with access level %s, not %s", b.AccessLevel, a.AccessLevel)
	case !reflect.DeepEqual(a.ResourceTypes, b.ResourceTypes):
		return " with other resource types"
	case !reflect.DeepEqual(a.ConditionKeys, b.ConditionKeys) || !reflect.DeepEqual(a.DependentActions, b.DependentActions):
		return " with other condition keys or dependent actions"
	case a.Description != b.Description:
		return " with another description"
	case sameAction(a, b):
		return " identically"
	}
	return " with other details"
}

// mergeAction adds to a what a second listing of the same action adds: resource
// types a does not name, and request-level keys and dependent actions it lacks. A
// policy may use either listing's resource types, so neither is dropped.
func mergeAction(a *model.Action, b model.Action) {
	have := map[string]int{}
	for i, rt := range a.ResourceTypes {
		have[rt.Name] = i
	}
	for _, rt := range b.ResourceTypes {
		i, ok := have[rt.Name]
		if !ok {
			have[rt.Name] = len(a.ResourceTypes)
			a.ResourceTypes = append(a.ResourceTypes, rt)
			continue
		}
		// The same resource type twice: the keys and dependent actions of both rows;
		// the first row's required flag (a conflict is in the diagnostic).
		art := &a.ResourceTypes[i]
		art.ConditionKeys = union(art.ConditionKeys, rt.ConditionKeys)
		art.DependentActions = union(art.DependentActions, rt.DependentActions)
	}
	a.ConditionKeys = union(a.ConditionKeys, b.ConditionKeys)
	a.DependentActions = union(a.DependentActions, b.DependentActions)
	a.Scenarios = append(a.Scenarios, b.Scenarios...)
	if a.DocURL == "" {
		a.DocURL, a.Operation = b.DocURL, b.Operation
	}
}

func union(a, b []string) []string {
	a = slices.Clip(a) // never write into the other listing's backing array
	for _, v := range b {
		if !slices.Contains(a, v) {
			a = append(a, v)
		}
	}
	return a
}
