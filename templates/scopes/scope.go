package scopes

import (
	"errors"
	"strconv"
	"strings"
)

// Scope is one access-token scope of the vendor, written namespace:verb. The zero
// Scope is invalid; valid scopes are numbered from 1 in byte-wise order of their
// names, so comparing two Scopes compares their names.
//
// The integer value is no public contract: it changes when the vendor adds or removes
// a scope. Store and send the name (String, MarshalText), never the number; JSON,
// YAML, flags and database drivers get the name through encoding.TextMarshaler.
type Scope uint16

// String returns the scope's name as the vendor writes it ("member:read"), or
// "Scope(n)" for an invalid scope.
func (s Scope) String() string {
	if !s.Valid() {
		return "Scope(" + strconv.Itoa(int(s)) + ")"
	}
	return scopeNames[s-1]
}

// Namespace returns the part of the name before the colon ("member"), or "" for an
// invalid scope.
func (s Scope) Namespace() string {
	if !s.Valid() {
		return ""
	}
	ns, _, _ := strings.Cut(scopeNames[s-1], ":")
	return ns
}

// Verb returns the part of the name after the colon ("read"), or "" for an invalid
// scope.
func (s Scope) Verb() string {
	if !s.Valid() {
		return ""
	}
	_, verb, _ := strings.Cut(scopeNames[s-1], ":")
	return verb
}

// Description returns the vendor's description of the scope, or "" for an invalid
// scope.
func (s Scope) Description() string {
	if !s.Valid() {
		return ""
	}
	return scopeDescriptions[s-1]
}

// Implies returns the scopes that a token holding s is granted besides s itself,
// sorted; nil if none. The slice is the caller's to modify.
func (s Scope) Implies() []Scope {
	if !s.Valid() || len(scopeImplies[s-1]) == 0 {
		return nil
	}
	return append([]Scope(nil), scopeImplies[s-1]...)
}

// Deprecated returns why s is deprecated, "removed from <page> on <date>", or ""
// while the vendor's page lists it. A deprecated scope is kept so that code naming it
// still compiles; tokens will not carry it.
func (s Scope) Deprecated() string {
	if !s.Valid() {
		return ""
	}
	return scopeDeprecated[s-1]
}

// Valid reports whether s is one of the vendor's scopes.
func (s Scope) Valid() bool { return s >= 1 && s <= scopeCount }

// Scopes returns every scope of the vendor, sorted by name.
func Scopes() []Scope {
	all := make([]Scope, scopeCount)
	for i := range all {
		all[i] = Scope(i + 1)
	}
	return all
}

// MarshalText returns the scope's name. The zero Scope marshals as "" so that an
// unset field survives a round trip; any other invalid scope is an error rather than
// a name no parser would accept.
func (s Scope) MarshalText() ([]byte, error) {
	if s == 0 {
		return []byte{}, nil
	}
	if !s.Valid() {
		return nil, errors.New("cannot marshal invalid " + s.String())
	}
	return []byte(scopeNames[s-1]), nil
}

// UnmarshalText sets s to the scope named by text, or to the zero Scope for "".
func (s *Scope) UnmarshalText(text []byte) error {
	if len(text) == 0 {
		*s = 0
		return nil
	}
	p, err := ParseScope(string(text))
	if err != nil {
		return err
	}
	*s = p
	return nil
}
