package campolicy

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/permgen/permgen/templates/cam"

	"strings"
)

// Lint is LintPolicy for a policy as written: it also reports what Policy's
// decoder would reject or silently accept — values of the wrong type, element names not
// in lower case (CAM requires them lower case), elements CAM does not define — each
// with its path, and lints the rest. The error is only for input that is not JSON.
func Lint(data []byte, known []cam.ActionInfo) ([]Finding, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var doc any
	if err := dec.Decode(&doc); err != nil {
		return nil, fmt.Errorf("cam: policy is not JSON: %w", err)
	}
	if _, err := dec.Token(); err == nil {
		return nil, fmt.Errorf("cam: policy is not JSON: data after the top-level value")
	}
	var lp lintPolicy
	lp.fromJSON = true
	if n := policyChars(data); n > MaxPolicyChars {
		lp.findings = append(lp.findings, Finding{Rule: RuleTooLong, Severity: SeverityError,
			Message: fmt.Sprintf("%d characters without spaces; CAM allows %d per policy", n, MaxPolicyChars)})
	}
	if tree, err := parseJSONTree(data); err == nil {
		duplicates(&lp.findings, tree, "")
	}
	top, ok := doc.(map[string]any)
	if !ok {
		lp.findings = append(lp.findings, typeFinding("", "the policy", "an object", doc))
		return lp.findings, nil
	}
	fields := elements(&lp.findings, "", top, "version", "principal", "statement")
	if v, ok := fields["version"]; ok {
		lp.hasVersion = true
		if s, ok := v.(string); ok {
			lp.version = s
		} else {
			lp.findings = append(lp.findings, typeFinding("version", "version", "a string", v))
			lp.version = Version2 // reported as a type error; do not report it twice
		}
	}
	if p, ok := fields["principal"]; ok {
		principalElements(&lp.findings, "principal", p)
	}
	switch st := fields["statement"].(type) {
	case nil:
		lp.findings = append(lp.findings, Finding{Path: "statement", Rule: RuleMissingStatement, Severity: SeverityError, Message: "statement is missing or null; CAM requires a list of statements"})
	case []any:
		for i, e := range st {
			lp.stmts = append(lp.stmts, readStatement(fmt.Sprintf("statement[%d]", i), e))
		}
	case map[string]any:
		lp.stmts = append(lp.stmts, readStatement("statement", st))
	default:
		lp.findings = append(lp.findings, typeFinding("statement", "statement", "a list of statements", st))
	}
	return lp.lint(newCatalog(known)), nil
}

// elements returns obj's members by lower-case name, reporting names that are not lower
// case or not among known; members are visited in sorted order so findings are stable.
func elements(findings *[]Finding, path string, obj map[string]any, known ...string) map[string]any {
	out := make(map[string]any, len(obj))
	for _, k := range sortedKeys(obj) {
		lower := strings.ToLower(k)
		p := joinPath(path, k)
		isKnown := false
		for _, n := range known {
			isKnown = isKnown || n == lower
		}
		switch {
		case !isKnown:
			*findings = append(*findings, Finding{Path: p, Rule: RuleUnknownElement, Severity: SeverityError, Message: fmt.Sprintf("element %q is not part of CAM's policy syntax; known here: %s", k, strings.Join(known, ", "))})
			continue
		case lower != k:
			*findings = append(*findings, Finding{Path: p, Rule: RuleElementCase, Severity: SeverityError, Message: fmt.Sprintf("element %q must be written %q: CAM requires lower-case element names", k, lower)})
		}
		if _, dup := out[lower]; !dup {
			out[lower] = obj[k]
		}
	}
	return out
}

