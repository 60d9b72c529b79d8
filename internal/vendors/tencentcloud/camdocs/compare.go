package camdocs

import (
	"slices"
	"sort"
)

// Comparison is what two sets of resource-level rows (e.g. the CN 2021 pages and the
// intl 2023 ones) say differently about the (prefix, action) pairs both list.
type Comparison struct {
	OnlyOld, OnlyNew []string // "prefix:Action", sorted
	Both             int
	// LevelChanged lists pairs whose level differs ("prefix:Action old→new");
	// PatternsChanged those with the same level and other patterns.
	LevelChanged, PatternsChanged []string
}

// Compare compares the first row of each (prefix, action) in old and in new.
func Compare(old, new []Entry) Comparison {
	first := func(es []Entry) map[string]Entry {
		m := map[string]Entry{}
		for _, e := range es {
			if k := e.Prefix + ":" + e.Action; m[k].Action == "" {
				m[k] = e
			}
		}
		return m
	}
	o, n := first(old), first(new)
	var c Comparison
	for k, ne := range n {
		oe, ok := o[k]
		if !ok {
			c.OnlyNew = append(c.OnlyNew, k)
			continue
		}
		c.Both++
		switch {
		case oe.Level != ne.Level:
			c.LevelChanged = append(c.LevelChanged, k+" "+oe.Level.String()+"→"+ne.Level.String())
		case !slices.Equal(sortedCopy(oe.Patterns), sortedCopy(ne.Patterns)):
			c.PatternsChanged = append(c.PatternsChanged, k)
		}
	}
	for k := range o {
		if _, ok := n[k]; !ok {
			c.OnlyOld = append(c.OnlyOld, k)
		}
	}
	for _, l := range [][]string{c.OnlyOld, c.OnlyNew, c.LevelChanged, c.PatternsChanged} {
		sort.Strings(l)
	}
	return c
}

func sortedCopy(xs []string) []string {
	out := slices.Clone(xs)
	sort.Strings(out)
	return out
}
