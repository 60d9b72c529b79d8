package scopes

import (
	"slices"
	"strings"
	"testing"
)

// TestDataContract checks the data tables against what the runtime assumes, for any
// data set: it names no fixture scope.
func TestDataContract(t *testing.T) {
	for i, n := range scopeNames {
		ns, verb, ok := strings.Cut(n, ":")
		if !ok || ns == "" || verb == "" {
			t.Errorf("scope %d: name %q is not namespace:verb", i+1, n)
		}
		if i > 0 && scopeNames[i-1] >= n {
			t.Errorf("scope %d: %q does not sort after %q; ParseScope's binary search needs byte-wise order", i+1, n, scopeNames[i-1])
		}
	}
	for i := range scopeCount {
		s := Scope(i + 1)
		for name, list := range map[string][]Scope{"implies": scopeImplies[i], "grantedBy": scopeGrantedBy[i]} {
			if !slices.IsSorted(list) || slices.Contains(list, s) || len(slices.Compact(slices.Clone(list))) != len(list) {
				t.Errorf("%v: %s %v is not sorted, unique and free of the scope itself", s, name, list)
			}
			for _, x := range list {
				if !x.Valid() {
					t.Errorf("%v: %s holds invalid %v", s, name, x)
				}
			}
		}
		for _, x := range scopeImplies[i] {
			if !slices.Contains(scopeGrantedBy[x-1], s) {
				t.Errorf("%v implies %v, but %v is not granted by it", s, x, x)
			}
			// Allows looks one step up only, so implication must be closed.
			for _, y := range scopeImplies[x-1] {
				if !slices.Contains(scopeImplies[i], y) {
					t.Errorf("%v implies %v which implies %v, but %v does not imply %v", s, x, y, s, y)
				}
			}
		}
		for _, g := range scopeGrantedBy[i] {
			if !slices.Contains(scopeImplies[g-1], s) {
				t.Errorf("%v is granted by %v, which does not imply it", s, g)
			}
		}
	}
}
