package scopes

import (
	"errors"
	"sort"
	"strconv"
	"strings"
)

// ParseScope returns the scope with exactly this name. Names are case-sensitive, as
// the vendor's are (member:ToggleLiveChat); an unknown name gives an
// *UnknownScopeError that suggests the nearest known one.
func ParseScope(name string) (Scope, error) {
	if s, ok := lookup(name); ok {
		return s, nil
	}
	return 0, &UnknownScopeError{Name: name, Suggestion: suggest(name)}
}

// lookup searches the sorted names without allocating, so that checking a token on
// every request costs nothing but the comparisons.
func lookup(name string) (Scope, bool) {
	i := sort.SearchStrings(scopeNames[:], name)
	if i < scopeCount && scopeNames[i] == name {
		return Scope(i + 1), true
	}
	return 0, false
}

// ParseScopes reads a list of scope names separated by spaces and/or commas, the
// forms tokens carry them in ("a b", "a,b", "a, b"; tabs and line breaks count as
// spaces); empty entries are ignored. Every unknown name is reported, each as an
// *UnknownScopeError, joined. The set returned with an error still holds the names
// that were known, so that a caller may choose to go on with fewer permissions when
// the vendor adds a scope.
func ParseScopes(s string) (ScopeSet, error) {
	var set ScopeSet
	var errs []error
	for len(s) > 0 {
		i := strings.IndexFunc(s, isSeparator)
		if i < 0 {
			i = len(s)
		}
		if name := s[:i]; name != "" {
			if sc, ok := lookup(name); ok {
				set.Add(sc)
			} else {
				errs = append(errs, &UnknownScopeError{Name: name, Suggestion: suggest(name)})
			}
		}
		if i < len(s) {
			i++ // separators are all one byte
		}
		s = s[i:]
	}
	return set, errors.Join(errs...)
}

func isSeparator(r rune) bool {
	switch r {
	case ' ', ',', '\t', '\n', '\r':
		return true
	}
	return false
}

// UnknownScopeError is a scope name the vendor does not define.
type UnknownScopeError struct {
	Name       string // the name as given
	Suggestion string // the nearest known name, or "" when none is near
}

// Error names the unknown scope and, when a known one is near, the one probably
// meant.
func (e *UnknownScopeError) Error() string {
	msg := "unknown scope " + strconv.Quote(e.Name)
	if e.Suggestion != "" {
		msg += "; did you mean " + strconv.Quote(e.Suggestion) + "?"
	}
	return msg
}
