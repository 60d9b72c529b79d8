package campolicy

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"net/netip"
	"strconv"
	"strings"
	"time"
)

// Condition is a statement's condition: operator -> condition key -> values, e.g.
// {"ip_equal":{"qcs:ip":["10.0.0.0/8"]}}. Values may be written as one string or a list;
// numbers and booleans are read as their JSON text and written back as strings.
//
// Every operator CAM documents is evaluated:
//
//	string_equal string_not_equal string_equal_ignore_case string_not_equal_ignore_case
//	string_like string_not_like (with '*' wildcards) binary_equal
//	numeric_equal numeric_not_equal numeric_less_than numeric_less_than_equal
//	numeric_greater_than numeric_greater_than_equal (decimal numbers; NaN and Inf refused)
//	date_equal date_not_equal date_less_than date_less_than_equal
//	date_greater_than date_greater_than_equal (ISO 8601 / RFC 3339, or "2022-05-31 00:00:00" as UTC)
//	bool_equal ("true" or "false")
//	ip_equal ip_not_equal (addresses or CIDR prefixes)
//	null_equal ("true": the key is absent; "false": it is present)
//
// each optionally ending in _if_exist (not null_equal) and prefixed by for_any_value: or
// for_all_value:. Operators and keys must all hold; a key holds when a context value
// matches one of the condition's values. A key missing from the context makes the
// condition false, or true with _if_exist. What the evaluator cannot decide fails
// closed: an unknown operator or a value that does not parse makes an allow statement
// not apply and a deny statement apply.
type Condition map[string]map[string]Values

// UnmarshalJSON reads a condition, accepting scalars where CAM accepts them.
func (c *Condition) UnmarshalJSON(b []byte) error {
	var raw map[string]map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return fmt.Errorf("cam: condition: want {\"operator\":{\"key\":values}}: %w", err)
	}
	if raw == nil {
		*c = nil
		return nil
	}
	out := make(Condition, len(raw))
	for op, keys := range raw {
		m := make(map[string]Values, len(keys))
		for k, v := range keys {
			vals, err := conditionValues(v)
			if err != nil {
				return fmt.Errorf("cam: condition %s %s: %w", op, k, err)
			}
			m[k] = vals
		}
		out[op] = m
	}
	*c = out
	return nil
}

func conditionValues(b json.RawMessage) (Values, error) {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '[' {
		var list []json.RawMessage
		if err := json.Unmarshal(b, &list); err != nil {
			return nil, err
		}
		out := make(Values, 0, len(list))
		for _, e := range list {
			s, err := conditionScalar(e)
			if err != nil {
				return nil, err
			}
			out = append(out, s)
		}
		return out, nil
	}
	s, err := conditionScalar(b)
	if err != nil {
		return nil, err
	}
	return Values{s}, nil
}

func conditionScalar(b json.RawMessage) (string, error) {
	b = bytes.TrimSpace(b)
	var s string
	switch {
	case len(b) > 0 && b[0] == '"':
		err := json.Unmarshal(b, &s)
		return s, err
	case string(b) == "true" || string(b) == "false":
		return string(b), nil
	case len(b) > 0 && (b[0] == '-' || b[0] >= '0' && b[0] <= '9'):
		var n json.Number
		if err := json.Unmarshal(b, &n); err != nil {
			return "", err
		}
		return n.String(), nil
	}
	return "", fmt.Errorf("want a string, number or boolean, found %s", jsonKind(b))
}

// opKind is the family of a condition operator.
type opKind uint8

const (
	opString opKind = iota + 1
	opStringFold
	opStringLike
	opBinary
	opNumeric
	opDate
	opBool
	opIP
	opNull
)

// qualifier is for_any_value: or for_all_value:, or none.
type qualifier uint8

const (
	qualNone qualifier = iota
	qualAny
	qualAll
)

// operator is a parsed condition operator.
type operator struct {
	kind    opKind
	negated bool // _not_ form
	cmp     int8 // for numeric and date: 0 equal, -1 less, -2 less or equal, 1 greater, 2 greater or equal
	qual    qualifier
	ifExist bool
}

