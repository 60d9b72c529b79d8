package iampolicy

import (
	"strings"
	"unicode/utf8"

	"github.com/permgen/permgen/templates/aws/iamarn"
)

// tri is the evaluator's three-valued answer: a statement, a resource pattern or a
// condition applies (yes), does not (no), or could apply or not (maybe): an unknown
// decided it, or the User Guide's pages read two ways. An Allow applies only on
// yes; a Deny applies on yes and on maybe. That one rule is how every doubt fails
// closed.
type tri uint8

const (
	no tri = iota
	yes
	maybe
)

func and(a, b tri) tri {
	switch {
	case a == no || b == no:
		return no
	case a == maybe || b == maybe:
		return maybe
	}
	return yes
}

func or(a, b tri) tri {
	switch {
	case a == yes || b == yes:
		return yes
	case a == maybe || b == maybe:
		return maybe
	}
	return no
}

func (t tri) not() tri {
	switch t {
	case yes:
		return no
	case no:
		return yes
	}
	return maybe
}

func triOf(b bool) tri {
	if b {
		return yes
	}
	return no
}

// vstate says how the policy variables of a pattern resolved.
type vstate uint8

const (
	vOK      vstate = iota
	vNoValue        // a variable's key is absent from the request, with no default
	vUnknown        // a variable's key is one the request says it does not know
)

// matchGlob reports whether s matches pattern p, where '*' matches any run of
// characters and '?' exactly one. fold compares ASCII letters without case (action
// names); without wild, '*' and '?' are ordinary characters. When vars is set,
// policy variables in p (${aws:username}, ${*}, ${?}, ${$}, ${key, 'default'})
// expand to literal text from e's context; a variable with no value makes the
// pattern match nothing (vNoValue), one on an unknown key makes it undecidable
// (vUnknown). It allocates nothing.
func matchGlob(p, s string, fold, wild, vars bool, e *env) (matched bool, st vstate) {
	i, j := 0, 0
	starP, starS := -1, 0
	for {
		if i < len(p) {
			c := p[i]
			switch {
			case c == '*' && wild:
				starP, starS = i+1, j
				i++
				continue
			case c == '?' && wild:
				if j < len(s) {
					_, n := utf8.DecodeRuneInString(s[j:])
					i++
					j += n
					continue
				}
			case c == '$' && vars && i+1 < len(p) && p[i+1] == '{':
				end := strings.IndexByte(p[i:], '}')
				if end < 0 {
					// Not a variable: a literal '$'.
					if j < len(s) && s[j] == '$' {
						i++
						j++
						continue
					}
					break
				}
				val, vst := expandVariable(p[i+2:i+end], e)
				if vst != vOK {
					return false, vst
				}
				if len(s)-j >= len(val) && equalText(s[j:j+len(val)], val, fold) {
					i += end + 1
					j += len(val)
					continue
				}
			default:
				if j < len(s) && equalByte(c, s[j], fold) {
					i++
					j++
					continue
				}
			}
		} else if j == len(s) {
			return true, vOK
		}
		if starP < 0 || starS >= len(s) {
			return false, vOK
		}
		_, n := utf8.DecodeRuneInString(s[starS:])
		starS += n
		i, j = starP, starS
	}
}

func equalByte(a, b byte, fold bool) bool {
	if a == b {
		return true
	}
	if !fold {
		return false
	}
	return lower(a) == lower(b)
}

