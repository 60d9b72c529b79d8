package iampolicy

import (
	"sort"
	"strings"

	"github.com/permgen/permgen/templates/aws/iam"
)

// CompactWarning is said with every Compact result that holds a wildcard.
const CompactWarning = "a wildcard also grants every action AWS adds later whose name matches it"

// Compact returns the shortest Action patterns that name every chosen action and
// no other action the catalog lists today: per service, the shortest prefixes
// ("s3:GetObject*") that only chosen actions start with, the whole service
// ("s3:*") when every action is chosen, and exact names where a longer
// non-chosen name begins with a chosen one. Patterns are sorted. warn is
// CompactWarning when a pattern holds a wildcard, else empty.
func Compact(cat Catalog, chosen []iam.ActionInfo) (patterns []string, warn string) {
	bySvc := map[string]map[string]bool{}
	for _, a := range chosen {
		if bySvc[a.Service] == nil {
			bySvc[a.Service] = map[string]bool{}
		}
		bySvc[a.Service][strings.ToLower(a.Name)] = true
	}
	svcs := make([]string, 0, len(bySvc))
	for s := range bySvc {
		svcs = append(svcs, s)
	}
	sort.Strings(svcs)
	for _, svc := range svcs {
		want := bySvc[svc]
		var all []string // lower-case names, sorted
		orig := map[string]string{}
		for _, a := range cat.ServiceActions(svc) {
			l := strings.ToLower(a.Name)
			all = append(all, l)
			orig[l] = a.Name
		}
		sort.Strings(all)
		for n := range want {
			if _, ok := orig[n]; !ok {
				// Not in the catalog: keep it as given.
				all = append(all, n)
				orig[n] = n
			}
		}
		sort.Strings(all)
		patterns = append(patterns, compactService(svc, all, want, orig)...)
	}
	sort.Strings(patterns)
	for _, p := range patterns {
		if strings.ContainsRune(p, '*') {
			return patterns, CompactWarning
		}
	}
	return patterns, ""
}

// compactService covers the chosen names of one service. A prefix is usable when
// every name starting with it is chosen; each chosen name takes the shortest
// usable prefix, and names sharing a usable shorter prefix share one pattern.
func compactService(svc string, all []string, want map[string]bool, orig map[string]string) []string {
	usable := func(prefix string) bool {
		i := sort.SearchStrings(all, prefix)
		for ; i < len(all) && strings.HasPrefix(all[i], prefix); i++ {
			if !want[all[i]] {
				return false
			}
		}
		return true
	}
	if usable("") {
		return []string{svc + ":*"}
	}
	seen := map[string]bool{}
	var out []string
	for _, n := range all {
		if !want[n] {
			continue
		}
		p := ""
		for l := 1; l <= len(n); l++ {
			if usable(n[:l]) {
				p = orig[n][:l] + "*"
				break
			}
		}
		if p == "" {
			// A non-chosen action's name begins with this one: name it exactly.
			p = orig[n]
		}
		if !seen[strings.ToLower(p)] {
			seen[strings.ToLower(p)] = true
			out = append(out, svc+":"+p)
		}
	}
	return out
}
