package campolicy

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/permgen/permgen/templates/cam"
)

// Request is one access to decide, with everything CAM decides it with: the action, the
// resource it touches, who calls, who owns the policies and the values of condition keys.
//
// What the request leaves empty is never guessed: a statement that needs it (a principal
// without a caller, an empty account segment without a policy owner, ${uin} without a
// caller uin, a condition key missing from Context) is decided the way the docs say, and
// where they say nothing, so that an allow does not apply and a deny does.
type Request struct {
	Action cam.Action
	// Resource is the resource the call touches. The zero Resource means none is
	// named: for a resource-level action that is an unknown resource (Unknown), so an
	// allow must be on "*" and a deny naming any resource applies.
	Resource cam.Resource
	// Granularity overrides Action.Info().Granularity when not zero, for actions known
	// only by name. An action whose granularity is unknown either way is matched as
	// operation-level by allow statements and both ways by deny statements.
	Granularity cam.Granularity
	// Caller is who makes the request: it fills the policy variables ${uin},
	// ${owner_uin} and ${app_id} and is matched against principal elements.
	Caller Caller
	// PolicyOwner is the root account that owns the policies; an empty account segment
	// in a resource pattern stands for it.
	PolicyOwner Account
	// Context holds condition key values, each key one or several values, e.g.
	// {"qcs:ip": {"10.1.2.3"}, "qcs:tag": {"env&prod", "team&a"}}. A key it lacks is
	// absent, which conditions read as the docs say; a key the caller could not
	// observe belongs in Unknown.Keys instead.
	Context Context
	// Unknown says what the caller could not know: the resource, parts of it, or
	// condition keys. Unknown is not absent; see Unknown for how it is decided.
	Unknown Unknown
}

// Caller is the identity a request is made as. Uin and OwnerUin are the same number for a
// root account.
type Caller struct {
	Uin      string `json:"uin,omitempty"`       // the caller's own uin: ${uin}
	OwnerUin string `json:"owner_uin,omitempty"` // its root account's uin: ${owner_uin}
	AppID    string `json:"app_id,omitempty"`    // its root account's APPID: ${app_id}
	// Principal is the caller as a principal element names it, e.g.
	// "qcs::cam::uin/100001:roleName/ops". Empty: it is derived from Uin and OwnerUin
	// ("qcs::cam::uin/<owner_uin>:uin/<uin>", or ":root" for the root account itself).
	Principal string `json:"principal,omitempty"`
}

// Account is a root account, named by uin (most services) or by APPID (COS and CAS, whose
// resources name their owner "uid/<appid>").
type Account struct {
	Uin   string `json:"uin,omitempty"`
	AppID string `json:"app_id,omitempty"`
}

// UnmarshalJSON reads {"uin":..., "app_id":...} or a bare uin string.
func (a *Account) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) > 0 && b[0] == '"' {
		*a = Account{}
		return json.Unmarshal(b, &a.Uin)
	}
	type plain Account
	var p plain
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&p); err != nil {
		return fmt.Errorf("want {\"uin\":..., \"app_id\":...} or a uin: %w", err)
	}
	*a = Account(p)
	return nil
}

// Context is the condition key values of a request. A key may hold several values (tags
// are the usual case); for_any_value: and for_all_value: say how a condition treats them.
type Context map[string][]string

// SingleValued turns a one-value-per-key map into a Context.
func SingleValued(m map[string]string) Context {
	if m == nil {
		return nil
	}
	c := make(Context, len(m))
	for k, v := range m {
		c[k] = []string{v}
	}
	return c
}

// UnmarshalJSON reads each key's value as a string or a list of strings.
func (c *Context) UnmarshalJSON(b []byte) error {
	var raw map[string]Values
	if err := json.Unmarshal(b, &raw); err != nil {
		return fmt.Errorf("context: want {\"key\": \"value\" or [\"values\"]}: %w", err)
	}
	if raw == nil {
		*c = nil
		return nil
	}
	out := make(Context, len(raw))
	for k, v := range raw {
		out[k] = []string(v)
	}
	*c = out
	return nil
}

// requestFile is the JSON form of a Request that ParseRequest reads.
type requestFile struct {
	Action      string  `json:"action"`
	Granularity string  `json:"granularity,omitempty"`
	Resource    string  `json:"resource,omitempty"`
	Context     Context `json:"context,omitempty"`
	Caller      Caller  `json:"caller"`
	PolicyOwner Account `json:"policy_owner"`
	Unknown     Unknown `json:"unknown"`
}

