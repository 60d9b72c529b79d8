package iampolicy

import (
	"net/netip"
	"strconv"
	"strings"
	"time"
)

// evalCondition decides one condition against the request context. missing reports
// that the key was absent, so the Decision can name it.
func evalCondition(c *Condition, e *env, vars bool) (holds tri, missing bool) {
	if len(c.Values) == 0 {
		// Access Analyzer: an empty array "provides no permissions"; literally, a
		// negated or IfExists operator with no values could hold. Allow narrow,
		// deny wide.
		return maybe, false
	}
	ce := e.ctx.lookup(c.Key)
	if ce == nil && e.keyUnknown(c.Key) {
		return maybe, false
	}
	op := c.Operator
	if op.Kind == Null {
		absent := ce == nil
		res := no
		for _, v := range c.Values {
			switch {
			case strings.EqualFold(v, "true"):
				res = or(res, triOf(absent))
			case strings.EqualFold(v, "false"):
				res = or(res, triOf(!absent))
			default:
				res = or(res, maybe) // neither true nor false: undecidable
			}
		}
		return res, false
	}
	if ce == nil {
		switch {
		case op.IfExists:
			return yes, true
		case op.Set == ForAllValues:
			return yes, true
		case op.Set == ForAnyValue:
			return no, true
		case op.Kind.Negated():
			return yes, true
		}
		return no, true
	}
	cat := op.Kind.Category()
	vars = vars && (cat == CategoryString || cat == CategoryARN || cat == CategoryBool)
	switch op.Set {
	case ForAllValues:
		// An empty string is no value: a set of them is the null data set,
		// for which ForAllValues holds.
		res := yes
		for _, v := range ce.Values {
			if v == "" {
				continue
			}
			if res = and(res, valueHolds(op.Kind, v, c.Values, vars, e)); res == no {
				break
			}
		}
		return res, false
	case ForAnyValue:
		res := no
		for _, v := range ce.Values {
			if v == "" {
				continue
			}
			if res = or(res, valueHolds(op.Kind, v, c.Values, vars, e)); res == yes {
				break
			}
		}
		return res, false
	}
	if ce.Multi || len(ce.Values) != 1 {
		// A multivalued key needs a set operator; without one nothing matches.
		return no, false
	}
	return valueHolds(op.Kind, ce.Values[0], c.Values, vars, e), false
}

// valueHolds applies a base operator to one request value: a positive operator
// holds when any policy value matches it, a negated one when none does. A policy
// variable with no value matches nothing, so "inverted condition operators ... do
// match against a null value" (the User Guide); another page says an unresolved
// variable "might cause the entire statement to be invalid". Both readings are
// kept: what holds only under the first is maybe (a Deny applies, an Allow not).
func valueHolds(kind OpKind, v string, values []string, vars bool, e *env) tri {
	pos := kind.positive()
	res, noValue := no, false
	for _, pv := range values {
		if res == yes && !(vars && hasVariable(pv)) {
			continue // decided; only a variable with no value could still matter
		}
		r, nv := matchValue(pos, v, pv, vars, e)
		noValue = noValue || nv
		res = or(res, r)
	}
	if kind.Negated() {
		res = res.not()
	}
	if noValue && res == yes {
		return maybe
	}
	return res
}

// matchValue compares a request value v with one policy value pv under a positive
// operator. A value that does not parse for the operator's type (Parse refuses such
// policies; a Policy built in Go may hold one) is undecidable: maybe. noValue
// reports a policy variable with no value in the request.
func matchValue(kind OpKind, v, pv string, vars bool, e *env) (r tri, noValue bool) {
	var m bool
	var st vstate
	switch kind {
	case StringEquals:
		m, st = matchGlob(pv, v, false, false, vars, e)
	case StringEqualsIgnoreCase:
		m, st = matchGlob(pv, v, true, false, vars, e)
	case StringLike:
		m, st = matchGlob(pv, v, false, true, vars, e)
	case ArnEquals, ArnLike:
		r, st = matchARN(pv, v, vars, e)
		return stateTri(r, st)
	case Bool:
		if vars && hasVariable(pv) {
			m, st = matchGlob(pv, v, true, false, vars, e)
			break
		}
		fallthrough
	default:
		m, ok := matchTyped(kind, v, pv)
		if !ok {
			return maybe, false
		}
		return triOf(m), false
	}
	return stateTri(triOf(m), st)
}

