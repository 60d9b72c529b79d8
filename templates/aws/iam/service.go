package iam

import "strconv"

// ActionTable is for generated code only: it is how a generated service package
// hands its static action tables to the functions below, so that the code that
// names and parses actions is compiled and tested once, here, instead of
// printed into every service package. A package builds the table on each call
// (a few words on the stack; a package-level value would slice its arrays at
// init) and passes 1-based action numbers, its Action type's values.
//
// The fields describe the tables the generator writes, sorted by action name
// (byte order, the order of the Action constants):
type ActionTable struct {
	// Prefix is the service prefix, "s3".
	Prefix string
	// Names holds every action's "prefix:Name", concatenated.
	Names string
	// Index[i] is where the i-th action's entry starts in Names; it has one
	// more element than there are actions, the end of the last entry.
	Index []uint32
	// Start[c] is the index of the first action whose name (without prefix)
	// starts with a byte >= c. A pointer to the array, not a slice: two words
	// fewer to pass, and no bounds to check.
	Start *[128]uint16
	// Fold lists the actions' indexes in the order of their lower-cased names.
	Fold []uint16
}

// Len is the number of actions.
func (t ActionTable) Len() int { return len(t.Fold) }

// Name returns the i-th (0-based) action's name without the prefix. It reads
// the packed names, not the metadata rows, so that a search touches few cache
// lines.
func (t ActionTable) Name(i int) string {
	return t.Names[int(t.Index[i])+len(t.Prefix)+1 : t.Index[i+1]]
}

// String returns action a (1-based) as policies name it, "s3:GetObject", or
// "Action(n)" for a number that is no action.
func (t ActionTable) String(a int) string {
	if a <= 0 || a >= len(t.Index) {
		return "Action(" + strconv.Itoa(a) + ")"
	}
	return t.Names[t.Index[a-1]:t.Index[a]]
}

// MarshalText writes action a's name; a number that is no action is an
// *UnknownActionError.
func (t ActionTable) MarshalText(a int) ([]byte, error) {
	if a <= 0 || a > t.Len() {
		return nil, &UnknownActionError{Service: t.Prefix, Name: t.String(a)}
	}
	return []byte(t.String(a)), nil
}

// Parse returns the number (1-based) of the action named s, written
// "prefix:Name" or "Name". Names are compared as IAM compares them, without
// regard to case; the exact spelling is tried first. An unknown name is an
// *UnknownActionError that suggests the nearest known one. It allocates nothing
// for a known name.
func (t ActionTable) Parse(s string) (int, error) {
	p := t.Prefix
	name := s
	if len(s) > len(p) && s[len(p)] == ':' && (s[:len(p)] == p || CompareFold(s[:len(p)], p) == 0) {
		name = s[len(p)+1:]
	}
	if i := t.Find(name); i > 0 {
		return i, nil
	}
	return 0, NewUnknownActionError(p, s, t.Len(), t.Name)
}

// Find returns the number (1-based) of the action named name, without the
// prefix, exactly or else without regard to case; 0 for none. A generated
// ParseAction strips its own prefix, a constant it compares in a few
// instructions, and calls Find on a table on its stack: a pointer, not the
// table's eleven words. It allocates nothing.
func (t *ActionTable) Find(name string) int {
	// Binary search over the sorted names, within the run that starts with the
	// same byte: no map to build at start-up, few comparisons.
	n := t.Len()
	lo, hi := 0, n
	if name != "" && name[0] < 127 {
		lo, hi = int(t.Start[name[0]]), int(t.Start[name[0]+1])
	}
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if t.Name(m) < name {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < n && t.Name(lo) == name {
		return lo + 1
	}
	// Then over the index sorted by lower-cased name.
	lo, hi = 0, len(t.Fold)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if CompareFold(t.Name(int(t.Fold[m])), name) < 0 {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(t.Fold) && CompareFold(t.Name(int(t.Fold[lo])), name) == 0 {
		return int(t.Fold[lo]) + 1
	}
	return 0
}
