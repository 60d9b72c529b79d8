package campolicy

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/permgen/permgen/templates/cam"
)

// ParseError is a policy CAM would refuse: where (a JSON path such as
// "statement[1].effect"), what, and the stable code the linter reports it under.
type ParseError struct {
	Path string // "" for the whole document
	Code string // a linter code, e.g. CodeDuplicateKey
	Msg  string
}

// Error returns "cam: policy: <path>: <message> [<code>]".
func (e *ParseError) Error() string {
	p := e.Path
	if p != "" {
		p += ": "
	}
	return "cam: policy: " + p + e.Msg + " [" + e.Code + "]"
}

// Parse reads a policy as CAM's syntax defines it and refuses everything else,
// so that a policy CAM would reject never evaluates to anything here:
//
//   - a member named twice, at any level ("statement" twice would let the second
//     silently replace the first), or not in lower case ("These elements must be
//     lowercase"), or not part of the syntax;
//   - a version other than "2.0" or "3.0", or none;
//   - a statement without effect, action or resource; an effect other than "allow" or
//     "deny"; a resource that is not "*" or six segments, or fills project_id;
//   - a condition operator CAM does not define, or a value its operator cannot read
//     (a CIDR for ip_equal, an ISO 8601 time for date_, a decimal number for numeric_);
//   - more than MaxPolicyChars characters, whitespace between tokens not counted.
//
// The error is a *ParseError for the first problem found.
func Parse(data []byte) (Policy, error) {
	if n := policyChars(data); n > MaxPolicyChars {
		return Policy{}, &ParseError{Code: CodeTooLong, Msg: fmt.Sprintf("%d characters without spaces; CAM allows %d", n, MaxPolicyChars)}
	}
	root, err := parseJSONTree(data)
	if err != nil {
		return Policy{}, &ParseError{Code: CodeJSON, Msg: "not JSON: " + err.Error()}
	}
	var d policyDecoder
	p := d.policy(root)
	if d.err != nil {
		return Policy{}, d.err
	}
	return p, nil
}

// policyChars counts the characters of a JSON document, leaving out the whitespace
// between tokens; spaces inside strings count.
func policyChars(data []byte) int {
	n, inString, escaped := 0, false, false
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		i += size
		switch {
		case inString:
			n++
			switch {
			case escaped:
				escaped = false
			case r == '\\':
				escaped = true
			case r == '"':
				inString = false
			}
		case r == ' ' || r == '\t' || r == '\n' || r == '\r':
		default:
			n++
			inString = r == '"'
		}
	}
	return n
}

// jnode is a JSON value with every object member kept, duplicates included, in order.
type jnode struct {
	kind    byte // 'o' object, 'a' array, 's' string, 'n' number, 'b' boolean, 'z' null
	str     string
	members []jmember
	elems   []jnode
}

type jmember struct {
	key string
	val jnode
}

func parseJSONTree(data []byte) (jnode, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	n, err := readNode(dec)
	if err != nil {
		return jnode{}, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return jnode{}, errors.New("data after the top-level value")
	}
	return n, nil
}

func readNode(dec *json.Decoder) (jnode, error) {
	tok, err := dec.Token()
	if err != nil {
		return jnode{}, err
	}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			n := jnode{kind: 'o'}
			for dec.More() {
				k, err := dec.Token()
				if err != nil {
					return jnode{}, err
				}
				v, err := readNode(dec)
				if err != nil {
					return jnode{}, err
				}
				n.members = append(n.members, jmember{k.(string), v})
			}
			_, err := dec.Token()
			return n, err
		case '[':
			n := jnode{kind: 'a'}
			for dec.More() {
				v, err := readNode(dec)
				if err != nil {
					return jnode{}, err
				}
				n.elems = append(n.elems, v)
			}
			_, err := dec.Token()
			return n, err
		}
	case string:
		return jnode{kind: 's', str: t}, nil
	case json.Number:
		return jnode{kind: 'n', str: t.String()}, nil
	case bool:
		return jnode{kind: 'b', str: fmt.Sprint(t)}, nil
	case nil:
		return jnode{kind: 'z'}, nil
	}
	return jnode{}, fmt.Errorf("unexpected token %v", tok)
}

