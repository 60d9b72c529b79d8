package iampolicy

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
)

// node is one JSON value with object keys kept in order.
type node struct {
	kind   byte // 'o' object, 'a' array, 's' string, 'n' number, 'b' bool, 'z' null
	str    string
	keys   []string
	vals   []*node
	offset int64
}

// Parse decodes a policy document strictly: duplicate keys, unknown elements,
// values of the wrong JSON type and grammar errors are refused, each naming the
// JSON path. Statement may be one object or a list; single values may be strings
// or lists.
func Parse(data []byte) (*Policy, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	root, err := readNode(dec, "$")
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("$: data after the policy document")
	}
	p, err := policyFromNode(root)
	if err != nil {
		return nil, err
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	return p, nil
}

func readNode(dec *json.Decoder, path string) (*node, error) {
	off := dec.InputOffset()
	tok, err := dec.Token()
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			n := &node{kind: 'o', offset: off}
			seen := map[string]bool{}
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return nil, fmt.Errorf("%s: %v", path, err)
				}
				k := kt.(string)
				if seen[k] {
					return nil, fmt.Errorf("%s: duplicate key %q", path, k)
				}
				seen[k] = true
				v, err := readNode(dec, path+"."+k)
				if err != nil {
					return nil, err
				}
				n.keys = append(n.keys, k)
				n.vals = append(n.vals, v)
			}
			if _, err := dec.Token(); err != nil {
				return nil, fmt.Errorf("%s: %v", path, err)
			}
			return n, nil
		case '[':
			n := &node{kind: 'a', offset: off}
			for i := 0; dec.More(); i++ {
				v, err := readNode(dec, fmt.Sprintf("%s[%d]", path, i))
				if err != nil {
					return nil, err
				}
				n.vals = append(n.vals, v)
			}
			if _, err := dec.Token(); err != nil {
				return nil, fmt.Errorf("%s: %v", path, err)
			}
			return n, nil
		}
	case string:
		return &node{kind: 's', str: t, offset: off}, nil
	case json.Number:
		return &node{kind: 'n', str: t.String(), offset: off}, nil
	case bool:
		return &node{kind: 'b', str: fmt.Sprint(t), offset: off}, nil
	case nil:
		return &node{kind: 'z', offset: off}, nil
	}
	return nil, fmt.Errorf("%s: unexpected token %v", path, tok)
}

func policyFromNode(n *node) (*Policy, error) {
	if n.kind != 'o' {
		return nil, errors.New("$: a policy is a JSON object")
	}
	p := &Policy{}
	var errs []error
	for i, k := range n.keys {
		v := n.vals[i]
		switch k {
		case "Version":
			p.Version, errs = str(v, k, errs)
		case "Id":
			p.ID, errs = str(v, k, errs)
		case "Statement":
			list := []*node{v}
			if v.kind == 'a' {
				list = v.vals
			}
			for si, sn := range list {
				s, err := statementFromNode(sn, fmt.Sprintf("Statement[%d]", si))
				if err != nil {
					errs = append(errs, err)
					continue
				}
				p.Statement = append(p.Statement, s)
			}
		default:
			errs = append(errs, fmt.Errorf("%s: unknown policy element", k))
		}
	}
	return p, errors.Join(errs...)
}

func str(n *node, path string, errs []error) (string, []error) {
	if n.kind != 's' {
		return "", append(errs, fmt.Errorf("%s: want a string", path))
	}
	return n.str, errs
}

// strList reads a string or a list of strings.
func strList(n *node, path string, errs []error) ([]string, []error) {
	if n.kind == 's' {
		return []string{n.str}, errs
	}
	if n.kind != 'a' {
		return nil, append(errs, fmt.Errorf("%s: want a string or a list of strings", path))
	}
	out := make([]string, 0, len(n.vals))
	for i, v := range n.vals {
		if v.kind != 's' {
			errs = append(errs, fmt.Errorf("%s[%d]: want a string", path, i))
			continue
		}
		out = append(out, v.str)
	}
	return out, errs
}

