package iamarn

import (
	"strconv"
	"strings"
)

// ARN is one Amazon Resource Name, split into its six segments. A literal
// ARN{...} is fine; builders and Parse fill it in for you. Account and Region may
// be empty (S3 buckets have neither). Resource keeps any further colons.
type ARN struct {
	Partition Partition
	Service   string
	Region    string
	Account   string
	Resource  string

	// fixed says which of region and account the template left empty on purpose:
	// setting them would make an ARN that is no instance of its resource type.
	fixed uint8
	// err is why a builder could not make the ARN; see the package comment.
	err error
}

const (
	fixedRegion uint8 = 1 << iota
	fixedAccount
)

// Error is why an ARN could not be read or built.
type Error struct {
	Input  string // the text read, or the template built from
	Reason string
}

// Error says which input failed and why, prefixed "iamarn: ".
func (e *Error) Error() string {
	return "iamarn: " + strconv.Quote(e.Input) + ": " + e.Reason
}

func arnError(input, reason string) error { return &Error{Input: input, Reason: reason} }

// Parse reads s as an ARN. It is strict: "arn:" in lower case, six segments, a
// partition, a service and a resource; no white space or control characters.
// Wildcards are accepted where IAM accepts them in a policy's Resource (not in the
// service), so that Parse reads patterns too; IsPattern tells them apart.
func Parse(s string) (ARN, error) {
	if !strings.HasPrefix(s, "arn:") {
		return ARN{}, arnError(s, `does not start with "arn:"`)
	}
	var seg [5]string
	rest := s[len("arn:"):]
	for i := range 4 {
		j := strings.IndexByte(rest, ':')
		if j < 0 {
			return ARN{}, arnError(s, "has "+strconv.Itoa(i+2)+" of the 6 colon-separated segments arn:partition:service:region:account:resource")
		}
		seg[i], rest = rest[:j], rest[j+1:]
	}
	seg[4] = rest
	a := ARN{Partition: Partition(seg[0]), Service: seg[1], Region: seg[2], Account: seg[3], Resource: seg[4]}
	if err := a.check(s); err != nil {
		return ARN{}, err
	}
	return a, nil
}

// MustParse is Parse for constants in code: it panics on error.
func MustParse(s string) ARN {
	a, err := Parse(s)
	if err != nil {
		panic(err)
	}
	return a
}

// check validates the segments; input names the ARN in the error.
func (a ARN) check(input string) error {
	switch {
	case a.Partition == "":
		return arnError(input, "empty partition")
	case !segmentChars(string(a.Partition), true):
		return arnError(input, "partition "+strconv.Quote(string(a.Partition))+" is not lower-case letters, digits and '-'")
	case a.Service == "":
		return arnError(input, "empty service")
	case strings.ContainsAny(a.Service, "*?"):
		return arnError(input, "a wildcard in the service segment, which IAM does not allow")
	case !segmentChars(a.Service, false):
		return arnError(input, "service "+strconv.Quote(a.Service)+" is not lower-case letters, digits, '-' and '.'")
	case !segmentChars(a.Region, true):
		return arnError(input, "region "+strconv.Quote(a.Region)+" is not lower-case letters, digits and '-'")
	case !accountChars(a.Account):
		return arnError(input, "account "+strconv.Quote(a.Account)+" is not an account ID (digits), \"aws\" or a pattern")
	case a.Resource == "":
		return arnError(input, "empty resource")
	case hasControl(a.Resource):
		return arnError(input, "the resource holds white space or a control character")
	}
	return nil
}

// segmentChars reports whether s holds only lower-case letters, digits, '-' (and
// '.' in a service), or wildcards when allowed.
func segmentChars(s string, wild bool) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z', '0' <= c && c <= '9', c == '-':
		case c == '.' && !wild:
		case (c == '*' || c == '?') && wild:
		default:
			return false
		}
	}
	return true
}

func accountChars(s string) bool {
	if s == "aws" {
		return true
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('0' <= c && c <= '9') && c != '*' && c != '?' {
			return false
		}
	}
	return true
}

// hasControl reports white space other than the plain space, or control bytes.
func hasControl(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < ' ' || c == 0x7f {
			return true
		}
	}
	return false
}

// Err reports why the ARN is not valid: the error a builder recorded, or what is
// wrong with the segments of a literal ARN; nil for a valid ARN.
func (a ARN) Err() error {
	if a.err != nil {
		return a.err
	}
	return a.check(a.text())
}

// Valid reports whether Err is nil.
func (a ARN) Valid() bool { return a.Err() == nil }

func (a ARN) text() string {
	return "arn:" + string(a.Partition) + ":" + a.Service + ":" + a.Region + ":" + a.Account + ":" + a.Resource
}

// String returns the ARN as IAM writes it, or "" when Err is not nil: an empty
// Resource is rejected by IAM instead of being read as some other resource.
func (a ARN) String() string {
	if a.Err() != nil {
		return ""
	}
	return a.text()
}

// IsPattern reports whether the ARN holds IAM wildcards ('*' or '?').
func (a ARN) IsPattern() bool { return strings.ContainsAny(a.text(), "*?") }

// In returns the ARN in partition p.
func (a ARN) In(p Partition) ARN {
	if a.err == nil && (p == "" || !segmentChars(string(p), true)) {
		a.err = arnError(a.text(), "partition "+strconv.Quote(string(p))+" is not a partition name")
	}
	a.Partition = p
	return a
}

// WithRegion returns the ARN with region r. For an ARN built from a template that
// leaves the region empty (S3, IAM) it records an error instead, since the result
// would name no resource of that type.
func (a ARN) WithRegion(r string) ARN {
	switch {
	case a.err != nil:
	case a.fixed&fixedRegion != 0:
		a.err = arnError(a.text(), "this resource type's ARNs have no region")
	case r == "" || !segmentChars(r, true):
		a.err = arnError(a.text(), "region "+strconv.Quote(r)+" is not a region name")
	}
	a.Region = r
	return a
}

// WithAccount returns the ARN with account ID id; as for WithRegion, an error when
// the resource type's ARNs have no account.
func (a ARN) WithAccount(id string) ARN {
	switch {
	case a.err != nil:
	case a.fixed&fixedAccount != 0:
		a.err = arnError(a.text(), "this resource type's ARNs have no account")
	case id == "" || !accountChars(id):
		a.err = arnError(a.text(), "account "+strconv.Quote(id)+" is not an account ID")
	}
	a.Account = id
	return a
}

// MarshalText writes the ARN; an invalid ARN is an error, never an empty string.
func (a ARN) MarshalText() ([]byte, error) {
	if err := a.Err(); err != nil {
		return nil, err
	}
	return []byte(a.text()), nil
}

// UnmarshalText reads an ARN with Parse.
func (a *ARN) UnmarshalText(b []byte) error {
	v, err := Parse(string(b))
	if err != nil {
		return err
	}
	*a = v
	return nil
}
