package iam

import (
	"errors"
	"strconv"
)

// AccessLevel is the access level the Service Authorization Reference gives an
// action, one of five words, kept as AWS writes them. The zero value is
// UnknownAccessLevel: the page did not say, or said something else.
type AccessLevel uint8

// The access levels, in the order the reference lists them.
const (
	UnknownAccessLevel    AccessLevel = iota
	Read                              // "Read"
	Write                             // "Write"
	List                              // "List"
	Tagging                           // "Tagging"
	PermissionsManagement             // "Permissions management"
)

const accessLevelNames = "ReadWriteListTaggingPermissions management"

var accessLevelIndex = [...]uint8{0, 4, 9, 13, 20, 42}

// AccessLevels returns the five known access levels in the reference's order.
func AccessLevels() []AccessLevel {
	return []AccessLevel{Read, Write, List, Tagging, PermissionsManagement}
}

// String returns the level as AWS writes it ("Permissions management"), or
// "AccessLevel(n)" for a value that is none of the constants.
func (l AccessLevel) String() string {
	if l == 0 || int(l) >= len(accessLevelIndex) {
		return "AccessLevel(" + strconv.Itoa(int(l)) + ")"
	}
	return accessLevelNames[accessLevelIndex[l-1]:accessLevelIndex[l]]
}

// Valid reports whether l is one of the five levels.
func (l AccessLevel) Valid() bool { return l > 0 && int(l) < len(accessLevelIndex) }

// ParseAccessLevel returns the level written s, exactly as the reference writes it.
func ParseAccessLevel(s string) (AccessLevel, error) {
	for l := Read; l <= PermissionsManagement; l++ {
		if l.String() == s {
			return l, nil
		}
	}
	return UnknownAccessLevel, errors.New("iam: unknown access level " + strconv.Quote(s) +
		`; known: "Read", "Write", "List", "Tagging", "Permissions management"`)
}

// MarshalText writes the level by name; an invalid level is an error, so that it
// never reaches a file as a number.
func (l AccessLevel) MarshalText() ([]byte, error) {
	if !l.Valid() {
		return nil, errors.New("iam: cannot marshal invalid " + l.String())
	}
	return []byte(l.String()), nil
}

// UnmarshalText reads a level written by name.
func (l *AccessLevel) UnmarshalText(b []byte) error {
	v, err := ParseAccessLevel(string(b))
	if err != nil {
		return err
	}
	*l = v
	return nil
}