func statementFromNode(n *node, path string) (Statement, error) {
	var s Statement
	if n.kind != 'o' {
		return s, fmt.Errorf("%s: a statement is a JSON object", path)
	}
	var errs []error
	for i, k := range n.keys {
		v, kp := n.vals[i], path+"."+k
		switch k {
		case "Sid":
			s.Sid, errs = str(v, kp, errs)
		case "Effect":
			var e string
			e, errs = str(v, kp, errs)
			var ok bool
			if s.Effect, ok = parseEffect(e); !ok && v.kind == 's' {
				// Refused here, where the text is still at hand; Validate
				// would only see no effect.
				errs = append(errs, fmt.Errorf("%s: %q is neither \"Allow\" nor \"Deny\"", kp, e))
			}
		case "Principal", "NotPrincipal":
			pr, err := principalFromNode(v, kp)
			if err != nil {
				errs = append(errs, err)
			}
			if k == "Principal" {
				s.Principal = pr
			} else {
				s.NotPrincipal = pr
			}
		case "Action":
			s.Action, errs = strList(v, kp, errs)
		case "NotAction":
			s.NotAction, errs = strList(v, kp, errs)
		case "Resource":
			s.Resource, errs = strList(v, kp, errs)
		case "NotResource":
			s.NotResource, errs = strList(v, kp, errs)
		case "Condition":
			var err error
			s.Condition, err = conditionsFromNode(v, kp)
			if err != nil {
				errs = append(errs, err)
			}
		default:
			errs = append(errs, fmt.Errorf("%s: unknown statement element", kp))
		}
	}
	return s, errors.Join(errs...)
}

func principalFromNode(n *node, path string) (*Principal, error) {
	if n.kind == 's' {
		if n.str != "*" {
			return nil, fmt.Errorf("%s: a string principal must be \"*\", got %q", path, n.str)
		}
		return &Principal{Wildcard: true}, nil
	}
	if n.kind != 'o' {
		return nil, fmt.Errorf("%s: want \"*\" or an object", path)
	}
	p := &Principal{}
	var errs []error
	for i, k := range n.keys {
		known := false
		for _, pk := range principalKinds {
			known = known || pk == k
		}
		if !known {
			errs = append(errs, fmt.Errorf("%s.%s: unknown principal type; known: %s", path, k, strings.Join(principalKinds, ", ")))
			continue
		}
		var vals []string
		vals, errs = strList(n.vals[i], path+"."+k, errs)
		p.Entries = append(p.Entries, PrincipalEntry{Kind: k, Values: vals})
	}
	sort.Slice(p.Entries, func(a, b int) bool { return p.Entries[a].Kind < p.Entries[b].Kind })
	return p, errors.Join(errs...)
}

func conditionsFromNode(n *node, path string) ([]Condition, error) {
	if n.kind != 'o' {
		return nil, fmt.Errorf("%s: want an object of operators", path)
	}
	var out []Condition
	var errs []error
	for i, opName := range n.keys {
		op, err := ParseOperator(opName)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %v", path, err))
			continue
		}
		block := n.vals[i]
		bp := path + "." + opName
		if block.kind != 'o' {
			errs = append(errs, fmt.Errorf("%s: want an object of condition keys", bp))
			continue
		}
		for j, key := range block.keys {
			v := block.vals[j]
			var vals []string
			switch v.kind {
			case 's', 'n', 'b':
				vals = []string{v.str}
			case 'a':
				for x, e := range v.vals {
					if e.kind != 's' && e.kind != 'n' && e.kind != 'b' {
						errs = append(errs, fmt.Errorf("%s.%s[%d]: want a string, number or boolean", bp, key, x))
						continue
					}
					vals = append(vals, e.str)
				}
			default:
				errs = append(errs, fmt.Errorf("%s.%s: want a value or a list of values", bp, key))
				continue
			}
			out = append(out, Condition{Operator: op, Key: key, Values: vals})
		}
	}
	sortConditions(out)
	return out, errors.Join(errs...)
}

