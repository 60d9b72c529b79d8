package cam

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/netip"
	"strconv"
	"strings"
	"time"
)

// Condition is a statement's condition: operator -> condition key -> values, e.g.
// {"ip_equal":{"qcs:ip":["10.0.0.0/8"]}}. Values may be written as one string or a list;
// numbers and booleans are read as their JSON text and written back as strings.
//
// The evaluator supports these operators over Request.Context:
//
//	string_equal string_not_equal string_equal_ignore_case string_not_equal_ignore_case
//	string_like string_not_like (with '*' wildcards)
//	numeric_equal numeric_not_equal numeric_less_than numeric_less_than_equal
//	numeric_greater_than numeric_greater_than_equal
//	date_equal date_not_equal date_less_than date_less_than_equal
//	date_greater_than date_greater_than_equal (RFC 3339 times)
//	bool_equal
//	ip_equal ip_not_equal (addresses or CIDR prefixes)
//
// Operators, keys and blocks all have to hold; one value of a key's list is enough for
// a positive operator, and none may match for a negated one ("_not_"). What the
// evaluator cannot decide fails closed: an unknown operator (including the _if_exist and
// for_all_value: forms), a key missing from the context or a value that does not parse
// makes an allow statement not apply and a deny statement apply.
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

// holds reports whether c is met by ctx; what cannot be decided counts as met for a
// deny statement and not met for an allow statement.
func (c Condition) holds(ctx map[string]string, deny bool) bool {
	for op, keys := range c {
		for key, want := range keys {
			got, ok := ctx[key]
			res, known := evalOperator(op, got, want)
			if !ok || !known {
				// Undecidable: an allow must not apply, a deny must; a deny may
				// still fail on another key, so go on looking.
				if !deny {
					return false
				}
				continue
			}
			if !res {
				return false
			}
		}
	}
	return true
}

// SupportedOperator reports whether the evaluator decides condition operator op rather
// than failing closed on it.
func SupportedOperator(op string) bool {
	_, known := evalOperator(op, "", nil)
	return known
}

// evalOperator applies op to the context value got and the policy's values; known is
// false when op or a value cannot be evaluated.
func evalOperator(op, got string, want Values) (result, known bool) {
	base, negated := op, false
	if b, ok := strings.CutSuffix(op, "_not_equal"); ok {
		base, negated = b+"_equal", true
	} else if b, ok := strings.CutSuffix(op, "_not_equal_ignore_case"); ok {
		base, negated = b+"_equal_ignore_case", true
	} else if b, ok := strings.CutSuffix(op, "_not_like"); ok {
		base, negated = b+"_like", true
	}
	var eq func(string) (bool, bool)
	switch base {
	case "string_equal":
		eq = func(w string) (bool, bool) { return got == w, true }
	case "string_equal_ignore_case":
		eq = func(w string) (bool, bool) { return strings.EqualFold(got, w), true }
	case "string_like":
		eq = func(w string) (bool, bool) { return MatchPattern(w, got), true }
	case "bool_equal":
		eq = func(w string) (bool, bool) {
			g, err1 := strconv.ParseBool(got)
			v, err2 := strconv.ParseBool(w)
			return g == v, err1 == nil && err2 == nil
		}
	case "ip_equal":
		eq = func(w string) (bool, bool) { return ipIn(got, w) }
	case "numeric_equal", "numeric_less_than", "numeric_less_than_equal", "numeric_greater_than", "numeric_greater_than_equal":
		eq = func(w string) (bool, bool) {
			g, err1 := strconv.ParseFloat(got, 64)
			v, err2 := strconv.ParseFloat(w, 64)
			return compare(base, cmp3(g, v)), err1 == nil && err2 == nil
		}
	case "date_equal", "date_less_than", "date_less_than_equal", "date_greater_than", "date_greater_than_equal":
		eq = func(w string) (bool, bool) {
			g, err1 := time.Parse(time.RFC3339, got)
			v, err2 := time.Parse(time.RFC3339, w)
			return compare(base, g.Compare(v)), err1 == nil && err2 == nil
		}
	default:
		return false, false
	}
	if negated && (base == "bool_equal" || base != "numeric_equal" && strings.HasPrefix(base, "numeric_") || base != "date_equal" && strings.HasPrefix(base, "date_")) {
		return false, false // e.g. "bool_not_equal", which CAM does not define
	}
	hit := false
	for _, w := range want {
		r, ok := eq(w)
		if !ok {
			return false, false
		}
		hit = hit || r
	}
	if negated {
		return !hit, true
	}
	return hit, true
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

// compare maps a three-way comparison to the operator's answer.
func compare(op string, c int) bool {
	switch {
	case strings.HasSuffix(op, "_less_than"):
		return c < 0
	case strings.HasSuffix(op, "_less_than_equal"):
		return c <= 0
	case strings.HasSuffix(op, "_greater_than"):
		return c > 0
	case strings.HasSuffix(op, "_greater_than_equal"):
		return c >= 0
	}
	return c == 0
}

// ipIn reports whether address got is w, or inside w when w is a CIDR prefix.
func ipIn(got, w string) (bool, bool) {
	addr, err := netip.ParseAddr(got)
	if err != nil {
		return false, false
	}
	if strings.Contains(w, "/") {
		p, err := netip.ParsePrefix(w)
		if err != nil {
			return false, false
		}
		return p.Contains(addr.Unmap()), true
	}
	a, err := netip.ParseAddr(w)
	if err != nil {
		return false, false
	}
	return a.Unmap() == addr.Unmap(), true
}
