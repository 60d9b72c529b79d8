package iampolicy

import (
	"net/netip"
	"strconv"
	"strings"
	"time"
)

// evalCondition decides one condition against the request context. missing reports
// that the key was absent, so the Decision can name it.
func evalCondition(c *Condition, ctx *Context, vars bool) (holds, missing bool) {
	e := ctx.lookup(c.Key)
	op := c.Operator
	if op.Kind == Null {
		absent := e == nil
		for _, v := range c.Values {
			if strings.EqualFold(v, "true") == absent {
				return true, false
			}
		}
		return false, false
	}
	if e == nil {
		switch {
		case op.IfExists:
			return true, true
		case op.Set == ForAllValues:
			return true, true
		case op.Set == ForAnyValue:
			return false, true
		case op.Kind.Negated():
			return true, true
		}
		return false, true
	}
	vars = vars && (op.Kind.Category() == CategoryString || op.Kind.Category() == CategoryARN)
	switch op.Set {
	case ForAllValues:
		for _, v := range e.Values {
			if !valueHolds(op.Kind, v, c.Values, vars, ctx) {
				return false, false
			}
		}
		return true, false
	case ForAnyValue:
		for _, v := range e.Values {
			if valueHolds(op.Kind, v, c.Values, vars, ctx) {
				return true, false
			}
		}
		return false, false
	}
	if e.Multi || len(e.Values) != 1 {
		// A multivalued key needs a set operator; without one nothing matches.
		return false, false
	}
	return valueHolds(op.Kind, e.Values[0], c.Values, vars, ctx), false
}

// valueHolds applies a base operator to one request value: a positive operator
// holds when any policy value matches it, a negated one when none does.
func valueHolds(kind OpKind, v string, values []string, vars bool, ctx *Context) bool {
	pos := kind.positive()
	any := false
	for _, pv := range values {
		m, ok := matchValue(pos, v, pv, vars, ctx)
		if !ok {
			// A policy variable that cannot be resolved makes the condition fail,
			// whichever way the operator points.
			return false
		}
		if m {
			any = true
			break
		}
	}
	if kind.Negated() {
		return !any
	}
	return any
}

// matchValue compares a request value v with one policy value pv under a positive
// operator. Values that do not parse for the operator's type never match; ok is
// false when pv holds a policy variable the request cannot resolve.
func matchValue(kind OpKind, v, pv string, vars bool, ctx *Context) (matched, ok bool) {
	switch kind {
	case StringEquals:
		return matchGlob(pv, v, false, false, vars, ctx)
	case StringEqualsIgnoreCase:
		return matchGlob(pv, v, true, false, vars, ctx)
	case StringLike:
		return matchGlob(pv, v, false, true, vars, ctx)
	case ArnEquals, ArnLike:
		return matchARN(pv, v, vars, ctx)
	}
	return matchTyped(kind, v, pv), true
}

// matchTyped compares values of the operators that take no policy variables.
func matchTyped(kind OpKind, v, pv string) bool {
	switch kind {
	case NumericEquals, NumericLessThan, NumericLessThanEquals, NumericGreaterThan, NumericGreaterThanEquals:
		a, err1 := strconv.ParseFloat(v, 64)
		b, err2 := strconv.ParseFloat(pv, 64)
		if err1 != nil || err2 != nil {
			return false
		}
		return compare(kind-NumericEquals, a, b)
	case DateEquals, DateLessThan, DateLessThanEquals, DateGreaterThan, DateGreaterThanEquals:
		a, ok1 := parseDate(v)
		b, ok2 := parseDate(pv)
		if !ok1 || !ok2 {
			return false
		}
		return compare(kind-DateEquals, float64(a), float64(b))
	case Bool:
		return strings.EqualFold(v, pv)
	case BinaryEquals:
		return v == pv
	case IPAddress:
		addr, err := netip.ParseAddr(v)
		if err != nil {
			return false
		}
		if strings.IndexByte(pv, '/') >= 0 {
			pfx, err := netip.ParsePrefix(pv)
			return err == nil && pfx.Contains(addr.Unmap())
		}
		a2, err := netip.ParseAddr(pv)
		return err == nil && a2.Unmap() == addr.Unmap()
	}
	return false
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
