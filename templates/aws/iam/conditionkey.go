package iam

import "strings"

// ConditionKey is the name of a condition key as policies write it:
// "s3:authType", "aws:SourceIp", or a templated key with its variable part filled
// in, "aws:RequestTag/team". Generated packages declare one constant per key and
// one function per templated key. IAM compares key names without regard to case.
type ConditionKey string

// String returns the key's name.
func (k ConditionKey) String() string { return string(k) }

// Service returns the prefix before the colon ("s3", "aws"), or "" for a name
// without one.
func (k ConditionKey) Service() string {
	p, _, ok := strings.Cut(string(k), ":")
	if !ok {
		return ""
	}
	return p
}

// Global reports whether k is one of AWS's global keys ("aws:...").
func (k ConditionKey) Global() bool { return len(k) > 4 && strings.EqualFold(string(k[:4]), "aws:") }

// Equal reports whether k and o name the same key, as IAM compares names: ASCII
// case does not matter.
func (k ConditionKey) Equal(o ConditionKey) bool { return strings.EqualFold(string(k), string(o)) }

// Type returns the key's type as the reference gives it: for a templated key
// ("aws:RequestTag/team") the type of its template ("aws:RequestTag/${TagKey}").
// UnknownConditionType for a key no page of the generated tree defines.
func (k ConditionKey) Type() ConditionType {
	if t, ok := lookupConditionKey(string(k)); ok {
		return t
	}
	return UnknownConditionType
}

// Known reports whether a page of the generated tree defines k, or the template k
// fills in.
func (k ConditionKey) Known() bool {
	_, ok := lookupConditionKey(string(k))
	return ok
}

// conditionKeyEntry is one row of the tree-wide key table that the generator
// writes into this package (keytypes.go): a lower-case key name, or for a
// templated key the lower-case text before its first placeholder.
type conditionKeyEntry struct {
	name string
	typ  ConditionType
}

// lookupConditionKey finds name in the exact keys by binary search (the table is
// sorted by lower-case name, so no allocation is needed to compare), then in the
// templated keys by their fixed prefix: the longest prefix wins.
func lookupConditionKey(name string) (ConditionType, bool) {
	lo, hi := 0, len(conditionKeyTable)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if CompareFold(conditionKeyTable[m].name, name) < 0 {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(conditionKeyTable) && CompareFold(conditionKeyTable[lo].name, name) == 0 {
		return conditionKeyTable[lo].typ, true
	}
	best := -1
	for i := range conditionKeyTemplates {
		p := conditionKeyTemplates[i].name
		if len(p) < len(name) && CompareFold(p, name[:len(p)]) == 0 && (best < 0 || len(p) > len(conditionKeyTemplates[best].name)) {
			best = i
		}
	}
	if best < 0 {
		return UnknownConditionType, false
	}
	return conditionKeyTemplates[best].typ, true
}

// ConditionKeyInfo is one row of a page's condition keys table.
type ConditionKeyInfo struct {
	// Name is the key as the page writes it; a templated key keeps its
	// placeholder, "s3:ExistingObjectTag/<key>" or "aws:RequestTag/${TagKey}".
	Name        ConditionKey
	Description string // verbatim from the page
	Type        ConditionType
}
