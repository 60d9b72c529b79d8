package cam

import "strconv"

// UnknownActionError is returned by a service's ParseAction for a name it does not
// list. Suggestion is the nearest known action, or empty when none is close.
type UnknownActionError struct {
	Service    string // "ccc"
	Name       string // the name as given
	Suggestion string // "ccc:CreateStaff"
}

// Error names the service and the name, and the suggestion when there is one.
func (e *UnknownActionError) Error() string {
	msg := e.Service + ": unknown action " + strconv.Quote(e.Name)
	if e.Suggestion != "" {
		msg += "; did you mean " + strconv.Quote(e.Suggestion) + "?"
	}
	return msg
}

// NewUnknownActionError builds the error for name among a service's n actions, whose
// i-th name is nameAt(i). Generated ParseAction functions call it; the search for a
// suggestion runs only on this error path.
func NewUnknownActionError(service, name string, n int, nameAt func(i int) string) *UnknownActionError {
	e := &UnknownActionError{Service: service, Name: name}
	bare := name
	if len(name) > len(service) && name[:len(service)+1] == service+":" {
		bare = name[len(service)+1:]
	}
	// Close means at most a third of the name changed: "CreateStaf" finds
	// "CreateStaff", "Foo" finds nothing.
	best, bestD := "", len(bare)/3+1
	for i := 0; i < n; i++ {
		c := nameAt(i)
		if d := suggestDistance(lowerASCII(bare), lowerASCII(c)); d < bestD {
			best, bestD = c, d
		}
	}
	if best != "" {
		e.Suggestion = service + ":" + best
	}
	return e
}

func lowerASCII(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// suggestDistance is the Levenshtein distance of two strings, by bytes: names are
// ASCII identifiers.
func suggestDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// InvalidActionError is an Action value that names no action: a number past the
// service's last constant, or the zero Action where one is required. Generated
// MarshalText returns it, so no number that may later mean another action is written.
type InvalidActionError struct {
	Service string // "ccc"
	Value   int    // the Action's integer value
}

// Error names the service and the value.
func (e *InvalidActionError) Error() string {
	return e.Service + ": invalid Action(" + strconv.Itoa(e.Value) + "): not one of the service's actions"
}
