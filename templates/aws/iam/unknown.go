package iam

import "strconv"

// UnknownActionError is what a generated ParseAction returns for a name its service
// does not list. Suggestion is the nearest known action, or empty when none is close.
type UnknownActionError struct {
	Service    string // "s3"
	Name       string // the name as given
	Suggestion string // "s3:GetObject"
}

// Error names the service and the name, and the suggestion when there is one.
func (e *UnknownActionError) Error() string {
	msg := e.Service + ": unknown action " + strconv.Quote(e.Name)
	if e.Suggestion != "" {
		msg += "; did you mean " + e.Suggestion + "?"
	}
	return msg
}

// NewUnknownActionError builds the error for name among a service's n actions,
// whose i-th name (without prefix) is nameAt(i). Generated ParseAction functions
// call it only on their error path, so the search for a suggestion costs nothing
// when the name is known.
func NewUnknownActionError(service, name string, n int, nameAt func(i int) string) *UnknownActionError {
	e := &UnknownActionError{Service: service, Name: name}
	bare := name
	if p := len(service) + 1; len(name) > p && name[p-1] == ':' && equalFoldASCII(name[:p-1], service) {
		bare = name[p:]
	}
	// Close means at most a third of the name changed: "GetObjet" finds
	// "GetObject", "Foo" finds nothing. Case is ignored, as IAM ignores it.
	best, bestD := "", len(bare)/3+1
	for i := 0; i < n; i++ {
		c := nameAt(i)
		if d := distanceFold(bare, c, bestD); d < bestD {
			best, bestD = c, d
		}
	}
	if best != "" {
		e.Suggestion = service + ":" + best
	}
	return e
}

func lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func equalFoldASCII(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := 0; i < len(a); i++ {
		if lower(a[i]) != lower(b[i]) {
			return false
		}
	}
	return true
}

// distanceFold is the Levenshtein distance of a and b by bytes, ASCII case
// ignored; it gives up with limit as soon as the answer cannot be below it, which
// keeps a search over thousands of names short.
func distanceFold(a, b string, limit int) int {
	if d := len(a) - len(b); d >= limit || -d >= limit {
		return limit
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if lower(a[i-1]) == lower(b[j-1]) {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin >= limit {
			return limit
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// CompareFold compares two names as IAM does, ignoring ASCII case; generated
// ParseAction functions search their case-folded index with it.
func CompareFold(a, b string) int {
	n := min(len(a), len(b))
	for i := 0; i < n; i++ {
		x, y := lower(a[i]), lower(b[i])
		if x != y {
			if x < y {
				return -1
			}
			return 1
		}
	}
	switch {
	case len(a) < len(b):
		return -1
	case len(a) > len(b):
		return 1
	}
	return 0
}
