package camhttp

import (
	"fmt"
	"strings"
	"sync"

	"github.com/permgen/permgen/templates/cam"
)

// maxResources bounds the resources one call may name (a cross product of array
// parameters); beyond it the call is reported as unfilled rather than guessed.
const maxResources = 1000

// resources fills the action's resource patterns from the request: ${uin} from
// Options.Uin, ${region} from the request's region, any other placeholder from the
// parameter Options.Parameter names for it, else the parameter of the same name, else
// its plural (${InstanceId} from InstanceIds.N). An array parameter gives one resource
// per element. A placeholder that nothing fills is returned in unfilled, never
// replaced by "*". Actions authorized only on "*" name no resource.
func (rt *roundTripper) resources(a cam.Action, w *wire) (res []cam.Resource, unfilled []string) {
	info := a.Info()
	if info.Granularity == cam.OperationLevel || info.Granularity == cam.ServiceLevel {
		return nil, nil
	}
	seen := map[cam.Resource]bool{}
	for _, pattern := range patterns(info.Resources) {
		if pattern == "*" {
			continue
		}
		names, missing := rt.fill(a.String(), pattern, w)
		if len(missing) > 0 {
			unfilled = append(unfilled, missing...)
			continue
		}
		for _, n := range names {
			r, err := cam.ParseResource(n)
			if err != nil {
				unfilled = append(unfilled, pattern)
				continue
			}
			if !seen[r] {
				seen[r] = true
				res = append(res, r)
			}
		}
	}
	return res, unfilled
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

// fill expands one pattern into every resource name its placeholders' values give.
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
			missing = append(missing, placeholder)
			continue
		}
		next := make([]string, 0, len(names)*len(vals))
		for _, n := range names {
			for _, v := range vals {
				next = append(next, n+lit+v)
			}
		}
		names = next
	}
	if len(missing) > 0 {
		return nil, missing
	}
	for i := range names {
		names[i] += rest
	}
	return names, nil
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
		if v == "" || strings.ContainsAny(v, "*:") {
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
