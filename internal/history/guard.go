package history

import (
	"fmt"
	"sort"

	"github.com/permgen/permgen/internal/model"
)

// guard refuses losses that a vendor edit does not explain: a whole section gone,
// or more than maxLoss of the service's entries at once. Deprecated entries of the
// previous snapshot do not count: they were already gone.
func guard(old, fresh *model.Service, maxLoss float64) []error {
	page := "sources/" + fresh.Source.Path
	how := "check the snapshot against the vendor's page; if the vendor really removed them, run generate again with -force"
	var errs []error
	if old.Kind == model.FormatTencentCAM {
		before, after := sections(old.Actions), sections(fresh.Actions)
		var names []string
		for sec := range before {
			if after[sec] == 0 {
				names = append(names, sec)
			}
		}
		sort.Strings(names)
		for _, sec := range names {
			errs = append(errs, fmt.Errorf("%s: section %s lost all %d of its actions, which is the signature of a page redesign or a bad snapshot, not of a vendor change; %s",
				page, sec, before[sec], how))
		}
	}
	n, lost := losses(old, fresh)
	if n > 0 && float64(lost) > maxLoss*float64(n) {
		errs = append(errs, fmt.Errorf("%s: %d of %d %s vanished at once (more than %.0f%%); %s",
			page, lost, n, entries(old), maxLoss*100, how))
	}
	return errs
}

func sections(actions []model.Action) map[string]int {
	m := map[string]int{}
	for _, a := range actions {
		if a.Deprecated == nil {
			m[a.Section]++
		}
	}
	return m
}

func losses(old, fresh *model.Service) (n, lost int) {
	have := map[string]bool{}
	for _, a := range fresh.Actions {
		have[a.Name] = true
	}
	for _, s := range fresh.Scopes {
		have[s.Name] = true
	}
	for _, a := range old.Actions {
		if a.Deprecated == nil {
			n++
			if !have[a.Name] {
				lost++
			}
		}
	}
	for _, s := range old.Scopes {
		if s.Deprecated == nil {
			n++
			if !have[s.Name] {
				lost++
			}
		}
	}
	return n, lost
}

func entries(s *model.Service) string {
	if s.Kind == model.FormatScopeTable {
		return "scopes"
	}
	return "actions"
}
