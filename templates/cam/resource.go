package cam

import (
	"errors"
	"fmt"
	"strings"
)

// Resource is a six-segment CAM resource name, qcs:project:service:region:account:resource,
// e.g. qcs::ccc::uin/100001:SdkAppId/1400001. Project and region are usually empty. The
// zero Resource stands for "*": no specific resource, or all of them.
//
// In a policy the same form is a pattern: '*' is a wildcard, and an empty project,
// service, region or account matches any value (CAM reads an empty account as the policy
// owner's, which an evaluator outside CAM cannot know).
type Resource struct {
	Project  string // legacy; CAM's policy syntax leaves it empty
	Service  string // CAM short name, "ccc"
	Region   string // "ap-guangzhou", or empty
	Account  string // "uin/100001", "uid/1250000000", or empty
	Resource string // "<type>/<id>", everything after the fifth ':'

	// invalid says why a generated builder refused its arguments ("" when it did
	// not): the builders keep one return value so that they nest in expressions, and
	// campolicy.New, On and Evaluate refuse the Resource instead (see Err).
	invalid string
}

// Require is what generated builders call on the Resource they built, with the
// builder's name and each argument's name and value in turn: an empty value makes r
// invalid, since "SdkAppId/" names no resource and an empty account ("uin/") names
// none either. Err reports it; campolicy.New refuses the statement and
// campolicy.Evaluate denies.
func (r Resource) Require(builder string, namesAndValues ...string) Resource {
	var empty []string
	for i := 0; i+1 < len(namesAndValues); i += 2 {
		if namesAndValues[i+1] == "" {
			empty = append(empty, namesAndValues[i])
		}
	}
	if len(empty) > 0 {
		r.invalid = builder + ": empty " + strings.Join(empty, ", ") + "; every argument names part of the resource (use \"*\" for any)"
	}
	return r
}

// Err returns why the builder that made r refused its arguments, or nil. A Resource
// from ParseResource or a struct literal is never refused here.
func (r Resource) Err() error {
	if r.invalid == "" {
		return nil
	}
	return errors.New("cam: " + r.invalid)
}

// IsZero reports whether r is the zero Resource, which stands for "*".
func (r Resource) IsZero() bool { return r == Resource{} }

// String returns the six-segment form, or "*" for the zero Resource.
func (r Resource) String() string {
	if r.IsZero() {
		return "*"
	}
	return "qcs:" + r.Project + ":" + r.Service + ":" + r.Region + ":" + r.Account + ":" + r.Resource
}

// appendTo appends r.String() to b; the evaluator uses it with a stack buffer.
func (r Resource) appendTo(b []byte) []byte {
	if r.IsZero() {
		return append(b, '*')
	}
	b = append(b, "qcs:"...)
	for _, s := range [...]string{r.Project, r.Service, r.Region, r.Account} {
		b = append(b, s...)
		b = append(b, ':')
	}
	return append(b, r.Resource...)
}

// WithRegion returns r in region; resource builders leave the region empty because most
// CAM patterns do.
func (r Resource) WithRegion(region string) Resource { r.Region = region; return r }

// WithProject returns r with project p.
func (r Resource) WithProject(p string) Resource { r.Project = p; return r }

// Type returns the resource type, the sixth segment up to its first '/': "SdkAppId" for
// qcs::ccc::uin/100001:SdkAppId/1400001. Without a '/', the whole sixth segment.
func (r Resource) Type() string {
	t, _, _ := strings.Cut(r.Resource, "/")
	return t
}

// ID returns what follows the sixth segment's first '/': "1400001" for
// qcs::ccc::uin/100001:SdkAppId/1400001. Empty without a '/'.
func (r Resource) ID() string {
	_, id, _ := strings.Cut(r.Resource, "/")
	return id
}

// ParseResource parses a six-segment resource name or pattern. The sixth segment is
// everything after the fifth ':', so it may itself hold ':'. "*" parses to the zero
// Resource. The first segment must be "qcs" and the sixth must not be empty; the others
// may be.
func ParseResource(s string) (Resource, error) {
	r, n := SplitResource(s)
	switch {
	case n < 6:
		return Resource{}, fmt.Errorf("cam: resource %q has %d segments, want 6: qcs:project:service:region:account:resource", s, n)
	case s != "*" && !strings.HasPrefix(s, "qcs:"):
		first, _, _ := strings.Cut(s, ":")
		return Resource{}, fmt.Errorf("cam: resource %q starts with %q, want \"qcs\"", s, first)
	case s != "*" && r.Resource == "":
		return Resource{}, fmt.Errorf("cam: resource %q has an empty sixth segment, want e.g. \"SdkAppId/1400001\" or \"*\"", s)
	case r.Project != "":
		// CAM doc 598/10606: project_id "is not allowed in the current policy syntax".
		return Resource{}, fmt.Errorf("cam: resource %q fills project_id (%q); CAM's policy syntax does not allow it: leave the second segment empty", s, r.Project)
	}
	return r, nil
}

// SplitResource does ParseResource's work without building an error, so that matching
// a malformed pattern costs no allocation. n is the number of segments found, capped at
// 6; r is valid when n is 6, s starts with "qcs:" and r.Resource is not empty.
func SplitResource(s string) (r Resource, n int) {
	if s == "*" {
		return Resource{}, 6
	}
	var seg [5]string
	rest := s
	for i := range seg {
		j := strings.IndexByte(rest, ':')
		if j < 0 {
			return Resource{}, i + 1
		}
		seg[i], rest = rest[:j], rest[j+1:]
	}
	return Resource{Project: seg[1], Service: seg[2], Region: seg[3], Account: seg[4], Resource: rest}, 6
}

// MustParseResource is ParseResource for names known to be valid; it panics otherwise.
func MustParseResource(s string) Resource {
	r, err := ParseResource(s)
	if err != nil {
		panic(err)
	}
	return r
}
