package iam

import (
	"iter"
	"strings"
)

// Action is one action of an AWS service. Every generated service package has an
// Action type that implements it; ActionInfo implements it too, for actions known
// only at run time (read from a policy, looked up in the catalog).
type Action interface {
	// String returns the name policies use, "<prefix>:<Action>", e.g. "s3:GetObject".
	String() string
	// Info returns what the Service Authorization Reference says about the action.
	Info() ActionInfo
}

// ActionInfo is what the Service Authorization Reference says about one action. It
// is a value made of strings: copying it out of a generated table is cheap and
// changing the copy changes nothing else.
type ActionInfo struct {
	Service     string      // the service prefix, "s3"
	Name        string      // the action in AWS's spelling, "GetObject"
	Description string      // verbatim from the page; may be empty
	AccessLevel AccessLevel // Read, Write, List, Tagging or Permissions management
	// ResourceTypes are the rows of the action that name a resource type, in page
	// order: the types a policy may restrict it to, required ones marked.
	ResourceTypes ActionResourceTypes
	// ConditionKeys and DependentActions are those of the action's row without a
	// resource type: keys the request carries whatever the resource.
	ConditionKeys    ConditionKeys
	DependentActions Names
	DocURL           string // the action's API documentation, as linked from the page
	Operation        string // the API operation the link names ("GetObject"); may be empty
	// Deprecated is "removed from <page> on <date>" when the action vanished from
	// the reference and is kept only so that code naming it compiles; "" otherwise.
	Deprecated string
}

// String returns "<prefix>:<name>", the form policies use.
func (i ActionInfo) String() string { return i.Service + ":" + i.Name }

// Info returns i, so that an ActionInfo can stand for an Action that has no
// generated constant.
func (i ActionInfo) Info() ActionInfo { return i }

// Valid reports whether i describes an action (the zero ActionInfo does not).
func (i ActionInfo) Valid() bool { return i.Service != "" && i.Name != "" }

// WildcardOnly reports whether the action names no resource type, so that a
// policy can grant it only on Resource "*" (AWS's equivalent of an
// operation-level API).
func (i ActionInfo) WildcardOnly() bool { return i.ResourceTypes == "" }

// ActionResourceType is one row of an action that names a resource type.
type ActionResourceType struct {
	Name             string // the resource type, "object"; another service's as "prefix:name"
	Required         bool   // marked with * on the page
	ConditionKeys    ConditionKeys
	DependentActions Names
}

// ActionResourceTypes is a read-only list of an action's resource-type rows,
// stored as one string: rows end with a record separator (0x1e) and their four
// fields are separated by unit separators (0x1f): name, "*" when required, the
// condition keys and the dependent actions, each a space-separated list. It is
// the form generated tables hold; read it with Len, At and All.
type ActionResourceTypes string

const (
	recordSep = 0x1e
	unitSep   = 0x1f
)

// EncodeActionResourceTypes is the inverse of ActionResourceTypes.At, for tools
// and tests that build ActionInfo values. It reports false when a field holds a
// character the encoding reserves: a control character anywhere, a space inside
// a condition key or dependent action (resource type names may hold spaces:
// Lambda's "durable execution").
func EncodeActionResourceTypes(rows ...ActionResourceType) (ActionResourceTypes, bool) {
	var b strings.Builder
	for _, r := range rows {
		if !rowName(r.Name) {
			return "", false
		}
		b.WriteString(r.Name)
		b.WriteByte(unitSep)
		if r.Required {
			b.WriteByte('*')
		}
		b.WriteByte(unitSep)
		for _, l := range []string{string(r.ConditionKeys), string(r.DependentActions)} {
			for n := range Names(l).All() {
				if !listItem(n) {
					return "", false
				}
			}
		}
		b.WriteString(string(r.ConditionKeys))
		b.WriteByte(unitSep)
		b.WriteString(string(r.DependentActions))
		b.WriteByte(recordSep)
	}
	return ActionResourceTypes(b.String()), true
}

// Len returns the number of rows.
func (l ActionResourceTypes) Len() int { return strings.Count(string(l), "\x1e") }

// At returns the i-th row; it panics when i is out of range.
func (l ActionResourceTypes) At(i int) ActionResourceType {
	if i >= 0 {
		for r := range l.All() {
			if i == 0 {
				return r
			}
			i--
		}
	}
	panic("iam: resource type index out of range")
}

// All iterates over the rows in page order, allocating nothing.
func (l ActionResourceTypes) All() iter.Seq[ActionResourceType] {
	return func(yield func(ActionResourceType) bool) {
		for s := string(l); s != ""; {
			var row string
			row, s, _ = strings.Cut(s, "\x1e")
			name, rest, _ := strings.Cut(row, "\x1f")
			req, rest, _ := strings.Cut(rest, "\x1f")
			keys, deps, _ := strings.Cut(rest, "\x1f")
			if !yield(ActionResourceType{Name: name, Required: req == "*", ConditionKeys: ConditionKeys(keys), DependentActions: Names(deps)}) {
				return
			}
		}
	}
}

// Find returns the row of the resource type named name, and whether there is one.
func (l ActionResourceTypes) Find(name string) (ActionResourceType, bool) {
	for r := range l.All() {
		if r.Name == name {
			return r, true
		}
	}
	return ActionResourceType{}, false
}

// Slice returns the rows in a new slice; nil when there are none.
func (l ActionResourceTypes) Slice() []ActionResourceType {
	var out []ActionResourceType
	for r := range l.All() {
		out = append(out, r)
	}
	return out
}

// rowName reports whether a resource type name can be stored: not empty, no
// control characters.
func rowName(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < ' ' || s[i] == 0x7f {
			return false
		}
	}
	return true
}
