package iam

import (
	"strconv"
	"strings"
	"time"
)

// Condition is one condition of a policy statement, made by the operator methods of
// a key so that a statement reads as IAM writes it:
//
//	s3.ConditionKeyExistingObjectTag("team").StringEquals("blue")
//
// iampolicy's builder (StatementBuilder.If) takes it and refuses, at build time, an
// operator that does not suit the key's documented type. This package only records
// the operator's name; it does not know the grammar.
type Condition struct {
	Operator string // "StringEquals", "ForAnyValue:StringLike", "DateLessThanIfExists"
	Key      ConditionKey
	Values   []string
}

// Parts returns the operator name, key and values; iampolicy reads conditions
// through it.
func (c Condition) Parts() (operator string, key ConditionKey, values []string) {
	return c.Operator, c.Key, c.Values
}

// IfExists makes the condition hold when the request lacks the key.
func (c Condition) IfExists() Condition {
	if !strings.HasSuffix(c.Operator, "IfExists") {
		c.Operator += "IfExists"
	}
	return c
}

// ForAllValues makes the condition test every value of a multivalued key.
func (c Condition) ForAllValues() Condition {
	c.Operator = setPrefix("ForAllValues:", c.Operator)
	return c
}

// ForAnyValue makes the condition hold when any value of a multivalued key matches.
func (c Condition) ForAnyValue() Condition {
	c.Operator = setPrefix("ForAnyValue:", c.Operator)
	return c
}

func setPrefix(p, op string) string {
	if _, base, ok := strings.Cut(op, ":"); ok {
		op = base
	}
	return p + op
}

func (k ConditionKey) cond(op string, values []string) Condition {
	return Condition{Operator: op, Key: k, Values: values}
}

// StringEquals holds when the key equals one of values, case-sensitively.
func (k ConditionKey) StringEquals(values ...string) Condition {
	return k.cond("StringEquals", values)
}

// StringNotEquals holds when the key equals none of values.
func (k ConditionKey) StringNotEquals(values ...string) Condition {
	return k.cond("StringNotEquals", values)
}

// StringEqualsIgnoreCase holds when the key equals one of values, ignoring case.
func (k ConditionKey) StringEqualsIgnoreCase(values ...string) Condition {
	return k.cond("StringEqualsIgnoreCase", values)
}

// StringLike holds when the key matches one of the patterns (* and ?).
func (k ConditionKey) StringLike(patterns ...string) Condition {
	return k.cond("StringLike", patterns)
}

// StringNotLike holds when the key matches none of the patterns.
func (k ConditionKey) StringNotLike(patterns ...string) Condition {
	return k.cond("StringNotLike", patterns)
}

func numbers(ns []float64) []string {
	out := make([]string, len(ns))
	for i, n := range ns {
		out[i] = strconv.FormatFloat(n, 'f', -1, 64)
	}
	return out
}

// NumericEquals holds when the key equals one of ns.
func (k ConditionKey) NumericEquals(ns ...float64) Condition {
	return k.cond("NumericEquals", numbers(ns))
}

// NumericLessThan holds when the key is below n.
func (k ConditionKey) NumericLessThan(n float64) Condition {
	return k.cond("NumericLessThan", numbers([]float64{n}))
}

// NumericLessThanEquals holds when the key is at most n.
func (k ConditionKey) NumericLessThanEquals(n float64) Condition {
	return k.cond("NumericLessThanEquals", numbers([]float64{n}))
}

// NumericGreaterThan holds when the key is above n.
func (k ConditionKey) NumericGreaterThan(n float64) Condition {
	return k.cond("NumericGreaterThan", numbers([]float64{n}))
}

// NumericGreaterThanEquals holds when the key is at least n.
func (k ConditionKey) NumericGreaterThanEquals(n float64) Condition {
	return k.cond("NumericGreaterThanEquals", numbers([]float64{n}))
}

func date(t time.Time) []string { return []string{t.UTC().Format(time.RFC3339)} }

// DateLessThan holds when the key is before t.
func (k ConditionKey) DateLessThan(t time.Time) Condition { return k.cond("DateLessThan", date(t)) }

// DateGreaterThan holds when the key is after t.
func (k ConditionKey) DateGreaterThan(t time.Time) Condition {
	return k.cond("DateGreaterThan", date(t))
}

// Bool holds when the key is v.
func (k ConditionKey) Bool(v bool) Condition {
	return k.cond("Bool", []string{strconv.FormatBool(v)})
}

// IPAddress holds when the key is in one of the ranges ("203.0.113.0/24").
func (k ConditionKey) IPAddress(ranges ...string) Condition { return k.cond("IpAddress", ranges) }

// NotIPAddress holds when the key is in none of the ranges.
func (k ConditionKey) NotIPAddress(ranges ...string) Condition {
	return k.cond("NotIpAddress", ranges)
}

// ArnEquals holds when the key is one of the ARNs.
func (k ConditionKey) ArnEquals(arns ...string) Condition { return k.cond("ArnEquals", arns) }

// ArnLike holds when the key matches one of the ARN patterns.
func (k ConditionKey) ArnLike(arns ...string) Condition { return k.cond("ArnLike", arns) }

// ArnNotLike holds when the key matches none of the ARN patterns.
func (k ConditionKey) ArnNotLike(arns ...string) Condition { return k.cond("ArnNotLike", arns) }

// BinaryEquals holds when the key equals one of the base64 values.
func (k ConditionKey) BinaryEquals(values ...string) Condition {
	return k.cond("BinaryEquals", values)
}

// Null holds when the key is absent (true) or present (false).
func (k ConditionKey) Null(absent bool) Condition {
	return k.cond("Null", []string{strconv.FormatBool(absent)})
}
