package iampolicy

import (
	"strings"
	"unicode/utf8"
)

// matchGlob reports whether s matches pattern p, where '*' matches any run of
// characters and '?' exactly one. fold compares ASCII letters without case (action
// names); without wild, '*' and '?' are ordinary characters. When vars is set, policy variables in p (${aws:username}, ${*}, ${?},
// ${$}, ${key, 'default'}) expand to literal text from ctx; an unresolved variable
// makes the pattern match nothing, so ok is false. It allocates nothing.
func matchGlob(p, s string, fold, wild, vars bool, ctx *Context) (matched, ok bool) {
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
				val, found := expandVariable(p[i+2:i+end], ctx)
				if !found {
					return false, false
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
			return true, true
		}
		if starP < 0 || starS >= len(s) {
			return false, true
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
// key with an optional quoted default ("aws:PrincipalTag/team, 'none'").
func expandVariable(inner string, ctx *Context) (string, bool) {
	switch inner {
	case "*":
		return "*", true
	case "?":
		return "?", true
	case "$":
		return "$", true
	}
	key, def, hasDef := inner, "", false
	if k := strings.IndexByte(inner, ','); k >= 0 {
		key = strings.TrimSpace(inner[:k])
		d := strings.TrimSpace(inner[k+1:])
		if len(d) >= 2 && d[0] == '\'' && d[len(d)-1] == '\'' {
			def, hasDef = d[1:len(d)-1], true
		}
	}
	if ctx != nil {
		if e := ctx.lookup(key); e != nil && !e.Multi && len(e.Values) == 1 {
			return e.Values[0], true
		}
	}
	return def, hasDef
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

// matchARN reports whether arn matches pattern the way the Resource element and
// the Arn condition operators do: "*" matches everything, and otherwise each of the
// colon-separated parts is matched on its own, case-sensitively, with wildcards
// that do not cross a colon (except inside the last, resource part).
func matchARN(pattern, arn string, vars bool, ctx *Context) (matched, ok bool) {
	t := newTarget(arn)
	return matchTarget(pattern, &t, vars, ctx)
}

// target is a request ARN split once per evaluation rather than once per pattern.
type target struct {
	arn   string
	parts [5]string
	ok    bool
}

func newTarget(arn string) target {
	t := target{arn: arn}
	t.parts, t.ok = splitARN(arn)
	return t
}

// segmentOrder tries the service first, where most patterns differ; only the
// resource part (last) can hold variables, so the order changes no answer.
var segmentOrder = [5]int{1, 0, 2, 3, 4}

// matchTarget is matchARN on a split target.
func matchTarget(pattern string, t *target, vars bool, ctx *Context) (matched, ok bool) {
	if pattern == "*" {
		return true, true
	}
	if !t.ok || !strings.HasPrefix(pattern, "arn:") {
		return matchGlob(pattern, t.arn, false, true, vars, ctx)
	}
	pp, pok := splitARN(pattern)
	if !pok {
		// A short ARN pattern ("arn:aws:ec2:*" lacks three parts) matches as
		// if its missing parts were "*".
		pp = padARN(pattern)
	}
	for _, k := range segmentOrder {
		// Variables work only in the resource part, after the fifth colon.
		m, ok := matchGlob(pp[k], t.parts[k], false, true, vars && k == 4, ctx)
		if !ok {
			return false, false
		}
		if !m {
			return false, true
		}
	}
	return true, true
}

// padARN splits a pattern with fewer than six parts, filling the missing ones
// with "*".
func padARN(s string) (parts [5]string) {
	for k := range parts {
		parts[k] = "*"
	}
	rest := s[4:]
	for k := 0; k < 5; k++ {
		i := strings.IndexByte(rest, ':')
		if i < 0 || k == 4 {
			parts[k] = rest
			return parts
		}
		parts[k] = rest[:i]
		rest = rest[i+1:]
	}
	return parts
}
