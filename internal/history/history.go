// Package history compares a fresh model with the snapshots checked in beside the
// generated code, the last thing users compiled against. It keeps what vanished
// from the docs as deprecated instead of deleting it (users get a staticcheck
// warning, not a broken build), and refuses a regeneration that looks like a page
// redesign rather than a vendor change. It knows no vendor: each vendor lists the
// kinds of named item its services hold (vendor.EntryKind), and history works on
// those.
package history

import (
	"errors"
	"fmt"
	"sort"

	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/vendor"
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
	// Vendors says which vendor owns each service's Kind, and so which kinds of
	// entry it holds. Required.
	Vendors vendor.Registry
	// Sources is the sources folder's name as messages and deprecations cite a
	// page ("sources/tencentcloud/ccc.html"); empty reads as "sources".
	Sources string
}

// DefaultMaxLoss: vendors retire APIs a few at a time; a fifth at once is a redesign.
const DefaultMaxLoss = 0.2

// Apply merges the previous snapshots into the fresh services, in place, and
// returns the guards' refusals (all of them, joined). A fresh service with no
// previous snapshot is new and left as it is.
func Apply(prev, fresh []*model.Service, o Options) error {
	if len(o.Vendors) == 0 {
		return errors.New("history: no vendors to read the services with (Options.Vendors)")
	}
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
		v, ok := o.Vendors.Owner(s.Kind)
		if !ok {
			errs = append(errs, fmt.Errorf("%s: no vendor reads services of kind %q", o.page(s.Source.Path), s.Kind))
			continue
		}
		for _, kind := range v.Entries() {
			if kind.Keep == nil {
				continue // not kept, so nothing to guard: see EntryKind.Keep
			}
			if !o.Force {
				errs = append(errs, guard(kind, old, s, maxLoss, o)...)
			}
			if !o.Prune {
				keep(kind, old, s, o)
			}
		}
	}
	if !o.Force {
		var gone []string
		for k, s := range byPath {
			if !seen[k] {
				gone = append(gone, fmt.Sprintf("%s: the page is gone, and with it the package of %s; restore the page, or run with -force if it was removed on purpose", o.page(s.Source.Path), s.ShortName))
			}
		}
		sort.Strings(gone)
		for _, g := range gone {
			errs = append(errs, errors.New(g))
		}
	}
	return errors.Join(errs...)
}

// keep puts back the entries of one kind that old has and fresh lacks, deprecated.
func keep(kind vendor.EntryKind, old, fresh *model.Service, o Options) {
	have := map[string]bool{}
	for _, e := range kind.List(fresh) {
		have[e.Name] = true
	}
	vanished := map[string]bool{}
	for _, e := range kind.List(old) {
		if !have[e.Name] {
			vanished[e.Name] = true
		}
	}
	if len(vanished) == 0 {
		return
	}
	kind.Keep(fresh, old, vanished, func(prev *model.Deprecation) *model.Deprecation {
		return deprecation(prev, fresh.Source.Path, o)
	})
}

func deprecation(prev *model.Deprecation, path string, o Options) *model.Deprecation {
	if prev != nil {
		return prev // first seen missing on that date; keep it so output is stable
	}
	return &model.Deprecation{Date: o.Today, Page: o.page(path)}
}

// page cites a page by its path below the sources folder.
func (o Options) page(path string) string {
	name := o.Sources
	if name == "" || name == "." || name == "/" {
		name = "sources"
	}
	return name + "/" + path
}