func stateTri(r tri, st vstate) (tri, bool) {
	switch st {
	case vNoValue:
		return no, true
	case vUnknown:
		return maybe, false
	}
	return r, false
}

// matchTyped compares values of the operators that take no policy variables; ok is
// false when either value does not parse for the operator's type.
func matchTyped(kind OpKind, v, pv string) (matched, ok bool) {
	switch kind {
	case NumericEquals, NumericLessThan, NumericLessThanEquals, NumericGreaterThan, NumericGreaterThanEquals:
		a, ok1 := parseNumber(v)
		b, ok2 := parseNumber(pv)
		if !ok1 || !ok2 {
			return false, false
		}
		return compare(kind-NumericEquals, a, b), true
	case DateEquals, DateLessThan, DateLessThanEquals, DateGreaterThan, DateGreaterThanEquals:
		a, ok1 := parseDate(v)
		b, ok2 := parseDate(pv)
		if !ok1 || !ok2 {
			return false, false
		}
		return compare(kind-DateEquals, float64(a), float64(b)), true
	case Bool:
		a, ok1 := parseBool(v)
		b, ok2 := parseBool(pv)
		if !ok1 || !ok2 {
			return false, false
		}
		return a == b, true
	case BinaryEquals:
		return v == pv, true
	case IPAddress:
		addr, err := netip.ParseAddr(v)
		if err != nil {
			return false, false
		}
		if strings.IndexByte(pv, '/') >= 0 {
			pfx, err := netip.ParsePrefix(pv)
			return err == nil && pfx.Contains(addr.Unmap()), err == nil
		}
		a2, err := netip.ParseAddr(pv)
		return err == nil && a2.Unmap() == addr.Unmap(), err == nil
	}
	return false, false
}

// parseNumber reads an integer or decimal value, the only numbers the User Guide's
// numeric operators compare: no exponent, hexadecimal, Inf or NaN.
func parseNumber(s string) (float64, bool) {
	if !isDecimal(s) {
		return 0, false
	}
	f, err := strconv.ParseFloat(s, 64)
	return f, err == nil
}

// isDecimal reports whether s is [+-]digits[.digits].
func isDecimal(s string) bool {
	if s != "" && (s[0] == '-' || s[0] == '+') {
		s = s[1:]
	}
	intPart, frac, hasDot := strings.Cut(s, ".")
	if !allDigits(intPart) {
		return false
	}
	return !hasDot || allDigits(frac)
}

// parseBool reads "true" or "false", in any case.
func parseBool(s string) (value, ok bool) {
	switch {
	case strings.EqualFold(s, "true"):
		return true, true
	case strings.EqualFold(s, "false"):
		return false, true
	}
	return false, false
}

// compare applies the comparison at offset rel from the Equals operator of its
// family: 0 equals, 1 not equals (never reached), 2 <, 3 <=, 4 >, 5 >=.
func compare(rel OpKind, a, b float64) bool {
	switch rel {
	case 0:
		return a == b
	case 2:
		return a < b
	case 3:
		return a <= b
	case 4:
		return a > b
	case 5:
		return a >= b
	}
	return false
}

// dateLayouts are the ISO 8601 forms AWS accepts for Date operators.
var dateLayouts = [...]string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04:05",
	"2006-01-02",
}

// parseDate reads an ISO 8601 date or epoch seconds into Unix milliseconds.
func parseDate(s string) (int64, bool) {
	if allDigits(s) {
		n, err := strconv.ParseInt(s, 10, 64)
		return n * 1000, err == nil
	}
	// Try the common forms first: a failed time.Parse allocates its error.
	if len(s) == len("2006-01-02") {
		t, err := time.Parse("2006-01-02", s)
		return t.UnixMilli(), err == nil
	}
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t.UnixMilli(), true
		}
	}
	return 0, false
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}
