package history

import (
	"fmt"
	"sort"

	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/vendor"
)

// guard refuses losses of one kind of entry that a vendor edit does not explain: a
// whole group gone (a Tencent section), or more than maxLoss of the service's
// entries at once. Deprecated entries of the previous snapshot do not count: they
// were already gone.
func guard(kind vendor.EntryKind, old, fresh *model.Service, maxLoss float64, o Options) []error {
	page := o.page(fresh.Source.Path)
	how := "check the snapshot against the vendor's page; if the vendor really removed them, run generate again with -force"
	before, after := kind.List(old), kind.List(fresh)
	var errs []error
	was, is := groups(before), groups(after)
	var names []string
	for g := range was {
		if is[g] == 0 {
			names = append(names, g)
		}
	}
	sort.Strings(names)
	for _, g := range names {
		errs = append(errs, fmt.Errorf("%s: %s %s lost all %d of its %s, which is the signature of a page redesign or a bad snapshot, not of a vendor change; %s",
			page, kind.GroupNoun, g, was[g], kind.Plural, how))
	}
	have := map[string]bool{}
	for _, e := range after {
		have[e.Name] = true
	}
	n, lost := 0, 0
	for _, e := range before {
		if e.Deprecated == nil {
			n++
			if !have[e.Name] {
				lost++
			}
		}
	}
	if n > 0 && float64(lost) > maxLoss*float64(n) {
		errs = append(errs, fmt.Errorf("%s: %d of %d %s vanished at once (more than %.0f%%); %s",
			page, lost, n, kind.Plural, maxLoss*100, how))
	}
	return errs
}

// groups counts the live entries of each named group; entries with no group are
// not counted.
func groups(entries []vendor.Entry) map[string]int {
	m := map[string]int{}
	for _, e := range entries {
		if e.Deprecated == nil && e.Group != "" {
			m[e.Group]++
		}
	}
	return m
}
