package iampolicy

import (
	"fmt"
	"strings"
)

// Version2012 is the current policy language version; policies without a Version
// are read by AWS as the old 2008-10-17 language, which knows no policy variables.
const Version2012 = "2012-10-17"

// Version2008 is the original policy language version.
const Version2008 = "2008-10-17"

// Effect is "Allow" or "Deny".
type Effect string

// Effects.
const (
	EffectAllow Effect = "Allow"
	EffectDeny  Effect = "Deny"
)

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

// validate checks what the grammar says about one statement; path is its JSON path.
func (s *Statement) validate(path string, version string) error {
	var errs []string
	if s.Effect != EffectAllow && s.Effect != EffectDeny {
		errs = append(errs, fmt.Sprintf("%s.Effect: %q is neither \"Allow\" nor \"Deny\"", path, s.Effect))
	}
	if (s.Action == nil) == (s.NotAction == nil) {
		errs = append(errs, path+": exactly one of Action and NotAction is required")
	}
	if s.Resource != nil && s.NotResource != nil {
		errs = append(errs, path+": Resource and NotResource cannot both be present")
	}
	if s.Principal != nil && s.NotPrincipal != nil {
		errs = append(errs, path+": Principal and NotPrincipal cannot both be present")
	}
	for _, list := range [][]string{s.Action, s.NotAction, s.Resource, s.NotResource} {
		for _, v := range list {
			if v == "" {
				errs = append(errs, path+": empty string in Action/Resource list")
			}
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("%s", strings.Join(errs, "; "))
	}
	return nil
}

// Validate checks the grammar of the whole policy: a known Version, a Statement
// list, and each statement's required and exclusive elements.
func (p *Policy) Validate() error {
	var errs []string
	if p.Version != "" && p.Version != Version2012 && p.Version != Version2008 {
		errs = append(errs, fmt.Sprintf("Version: %q is not %q or %q", p.Version, Version2012, Version2008))
	}
	if len(p.Statement) == 0 {
		errs = append(errs, "Statement: a policy needs at least one statement")
	}
	for i := range p.Statement {
		if err := p.Statement[i].validate(fmt.Sprintf("Statement[%d]", i), p.Version); err != nil {
			errs = append(errs, err.Error())
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("%s", strings.Join(errs, "; "))
	}
	return nil
}
