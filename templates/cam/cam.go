// Package cam is the catalog vocabulary every generated Tencent Cloud product package
// shares: what a CAM page says about an API (Category, Granularity, Support,
// ActionInfo, ServiceInfo), the Action interface each product's Action type
// implements, and six-segment resource names (Resource) with the builders' checks.
// Generated product packages import it and nothing else of permgen.
//
// Two sibling packages build on it, split by role as AWS's runtimes are (iam,
// iampolicy, and the guard of sdk/awsperm):
//
//   - campolicy is CAM's policy language: Parse, the builder New, Evaluate and
//     EvaluateAll, Lint and LeastPrivilege, with the "unknown is not absent" contract;
//   - camguard checks (Guard) and records (Recorder) calls against policies, before
//     anything is sent.
//
// camhttp, the fourth, reads tencentcloud-sdk-go's HTTP requests into camguard calls.
//
// It imports only the standard library so that generated code adds no dependency.
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

// Granularities, from coarsest to finest, then the one no source documents.
const (
	UnknownGranularity Granularity = iota
	ServiceLevel                   // 服务级: the whole service or nothing
	OperationLevel                 // 操作级: per API, resource "*" only
	ResourceLevel                  // 资源级: per API and resource
	// UndocumentedGranularity is that of an action that is known (the API
	// catalogue lists it) while no CAM source says how finely CAM authorizes it.
	// Policies grant it on "*"; the evaluator reads it as it reads an unknown
	// granularity (an allow naming a resource does not apply, a deny applies both
	// ways); lint reports it as info.
	UndocumentedGranularity
)

var granularityNames = [...]string{"unknown", "service", "operation", "resource", "undocumented"}

// String returns "service", "operation", "resource", "undocumented" or "unknown".
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

// WildcardOnly reports whether CAM authorizes actions of this granularity only with
// resource "*". A service-level service has no per-resource authorization at all.
func (g Granularity) WildcardOnly() bool { return g == OperationLevel || g == ServiceLevel }

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
