package iampolicy

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"
)

// ParseRequest reads a request file: {"principal": ARN, "action": "s3:GetObject",
// "resource": ARN or "*", "context": {"aws:username": "alice", "aws:TagKeys":
// ["a", "b"]}, "unknown": {"resource": false, "parts": ["Account"], "keys":
// ["aws:SourceIp"]}}. A list value makes a multivalued key; numbers and booleans
// are read as their text. "unknown" says what the request does not know (Unknown):
// each part must appear in the resource as its ${Name} placeholder. Unknown fields
// are refused.
func ParseRequest(data []byte) (*Request, error) {
	var raw struct {
		Principal string                     `json:"principal"`
		Action    string                     `json:"action"`
		Resource  string                     `json:"resource"`
		Context   map[string]json.RawMessage `json:"context"`
		Unknown   *struct {
			Resource bool     `json:"resource"`
			Parts    []string `json:"parts"`
			Keys     []string `json:"keys"`
		} `json:"unknown"`
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&raw); err != nil {
		return nil, fmt.Errorf("request: %v", err)
	}
	if raw.Action == "" {
		return nil, errors.New("request: action is required")
	}
	if raw.Resource == "" {
		raw.Resource = "*"
	}
	r := &Request{Principal: raw.Principal, Action: raw.Action, Resource: raw.Resource}
	if u := raw.Unknown; u != nil {
		r.Unknown = Unknown{Resource: u.Resource, Parts: u.Parts, Keys: u.Keys}
		for _, name := range u.Parts {
			if !strings.Contains(r.Resource, "${"+name+"}") {
				return nil, fmt.Errorf("request: unknown.parts: %q is not a ${%s} placeholder of the resource %q", name, name, r.Resource)
			}
		}
	}
	keys := make([]string, 0, len(raw.Context))
	for k := range raw.Context {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		v := raw.Context[k]
		var list []any
		if json.Unmarshal(v, &list) == nil && list != nil {
			vals := make([]string, 0, len(list))
			for _, x := range list {
				vals = append(vals, scalarText(x))
			}
			r.Context.SetList(k, vals...)
			continue
		}
		var x any
		if err := json.Unmarshal(v, &x); err != nil {
			return nil, fmt.Errorf("request: context.%s: %v", k, err)
		}
		switch x.(type) {
		case string, float64, bool:
			r.Context.Set(k, scalarText(x))
		default:
			return nil, fmt.Errorf("request: context.%s: want a string, number, boolean or list", k)
		}
	}
	return r, nil
}

func scalarText(x any) string {
	switch v := x.(type) {
	case string:
		return v
	case bool:
		if v {
			return "true"
		}
		return "false"
	case float64:
		b, _ := json.Marshal(v)
		return string(b)
	}
	b, _ := json.Marshal(x)
	return string(b)
}
