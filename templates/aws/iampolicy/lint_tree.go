package iampolicy

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
)

// jnode is one JSON value of a document being linted, object keys in order and
// duplicates kept. The linter reads the document this way, and not only through
// Parse, so that a document Parse refuses still gets one finding per fault, each
// at its JSON path, instead of a single syntax error.
type jnode struct {
	kind byte // 'o' object, 'a' array, 's' string, 'n' number, 'b' bool, 'z' null
	str  string
	keys []string
	vals []*jnode
}

// maxLintDepth bounds nesting: no policy is deeper than a dozen levels, and the
// bound keeps a hostile document from costing stack.
const maxLintDepth = 64

func decodeTree(data []byte) (*jnode, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	n, err := readTree(dec, 0)
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("data after the policy document")
	}
	return n, nil
}

func readTree(dec *json.Decoder, depth int) (*jnode, error) {
	if depth > maxLintDepth {
		return nil, fmt.Errorf("nested more than %d levels", maxLintDepth)
	}
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch t := tok.(type) {
	case json.Delim:
		n := &jnode{kind: 'a'}
		if t == '{' {
			n.kind = 'o'
		}
		for dec.More() {
			if n.kind == 'o' {
				kt, err := dec.Token()
				if err != nil {
					return nil, err
				}
				k, _ := kt.(string)
				n.keys = append(n.keys, k)
			}
			v, err := readTree(dec, depth+1)
			if err != nil {
				return nil, err
			}
			n.vals = append(n.vals, v)
		}
		if _, err := dec.Token(); err != nil {
			return nil, err
		}
		return n, nil
	case string:
		return &jnode{kind: 's', str: t}, nil
	case json.Number:
		return &jnode{kind: 'n', str: t.String()}, nil
	case bool:
		return &jnode{kind: 'b', str: fmt.Sprint(t)}, nil
	}
	return &jnode{kind: 'z'}, nil
}

// get returns the value of the first key k of an object.
func (n *jnode) get(k string) *jnode {
	if n == nil || n.kind != 'o' {
		return nil
	}
	for i, key := range n.keys {
		if key == k {
			return n.vals[i]
		}
	}
	return nil
}

// list returns the values of an element that may be one value or a list.
func (n *jnode) list() []*jnode {
	if n.kind == 'a' {
		return n.vals
	}
	return []*jnode{n}
}

func (n *jnode) kindName() string {
	switch n.kind {
	case 'o':
		return "an object"
	case 'a':
		return "a list"
	case 's':
		return "a string"
	case 'n':
		return "a number"
	case 'b':
		return "a boolean"
	}
	return "null"
}

// policyFromTree reads a policy from a document the grammar pass found sound,
// leniently: values Parse would refuse (an ARN that is not one, a date that is
// not one) are kept, so that the checks can say what is wrong with each.
func policyFromTree(root *jnode) *Policy {
	p := &Policy{}
	if v := root.get("Version"); v != nil {
		p.Version = v.str
	}
	if v := root.get("Id"); v != nil {
		p.ID = v.str
	}
	st := root.get("Statement")
	if st == nil {
		return p
	}
	for _, sn := range st.list() {
		var s Statement
		s.Sid = strOf(sn.get("Sid"))
		s.Effect, _ = parseEffect(strOf(sn.get("Effect"))) // grammar reports a bad one
		s.Action, s.NotAction = strsOf(sn.get("Action")), strsOf(sn.get("NotAction"))
		s.Resource, s.NotResource = strsOf(sn.get("Resource")), strsOf(sn.get("NotResource"))
		s.Principal, s.NotPrincipal = principalOf(sn.get("Principal")), principalOf(sn.get("NotPrincipal"))
		if c := sn.get("Condition"); c != nil && c.kind == 'o' {
			for i, name := range c.keys {
				op, err := ParseOperator(name)
				if err != nil || c.vals[i].kind != 'o' {
					continue
				}
				block := c.vals[i]
				for j, key := range block.keys {
					var vals []string
					for _, v := range block.vals[j].list() {
						if v.kind == 's' || v.kind == 'n' || v.kind == 'b' {
							vals = append(vals, v.str)
						}
					}
					s.Condition = append(s.Condition, Condition{Operator: op, Key: key, Values: vals})
				}
			}
			sort.SliceStable(s.Condition, func(a, b int) bool {
				oa, ob := s.Condition[a].Operator.String(), s.Condition[b].Operator.String()
				if oa != ob {
					return oa < ob
				}
				return s.Condition[a].Key < s.Condition[b].Key
			})
		}
		p.Statement = append(p.Statement, s)
	}
	return p
}

func strOf(n *jnode) string {
	if n == nil || n.kind != 's' {
		return ""
	}
	return n.str
}

// strsOf reads a string or a list of strings; nil when the element is absent.
func strsOf(n *jnode) []string {
	if n == nil {
		return nil
	}
	out := []string{}
	for _, v := range n.list() {
		if v.kind == 's' {
			out = append(out, v.str)
		}
	}
	return out
}

func principalOf(n *jnode) *Principal {
	if n == nil {
		return nil
	}
	if n.kind == 's' {
		return &Principal{Wildcard: n.str == "*"}
	}
	p := &Principal{}
	for i, k := range n.keys {
		p.Entries = append(p.Entries, PrincipalEntry{Kind: k, Values: strsOf(n.vals[i])})
	}
	sort.SliceStable(p.Entries, func(a, b int) bool { return p.Entries[a].Kind < p.Entries[b].Kind })
	return p
}
