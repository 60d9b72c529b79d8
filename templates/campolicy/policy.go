package campolicy

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// Version2 is the policy syntax version permgen writes. CAM also accepts "3.0"
// (Version3), which the policy analyzer (CAM doc 598/107704) allows.
const Version2 = "2.0"

// Version3 is the other version the policy analyzer accepts: "目前仅允许值为“2.0”或“3.0”".
const Version3 = "3.0"

// MaxPolicyChars is CAM's limit on the length of one policy, counted without the
// spaces that only format the JSON: "Number of characters in one policy syntax | 6144".
const MaxPolicyChars = 6144

// Policy is a CAM policy document.
//
// JSON is read the way CAM accepts it, and nothing else (see Parse): action,
// resource and principal values may be one string or a list, statement one object or a
// list. It is
// written in one stable form: fields in the order version, principal, statement and, in a
// statement, effect, principal, action, resource, condition; action and resource always
// as lists; principal and condition left out when empty.
type Policy struct {
	Version string `json:"version"`
	// Principal is the policy-level principal of resource policies such as COS bucket
	// policies; identity policies leave it empty.
	Principal Principal   `json:"principal,omitempty"`
	Statement []Statement `json:"statement"`
}

// Statement is one permission of a policy.
type Statement struct {
	Effect    Effect    `json:"effect"`
	Principal Principal `json:"principal,omitempty"`
	// Action holds "<service>:<API>" names or patterns with '*'; CAM's "name/" prefix
	// ("name/cos:GetObject") is accepted and kept.
	Action Values `json:"action"`
	// Resource holds six-segment names or patterns, or "*".
	Resource  Values    `json:"resource"`
	Condition Condition `json:"condition,omitempty"`
}

// Effect says whether a statement allows or denies. The zero value is invalid: CAM
// requires every statement to say.
type Effect uint8

// Effects.
const (
	EffectAllow Effect = iota + 1
	EffectDeny
)

// String returns "allow" or "deny".
func (e Effect) String() string {
	switch e {
	case EffectAllow:
		return "allow"
	case EffectDeny:
		return "deny"
	}
	return fmt.Sprintf("Effect(%d)", uint8(e))
}

// MarshalText writes "allow" or "deny", and fails for any other value.
func (e Effect) MarshalText() ([]byte, error) {
	if e != EffectAllow && e != EffectDeny {
		return nil, fmt.Errorf("cam: statement effect is %v, want allow or deny", e)
	}
	return []byte(e.String()), nil
}

// UnmarshalText reads "allow" or "deny", in lower case as the syntax writes them.
func (e *Effect) UnmarshalText(b []byte) error {
	eff, ok := parseEffectStrict(string(b))
	if !ok {
		return fmt.Errorf("cam: unknown effect %q; want \"allow\" or \"deny\"", b)
	}
	*e = eff
	return nil
}

func parseEffectStrict(s string) (Effect, bool) {
	switch s {
	case "allow":
		return EffectAllow, true
	case "deny":
		return EffectDeny, true
	}
	return 0, false
}

// parseEffect reads an effect in any letter case, for the linter's messages.
func parseEffect(s string) (Effect, bool) {
	switch {
	case strings.EqualFold(s, "allow"):
		return EffectAllow, true
	case strings.EqualFold(s, "deny"):
		return EffectDeny, true
	}
	return 0, false
}

// Values is a list of strings that CAM also accepts written as a single string. It is
// always written as a list, nil as [].
type Values []string

// MarshalJSON writes v as a JSON list.
func (v Values) MarshalJSON() ([]byte, error) {
	if v == nil {
		return []byte("[]"), nil
	}
	return json.Marshal([]string(v))
}

// UnmarshalJSON reads a string or a list of strings.
func (v *Values) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*v = Values{s}
		return nil
	}
	var l []string
	if err := json.Unmarshal(b, &l); err != nil {
		return errors.New("cam: want a string or a list of strings, found " + jsonKind(b))
	}
	*v = l
	return nil
}

// Principal names who a statement applies to, e.g.
// {"qcs":["qcs::cam::uin/100000000001:uin/100000000011"]}; "*" (everyone) is read as
// {"qcs":["*"]}. The evaluator matches it against Request.Caller.
type Principal map[string]Values

// UnmarshalJSON reads the policy strictly, the way CAM accepts it (see Parse).
func (p *Policy) UnmarshalJSON(b []byte) error {
	q, err := Parse(b)
	if err != nil {
		return err
	}
	*p = q
	return nil
}

// MarshalJSON writes the stable form described on Policy; a nil Statement is written [].
func (p Policy) MarshalJSON() ([]byte, error) {
	type plain Policy // drops the methods, so json.Marshal does not come back here
	if p.Statement == nil {
		p.Statement = []Statement{}
	}
	return json.Marshal(plain(p))
}

// String returns the policy's JSON, or an error text when it cannot be written.
func (p Policy) String() string {
	b, err := json.Marshal(p)
	if err != nil {
		return "cam: " + err.Error()
	}
	return string(b)
}

// jsonKind names the kind of JSON value b starts with, for error messages.
func jsonKind(b []byte) string {
	b = bytes.TrimSpace(b)
	if len(b) == 0 {
		return "nothing"
	}
	switch b[0] {
	case '"':
		return "a string"
	case '[':
		return "a list"
	case '{':
		return "an object"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}
