// Package cam is the runtime shared by every generated Tencent Cloud service package:
// the vocabulary of CAM metadata (Category, Granularity, Support, ActionInfo), six-segment
// resource names, CAM policies with a builder that refuses what CAM would silently ignore,
// an evaluator, a linter, least-privilege policies and an SDK transport that checks or
// records calls.
//
// It imports only the standard library so that generated code adds no dependency.
//
// The semantics follow Tencent Cloud's CAM documentation: an explicit deny wins, no
// matching allow is an implicit deny, "*" is a wildcard in actions and resources, and an
// operation-level API is authorized only by a statement whose resource is "*".
//
// Unknown is not absent. A Request can say what its asker could not know
// (Request.Unknown): the whole resource, a part of it left as its placeholder
// ("qcs::ccc::uin/${uin}:SdkAppId/1400001" with Parts ["uin"]), or condition keys. An
// allow applies only if it applies for every value of the unknowns; a deny applies if
// it could apply for some value. Decision.Unknowns names the unknowns that decided,
// and the decision's text says so. A Guard passes what a transport could not fill and
// the condition keys it cannot observe as unknowns, never as "no resource" or "absent";
// its denial says how to make them known. The same contract, with the same names, holds
// for AWS in iampolicy.
package cam

import "fmt"

// Category is the section of a CAM page an action is listed in. The zero value is
// UnknownCategory, for sections the page names in a way permgen does not know.
//
// The integer value is no public contract; like every enum of permgen it marshals as
// its name (encoding.TextMarshaler), so store and send that.
type Category uint8

// Categories, in the order of the Tencent pages' usual sections.
const (
	UnknownCategory Category = iota
	Write                    // 写操作
	Read                     // 读操作
	List                     // 列表操作
	Other                    // 其他操作
)

var categoryNames = [...]string{"unknown", "write", "read", "list", "other"}

// String returns the category's lower-case English name, e.g. "write".
func (c Category) String() string {
	if int(c) < len(categoryNames) {
		return categoryNames[c]
	}
	return fmt.Sprintf("Category(%d)", uint8(c))
}

// MarshalText writes the name String returns, so JSON output is readable.
func (c Category) MarshalText() ([]byte, error) {
	if int(c) >= len(categoryNames) {
		return nil, fmt.Errorf("cam: invalid Category %d", uint8(c))
	}
	return []byte(c.String()), nil
}

// UnmarshalText reads a name MarshalText writes.
func (c *Category) UnmarshalText(b []byte) error {
	i, err := lookupName("Category", categoryNames[:], string(b))
	*c = Category(i)
	return err
}

// Granularity is how finely CAM can authorize an API (授权粒度). The zero value means
// unknown and is never valid in generated metadata. The integer value is no public
// contract: it marshals as its name.
type Granularity uint8

// Granularities, from coarsest to finest.
const (
	UnknownGranularity Granularity = iota
	ServiceLevel                   // 服务级: the whole service or nothing
	OperationLevel                 // 操作级: per API, resource "*" only
	ResourceLevel                  // 资源级: per API and resource
)

var granularityNames = [...]string{"unknown", "service", "operation", "resource"}

// String returns "service", "operation", "resource" or "unknown".
func (g Granularity) String() string {
	if int(g) < len(granularityNames) {
		return granularityNames[g]
	}
	return fmt.Sprintf("Granularity(%d)", uint8(g))
}

// MarshalText writes the name String returns.
func (g Granularity) MarshalText() ([]byte, error) {
	if int(g) >= len(granularityNames) {
		return nil, fmt.Errorf("cam: invalid Granularity %d", uint8(g))
	}
	return []byte(g.String()), nil
}

// UnmarshalText reads a name MarshalText writes.
func (g *Granularity) UnmarshalText(b []byte) error {
	i, err := lookupName("Granularity", granularityNames[:], string(b))
	*g = Granularity(i)
	return err
}

// wildcardOnly reports whether CAM authorizes actions of this granularity only with
// resource "*". A service-level service has no per-resource authorization at all.
func (g Granularity) wildcardOnly() bool { return g == OperationLevel || g == ServiceLevel }

// Support is a yes / no / partly value (支持 / 不支持 / 部分支持). The zero value means
// unknown. The integer value is no public contract: it marshals as its name.
type Support uint8

// Support values.
const (
	UnknownSupport Support = iota
	Supported
	Unsupported
	PartiallySupported
)

var supportNames = [...]string{"unknown", "supported", "unsupported", "partial"}

// String returns "supported", "unsupported", "partial" or "unknown".
func (s Support) String() string {
	if int(s) < len(supportNames) {
		return supportNames[s]
	}
	return fmt.Sprintf("Support(%d)", uint8(s))
}

// MarshalText writes the name String returns.
func (s Support) MarshalText() ([]byte, error) {
	if int(s) >= len(supportNames) {
		return nil, fmt.Errorf("cam: invalid Support %d", uint8(s))
	}
	return []byte(s.String()), nil
}

// UnmarshalText reads a name MarshalText writes.
func (s *Support) UnmarshalText(b []byte) error {
	i, err := lookupName("Support", supportNames[:], string(b))
	*s = Support(i)
	return err
}

// lookupName finds s among names; an unknown name is an error that lists the known
// ones and, when one is near (a third of the name or less changed), suggests it.
func lookupName(kind string, names []string, s string) (int, error) {
	best, bestD := "", len(s)/3+1
	for i, n := range names {
		if n == s {
			return i, nil
		}
		if d := suggestDistance(lowerASCII(s), n); d < bestD {
			best, bestD = n, d
		}
	}
	hint := ""
	if best != "" {
		hint = fmt.Sprintf("did you mean %q? ", best)
	}
	return 0, fmt.Errorf("cam: unknown %s %q; %sknown: %v", kind, s, hint, names)
}