// sortConditions orders conditions by operator name, then key, the canonical order.
func sortConditions(cs []Condition) {
	sort.SliceStable(cs, func(a, b int) bool {
		oa, ob := cs[a].Operator.String(), cs[b].Operator.String()
		if oa != ob {
			return oa < ob
		}
		return cs[a].Key < cs[b].Key
	})
}

// UnmarshalJSON decodes strictly, as Parse does.
func (p *Policy) UnmarshalJSON(b []byte) error {
	q, err := Parse(b)
	if err != nil {
		return err
	}
	*p = *q
	return nil
}

// MarshalJSON writes the canonical form: Version, Id, Statement (always a list),
// statement elements in the grammar's order, one value as a string and several as
// a list, conditions grouped by operator in name order with keys sorted.
func (p Policy) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	first := true
	field := func(name string) {
		if !first {
			b.WriteByte(',')
		}
		first = false
		writeString(&b, name)
		b.WriteByte(':')
	}
	if p.Version != "" {
		field("Version")
		writeString(&b, p.Version)
	}
	if p.ID != "" {
		field("Id")
		writeString(&b, p.ID)
	}
	field("Statement")
	b.WriteByte('[')
	for i := range p.Statement {
		if i > 0 {
			b.WriteByte(',')
		}
		p.Statement[i].write(&b)
	}
	b.WriteString("]}")
	return b.Bytes(), nil
}

// MarshalJSON writes one statement in canonical form.
func (s Statement) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	s.write(&b)
	return b.Bytes(), nil
}

func (s *Statement) write(b *bytes.Buffer) {
	b.WriteByte('{')
	first := true
	field := func(name string) {
		if !first {
			b.WriteByte(',')
		}
		first = false
		writeString(b, name)
		b.WriteByte(':')
	}
	if s.Sid != "" {
		field("Sid")
		writeString(b, s.Sid)
	}
	field("Effect")
	writeString(b, s.Effect.String())
	for _, pr := range []struct {
		name string
		p    *Principal
	}{{"Principal", s.Principal}, {"NotPrincipal", s.NotPrincipal}} {
		if pr.p == nil {
			continue
		}
		field(pr.name)
		if pr.p.Wildcard {
			writeString(b, "*")
			continue
		}
		b.WriteByte('{')
		for i, e := range pr.p.Entries {
			if i > 0 {
				b.WriteByte(',')
			}
			writeString(b, e.Kind)
			b.WriteByte(':')
			writeValues(b, e.Values)
		}
		b.WriteByte('}')
	}
	for _, l := range []struct {
		name string
		v    []string
	}{{"Action", s.Action}, {"NotAction", s.NotAction}, {"Resource", s.Resource}, {"NotResource", s.NotResource}} {
		if l.v != nil {
			field(l.name)
			writeValues(b, l.v)
		}
	}
	if len(s.Condition) > 0 {
		field("Condition")
		cs := append([]Condition(nil), s.Condition...)
		sortConditions(cs)
		b.WriteByte('{')
		for i := 0; i < len(cs); {
			if i > 0 {
				b.WriteByte(',')
			}
			op := cs[i].Operator
			writeString(b, op.String())
			b.WriteString(":{")
			j := i
			for ; j < len(cs) && cs[j].Operator == op; j++ {
				if j > i {
					b.WriteByte(',')
				}
				writeString(b, cs[j].Key)
				b.WriteByte(':')
				writeValues(b, cs[j].Values)
			}
			b.WriteByte('}')
			i = j
		}
		b.WriteByte('}')
	}
	b.WriteByte('}')
}

func writeValues(b *bytes.Buffer, vs []string) {
	if len(vs) == 1 {
		writeString(b, vs[0])
		return
	}
	b.WriteByte('[')
	for i, v := range vs {
		if i > 0 {
			b.WriteByte(',')
		}
		writeString(b, v)
	}
	b.WriteByte(']')
}

func writeString(b *bytes.Buffer, s string) {
	enc, _ := json.Marshal(s)
	b.Write(enc)
}
