package iampolicy

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
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