func lower(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

func equalText(a, b string, fold bool) bool {
	if fold {
		return strings.EqualFold(a, b)
	}
	return a == b
}

// expandVariable resolves the inside of ${...}: the three escapes, then a context
// key with an optional quoted default ("aws:PrincipalTag/team, 'none'"). A key the
// request says it does not know is vUnknown even when a default is given: the key
// may well have a value.
func expandVariable(inner string, e *env) (string, vstate) {
	switch inner {
	case "*":
		return "*", vOK
	case "?":
		return "?", vOK
	case "$":
		return "$", vOK
	}
	key, def, hasDef := inner, "", false
	if k := strings.IndexByte(inner, ','); k >= 0 {
		key = strings.TrimSpace(inner[:k])
		d := strings.TrimSpace(inner[k+1:])
		if len(d) >= 2 && d[0] == '\'' && d[len(d)-1] == '\'' {
			def, hasDef = d[1:len(d)-1], true
		}
	}
	if e != nil {
		if ce := e.ctx.lookup(key); ce != nil {
			if !ce.Multi && len(ce.Values) == 1 {
				return ce.Values[0], vOK
			}
			// A multivalued key cannot be a variable's value.
			return def, stateOf(hasDef)
		}
		if e.keyUnknown(key) {
			return "", vUnknown
		}
	}
	return def, stateOf(hasDef)
}

func stateOf(hasDefault bool) vstate {
	if hasDefault {
		return vOK
	}
	return vNoValue
}

// hasVariable reports whether s holds a "${".
func hasVariable(s string) bool { return strings.Contains(s, "${") }

// splitARN cuts an ARN into partition, service, region, account and resource (the
// resource keeps its own colons). Colons inside ${...} do not cut. ok is false
// when s does not start with "arn:" or has fewer than six parts.
func splitARN(s string) (parts [5]string, ok bool) {
	if !strings.HasPrefix(s, "arn:") {
		return parts, false
	}
	start, n, depth := 4, 0, 0
	for k := 4; k < len(s); k++ {
		switch s[k] {
		case '$':
			if k+1 < len(s) && s[k+1] == '{' {
				depth++
			}
		case '}':
			if depth > 0 {
				depth--
			}
		case ':':
			if depth == 0 {
				parts[n] = s[start:k]
				n++
				start = k + 1
				if n == 4 {
					parts[4] = s[start:]
					return parts, true
				}
			}
		}
	}
	return parts, false
}

// matchARN is the answer of the Resource element and the Arn condition operators
// for a known ARN: see matchTarget.
func matchARN(pattern, arn string, vars bool, e *env) (tri, vstate) {
	t := target{arn: arn}
	t.parts, t.ok = splitARN(arn)
	return matchTarget(pattern, &t, vars, e)
}

// target is a request ARN split once per evaluation rather than once per pattern.
type target struct {
	arn   string
	parts [5]string
	ok    bool
	// whole: the request says its resource is unknown. holes: the resource
	// carries ${Name} placeholders for parts it could not fill.
	whole, holes bool
}

func newTarget(r *Request) target {
	t := target{arn: r.Resource}
	t.parts, t.ok = splitARN(r.Resource)
	t.whole = r.Unknown.Resource
	t.holes = len(r.Unknown.Parts) > 0 && hasVariable(r.Resource)
	return t
}

// segmentOrder tries the service first, where most patterns differ; only the
// resource part (last) can hold variables, so the order changes no answer.
var segmentOrder = [5]int{1, 0, 2, 3, 4}

// matchTarget matches a Resource (or Arn operator) pattern against the request's
// resource. The User Guide reads ARN wildcards two ways: the Resource page lets a
// '*' that ends a segment "expand to match beyond the colon boundaries"
// (iamarn.Match), the Arn operators' page checks "each of the six colon-delimited
// components of the ARN ... separately". yes when both readings match, maybe when
// one does, no when neither: an Allow takes the narrow reading, a Deny the wide.
func matchTarget(pattern string, t *target, vars bool, e *env) (tri, vstate) {
	if pattern == "*" {
		return yes, vOK
	}
	if t.whole {
		e.note("resource")
		return maybe, vOK
	}
	if t.holes {
		return matchHoles(pattern, t, vars, e)
	}
	if !t.ok {
		// "*" (an action on no resource) or text that is no ARN: only a pattern
		// that covers it as text matches.
		if vars && hasVariable(pattern) {
			return no, vOK
		}
		return triOf(iamarn.Match(pattern, t.arn)), vOK
	}
	pp, full := splitARN(pattern)
	if full {
		strict := true
		for _, k := range segmentOrder {
			// Variables work only in the resource part, after the fifth colon.
			m, st := matchGlob(pp[k], t.parts[k], false, true, vars && k == 4, e)
			if st != vOK {
				return no, st
			}
			if !m {
				strict = false
				break
			}
		}
		if strict {
			return yes, vOK
		}
	}
	if !spans(pp, full) || (full && !spanPrefixMatches(&pp, t)) {
		return no, vOK
	}
	p := pattern
	if vars && hasVariable(pattern) {
		var st vstate
		if p, st = expandResourcePart(pattern, e); st != vOK {
			return no, st
		}
	}
	if iamarn.Match(p, t.arn) {
		return maybe, vOK
	}
	return no, vOK
}

// spans reports whether the colon-spanning reading can differ from the
// segment-by-segment one: the pattern has fewer than six parts, or one of its
// first five segments ends with '*'.
func spans(pp [5]string, full bool) bool {
	if !full {
		return true
	}
	for k := 0; k < 4; k++ {
		if strings.HasSuffix(pp[k], "*") {
			return true
		}
	}
	return false
}

// spanPrefixMatches is a cheap necessary condition of the colon-spanning reading
// for a six-part pattern: the segments before the first one that ends with '*'
// cannot span, so they must match their own segments. It spares iamarn.Match for
// the common pattern of another service ("arn:aws:ec2:*:...") against an S3 ARN.
func spanPrefixMatches(pp *[5]string, t *target) bool {
	for k := 0; k < 4; k++ {
		if strings.HasSuffix(pp[k], "*") {
			return true
		}
		if m, _ := matchGlob(pp[k], t.parts[k], false, true, false, nil); !m {
			return false
		}
	}
	return true
}

// expandResourcePart returns pattern with the variables of its resource part
// replaced by their values (it allocates; only rare paths call it).
func expandResourcePart(pattern string, e *env) (string, vstate) {
	pp, ok := splitARN(pattern)
	if !ok {
		return pattern, vOK
	}
	prefix := pattern[:len(pattern)-len(pp[4])]
	var b strings.Builder
	b.WriteString(prefix)
	rest := pp[4]
	for {
		i := strings.Index(rest, "${")
		if i < 0 {
			b.WriteString(rest)
			return b.String(), vOK
		}
		j := strings.IndexByte(rest[i:], '}')
		if j < 0 {
			b.WriteString(rest)
			return b.String(), vOK
		}
		b.WriteString(rest[:i])
		val, st := expandVariable(rest[i+2:i+j], e)
		if st != vOK {
			return "", st
		}
		// An expanded "*" from ${*} is a literal star; no ARN spelling keeps
		// that, so it is left a wildcard only in this rare reading.
		b.WriteString(val)
		rest = rest[i+j+1:]
	}
}
