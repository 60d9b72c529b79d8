package campolicy

import (
	"slices"
	"strings"

	"github.com/permgen/permgen/templates/cam"
)

// Unknown says what a Request could not know. Unknown is not absent: a guard that
// cannot fill the account of a resource does not touch "no resource", and a condition
// key it cannot observe is not a key the request lacks. The evaluator decides with
// unknowns so that no completion can be denied where it allows:
//
//   - an allow statement applies only if it applies for every value of the unknowns:
//     an allow on "*" still applies; one on a specific resource, or with a condition on
//     an unknown key, does not;
//   - a deny statement applies if it could apply for some value of the unknowns.
//
// The Decision names the unknowns that mattered (Decision.Unknowns) and says so in its
// text. The same contract, with the same names, holds for AWS in iampolicy.
type Unknown struct {
	// Resource: the whole resource is unknown; Request.Resource is not read.
	Resource bool `json:"resource,omitempty"`
	// Parts names the parts of Request.Resource the caller could not fill, e.g.
	// "uin" or "SdkAppId". The resource carries each one as its placeholder "${uin}",
	// spelled as in the action's resource pattern. A placeholder of the resource that
	// Parts does not list is unknown all the same: "${...}" is never a value.
	Parts []string `json:"parts,omitempty"`
	// Keys names condition keys whose values the caller could not observe. A key
	// listed here is unknown even if Request.Context holds it; "*" stands for every
	// key the Context does not hold (as in iampolicy).
	Keys []string `json:"keys,omitempty"`
}

// IsZero reports whether nothing is unknown.
func (u *Unknown) IsZero() bool { return !u.Resource && len(u.Parts) == 0 && len(u.Keys) == 0 }

// hasKey reports whether key is named among the unknown keys; condition keys are
// compared as CAM writes them, exactly.
func (u *Unknown) hasKey(key string) bool {
	for _, k := range u.Keys {
		if k == key {
			return true
		}
	}
	return false
}

// keyUnknown reports whether the request cannot observe key: it is named in Keys, or
// Keys holds "*" and the Context lacks it.
func (r *Request) keyUnknown(key string) bool {
	if len(r.Unknown.Keys) == 0 {
		return false
	}
	if r.Unknown.hasKey(key) {
		return true
	}
	if _, present := r.Context[key]; !present {
		return r.Unknown.hasKey("*")
	}
	return false
}

// UnknownResource is the name Decision.Unknowns gives a whole unknown resource.
const UnknownResource = "resource"

// nameSet keeps up to maxExplained distinct names inline, so that a Decision holds
// them without allocating. When more arrive it keeps the smallest ones in byte order,
// so what it holds does not depend on the order they came in (condition maps are
// iterated in random order). over records that some were dropped.
type nameSet struct {
	names [maxExplained]string
	n     int
	over  bool
}

func (s *nameSet) add(name string) {
	i, found := slices.BinarySearch(s.names[:s.n], name)
	if found {
		return
	}
	if s.n == maxExplained {
		s.over = true
		if i == maxExplained {
			return // larger than every name kept
		}
		s.n-- // drop the largest to make room
	}
	copy(s.names[i+1:s.n+1], s.names[i:s.n])
	s.names[i] = name
	s.n++
}

func (s *nameSet) merge(o *nameSet) {
	for _, n := range o.names[:o.n] {
		s.add(n)
	}
	s.over = s.over || o.over
}

// list returns the names, sorted, in a new slice.
func (s *nameSet) list() []string {
	if s.n == 0 {
		return nil
	}
	return slices.Clone(s.names[:s.n])
}

// text joins the names for a decision's explanation, with "…" when some were dropped.
func (s *nameSet) text() string {
	t := strings.Join(s.names[:s.n], ", ")
	if s.over {
		t += ", …"
	}
	return t
}

// unknownTrack is what an evaluation with unknowns collects, allocated only then: the
// unknowns the current statement consulted, those of the denies that applied, and
// those of the allows that did not apply because of them.
type unknownTrack struct {
	cur, deny, allow nameSet
}

