package iampolicy

import (
	"errors"
	"fmt"
	"net/netip"
	"strconv"
	"strings"
)

// Version2012 is the current policy language version; policies without a Version
// are read by AWS as the old 2008-10-17 language, which knows no policy variables.
const Version2012 = "2012-10-17"

// Version2008 is the original policy language version.
const Version2008 = "2008-10-17"

// Effect says whether a statement allows or denies. It is closed, as campolicy's
// is: the zero value is no effect (a Policy built in Go that left it out, which
// Validate refuses and the evaluator never reads as an allow), and no other value is
// valid. It reads and writes as "Allow" or "Deny", in that case.
type Effect uint8

// Effects.
const (
	EffectAllow Effect = iota + 1
	EffectDeny
)

// String returns "Allow" or "Deny", or "Effect(n)" for an invalid value.
func (e Effect) String() string {
	switch e {
	case EffectAllow:
		return "Allow"
	case EffectDeny:
		return "Deny"
	}
	return "Effect(" + strconv.Itoa(int(e)) + ")"
}

// MarshalText writes "Allow" or "Deny", and fails for any other value.
func (e Effect) MarshalText() ([]byte, error) {
	if e != EffectAllow && e != EffectDeny {
		return nil, fmt.Errorf("Effect: %v is neither \"Allow\" nor \"Deny\"", e)
	}
	return []byte(e.String()), nil
}

// UnmarshalText reads "Allow" or "Deny", case-sensitively as AWS does: "The Effect
// value is case sensitive."
func (e *Effect) UnmarshalText(b []byte) error {
	eff, ok := parseEffect(string(b))
	if !ok {
		return fmt.Errorf("Effect: %q is neither \"Allow\" nor \"Deny\"", b)
	}
	*e = eff
	return nil
}

// parseEffect reads "Allow" or "Deny"; any other text is no effect.
func parseEffect(s string) (Effect, bool) {
	switch s {
	case "Allow":
		return EffectAllow, true
	case "Deny":
		return EffectDeny, true
	}
	return 0, false
}

// Policy is one IAM policy document.
type Policy struct {
	Version   string
	ID        string
	Statement []Statement
}

// Statement is one element of a policy's Statement list. A nil slice means the
// element is absent; Action and NotAction (Resource and NotResource, Principal and
// NotPrincipal) are mutually exclusive.
type Statement struct {
	Sid          string
	Effect       Effect
	Principal    *Principal
	NotPrincipal *Principal
	Action       []string
	NotAction    []string
	Resource     []string
	NotResource  []string
	Condition    []Condition
}

// Principal is a Principal or NotPrincipal element: either "*" (anyone, Wildcard)
// or a map from kind ("AWS", "Service", "Federated", "CanonicalUser") to values.
type Principal struct {
	Wildcard bool
	Entries  []PrincipalEntry // sorted by Kind
}

// PrincipalEntry is one kind of principal with its values.
type PrincipalEntry struct {
	Kind   string
	Values []string
}

// principalKinds are the principal types the grammar knows.
var principalKinds = []string{"AWS", "CanonicalUser", "Federated", "Service"}

// Condition is one (operator, key, values) triple of a Condition block. The block
// is the AND of its conditions; a condition is the OR of its values.
type Condition struct {
	Operator Operator
	Key      string
	Values   []string
}

// anyKind validates what every kind of policy must respect.
const anyKind PolicyKind = 255

// problemFunc receives one grammar problem of a statement: the element, what is
// wrong, and the offending value (may be empty). Callers that must not allocate
// (the evaluator) keep the first; Validate formats them all.
type problemFunc func(elem, msg, value string)

// check reports every way statement s breaks the grammar of a policy of kind
// (anyKind: the kind-free rules only). Condition values are checked apart
// (Condition.check): the evaluator skips them, as Parse has checked them and a
// value of the wrong type is undecidable there, never a match.
func (s *Statement) check(kind PolicyKind, report problemFunc) {
	switch s.Effect {
	case EffectAllow, EffectDeny:
	case 0:
		report("Effect", `is missing; want "Allow" or "Deny"`, "")
	default:
		report("Effect", `is neither "Allow" nor "Deny"`, s.Effect.String())
	}
	switch {
	case s.Action == nil && s.NotAction == nil:
		report("Action", "a statement needs Action or NotAction", "")
	case s.Action != nil && s.NotAction != nil:
		report("NotAction", "Action and NotAction cannot both be present", "")
	}
	if s.Resource != nil && s.NotResource != nil {
		report("NotResource", "Resource and NotResource cannot both be present", "")
	}
	if s.Principal != nil && s.NotPrincipal != nil {
		report("NotPrincipal", "Principal and NotPrincipal cannot both be present", "")
	}
	for _, a := range s.Action {
		if a == "" {
			report("Action", "empty string", "")
		}
	}
	for _, a := range s.NotAction {
		if a == "" {
			report("NotAction", "empty string", "")
		}
	}
	checkResources("Resource", s.Resource, report)
	checkResources("NotResource", s.NotResource, report)
	hasPrincipal := s.Principal != nil || s.NotPrincipal != nil
	hasResource := s.Resource != nil || s.NotResource != nil
	switch kind {
	case IdentityPolicy, PermissionsBoundary:
		if hasPrincipal {
			report("Principal", "an identity-based policy names no principal: it applies to the identity it is attached to", "")
		}
		if !hasResource {
			report("Resource", "a statement of an identity-based policy needs Resource or NotResource", "")
		}
	case ResourcePolicy:
		if !hasPrincipal {
			report("Principal", "a statement of a resource-based policy needs Principal or NotPrincipal", "")
		}
		if !hasResource {
			report("Resource", "a statement of a resource-based policy needs Resource or NotResource", "")
		}
	case TrustPolicy:
		if !hasPrincipal {
			report("Principal", "a statement of a role trust policy needs Principal or NotPrincipal", "")
		}
		if hasResource {
			report("Resource", "a role trust policy names no resource: the role is the resource", "")
		}
	}
}