func joinPath(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func readStatement(path string, v any) lintStmt {
	s := lintStmt{path: path, actionPath: path + ".action", resourcePath: path + ".resource"}
	obj, ok := v.(map[string]any)
	if !ok {
		s.findings = append(s.findings, typeFinding(path, "a statement", "an object", v))
		s.broken = true
		return s
	}
	fields := elements(&s.findings, path, obj, "effect", "principal", "action", "resource", "condition")
	if e, ok := fields["effect"]; ok {
		s.hasEffect = true
		if str, ok := e.(string); ok {
			s.effect, _ = parseEffect(str)
			s.effectText = str
			if _, exact := parseEffectStrict(str); !exact && s.effect != 0 {
				s.findings = append(s.findings, Finding{Path: path + ".effect", Rule: RuleEffect, Severity: SeverityError,
					Message: fmt.Sprintf("effect %q must be written %q: the syntax allows (\"allow\" | \"deny\")", str, s.effect.String())})
			}
		} else {
			s.findings = append(s.findings, typeFinding(path+".effect", "effect", `"allow" or "deny"`, e))
			s.effectTyped = true
		}
	}
	s.actions = readValues(&s.findings, s.actionPath, fields["action"])
	s.resources = readValues(&s.findings, s.resourcePath, fields["resource"])
	if p, ok := fields["principal"]; ok {
		s.principal = canonical(p)
		principalElements(&s.findings, path+".principal", p)
	}
	if c, ok := fields["condition"]; ok {
		s.conditionKey = canonical(c)
		b, _ := json.Marshal(c)
		if err := json.Unmarshal(b, &s.condition); err != nil {
			s.findings = append(s.findings, Finding{Path: path + ".condition", Rule: RuleType, Severity: SeverityError,
				Message: strings.TrimPrefix(err.Error(), "cam: ")})
			s.condition = nil
			if s.conditionKey == "" {
				s.conditionKey = "invalid" // never equal to a real condition, so it shadows nothing
			}
		}
	}
	return s
}

// readValues reads a string-or-list element; a string's path has no index.
func readValues(findings *[]Finding, path string, v any) []lintVal {
	switch x := v.(type) {
	case nil:
		return nil
	case string:
		return []lintVal{{path, x}}
	case []any:
		var out []lintVal
		for i, e := range x {
			p := fmt.Sprintf("%s[%d]", path, i)
			if s, ok := e.(string); ok {
				out = append(out, lintVal{p, s})
			} else {
				*findings = append(*findings, typeFinding(p, "a value", "a string", e))
			}
		}
		return out
	}
	*findings = append(*findings, typeFinding(path, path[strings.LastIndexByte(path, '.')+1:], "a string or a list of strings", v))
	return nil
}

func typeFinding(path, what, want string, got any) Finding {
	return Finding{Path: path, Rule: RuleType, Severity: SeverityError, Message: fmt.Sprintf("%s must be %s, found %s", what, want, kindOf(got))}
}

func kindOf(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case string:
		return "a string"
	case json.Number:
		return "a number"
	case bool:
		return "a boolean"
	case []any:
		return "a list"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%T", v)
}

// duplicates reports every member named twice in one object, at any depth: encoding/json
// would keep the last silently, and the policy analyzer refuses redundant elements.
func duplicates(findings *[]Finding, n jnode, path string) {
	switch n.kind {
	case 'o':
		seen := map[string]bool{}
		for _, m := range n.members {
			p := joinPath(path, m.key)
			if seen[m.key] {
				*findings = append(*findings, Finding{Path: p, Rule: RuleDuplicateKey, Severity: SeverityError,
					Message: fmt.Sprintf("member %q appears twice in one object; a JSON decoder keeps one silently and CAM refuses redundant elements", m.key)})
			}
			seen[m.key] = true
			duplicates(findings, m.val, p)
		}
	case 'a':
		for i, e := range n.elems {
			duplicates(findings, e, fmt.Sprintf("%s[%d]", path, i))
		}
	}
}

// principalElements checks a principal's member names: "*" or {"qcs": [...]}.
func principalElements(findings *[]Finding, path string, v any) {
	if obj, ok := v.(map[string]any); ok {
		elements(findings, path, obj, "qcs")
	} else if s, ok := v.(string); !ok || s != "*" {
		*findings = append(*findings, typeFinding(path, "principal", `"*" or {"qcs": [...]}`, v))
	}
}