// placeholderAt reports whether s holds a placeholder "${name}" at i, and returns the
// name and the index just past the '}'.
func placeholderAt(s string, i int) (name string, end int, ok bool) {
	if i+2 > len(s) || s[i] != '$' || s[i+1] != '{' {
		return "", 0, false
	}
	j := strings.IndexByte(s[i+2:], '}')
	if j < 0 {
		return "", 0, false
	}
	return s[i+2 : i+2+j], i + 3 + j, true
}

// hasPlaceholder reports whether s holds a "${name}" placeholder.
func hasPlaceholder(s string) bool {
	i := strings.Index(s, "${")
	return i >= 0 && strings.IndexByte(s[i:], '}') >= 0
}

// resourceHasPlaceholder reports whether a segment of r holds a placeholder.
func resourceHasPlaceholder(r *cam.Resource) bool {
	return hasPlaceholder(r.Service) || hasPlaceholder(r.Region) || hasPlaceholder(r.Account) || hasPlaceholder(r.Resource)
}

// placeholderNames calls f with the name of each placeholder in s.
func placeholderNames(s string, f func(name string)) {
	for i := 0; i < len(s); i++ {
		if name, end, ok := placeholderAt(s, i); ok {
			f(name)
			i = end - 1
		}
	}
}

// mayMatch reports whether some values of the placeholders in value make pattern match
// it: each placeholder stands for any run of bytes, including none. The intersection of
// the two languages is searched breadth-first over (pattern, value) positions. With
// loose, letters match in either case and '?' matches one byte, as a deny reads them.
func mayMatch(pattern, value string, loose bool) bool {
	// seen[i*(len(value)+1)+j]: pattern position i and value position j reached.
	w := len(value) + 1
	seen := make([]bool, (len(pattern)+1)*w)
	var stack [][2]int
	push := func(i, j int) {
		if !seen[i*w+j] {
			seen[i*w+j] = true
			stack = append(stack, [2]int{i, j})
		}
	}
	push(0, 0)
	for len(stack) > 0 {
		i, j := stack[len(stack)-1][0], stack[len(stack)-1][1]
		stack = stack[:len(stack)-1]
		if i == len(pattern) && j == len(value) {
			return true
		}
		if _, end, ok := placeholderAt(value, j); ok {
			push(i, end) // the unknown is empty
			if i < len(pattern) {
				// The unknown supplies the byte the pattern wants next (or, for a
				// '*', any), and may go on.
				push(i+1, j)
			}
			continue
		}
		if i < len(pattern) && pattern[i] == '*' {
			push(i+1, j) // the star is done
			if j < len(value) {
				push(i, j+1) // the star takes one more byte
			}
			continue
		}
		if i < len(pattern) && j < len(value) &&
			(pattern[i] == value[j] || loose && (pattern[i] == '?' || lower(pattern[i]) == lower(value[j]))) {
			push(i+1, j+1)
		}
	}
	return false
}

// mustMatch reports whether pattern matches value for every value of its placeholders.
// It is sound, not complete: each placeholder must fall inside one '*' of the pattern,
// which absorbs whatever it stands for; a literal byte of the pattern never matches an
// unknown. An allow reads it, so a false answer only withholds a grant.
func mustMatch(pattern, value string) bool {
	w := len(value) + 1
	seen := make([]bool, (len(pattern)+1)*w)
	var stack [][2]int
	push := func(i, j int) {
		if !seen[i*w+j] {
			seen[i*w+j] = true
			stack = append(stack, [2]int{i, j})
		}
	}
	push(0, 0)
	for len(stack) > 0 {
		i, j := stack[len(stack)-1][0], stack[len(stack)-1][1]
		stack = stack[:len(stack)-1]
		if i == len(pattern) && j == len(value) {
			return true
		}
		if i < len(pattern) && pattern[i] == '*' {
			push(i+1, j)
			if _, end, ok := placeholderAt(value, j); ok {
				push(i, end)
			} else if j < len(value) {
				push(i, j+1)
			}
			continue
		}
		if _, _, ok := placeholderAt(value, j); ok {
			continue // a literal cannot match every value
		}
		if i < len(pattern) && j < len(value) && pattern[i] == value[j] {
			push(i+1, j+1)
		}
	}
	return false
}
