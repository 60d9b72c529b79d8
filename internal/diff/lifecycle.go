package diff

import (
	"fmt"
	"sort"

	"github.com/permgen/permgen/internal/model"
)

// lifecycle finds, for one kind of named item that can be deprecated (actions,
// scopes), what came, went, was renamed, deprecated or listed again, then compares
// every matched pair field by field.
type lifecycle[T any] struct {
	newScraped bool // see Side.Scraped
	subject    Subject
	name       func(T) string
	deprecated func(T) *model.Deprecation
	// signature is what an old and a new item must share to be a rename; "" never
	// pairs.
	signature func(T) string
	// describe is the detail of an added item.
	describe func(T) string
	// fields compares a matched pair; churn holds every name that came, went or
	// changed status, for comparisons that should not repeat those.
	fields func(o, n T, churn map[string]bool) []Change
}

func (l lifecycle[T]) run(old, new []T) []Change {
	om, nm := l.byName(old), l.byName(new)
	// gone: listed in the old model, and in the new one absent or newly deprecated
	// (kept so that code compiles). came: newly listed. Either may be half a rename.
	var gone, came []string
	var out []Change
	churn := map[string]bool{}
	for _, name := range sortedNames(om) {
		o := om[name]
		n, ok := nm[name]
		switch {
		case !ok && l.deprecated(o) != nil && l.newScraped:
			churn[name] = true
		case !ok && l.deprecated(o) != nil:
			out = append(out, Change{Class: Breaking, Kind: Removed, Name: name, Detail: "was deprecated: " + deprecation(l.deprecated(o))})
			churn[name] = true
		case !ok || l.deprecated(o) == nil && l.deprecated(n) != nil:
			gone = append(gone, name)
			churn[name] = true
		case l.deprecated(o) != nil && l.deprecated(n) == nil:
			out = append(out, Change{Class: Additive, Kind: Restored, Name: name, Detail: "listed on the page again"})
			churn[name] = true
		}
	}
	for _, name := range sortedNames(nm) {
		if _, ok := om[name]; ok {
			continue
		}
		churn[name] = true
		if d := l.deprecated(nm[name]); d != nil {
			out = append(out, Change{Class: Additive, Kind: Added, Name: name, Detail: l.describe(nm[name]) + "; deprecated: " + deprecation(d)})
			continue
		}
		came = append(came, name)
	}

	sig := func(m map[string]T) func(string) string { return func(n string) string { return l.signature(m[n]) } }
	pairs := pairRenames(gone, came, sig(om), sig(nm))
	paired := map[string]bool{}
	for _, p := range pairs {
		paired[p.old], paired[p.new] = true, true
		if n, kept := nm[p.old]; kept {
			// The old name still compiles: what changed is that the docs moved on.
			out = append(out, Change{Class: Policy, Kind: Deprecated, Name: p.old, NewName: p.new, Detail: deprecation(l.deprecated(n))})
		} else {
			out = append(out, Change{Class: Breaking, Kind: Renamed, Name: p.old, NewName: p.new})
		}
		out = append(out, named(p.new, l.fields(om[p.old], nm[p.new], churn))...)
	}
	for _, name := range gone {
		if paired[name] {
			continue
		}
		if n, kept := nm[name]; kept {
			out = append(out, Change{Class: Policy, Kind: Deprecated, Name: name, Detail: deprecation(l.deprecated(n))})
		} else {
			out = append(out, Change{Class: Breaking, Kind: Removed, Name: name})
		}
	}
	for _, name := range came {
		if !paired[name] {
			out = append(out, Change{Class: Additive, Kind: Added, Name: name, Detail: l.describe(nm[name])})
		}
	}
	for _, name := range sortedNames(om) {
		if n, ok := nm[name]; ok {
			out = append(out, named(name, l.fields(om[name], n, churn))...)
		}
	}
	for i := range out {
		out[i].Subject = l.subject
	}
	return out
}

func (l lifecycle[T]) byName(list []T) map[string]T {
	m := make(map[string]T, len(list))
	for _, x := range list {
		m[l.name(x)] = x
	}
	return m
}

func sortedNames[T any](m map[string]T) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func named(name string, cs []Change) []Change {
	for i := range cs {
		cs[i].Name = name
	}
	return cs
}

func deprecation(d *model.Deprecation) string {
	if d == nil {
		return ""
	}
	return fmt.Sprintf("no longer on %s since %s", d.Page, d.Date)
}
