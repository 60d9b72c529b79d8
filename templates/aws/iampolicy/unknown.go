package iampolicy

import (
	"sort"
	"strings"
)

// Unknown says what a caller could not tell about its request: unknown is not
// absent. An Allow applies only if it applies for every value of the unknowns (so
// an Allow on "*" still applies; one on a specific resource, or with a condition on
// an unknown key, does not); a Deny applies if it could apply for some value. The
// Decision then names the unknowns that mattered (Decision.Unknowns).
type Unknown struct {
	// Resource: the whole resource is unknown.
	Resource bool
	// Parts names the parts of the resource the caller could not fill ("Account",
	// "FunctionName"); Request.Resource then carries each as its placeholder
	// "${Name}", as the resource type's ARN template spells it, and the evaluator
	// reads the placeholder as "some value not known".
	Parts []string
	// Keys are condition keys whose values the caller could not observe (not the
	// same as absent). "*" stands for every key the Context does not hold.
	Keys []string
}

// env is what matching needs besides the patterns: the request's context, what it
// does not know, and where to note the unknowns consulted.
type env struct {
	ctx     *Context
	unknown *Unknown
	d       *Decision
}

// keyUnknown reports whether a key absent from the context is one the request
// cannot observe, and notes it.
func (e *env) keyUnknown(key string) bool {
	if e == nil || e.unknown == nil {
		return false
	}
	for _, k := range e.unknown.Keys {
		if k == "*" || strings.EqualFold(k, key) {
			e.note(key)
			return true
		}
	}
	return false
}

// note records an unknown that an answer depended on.
func (e *env) note(name string) {
	if e == nil || e.d == nil {
		return
	}
	e.d.addUnknown(name)
}

// hole stands for one unknown placeholder in a target while matching it.
const hole = 0

// matchHoles matches a pattern against a resource with unknown parts: yes when it
// matches whatever the parts are, maybe when it matches for some values, no when
// for none.
func matchHoles(pattern string, t *target, vars bool, e *env) (tri, vstate) {
	p := pattern
	if vars && hasVariable(pattern) {
		var st vstate
		if p, st = expandResourcePart(pattern, e); st != vOK {
			return no, st
		}
	}
	holed := withHoles(t.arn)
	tp, tok := splitARN(holed)
	pp, full := splitARN(p)
	if full && tok {
		all := true
		for k := range pp {
			if !coversAll(pp[k], tp[k]) {
				all = false
				break
			}
		}
		if all {
			return yes, vOK
		}
	}
	budget := 100000
	some := full && tok
	for k := range pp {
		if !some {
			break
		}
		some = mayMatch(pp[k], tp[k], 5, &budget)
	}
	if !some && spans(pp, full) {
		some = mayMatch(p, holed, 0, &budget)
	}
	if !some {
		return no, vOK
	}
	for _, name := range e.unknownParts() {
		if strings.Contains(t.arn, "${"+name+"}") {
			e.note(name)
		}
	}
	return maybe, vOK
}

func (e *env) unknownParts() []string {
	if e == nil || e.unknown == nil {
		return nil
	}
	return e.unknown.Parts
}

// withHoles replaces every ${...} of s with one hole byte.
func withHoles(s string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, "${")
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		b.WriteByte(hole)
		s = s[i+j+1:]
	}
}

// coversAll reports whether pattern p matches s for every value of s's holes: a
// hole can only be taken up by a '*' of the pattern.
func coversAll(p, s string) bool {
	for len(p) > 0 {
		if p[0] == '*' {
			for n := 0; n <= len(s); n++ {
				if coversAll(p[1:], s[n:]) {
					return true
				}
			}
			return false
		}
		if len(s) == 0 || s[0] == hole || (p[0] != '?' && p[0] != s[0]) {
			return false
		}
		p, s = p[1:], s[1:]
	}
	return len(s) == 0
}

// mayMatch reports whether pattern p matches s for some value of s's holes, with
// iamarn.Match's colon rules (seg counts the pattern's colons consumed; from 5 on a
// colon is ordinary). It gives up, answering true, after budget steps: a deny then
// applies, an allow does not.
func mayMatch(p, s string, seg int, budget *int) bool {
	*budget--
	if *budget < 0 {
		return true
	}
	switch {
	case len(p) == 0:
		for k := 0; k < len(s); k++ {
			if s[k] != hole {
				return false
			}
		}
		return true
	case p[0] == '*':
		free := seg >= 5 || len(p) == 1 || p[1] == ':'
		if mayMatch(p[1:], s, seg, budget) {
			return true
		}
		return len(s) > 0 && (free || s[0] != ':') && mayMatch(p, s[1:], seg, budget)
	case len(s) == 0:
		return false
	case s[0] == hole:
		// The hole ends here, or takes up the pattern's next character (a hole
		// in the first five segments holds no colon).
		if mayMatch(p, s[1:], seg, budget) {
			return true
		}
		return (p[0] != ':' || seg >= 5) && mayMatch(p[1:], s, seg, budget)
	case p[0] == ':' && seg < 5:
		return s[0] == ':' && mayMatch(p[1:], s[1:], seg+1, budget)
	case p[0] == '?':
		return (s[0] != ':' || seg >= 5) && mayMatch(p[1:], s[1:], seg, budget)
	}
	return p[0] == s[0] && mayMatch(p[1:], s[1:], seg, budget)
}

func (d *Decision) addUnknown(name string) {
	for _, u := range d.unknowns[:d.nunk] {
		if u == name {
			return
		}
	}
	if d.nunk < maxRefs {
		d.unknowns[d.nunk] = name
		d.nunk++
	}
}

// Unknowns names the unknowns the outcome depended on (the resource, parts of it,
// condition keys, the principal), sorted; nil when none did. An allowed request
// depended on none: its Allow holds for every value.
func (d *Decision) Unknowns() []string {
	if d.nunk == 0 {
		return nil
	}
	out := append([]string(nil), d.unknowns[:d.nunk]...)
	sort.Strings(out)
	return out
}