// parseOperator reads an operator name; ok is false for one CAM does not define. It
// does not allocate.
func parseOperator(op string) (o operator, ok bool) {
	if rest, found := strings.CutPrefix(op, "for_any_value:"); found {
		o.qual, op = qualAny, rest
	} else if rest, found := strings.CutPrefix(op, "for_all_value:"); found {
		o.qual, op = qualAll, rest
	}
	if rest, found := strings.CutSuffix(op, "_if_exist"); found {
		o.ifExist, op = true, rest
	}
	switch op {
	case "string_equal":
		o.kind = opString
	case "string_not_equal":
		o.kind, o.negated = opString, true
	case "string_equal_ignore_case":
		o.kind = opStringFold
	case "string_not_equal_ignore_case":
		o.kind, o.negated = opStringFold, true
	case "string_like":
		o.kind = opStringLike
	case "string_not_like":
		o.kind, o.negated = opStringLike, true
	case "binary_equal":
		o.kind = opBinary
	case "bool_equal":
		o.kind = opBool
	case "ip_equal":
		o.kind = opIP
	case "ip_not_equal":
		o.kind, o.negated = opIP, true
	case "null_equal":
		// "A condition operator (excluding null_equal) ending in if_exist ..."
		if o.ifExist || o.qual != qualNone {
			return operator{}, false
		}
		o.kind = opNull
	default:
		var kind opKind
		var tail string
		if t, found := strings.CutPrefix(op, "numeric_"); found {
			kind, tail = opNumeric, t
		} else if t, found := strings.CutPrefix(op, "date_"); found {
			kind, tail = opDate, t
		} else {
			return operator{}, false
		}
		o.kind = kind
		switch tail {
		case "equal":
		case "not_equal":
			o.negated = true
		case "less_than":
			o.cmp = -1
		case "less_than_equal":
			o.cmp = -2
		case "greater_than":
			o.cmp = 1
		case "greater_than_equal":
			o.cmp = 2
		default:
			return operator{}, false
		}
	}
	return o, true
}

// SupportedOperator reports whether op is a condition operator CAM defines, which the
// evaluator decides rather than failing closed on.
func SupportedOperator(op string) bool {
	_, ok := parseOperator(op)
	return ok
}

// conditionHolds reports whether c is met by the request. Every key is looked at, so
// that the decision can name all missing ones, whatever order the map gives them in.
//
// A key of Request.Unknown.Keys is neither present nor absent: for an allow its test
// fails (it must hold for every value), for a deny it holds (it could hold for some).
func (e *evaluator) conditionHolds(c Condition, deny bool, d *Decision) bool {
	holds := true
	for op, keys := range c {
		o, ok := parseOperator(op)
		if !ok {
			// Undecidable: an allow does not apply; a deny still does, unless
			// another part fails. The keys are still read, for the missing ones.
			if !deny {
				holds = false
			}
			for key := range keys {
				if e.req.keyUnknown(key) {
					e.touch(key)
				} else if _, present := e.req.Context[key]; !present {
					d.addMissing(key)
				}
			}
			continue
		}
		for key, want := range keys {
			if e.req.keyUnknown(key) {
				e.touch(key)
				if !deny {
					holds = false
				}
				continue
			}
			got, present := e.req.Context[key]
			if o.kind == opNull {
				if !present {
					d.addMissing(key)
				}
				r, known := nullHolds(got, present, want, deny)
				if known && !r || !known && !deny {
					holds = false
				}
				continue
			}
			if !present || len(got) == 0 {
				d.addMissing(key)
				// COS: without _if_exist the condition is false when the request
				// lacks the key; with it, true.
				if !o.ifExist {
					holds = false
				}
				continue
			}
			r, known := o.eval(got, want, deny, &e.req.Caller)
			if known && !r || !known && !deny {
				holds = false
			}
		}
	}
	return holds
}

// nullHolds decides null_equal: "true" wants the key absent, "false" present. A deny also
// counts a key whose values are all empty as absent.
func nullHolds(got []string, present bool, want Values, deny bool) (result, known bool) {
	isNull := !present || len(got) == 0
	if deny && !isNull {
		isNull = true
		for _, v := range got {
			isNull = isNull && v == ""
		}
	}
	if len(want) != 1 || (want[0] != "true" && want[0] != "false") {
		return false, false
	}
	return isNull == (want[0] == "true"), true
}

// eval applies o to the context values got and the condition's values want.
func (o operator) eval(got []string, want Values, deny bool, caller *Caller) (result, known bool) {
	// Policy variables in condition values, e.g. {"qcs:create_uin":"${uin}"}.
	for _, w := range want {
		if strings.Contains(w, "${") {
			sub := make(Values, len(want))
			for i, w := range want {
				s, ok := substitute(w, caller)
				if !ok {
					return false, false
				}
				sub[i] = s
			}
			want = sub
			break
		}
	}
	// How the several context values of one key combine: for_any_value: any,
	// for_all_value: all; unqualified (the docs are silent), all for an allow and any
	// for a deny.
	all := o.qual == qualAll || o.qual == qualNone && !deny
	for _, v := range got {
		r, ok := o.valueHolds(v, want, deny)
		if !ok {
			return false, false
		}
		if all && !r {
			return false, true
		}
		if !all && r {
			return true, true
		}
	}
	return all, true
}

