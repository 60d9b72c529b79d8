package cam

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
)

// PolicyVersion is the only policy syntax version CAM accepts.
const PolicyVersion = "2.0"

// Policy is a CAM policy document.
//
// JSON is read the way CAM accepts it: action, resource and principal values may be one
// string or a list, effect in any letter case, statement one object or a list. It is
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

// UnmarshalText reads "allow" or "deny" in any letter case.
func (e *Effect) UnmarshalText(b []byte) error {
	eff, ok := parseEffect(string(b))
	if !ok {
		return fmt.Errorf("cam: unknown effect %q; want \"allow\" or \"deny\"", b)
	}
	*e = eff
	return nil
}

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

// Principal names who a resource policy applies to, e.g.
// {"qcs":["qcs::cam::uin/100000000001:uin/100000000011"]}. The evaluator does not
// consider it: it answers for the identity whose policy it is given.
type Principal map[string]Values

// UnmarshalJSON reads the policy and fails with the index of the first broken statement.
func (p *Policy) UnmarshalJSON(b []byte) error {
	var raw struct {
		Version   string          `json:"version"`
		Principal Principal       `json:"principal"`
		Statement json.RawMessage `json:"statement"`
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return fmt.Errorf("cam: policy: %w", err)
	}
	var stmts []Statement
	body := bytes.TrimSpace(raw.Statement)
	switch {
	case len(body) == 0 || string(body) == "null":
	case body[0] == '{':
		stmts = make([]Statement, 1)
		if err := json.Unmarshal(body, &stmts[0]); err != nil {
			return fmt.Errorf("cam: policy statement: %w", err)
		}
	case body[0] == '[':
		var list []json.RawMessage
		if err := json.Unmarshal(body, &list); err != nil {
			return fmt.Errorf("cam: policy statement: %w", err)
		}
		stmts = make([]Statement, len(list))
		for i, s := range list {
			if err := json.Unmarshal(s, &stmts[i]); err != nil {
				return fmt.Errorf("cam: policy statement[%d]: %w", i, err)
			}
		}
	default:
		return fmt.Errorf("cam: policy statement: want a list of statements, found %s", jsonKind(body))
	}
	for i, s := range stmts {
		if s.Effect == 0 {
			return fmt.Errorf("cam: policy statement[%d]: effect missing; want \"allow\" or \"deny\"", i)
		}
	}
	*p = Policy{Version: raw.Version, Principal: raw.Principal, Statement: stmts}
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
