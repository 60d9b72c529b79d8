package scopes

import (
	"math/bits"
	"strings"
)

// ScopeSet is a set of scopes, the permissions a token carries. The zero value is
// empty and ready to use; sets are values, compared with ==.
type ScopeSet struct {
	bits [(scopeCount + 63) / 64]uint64
}

// NewScopeSet returns a set holding the given scopes. Invalid scopes name no
// permission and are left out.
func NewScopeSet(scopes ...Scope) ScopeSet {
	var s ScopeSet
	s.Add(scopes...)
	return s
}

// Add puts scopes in the set; invalid scopes are left out.
func (s *ScopeSet) Add(scopes ...Scope) {
	for _, x := range scopes {
		if x.Valid() {
			i := x - 1
			s.bits[i/64] |= 1 << (i % 64)
		}
	}
}

// Has reports whether x itself is in the set, not counting what other scopes in the
// set grant; use Allows to check a permission.
func (s ScopeSet) Has(x Scope) bool {
	if !x.Valid() {
		return false
	}
	i := x - 1
	return s.bits[i/64]&(1<<(i%64)) != 0
}

// Allows reports whether a token holding the set may do what x permits: x is in the
// set, or a scope that grants it is (member:admin grants member:read).
func (s ScopeSet) Allows(x Scope) bool {
	if s.Has(x) {
		return true
	}
	if !x.Valid() {
		return false
	}
	for _, g := range scopeGrantedBy[x-1] {
		if s.Has(g) {
			return true
		}
	}
	return false
}

// Missing returns the required scopes that the set does not allow, in argument
// order, or nil if it allows them all. An invalid scope is never allowed.
func (s ScopeSet) Missing(required ...Scope) []Scope {
	var missing []Scope
	for _, x := range required {
		if !s.Allows(x) {
			missing = append(missing, x)
		}
	}
	return missing
}

// Scopes returns the scopes in the set, sorted by name; nil if it is empty.
func (s ScopeSet) Scopes() []Scope {
	n := s.Len()
	if n == 0 {
		return nil
	}
	out := make([]Scope, 0, n)
	for w, word := range s.bits {
		for word != 0 {
			b := bits.TrailingZeros64(word)
			out = append(out, Scope(w*64+b+1))
			word &= word - 1
		}
	}
	return out
}

// Len returns the number of scopes in the set.
func (s ScopeSet) Len() int {
	n := 0
	for _, word := range s.bits {
		n += bits.OnesCount64(word)
	}
	return n
}

// String returns the scope names sorted and separated by spaces, the form tokens
// carry; ParseScopes reads it back.
func (s ScopeSet) String() string {
	var b strings.Builder
	for _, x := range s.Scopes() {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(x.String())
	}
	return b.String()
}

// MarshalText returns the set in the form String gives.
func (s ScopeSet) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText replaces the set with the scopes text lists, in any form ParseScopes
// accepts. On error the set is left unchanged.
func (s *ScopeSet) UnmarshalText(text []byte) error {
	p, err := ParseScopes(string(text))
	if err != nil {
		return err
	}
	*s = p
	return nil
}
