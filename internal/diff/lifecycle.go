package diff

import (
	"fmt"
	"sort"

	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/vendor"
)

// lifecycle finds, for one kind of named item, what came, went, was renamed,
// deprecated or listed again, then compares every matched pair field by field with
// the rules of the vendor that owns the kind.
type lifecycle struct {
	newScraped bool // see Side.Scraped
	kind       vendor.EntryKind
}

func (l lifecycle) run(oldS, newS *model.Service) []Change {
	om, nm := byName(l.kind.List(oldS)), byName(l.kind.List(newS))
	fields := func(o, n vendor.Entry, churn map[string]bool) []Change {
		var out []Change
		for _, c := range l.kind.Fields(o.Item, n.Item, churn) {
			out = append(out, Change{Class: Class(c.Class), Kind: Changed, Field: c.Field, Old: c.Old, New: c.New, Detail: c.Detail})
		}
		return out
	}
	// gone: listed in the old model, and in the new one absent or newly deprecated
	// (kept so that code compiles). came: newly listed. Either may be half a rename.
	var gone, came []string
	var out []Change
	churn := map[string]bool{}
	for _, name := range sortedNames(om) {
		o := om[name]
		n, ok := nm[name]
		switch {
		case !ok && o.Deprecated != nil && l.newScraped:
			churn[name] = true
		case !ok && o.Deprecated != nil:
			out = append(out, Change{Class: Breaking, Kind: Removed, Name: name, Detail: "was deprecated: " + deprecation(o.Deprecated)})
			churn[name] = true
		case !ok || o.Deprecated == nil && n.Deprecated != nil:
			gone = append(gone, name)
			churn[name] = true
		case o.Deprecated != nil && n.Deprecated == nil:
			out = append(out, Change{Class: Additive, Kind: Restored, Name: name, Detail: "listed on the page again"})
			churn[name] = true
		}
	}
	for _, name := range sortedNames(nm) {
		if _, ok := om[name]; ok {
			continue
		}
		churn[name] = true
		if d := nm[name].Deprecated; d != nil {
			out = append(out, Change{Class: Additive, Kind: Added, Name: name, Detail: nm[name].Describe + "; deprecated: " + deprecation(d)})
			continue
		}
		came = append(came, name)
	}

	sig := func(m map[string]vendor.Entry) func(string) string {
		return func(n string) string { return m[n].Signature }
	}
	pairs := pairRenames(gone, came, sig(om), sig(nm))
	paired := map[string]bool{}
	for _, p := range pairs {
		paired[p.old], paired[p.new] = true, true
		if n, kept := nm[p.old]; kept {
			// The old name still compiles: what changed is that the docs moved on.
			out = append(out, Change{Class: Policy, Kind: Deprecated, Name: p.old, NewName: p.new, Detail: deprecation(n.Deprecated)})
		} else {
			out = append(out, Change{Class: Breaking, Kind: Renamed, Name: p.old, NewName: p.new})
		}
		out = append(out, named(p.new, fields(om[p.old], nm[p.new], churn))...)
	}
	for _, name := range gone {
		if paired[name] {
			continue
		}
		if n, kept := nm[name]; kept {
			out = append(out, Change{Class: Policy, Kind: Deprecated, Name: name, Detail: deprecation(n.Deprecated)})
		} else {
			out = append(out, Change{Class: Breaking, Kind: Removed, Name: name, Detail: om[name].Gone})
		}
	}
	for _, name := range came {
		if !paired[name] {
			out = append(out, Change{Class: Additive, Kind: Added, Name: name, Detail: nm[name].Describe})
		}
	}
	for _, name := range sortedNames(om) {
		if n, ok := nm[name]; ok {
			out = append(out, named(name, fields(om[name], n, churn))...)
		}
	}
	for i := range out {
		out[i].Subject = Subject(l.kind.Name)
	}
	return out
}

func byName(list []vendor.Entry) map[string]vendor.Entry {
	m := make(map[string]vendor.Entry, len(list))
	for _, x := range list {
		m[x.Name] = x
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
