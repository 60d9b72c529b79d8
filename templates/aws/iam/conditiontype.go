package iam

import (
	"errors"
	"strconv"
)

// ConditionType is the type the reference gives a condition key, which decides
// the condition operators a policy may use with it (String* for String, Arn* for
// ARN, ...). Array types ("ArrayOfString") are keys whose request value is a list,
// used with the ForAllValues: and ForAnyValue: set operators. The zero value is
// UnknownConditionType.
type ConditionType uint8

// The condition key types. Each scalar type is followed by its array type, so
// that Elem and IsArray are arithmetic.
const (
	UnknownConditionType ConditionType = iota
	TypeString
	TypeArrayOfString
	TypeARN
	TypeArrayOfARN
	TypeNumeric
	TypeArrayOfNumeric
	TypeDate
	TypeArrayOfDate
	TypeBool
	TypeArrayOfBool
	TypeIPAddress
	TypeArrayOfIPAddress
	TypeBinary
	TypeArrayOfBinary
	TypeNull // not a reference type: the "Null" operator's operand, kept for completeness
	numConditionTypes
)

var conditionTypeNames = [numConditionTypes]string{
	"", "String", "ArrayOfString", "ARN", "ArrayOfARN", "Numeric", "ArrayOfNumeric",
	"Date", "ArrayOfDate", "Bool", "ArrayOfBool", "IPAddress", "ArrayOfIPAddress",
	"Binary", "ArrayOfBinary", "Null",
}

// String returns the type as the reference writes it, "ArrayOfString".
func (t ConditionType) String() string {
	if t == 0 || t >= numConditionTypes {
		return "ConditionType(" + strconv.Itoa(int(t)) + ")"
	}
	return conditionTypeNames[t]
}

// Valid reports whether t is one of the constants.
func (t ConditionType) Valid() bool { return t > 0 && t < numConditionTypes }

// IsArray reports whether the key's value is a list ("ArrayOf...").
func (t ConditionType) IsArray() bool { return t.Valid() && t < TypeNull && t%2 == 0 }

// Elem returns the element type of an array type, and t itself otherwise.
func (t ConditionType) Elem() ConditionType {
	if t.IsArray() {
		return t - 1
	}
	return t
}

// ParseConditionType returns the type written s as the reference writes it. The
// reference also writes "Boolean", "Long", "Integer" and "IpAddress" in places;
// those spellings are accepted for the type they mean.
func ParseConditionType(s string) (ConditionType, error) {
	for t := TypeString; t < numConditionTypes; t++ {
		if conditionTypeNames[t] == s {
			return t, nil
		}
	}
	switch s {
	case "Boolean":
		return TypeBool, nil
	case "Long", "Integer", "Number":
		return TypeNumeric, nil
	case "IpAddress":
		return TypeIPAddress, nil
	case "ArrayOfBoolean":
		return TypeArrayOfBool, nil
	case "ArrayOfLong", "ArrayOfInteger":
		return TypeArrayOfNumeric, nil
	case "Arn":
		return TypeARN, nil
	case "ArrayOfArn":
		return TypeArrayOfARN, nil
	}
	return UnknownConditionType, errors.New("iam: unknown condition key type " + strconv.Quote(s))
}

// MarshalText writes the type by name; an invalid type is an error.
func (t ConditionType) MarshalText() ([]byte, error) {
	if !t.Valid() {
		return nil, errors.New("iam: cannot marshal invalid " + t.String())
	}
	return []byte(t.String()), nil
}

// UnmarshalText reads a type written by name.
func (t *ConditionType) UnmarshalText(b []byte) error {
	v, err := ParseConditionType(string(b))
	if err != nil {
		return err
	}
	*t = v
	return nil
}
