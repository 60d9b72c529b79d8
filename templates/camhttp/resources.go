package camhttp

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/permgen/permgen/templates/cam"
	"github.com/permgen/permgen/templates/campolicy"
)

// maxResources bounds the resources one call may name (a cross product of array
// parameters); beyond it the call is reported as unfilled rather than guessed.
const maxResources = 1000

// resources fills the action's resource patterns from the request: ${uin} from
// Options.Uin, ${region} from the request's region, any other placeholder from the
// parameter Options.Parameter names for it, else the parameter of the same name, else
// its plural (${InstanceId} from InstanceIds.N). An array parameter gives one resource
// per element. Actions authorized only on "*" name no resource.
//
// A placeholder that nothing fills is never replaced by "*", nor dropped with its
// resource: the resource keeps it ("qcs::ccc::uin/${uin}:SdkAppId/1400001"), it is
// listed in unfilled, and its name in u.Parts, so that a Guard decides it as unknown
// (an allow must hold for every value, a deny applies if it could apply for one).
// A pattern that yields no resource name at all makes u.Resource true.
func (rt *roundTripper) resources(a cam.Action, w *wire) (res []cam.Resource, unfilled []string, u campolicy.Unknown) {
	info := a.Info()
	if info.Granularity == cam.OperationLevel || info.Granularity == cam.ServiceLevel {
		return nil, nil, u
	}
	seen := map[cam.Resource]bool{}
	listed := false
	for _, pattern := range patterns(info.Resources) {
		listed = true
		if pattern == "*" {
			continue
		}
		names, missing := rt.fill(a.String(), pattern, w)
		for _, m := range missing {
			if !slices.Contains(unfilled, m) {
				unfilled = append(unfilled, m)
				u.Parts = append(u.Parts, m[2:len(m)-1])
			}
		}
		for _, n := range names {
			r, err := cam.ParseResource(n)
			if err != nil {
				// The pattern itself is malformed: what the call touches is unknown.
				if !slices.Contains(unfilled, pattern) {
					unfilled = append(unfilled, pattern)
				}
				u.Resource = true
				continue
			}
			if !seen[r] {
				seen[r] = true
				res = append(res, r)
			}
		}
	}
	if !listed {
		// A resource-level action whose page lists no resource pattern: it touches
		// something nobody can name, which only an allow on "*" covers.
		u.Resource = true
	}
	return res, unfilled, u
}

// patterns returns an action's resource patterns as a slice, whichever list type the
// runtime holds them in: a []string, or a read-only list with a Slice method. Any other
// type is a bug that must not pass for "no pattern", which would grant "*".
func patterns[T any](list T) []string {
	switch l := any(list).(type) {
	case []string:
		return l
	case interface{ Slice() []string }:
		return l.Slice()
	}
	panic(fmt.Sprintf("camhttp: resource patterns of type %T", list))
}

// fill expands one pattern into every resource name its placeholders' values give. A
// placeholder nothing fills stays in the names as written, and is returned in missing.
func (rt *roundTripper) fill(action, pattern string, w *wire) (names []string, missing []string) {
	names = []string{""}
	rest := pattern
	for {
		i := strings.Index(rest, "${")
		if i < 0 {
			break
		}
		j := strings.IndexByte(rest[i:], '}')
		if j < 0 {
			break
		}
		placeholder := rest[i : i+j+1]
		lit := rest[:i]
		rest = rest[i+j+1:]
		vals := rt.values(action, placeholder[2:len(placeholder)-1], w)
		if len(vals) == 0 || len(names)*len(vals) > maxResources {
			// Unknown, not "*": the placeholder stands for the value nobody gave.
			missing = append(missing, placeholder)
			vals = []string{placeholder}
		}
		next := make([]string, 0, len(names)*len(vals))
		for _, n := range names {
			for _, v := range vals {
				next = append(next, n+lit+v)
			}
		}
		names = next
	}
	for i := range names {
		names[i] += rest
	}
	return names, missing
}

// values returns what fills one placeholder, or nil. A value that is empty or holds a
// '*' (a wildcard in a policy) or ':' (a segment separator) fills nothing: a parameter
// must not widen or reshape the grant.
func (rt *roundTripper) values(action, name string, w *wire) []string {
	var vals []string
	switch {
	case strings.EqualFold(name, "uin"):
		vals = []string{rt.o.Uin}
	case strings.EqualFold(name, "region"):
		vals = []string{w.region}
	default:
		param, ok := rt.o.Parameter(action, "${"+name+"}")
		if !ok {
			param = name
		}
		v, found := w.param(param)
		if !found && !ok {
			v, found = w.param(param + "s")
		}
		if !found {
			return nil
		}
		vals = v
	}
	for _, v := range vals {
		// "${" too: a value spelled as a placeholder would read as an unknown part.
		if v == "" || strings.ContainsAny(v, "*:") || strings.Contains(v, "${") {
			return nil
		}
	}
	return vals
}

// seen remembers the last n retry keys, enough to recognise the SDK's retries, which
// follow their first attempt within seconds.
type seen struct {
	mu   sync.Mutex
	keys map[string]bool
	ring []string
	next int
}

func newSeen(n int) *seen { return &seen{keys: map[string]bool{}, ring: make([]string, n)} }

// repeat reports whether any of keys was seen before, and remembers them.
func (s *seen) repeat(keys []string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	found := false
	for _, k := range keys {
		if s.keys[k] {
			found = true
			continue
		}
		if old := s.ring[s.next]; old != "" {
			delete(s.keys, old)
		}
		s.ring[s.next] = k
		s.next = (s.next + 1) % len(s.ring)
		s.keys[k] = true
	}
	return found
}
