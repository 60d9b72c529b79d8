package iampolicy

import (
	"fmt"
	"strings"
)

// OpKind is a base condition operator, without set qualifier or IfExists.
type OpKind uint8

// The base condition operators of the IAM policy grammar.
const (
	OpInvalid OpKind = iota
	StringEquals
	StringNotEquals
	StringEqualsIgnoreCase
	StringNotEqualsIgnoreCase
	StringLike
	StringNotLike
	NumericEquals
	NumericNotEquals
	NumericLessThan
	NumericLessThanEquals
	NumericGreaterThan
	NumericGreaterThanEquals
	DateEquals
	DateNotEquals
	DateLessThan
	DateLessThanEquals
	DateGreaterThan
	DateGreaterThanEquals
	Bool
	BinaryEquals
	IPAddress
	NotIPAddress
	ArnEquals
	ArnLike
	ArnNotEquals
	ArnNotLike
	Null
	opCount
)

var opNames = [opCount]string{
	"", "StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase",
	"StringLike", "StringNotLike", "NumericEquals", "NumericNotEquals", "NumericLessThan",
	"NumericLessThanEquals", "NumericGreaterThan", "NumericGreaterThanEquals", "DateEquals",
	"DateNotEquals", "DateLessThan", "DateLessThanEquals", "DateGreaterThan",
	"DateGreaterThanEquals", "Bool", "BinaryEquals", "IpAddress", "NotIpAddress", "ArnEquals",
	"ArnLike", "ArnNotEquals", "ArnNotLike", "Null",
}

// String returns the operator's name as the grammar spells it.
func (k OpKind) String() string {
	if k < opCount {
		return opNames[k]
	}
	return fmt.Sprintf("OpKind(%d)", uint8(k))
}

// Negated reports whether the operator matches when the key does not match any of
// the values (StringNotEquals, NotIpAddress, ...).
func (k OpKind) Negated() bool {
	switch k {
	case StringNotEquals, StringNotEqualsIgnoreCase, StringNotLike, NumericNotEquals,
		DateNotEquals, NotIPAddress, ArnNotEquals, ArnNotLike:
		return true
	}
	return false
}

// positive returns the operator a negated one negates.
func (k OpKind) positive() OpKind {
	switch k {
	case StringNotEquals:
		return StringEquals
	case StringNotEqualsIgnoreCase:
		return StringEqualsIgnoreCase
	case StringNotLike:
		return StringLike
	case NumericNotEquals:
		return NumericEquals
	case DateNotEquals:
		return DateEquals
	case NotIPAddress:
		return IPAddress
	case ArnNotEquals:
		return ArnEquals
	case ArnNotLike:
		return ArnLike
	}
	return k
}

// Category is the type of value an operator compares: the condition key types of
// the Service Authorization Reference map onto these.
type Category uint8

// Operator categories.
const (
	CategoryString Category = iota + 1
	CategoryNumeric
	CategoryDate
	CategoryBool
	CategoryBinary
	CategoryIP
	CategoryARN
	CategoryNull
)

var categoryNames = [...]string{"", "String", "Numeric", "Date", "Bool", "Binary", "IPAddress", "ARN", "Null"}

// String names the category as the key types do ("String", "ARN", ...).
func (c Category) String() string {
	if int(c) < len(categoryNames) {
		return categoryNames[c]
	}
	return fmt.Sprintf("Category(%d)", uint8(c))
}

// Category returns what kind of values the operator compares.
func (k OpKind) Category() Category {
	switch {
	case k >= StringEquals && k <= StringNotLike:
		return CategoryString
	case k >= NumericEquals && k <= NumericGreaterThanEquals:
		return CategoryNumeric
	case k >= DateEquals && k <= DateGreaterThanEquals:
		return CategoryDate
	case k == Bool:
		return CategoryBool
	case k == BinaryEquals:
		return CategoryBinary
	case k == IPAddress || k == NotIPAddress:
		return CategoryIP
	case k >= ArnEquals && k <= ArnNotLike:
		return CategoryARN
	case k == Null:
		return CategoryNull
	}
	return 0
}

// SetOp is a condition set qualifier.
type SetOp uint8

// Set qualifiers.
const (
	SetNone SetOp = iota
	ForAllValues
	ForAnyValue
)

// Operator is a parsed condition operator such as "ForAnyValue:StringLikeIfExists".
type Operator struct {
	Kind     OpKind
	Set      SetOp
	IfExists bool
}

// String spells the operator as the grammar does.
func (o Operator) String() string {
	s := o.Kind.String()
	if o.IfExists {
		s += "IfExists"
	}
	switch o.Set {
	case ForAllValues:
		s = "ForAllValues:" + s
	case ForAnyValue:
		s = "ForAnyValue:" + s
	}
	return s
}

// ParseOperator reads an operator name. Names are case-sensitive, as AWS writes them.
func ParseOperator(name string) (Operator, error) {
	var o Operator
	s := name
	switch {
	case strings.HasPrefix(s, "ForAllValues:"):
		o.Set, s = ForAllValues, s[len("ForAllValues:"):]
	case strings.HasPrefix(s, "ForAnyValue:"):
		o.Set, s = ForAnyValue, s[len("ForAnyValue:"):]
	}
	if base, ok := strings.CutSuffix(s, "IfExists"); ok {
		o.IfExists, s = true, base
	}
	for k := StringEquals; k < opCount; k++ {
		if opNames[k] == s {
			o.Kind = k
		}
	}
	if o.Kind == OpInvalid {
		return o, fmt.Errorf("unknown condition operator %q", name)
	}
	if o.Kind == Null && (o.IfExists || o.Set != SetNone) {
		return o, fmt.Errorf("condition operator %q: Null takes neither IfExists nor a set qualifier", name)
	}
	return o, nil
}

// MarshalText writes the operator's name.
func (o Operator) MarshalText() ([]byte, error) { return []byte(o.String()), nil }

// UnmarshalText reads an operator name.
func (o *Operator) UnmarshalText(b []byte) error {
	op, err := ParseOperator(string(b))
	if err != nil {
		return err
	}
	*o = op
	return nil
}