// valueHolds applies o to one context value. A positive operator holds when v matches
// one of want. A negated one, with several values (the docs are silent), holds for an
// allow only when v matches none of them, and for a deny when v differs from one.
func (o operator) valueHolds(v string, want Values, deny bool) (result, known bool) {
	if len(want) == 0 {
		return false, false
	}
	some, every := false, true
	for _, w := range want {
		r, ok := o.pred(v, w)
		if !ok {
			return false, false
		}
		some = some || r
		every = every && r
	}
	if !o.negated {
		return some, true
	}
	if deny {
		return !every, true
	}
	return !some, true
}

// pred is the positive form of o for one context value and one condition value.
func (o operator) pred(v, w string) (result, known bool) {
	switch o.kind {
	case opString, opBinary:
		return v == w, true
	case opStringFold:
		return strings.EqualFold(v, w), true
	case opStringLike:
		return MatchPattern(w, v), true
	case opBool:
		g, ok1 := parseBool(v)
		x, ok2 := parseBool(w)
		return g == x, ok1 && ok2
	case opIP:
		return ipIn(v, w)
	case opNumeric:
		g, ok1 := parseNumber(v)
		x, ok2 := parseNumber(w)
		if !ok1 || !ok2 {
			return false, false
		}
		return o.compare(cmp3(g, x)), true
	case opDate:
		g, ok1 := parseDate(v)
		x, ok2 := parseDate(w)
		if !ok1 || !ok2 {
			return false, false
		}
		return o.compare(g.Compare(x)), true
	}
	return false, false
}

func (o operator) compare(c int) bool {
	switch o.cmp {
	case -1:
		return c < 0
	case -2:
		return c <= 0
	case 1:
		return c > 0
	case 2:
		return c >= 0
	}
	return c == 0
}

func cmp3(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func parseBool(s string) (bool, bool) {
	switch s {
	case "true":
		return true, true
	case "false":
		return false, true
	}
	return false, false
}

// parseNumber reads a decimal number. NaN, infinities, hexadecimal and underscores are
// refused: NaN compares false with everything, so it would defeat a numeric deny.
func parseNumber(s string) (float64, bool) {
	if s == "" {
		return 0, false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E') {
			return 0, false
		}
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0, false
	}
	return f, true
}

// tencentDate is the form Tencent's own pages write times in, "2022-05-31 00:00:00".
const tencentDate = "2006-01-02 15:04:05"

// parseDate reads an ISO 8601 time (RFC 3339) or Tencent's "2022-05-31 00:00:00", which
// is taken as UTC: "Time is displayed in a format that conforms to the ISO8601
// standard, and UTC time is required."
func parseDate(s string) (time.Time, bool) {
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, true
	}
	if t, err := time.Parse(tencentDate, s); err == nil {
		return t, true
	}
	return time.Time{}, false
}

// ipIn reports whether address got is w, or inside w when w is a CIDR prefix.
func ipIn(got, w string) (bool, bool) {
	addr, err := netip.ParseAddr(got)
	if err != nil {
		return false, false
	}
	addr = addr.Unmap()
	if strings.Contains(w, "/") {
		p, err := netip.ParsePrefix(w)
		if err != nil {
			return false, false
		}
		return p.Masked().Contains(addr), true
	}
	a, err := netip.ParseAddr(w)
	if err != nil {
		return false, false
	}
	return a.Unmap() == addr, true
}

// validConditionValue reports whether a condition value is one CAM accepts for the
// operator (a CIDR for ip_, a date for date_, ...), for the decoder and the linter.
func validConditionValue(o operator, w string) error {
	if strings.Contains(w, "${") {
		return nil // a policy variable, filled in at evaluation
	}
	switch o.kind {
	case opNumeric:
		if _, ok := parseNumber(w); !ok {
			return fmt.Errorf("%q is not a decimal number", w)
		}
	case opDate:
		if _, ok := parseDate(w); !ok {
			return fmt.Errorf("%q is not an ISO 8601 time (2016-06-01T00:01:00Z)", w)
		}
	case opBool, opNull:
		if _, ok := parseBool(w); !ok {
			return fmt.Errorf("%q is not true or false", w)
		}
	case opIP:
		if strings.Contains(w, "/") {
			if _, err := netip.ParsePrefix(w); err != nil {
				return fmt.Errorf("%q is not a CIDR block", w)
			}
		} else if _, err := netip.ParseAddr(w); err != nil {
			return fmt.Errorf("%q is not an IP address or CIDR block", w)
		}
	}
	return nil
}