// checkResources refuses a Resource value that is neither "*" nor an ARN: globbed
// over the whole text, it would match what no ARN pattern does.
func checkResources(elem string, list []string, report problemFunc) {
	for _, r := range list {
		switch {
		case r == "":
			report(elem, "empty string", "")
		case r != "*" && !strings.HasPrefix(r, "arn:"):
			report(elem, `is neither "*" nor an ARN ("arn:...")`, r)
		}
	}
}

// check refuses a condition value that is not of its operator's type, as the
// User Guide fixes each: IP addresses in CIDR notation, ISO 8601 dates or epoch
// seconds, integer or decimal numbers, true or false. Read otherwise, a value of
// the wrong type would make every negated operator hold.
func (c *Condition) check(report problemFunc) {
	for _, v := range c.Values {
		var ok bool
		switch c.Operator.Kind.Category() {
		case CategoryNumeric:
			ok = isDecimal(v)
		case CategoryDate:
			_, ok = parseDate(v)
		case CategoryIP:
			if strings.IndexByte(v, '/') >= 0 {
				_, err := netip.ParsePrefix(v)
				ok = err == nil
			} else {
				_, err := netip.ParseAddr(v)
				ok = err == nil
			}
		case CategoryBool:
			_, ok = parseBool(v)
			ok = ok || hasVariable(v)
		case CategoryNull:
			_, ok = parseBool(v)
		case CategoryARN:
			ok = v == "*" || strings.HasPrefix(v, "arn:") || hasVariable(v)
		default:
			ok = true
		}
		if !ok {
			report("Condition."+c.Operator.String()+"."+c.Key, "is not a value of type "+c.Operator.Kind.Category().String()+typeHint[c.Operator.Kind.Category()], v)
		}
	}
}

var typeHint = map[Category]string{
	CategoryNumeric: " (an integer or decimal number)",
	CategoryDate:    " (an ISO 8601 date or epoch seconds)",
	CategoryIP:      " (an IPv4 or IPv6 address or CIDR block)",
	CategoryBool:    ` ("true" or "false")`,
	CategoryNull:    ` ("true" or "false")`,
	CategoryARN:     ` ("*" or an ARN)`,
}

// Validate checks the grammar of the whole policy whatever its role: a known
// Version, a Statement list, each statement's required and exclusive elements, and
// each condition value's type. ValidateAs adds the rules of one role.
func (p *Policy) Validate() error { return p.validate(anyKind) }

// ValidateAs checks the grammar of the policy in one role: an identity-based policy
// or boundary names no principal and needs Resource; a resource-based policy
// needs Principal and Resource; a trust policy needs Principal and names no
// resource. Every error names the JSON path.
func (p *Policy) ValidateAs(kind PolicyKind) error { return p.validate(kind) }

func (p *Policy) validate(kind PolicyKind) error {
	if p == nil {
		return errors.New("no policy (nil)")
	}
	var errs []string
	if p.Version != "" && p.Version != Version2012 && p.Version != Version2008 {
		errs = append(errs, fmt.Sprintf("Version: %q is not %q or %q", p.Version, Version2012, Version2008))
	}
	if len(p.Statement) == 0 {
		errs = append(errs, "Statement: a policy needs at least one statement")
	}
	for i := range p.Statement {
		report := func(elem, msg, value string) {
			if value != "" {
				msg = fmt.Sprintf("%q %s", value, msg)
			}
			errs = append(errs, fmt.Sprintf("Statement[%d].%s: %s", i, elem, msg))
		}
		p.Statement[i].check(kind, report)
		for c := range p.Statement[i].Condition {
			p.Statement[i].Condition[c].check(report)
		}
	}
	if len(errs) > 0 {
		if kind != anyKind {
			return fmt.Errorf("as the %s: %s", kind, strings.Join(errs, "; "))
		}
		return fmt.Errorf("%s", strings.Join(errs, "; "))
	}
	return nil
}

// firstProblem is the evaluator's check: the first statement that breaks the
// grammar of kind, without formatting anything (it allocates nothing).
func (p *Policy) firstProblem(kind PolicyKind) (statement int, elem, msg string, bad bool) {
	if p.Version != "" && p.Version != Version2012 && p.Version != Version2008 {
		return -1, "Version", "is not 2012-10-17 or 2008-10-17", true
	}
	if len(p.Statement) == 0 {
		return -1, "Statement", "a policy needs at least one statement", true
	}
	for i := range p.Statement {
		p.Statement[i].check(kind, func(e, m, _ string) {
			if !bad {
				statement, elem, msg, bad = i, e, m, true
			}
		})
		if bad {
			return
		}
	}
	return 0, "", "", false
}
