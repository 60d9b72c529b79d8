package cam

import (
	"encoding/json"
	"fmt"
	"strings"
)

// Action is one CAM-authorized API. Every generated service package has an Action type
// that implements it; ActionInfo implements it too, for actions known only at run time.
type Action interface {
	// String returns the name CAM policies use, "<service>:<API>", e.g. "ccc:CreateStaff".
	String() string
	// Info returns the action's metadata as the vendor's page gives it.
	Info() ActionInfo
}

// ActionInfo is what a CAM page says about one API.
type ActionInfo struct {
	Service       string      // CAM short name, "ccc"
	Name          string      // API name in the vendor's spelling, "CreateStaff"
	Description   string      // verbatim from the page; may be empty
	Category      Category    // from the section the action is listed in
	Section       string      // that section's heading as found, e.g. "写操作"
	Granularity   Granularity // how finely CAM can authorize it
	IPRestriction Support     // whether an IP condition is honoured
	// Resources are the six-segment patterns the action may be restricted to, with
	// ${placeholders}; ["*"] for an operation-level action. Like every list here it is
	// read-only: Info hands out the static tables themselves, which no caller may
	// change for the next one (Guard, the linter, LeastPrivilege read them too).
	Resources Names
	// ResourceTypes are the types of Resources as "service/type", e.g. "ccc/SdkAppId";
	// empty when Resources is ["*"].
	ResourceTypes Names
	// Deprecated is "removed from <page> on <date>" when the action vanished from the
	// docs and is kept only so that code naming it compiles; "" otherwise.
	Deprecated string
}

// String returns "<service>:<name>", the form policies use.
func (i ActionInfo) String() string { return i.Service + ":" + i.Name }

// Info returns i, so that an ActionInfo can stand for an Action that has no generated
// constant, e.g. one read from a file.
func (i ActionInfo) Info() ActionInfo { return i }

// ServiceInfo is what a CAM page's 基本信息 table says about the whole service, and
// where the page came from.
type ServiceInfo struct {
	Name             string // product name as the page gives it, "云呼叫中心"
	ShortName        string // CAM short name, "ccc"
	APIVersion       string // Tencent Cloud API 3.0 version, e.g. "2020-02-10"
	Source           string // the snapshot the package was generated from
	URL              string // where the vendor publishes the page
	ConsoleAccess    Support
	TagAuthorization Support
	Granularity      Granularity // the page-level value; actions may be finer
	IPRestriction    Support
}

// Names is a read-only list of names: the elements joined by NamesSep. It is a string
// so that a generated table can hold it as a constant and Info can return it without
// copying (no allocation) while no caller can write through it, as it could through a
// shared []string. The zero Names is the empty list. Build one with NewNames.
type Names string

// NamesSep separates the elements of Names; no element may contain it (resource
// patterns and type names never do).
const NamesSep = "\n"

// NewNames returns the list of the given names. It panics on an empty name or one
// holding NamesSep, which would not read back as itself.
func NewNames(names ...string) Names {
	for _, n := range names {
		if n == "" || strings.Contains(n, NamesSep) {
			panic(fmt.Sprintf("cam.NewNames: name %q is empty or holds a line break", n))
		}
	}
	return Names(strings.Join(names, NamesSep))
}

// cut returns the first element and the rest of the list.
func (n Names) cut() (string, Names) {
	first, rest, _ := strings.Cut(string(n), NamesSep)
	return first, Names(rest)
}

// Len returns the number of elements.
func (n Names) Len() int {
	if n == "" {
		return 0
	}
	return strings.Count(string(n), NamesSep) + 1
}

// At returns the i-th element; it panics when i is out of range, as indexing does.
func (n Names) At(i int) string {
	if i >= 0 {
		for rest := n; rest != ""; i-- {
			var first string
			first, rest = rest.cut()
			if i == 0 {
				return first
			}
		}
	}
	panic("cam.Names.At: index out of range")
}

// Contains reports whether name is one of the elements.
func (n Names) Contains(name string) bool {
	for rest := n; rest != ""; {
		var first string
		first, rest = rest.cut()
		if first == name {
			return true
		}
	}
	return false
}

// Slice returns the elements in a new slice, the caller's to modify; nil when empty.
func (n Names) Slice() []string {
	if n == "" {
		return nil
	}
	return strings.Split(string(n), NamesSep)
}

// Join returns the elements joined by sep.
func (n Names) Join(sep string) string { return strings.ReplaceAll(string(n), NamesSep, sep) }

// String formats the list as fmt formats a []string, "[a b]".
func (n Names) String() string { return "[" + n.Join(" ") + "]" }

// MarshalJSON writes the list as a JSON array of strings.
func (n Names) MarshalJSON() ([]byte, error) {
	s := n.Slice()
	if s == nil {
		s = []string{}
	}
	return json.Marshal(s)
}

// UnmarshalJSON reads a JSON array of strings (or null).
func (n *Names) UnmarshalJSON(b []byte) error {
	var s []string
	if err := json.Unmarshal(b, &s); err != nil {
		return err
	}
	for _, e := range s {
		if e == "" || strings.Contains(e, NamesSep) {
			return fmt.Errorf("cam: name %q is empty or holds a line break", e)
		}
	}
	*n = Names(strings.Join(s, NamesSep))
	return nil
}