// ParseRequest reads a request as `gen policy eval -request` takes it:
//
//	{"action": "cos:GetObject", "resource": "qcs::cos:ap-guangzhou:uid/1250000000:b-1250000000/a.txt",
//	 "context": {"qcs:ip": "10.0.0.1", "qcs:tag": ["a&1", "b&2"]},
//	 "caller": {"uin": "100000000011", "owner_uin": "100000000001", "app_id": "1250000000"},
//	 "policy_owner": {"uin": "100000000001", "app_id": "1250000000"},
//	 "granularity": "resource"}
//
// What the asker does not know is stated under "unknown" (see Unknown), never left out:
// a part of the resource as its placeholder, a condition key by name, or the whole
// resource:
//
//	{"action": "ccc:DeleteStaff", "resource": "qcs::ccc::uin/${uin}:SdkAppId/1400001",
//	 "unknown": {"parts": ["uin"], "keys": ["qcs:ip"]}}
//	{"action": "ccc:DeleteStaff", "unknown": {"resource": true}}
//
// "*" in "keys" stands for every key "context" does not give. A resource-level action
// asked about without a resource (or on "*") is asked about a resource nobody named: it
// is decided as {"resource": true}.
//
// lookup finds the action's metadata (its granularity); an action it does not know is
// taken by name, with the granularity the file gives or none. Unknown members, duplicate
// members and a resource that is not six segments are errors, and so are unknowns that
// contradict the rest: a placeholder in the resource that "parts" does not list, a part
// the resource does not hold, a key both in "context" and "keys", a resource given and
// said to be unknown.
func ParseRequest(data []byte, lookup func(name string) (cam.ActionInfo, bool)) (Request, error) {
	if err := checkStrictJSON(data); err != nil {
		return Request{}, fmt.Errorf("cam: request: %w", err)
	}
	var f requestFile
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return Request{}, fmt.Errorf("cam: request: %w", err)
	}
	if f.Action == "" {
		return Request{}, errors.New("cam: request: action is missing")
	}
	req := Request{Caller: f.Caller, PolicyOwner: f.PolicyOwner, Context: f.Context, Unknown: f.Unknown}
	info, ok := cam.ActionInfo{}, false
	if lookup != nil {
		info, ok = lookup(f.Action)
	}
	if !ok {
		svc, name, found := strings.Cut(f.Action, ":")
		if !found || svc == "" || name == "" || strings.Contains(f.Action, "*") {
			return Request{}, fmt.Errorf("cam: request: action %q is not \"<service>:<API>\"", f.Action)
		}
		info = cam.ActionInfo{Service: svc, Name: name}
	}
	if f.Granularity != "" {
		if err := req.Granularity.UnmarshalText([]byte(f.Granularity)); err != nil {
			return Request{}, fmt.Errorf("cam: request: granularity: %w", err)
		}
	}
	req.Action = info
	if f.Resource != "" && f.Resource != "*" {
		r, err := cam.ParseResource(f.Resource)
		if err != nil {
			return Request{}, fmt.Errorf("cam: request: %w", err)
		}
		req.Resource = r
	}
	if err := checkUnknown(&f); err != nil {
		return Request{}, fmt.Errorf("cam: request: unknown: %w", err)
	}
	if req.Resource.IsZero() && !req.Unknown.Resource {
		// A resource-level call always touches a resource; a question that names
		// none (or "*") asks about one nobody named, so a deny naming any resource of
		// the action may apply. Operation- and service-level actions touch none.
		g := req.Granularity
		if g == cam.UnknownGranularity {
			g = info.Granularity
		}
		req.Unknown.Resource = !g.WildcardOnly()
	}
	return req, nil
}

// checkUnknown refuses a request file whose "unknown" contradicts the rest of it, so
// that what the asker meant to leave open is never read as a value, nor the reverse.
func checkUnknown(f *requestFile) error {
	u := &f.Unknown
	if u.Resource && f.Resource != "" && f.Resource != "*" {
		return fmt.Errorf("the resource is said to be unknown but is given as %q; leave one out", f.Resource)
	}
	inResource := map[string]bool{}
	var order []string // the resource's placeholders, as written
	placeholderNames(f.Resource, func(name string) { inResource[name] = true; order = append(order, name) })
	listed := map[string]bool{}
	for _, p := range u.Parts {
		if p == "" {
			return errors.New(`an empty name in "parts"`)
		}
		if !inResource[p] {
			return fmt.Errorf("part %q is not in the resource %q; write it there as ${%s}", p, f.Resource, p)
		}
		listed[p] = true
	}
	for _, name := range order {
		if !listed[name] {
			return fmt.Errorf("the resource %q holds ${%s}; a placeholder is never a value: list %q in \"parts\", or write the value", f.Resource, name, name)
		}
	}
	for _, k := range u.Keys {
		if k == "" {
			return errors.New(`an empty name in "keys"`)
		}
		if _, ok := f.Context[k]; ok && k != "*" {
			return fmt.Errorf("key %q is both in \"context\" and unknown; leave one out", k)
		}
	}
	return nil
}
