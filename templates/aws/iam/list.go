package iam

import (
	"iter"
	"strings"
)

// Names is a read-only list of names (actions such as "s3:GetObject"), stored as
// one string with the names separated by single spaces: generated tables hold it
// as a literal, and no caller can change it. The zero value is the empty list.
// Names from the reference never contain spaces; NewNames checks it.
type Names string

// NewNames joins names into a Names list. It reports false, and returns the empty
// list, when a name is empty or contains a space or a control character, which the
// encoding cannot carry.
func NewNames(names ...string) (Names, bool) {
	for _, n := range names {
		if !listItem(n) {
			return "", false
		}
	}
	return Names(strings.Join(names, " ")), true
}

func listItem(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] <= ' ' || s[i] == 0x7f || s[i] == recordSep || s[i] == unitSep {
			return false
		}
	}
	return true
}

// Len returns the number of names.
func (l Names) Len() int { return listLen(string(l)) }

// At returns the i-th name; it panics when i is out of range, as an index does.
func (l Names) At(i int) string { return listAt(string(l), i) }

// All iterates over the names in order, allocating nothing.
func (l Names) All() iter.Seq[string] {
	return func(yield func(string) bool) {
		for s := string(l); s != ""; {
			var n string
			n, s, _ = strings.Cut(s, " ")
			if !yield(n) {
				return
			}
		}
	}
}

// Contains reports whether name is in the list, comparing exactly.
func (l Names) Contains(name string) bool {
	for n := range l.All() {
		if n == name {
			return true
		}
	}
	return false
}

// Strings returns a new slice holding the names; nil for the empty list.
func (l Names) Strings() []string { return listStrings(string(l)) }

// ConditionKeys is a read-only list of condition keys, encoded as Names is.
type ConditionKeys string

// Len returns the number of keys.
func (l ConditionKeys) Len() int { return listLen(string(l)) }

// At returns the i-th key; it panics when i is out of range.
func (l ConditionKeys) At(i int) ConditionKey { return ConditionKey(listAt(string(l), i)) }

// All iterates over the keys in order, allocating nothing.
func (l ConditionKeys) All() iter.Seq[ConditionKey] {
	return func(yield func(ConditionKey) bool) {
		for n := range Names(l).All() {
			if !yield(ConditionKey(n)) {
				return
			}
		}
	}
}

// Contains reports whether k is in the list. Condition key names are compared
// without regard to ASCII case, as IAM compares them.
func (l ConditionKeys) Contains(k ConditionKey) bool {
	for n := range l.All() {
		if n.Equal(k) {
			return true
		}
	}
	return false
}

// Keys returns a new slice holding the keys; nil for the empty list.
func (l ConditionKeys) Keys() []ConditionKey {
	var out []ConditionKey
	for k := range l.All() {
		out = append(out, k)
	}
	return out
}

func listLen(s string) int {
	if s == "" {
		return 0
	}
	return strings.Count(s, " ") + 1
}

func listAt(s string, i int) string {
	if i < 0 {
		panic("iam: list index out of range")
	}
	for ; i > 0; i-- {
		j := strings.IndexByte(s, ' ')
		if j < 0 {
			panic("iam: list index out of range")
		}
		s = s[j+1:]
	}
	if s == "" {
		panic("iam: list index out of range")
	}
	n, _, _ := strings.Cut(s, " ")
	return n
}

func listStrings(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, " ")
}
