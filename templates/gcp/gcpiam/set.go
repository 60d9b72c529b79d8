package gcpiam

import (
	"iter"
	"math/bits"
)

// Set is a mutable set of permissions: one bit per permission of the catalog.
// The zero value is an empty set; NewSet sizes it for the whole catalog so that
// Add, Union, Difference and Intersect never allocate.
type Set struct{ w []uint64 }

// View is a read-only set: a role's permissions, or a view of a Set. Its field
// is named apart from Set's so that the two types cannot be converted into each
// other: a role's View cannot become a Set that writes into the role.
type View struct{ words []uint64 }

func words() int { return (len(permRecs) + 64) / 64 }

// NewSet returns a set holding ps, sized for the catalog. Invalid permissions are
// ignored.
func NewSet(ps ...Permission) Set {
	s := Set{w: make([]uint64, words())}
	for _, p := range ps {
		s.Add(p)
	}
	return s
}

func (s *Set) grow() {
	if len(s.w) < words() {
		s.w = append(s.w, make([]uint64, words()-len(s.w))...)
	}
}

// Add adds p; an invalid p is ignored.
func (s *Set) Add(p Permission) {
	if !p.Valid() {
		return
	}
	s.grow()
	s.w[p>>6] |= 1 << (p & 63)
}

// Remove removes p.
func (s *Set) Remove(p Permission) {
	if int(p>>6) < len(s.w) {
		s.w[p>>6] &^= 1 << (p & 63)
	}
}

// Union adds every permission of v.
func (s *Set) Union(v View) {
	s.grow()
	for i, x := range v.words {
		s.w[i] |= x
	}
}

// Difference removes every permission of v.
func (s *Set) Difference(v View) {
	for i := range min(len(s.w), len(v.words)) {
		s.w[i] &^= v.words[i]
	}
}

// Intersect keeps only the permissions also in v.
func (s *Set) Intersect(v View) {
	for i := range s.w {
		if i < len(v.words) {
			s.w[i] &= v.words[i]
		} else {
			s.w[i] = 0
		}
	}
}

// View returns a read-only view of s, sharing its storage.
func (s Set) View() View { return View{s.w} }

// Contains says whether p is in s.
func (s Set) Contains(p Permission) bool { return View{s.w}.Contains(p) }

// Len returns the number of permissions in s.
func (s Set) Len() int { return View{s.w}.Len() }

// All yields the permissions of s in name order.
func (s Set) All() iter.Seq[Permission] { return View{s.w}.All() }

// Contains says whether p is in v.
func (v View) Contains(p Permission) bool {
	i := int(p >> 6)
	return i < len(v.words) && v.words[i]&(1<<(p&63)) != 0
}

// Len returns the number of permissions in v.
func (v View) Len() int {
	n := 0
	for _, x := range v.words {
		n += bits.OnesCount64(x)
	}
	return n
}

// ContainsAll says whether every permission of o is in v.
func (v View) ContainsAll(o View) bool {
	for i, x := range o.words {
		var y uint64
		if i < len(v.words) {
			y = v.words[i]
		}
		if x&^y != 0 {
			return false
		}
	}
	return true
}

// All yields the permissions of v in name order.
func (v View) All() iter.Seq[Permission] {
	return func(yield func(Permission) bool) {
		for i, x := range v.words {
			for x != 0 {
				b := bits.TrailingZeros64(x)
				x &= x - 1
				if !yield(Permission(i<<6 | b)) {
					return
				}
			}
		}
	}
}

// Clone returns a mutable copy of v.
func (v View) Clone() Set {
	s := NewSet()
	copy(s.w, v.words)
	return s
}

// Names returns the names of the permissions of v, in order.
func (v View) Names() []string {
	var out []string
	for p := range v.All() {
		out = append(out, p.String())
	}
	return out
}