func (n jnode) kindName() string {
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

// checkStrictJSON refuses JSON with a member named twice in one object, at any depth.
func checkStrictJSON(data []byte) error {
	root, err := parseJSONTree(data)
	if err != nil {
		return err
	}
	return firstDuplicate(root, "")
}

func firstDuplicate(n jnode, path string) error {
	switch n.kind {
	case 'o':
		seen := map[string]bool{}
		for _, m := range n.members {
			if seen[m.key] {
				return fmt.Errorf("%s: member %q appears twice", orRoot(joinPath(path, m.key)), m.key)
			}
			seen[m.key] = true
			if err := firstDuplicate(m.val, joinPath(path, m.key)); err != nil {
				return err
			}
		}
	case 'a':
		for i, e := range n.elems {
			if err := firstDuplicate(e, fmt.Sprintf("%s[%d]", path, i)); err != nil {
				return err
			}
		}
	}
	return nil
}

func orRoot(p string) string {
	if p == "" {
		return "document"
	}
	return p
}

// policyDecoder turns a jnode tree into a Policy, keeping the first error.
type policyDecoder struct{ err *ParseError }

func (d *policyDecoder) fail(path, code, format string, args ...any) {
	if d.err == nil {
		d.err = &ParseError{Path: path, Code: code, Msg: fmt.Sprintf(format, args...)}
	}
}

// members checks an object's member names: each known, lower case, once. It returns
// them by name.
func (d *policyDecoder) members(n jnode, path string, known ...string) map[string]jnode {
	out := make(map[string]jnode, len(n.members))
	for _, m := range n.members {
		p := joinPath(path, m.key)
		if _, dup := out[m.key]; dup {
			d.fail(p, CodeDuplicateKey, "member %q appears twice; CAM's policy analyzer refuses redundant elements", m.key)
			continue
		}
		isKnown := false
		for _, k := range known {
			if k == m.key {
				isKnown = true
			} else if strings.EqualFold(k, m.key) {
				d.fail(p, CodeElementCase, "element %q must be written %q: element names are lower case only", m.key, k)
			}
		}
		if !isKnown {
			d.fail(p, CodeUnknownElement, "element %q is not part of CAM's policy syntax; known here: %s", m.key, strings.Join(known, ", "))
		}
		out[m.key] = m.val
	}
	return out
}

func (d *policyDecoder) policy(n jnode) Policy {
	if n.kind != 'o' {
		d.fail("", CodeType, "the policy must be an object, found %s", n.kindName())
		return Policy{}
	}
	f := d.members(n, "", "version", "principal", "statement")
	var p Policy
	switch v, ok := f["version"]; {
	case !ok:
		d.fail("version", CodeVersion, `version is missing; CAM requires "2.0" (or "3.0")`)
	case v.kind != 's':
		d.fail("version", CodeType, "version must be a string, found %s", v.kindName())
	case v.str != Version2 && v.str != Version3:
		d.fail("version", CodeVersion, `version is %q; CAM accepts "2.0" and "3.0"`, v.str)
	default:
		p.Version = v.str
	}
	if pr, ok := f["principal"]; ok {
		p.Principal = d.principal(pr, "principal")
	}
	st, ok := f["statement"]
	switch {
	case !ok || st.kind == 'z':
		d.fail("statement", CodeMissingStatement, "statement is missing; CAM requires one")
	case st.kind == 'o':
		p.Statement = []Statement{d.statement(st, "statement")}
	case st.kind == 'a':
		p.Statement = make([]Statement, len(st.elems))
		for i, e := range st.elems {
			p.Statement[i] = d.statement(e, fmt.Sprintf("statement[%d]", i))
		}
	default:
		d.fail("statement", CodeType, "statement must be a list of statements, found %s", st.kindName())
	}
	return p
}

func (d *policyDecoder) statement(n jnode, path string) Statement {
	if n.kind != 'o' {
		d.fail(path, CodeType, "a statement must be an object, found %s", n.kindName())
		return Statement{}
	}
	f := d.members(n, path, "effect", "principal", "action", "resource", "condition")
	var s Statement
	switch e, ok := f["effect"]; {
	case !ok:
		d.fail(path+".effect", CodeEffect, `effect is missing; want "allow" or "deny"`)
	case e.kind != 's':
		d.fail(path+".effect", CodeType, `effect must be "allow" or "deny", found %s`, e.kindName())
	default:
		eff, ok := parseEffectStrict(e.str)
		if !ok {
			d.fail(path+".effect", CodeEffect, `effect is %q; want "allow" or "deny", in lower case`, e.str)
		}
		s.Effect = eff
	}
	if pr, ok := f["principal"]; ok {
		s.Principal = d.principal(pr, path+".principal")
	}
	s.Action = d.values(f, "action", path, CodeNoAction)
	for i, a := range s.Action {
		name := strings.TrimPrefix(a, "name/")
		if name == "" || !isWildcard(name) && !strings.Contains(name, ":") {
			d.fail(fmt.Sprintf("%s.action[%d]", path, i), CodeBadAction, `action %q is not "<service>:<API>"`, a)
		}
	}
	s.Resource = d.values(f, "resource", path, CodeNoResource)
	for i, r := range s.Resource {
		if isWildcard(r) {
			continue
		}
		if _, err := cam.ParseResource(r); err != nil {
			code := CodeBadResource
			if pr, n := cam.SplitResource(r); n == 6 && pr.Project != "" {
				code = CodeProjectID
			}
			d.fail(fmt.Sprintf("%s.resource[%d]", path, i), code, "%s", strings.TrimPrefix(err.Error(), "cam: "))
		}
	}
	if c, ok := f["condition"]; ok {
		s.Condition = d.condition(c, path+".condition")
	}
	return s
}

// values reads an element that is one string or a non-empty list of strings.
func (d *policyDecoder) values(f map[string]jnode, name, path, missingCode string) Values {
	p := path + "." + name
	n, ok := f[name]
	switch {
	case !ok:
		d.fail(p, missingCode, "%s is missing; CAM requires it in every statement", name)
	case n.kind == 's':
		return Values{n.str}
	case n.kind == 'a':
		if len(n.elems) == 0 {
			d.fail(p, missingCode, "%s is empty; CAM requires at least one", name)
		}
		out := make(Values, 0, len(n.elems))
		for i, e := range n.elems {
			if e.kind != 's' {
				d.fail(fmt.Sprintf("%s[%d]", p, i), CodeType, "want a string, found %s", e.kindName())
			}
			out = append(out, e.str)
		}
		return out
	default:
		d.fail(p, CodeType, "want a string or a list of strings, found %s", n.kindName())
	}
	return nil
}

func (d *policyDecoder) principal(n jnode, path string) Principal {
	if n.kind == 's' && n.str == "*" {
		return Principal{"qcs": {"*"}}
	}
	if n.kind != 'o' {
		d.fail(path, CodeType, `principal must be "*" or {"qcs": [...]}, found %s`, n.kindName())
		return nil
	}
	f := d.members(n, path, "qcs")
	out := Principal{}
	if _, ok := f["qcs"]; ok {
		out["qcs"] = d.values(f, "qcs", path, CodeType)
	}
	return out
}

func (d *policyDecoder) condition(n jnode, path string) Condition {
	if n.kind != 'o' {
		d.fail(path, CodeType, `condition must be {"operator": {"key": values}}, found %s`, n.kindName())
		return nil
	}
	out := make(Condition, len(n.members))
	for _, m := range n.members {
		p := path + "." + m.key
		if _, dup := out[m.key]; dup {
			d.fail(p, CodeDuplicateKey, "operator %q appears twice", m.key)
			continue
		}
		o, ok := parseOperator(m.key)
		if !ok {
			d.fail(p, CodeConditionOperator, "condition operator %q is not one CAM defines (ConditionTypeError)", m.key)
		}
		if m.val.kind != 'o' {
			d.fail(p, CodeType, `want {"key": values}, found %s`, m.val.kindName())
			continue
		}
		if len(m.val.members) == 0 {
			d.fail(p, CodeConditionValue, "operator %q names no condition key; it would hold for every request", m.key)
		}
		keys := make(map[string]Values, len(m.val.members))
		for _, k := range m.val.members {
			kp := p + "." + k.key
			if _, dup := keys[k.key]; dup {
				d.fail(kp, CodeDuplicateKey, "condition key %q appears twice", k.key)
				continue
			}
			vals := d.conditionValues(k.val, kp)
			if ok {
				for _, v := range vals {
					if err := validConditionValue(o, v); err != nil {
						d.fail(kp, CodeConditionValue, "%s: %v", m.key, err)
					}
				}
			}
			keys[k.key] = vals
		}
		out[m.key] = keys
	}
	return out
}

func (d *policyDecoder) conditionValues(n jnode, path string) Values {
	switch n.kind {
	case 's', 'n', 'b':
		return Values{n.str}
	case 'a':
		out := make(Values, 0, len(n.elems))
		for i, e := range n.elems {
			if e.kind != 's' && e.kind != 'n' && e.kind != 'b' {
				d.fail(fmt.Sprintf("%s[%d]", path, i), CodeType, "want a string, number or boolean, found %s", e.kindName())
				continue
			}
			out = append(out, e.str)
		}
		if len(out) == 0 {
			d.fail(path, CodeConditionValue, "a condition key needs at least one value")
		}
		return out
	}
	d.fail(path, CodeType, "want a string, number or boolean, found %s", n.kindName())
	return nil
}
