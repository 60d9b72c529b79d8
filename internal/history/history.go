// Package history compares a fresh model with the snapshots checked in beside the
// generated code, the last thing users compiled against. It keeps what vanished
// from the docs as deprecated instead of deleting it (users get a staticcheck
// warning, not a broken build), and refuses a regeneration that looks like a page
// redesign rather than a vendor change.
package history

import (
	"errors"
	"fmt"
	"sort"

	"github.com/permgen/permgen/internal/model"
)

// Options say how to treat what vanished.
type Options struct {
	// Today is the date recorded on newly deprecated symbols, YYYY-MM-DD.
	Today string
	// Prune drops deprecated symbols instead of keeping them.
	Prune bool
	// Force accepts losses the guards would refuse.
	Force bool
	// MaxLoss points at the share of a service's actions or scopes (0 to 1) that may
	// vanish in one regeneration before the guard refuses it: 0 refuses any loss. Nil
	// means DefaultMaxLoss, so that unset and zero are not confused.
	MaxLoss *float64
}

// DefaultMaxLoss: vendors retire APIs a few at a time; a fifth at once is a redesign.
const DefaultMaxLoss = 0.2

// Apply merges the previous snapshots into the fresh services, in place, and
// returns the guards' refusals (all of them, joined). A fresh service with no
// previous snapshot is new and left as it is.
func Apply(prev, fresh []*model.Service, o Options) error {
	maxLoss := DefaultMaxLoss
	if o.MaxLoss != nil {
		maxLoss = *o.MaxLoss
	}
	byPath := map[string]*model.Service{}
	for _, s := range prev {
		byPath[s.Kind+" "+s.Source.Path] = s
	}
	var errs []error
	seen := map[string]bool{}
	for _, s := range fresh {
		k := s.Kind + " " + s.Source.Path
		seen[k] = true
		old := byPath[k]
		if old == nil {
			continue
		}
		if !o.Force {
			errs = append(errs, guard(old, s, maxLoss)...)
		}
		switch s.Kind {
		case model.FormatTencentCAM, model.FormatAWSSAR:
			s.Actions = mergeActions(old.Actions, s.Actions, s.Source.Path, o)
		case model.FormatScopeTable:
			s.Scopes = mergeScopes(old.Scopes, s.Scopes, s.Source.Path, o)
		}
	}
	if !o.Force {
		var gone []string
		for k, s := range byPath {
			if !seen[k] {
				gone = append(gone, fmt.Sprintf("sources/%s: the page is gone, and with it the package of %s; restore the page, or run with -force if it was removed on purpose", s.Source.Path, s.ShortName))
			}
		}
		sort.Strings(gone)
		for _, g := range gone {
			errs = append(errs, errors.New(g))
		}
	}
	return errors.Join(errs...)
}

func deprecation(prev *model.Deprecation, path string, o Options) *model.Deprecation {
	if prev != nil {
		return prev // first seen missing on that date; keep it so output is stable
	}
	return &model.Deprecation{Date: o.Today, Page: "sources/" + path}
}

func mergeActions(old, fresh []model.Action, path string, o Options) []model.Action {
	have := map[string]bool{}
	for _, a := range fresh {
		have[a.Name] = true
	}
	for _, a := range old {
		if have[a.Name] || o.Prune {
			continue
		}
		a.Deprecated = deprecation(a.Deprecated, path, o)
		fresh = append(fresh, a)
	}
	sort.Slice(fresh, func(i, j int) bool { return fresh[i].Name < fresh[j].Name })
	return fresh
}

func mergeScopes(old, fresh []model.Scope, path string, o Options) []model.Scope {
	have := map[string]bool{}
	for _, s := range fresh {
		have[s.Name] = true
	}
	for _, s := range old {
		if have[s.Name] || o.Prune {
			continue
		}
		s.Deprecated = deprecation(s.Deprecated, path, o)
		// What it grants, and what grants it, is derived after this merge
		// (resolve.Derive), from the same rules as for the live scopes.
		fresh = append(fresh, s)
	}
	sort.Slice(fresh, func(i, j int) bool { return fresh[i].Name < fresh[j].Name })
	return fresh
}
