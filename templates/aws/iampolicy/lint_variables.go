package iampolicy

import (
	"fmt"
	"strings"
)

// variablesVersion checks every policy variable: its syntax, the element it is
// in, and the Version that makes it a variable at all.
func (l *linter) variablesVersion(p *Policy) {
	literal := p.Version != Version2012
	for i := range p.Statement {
		s := &p.Statement[i]
		path := fmt.Sprintf("Statement[%d]", i)
		check := func(v, at string, allowed bool) {
			if !strings.Contains(v, "${") && !strings.Contains(v, "$ {") {
				return
			}
			if msg := variableSyntax(v); msg != "" {
				l.add(Finding{Code: CodeVariableSyntax, Severity: SeverityError, Path: at, Message: fmt.Sprintf("%q: %s", v, msg)})
				return
			}
			if !allowed {
				l.add(Finding{Code: CodeVariablePlace, Severity: SeverityError, Path: at,
					Message: fmt.Sprintf("%q: policy variables are replaced in Resource and in Condition values only; here it is literal text", v)})
				return
			}
			if literal {
				l.add(Finding{Code: CodeVariableVersion, Severity: SeverityError, Path: at,
					Message: fmt.Sprintf("%q: without Version 2012-10-17 AWS reads ${...} as literal text", v), Fix: `set "Version": "2012-10-17"`})
			}
		}
		for j, a := range s.Action {
			check(a, fmt.Sprintf("%s.Action[%d]", path, j), false)
		}
		for j, a := range s.NotAction {
			check(a, fmt.Sprintf("%s.NotAction[%d]", path, j), false)
		}
		for _, el := range []struct {
			name string
			list []string
		}{{"Resource", s.Resource}, {"NotResource", s.NotResource}} {
			for j, r := range el.list {
				at := fmt.Sprintf("%s.%s[%d]", path, el.name, j)
				if f, ok := cutARN(r); ok && strings.Contains(f[0]+f[1]+f[2], "${") {
					l.add(Finding{Code: CodeVariablePlace, Severity: SeverityError, Path: at,
						Message: fmt.Sprintf("%q: a variable in the partition, service or region of an ARN is not replaced", r),
						Fix:     "use variables in the account or resource part"})
					continue
				}
				check(r, at, true)
			}
		}
		for _, c := range s.Condition {
			cp := fmt.Sprintf("%s.Condition.%s.%s", path, c.Operator, c.Key)
			check(c.Key, cp, false)
			negated := false
			for _, v := range c.Values {
				check(v, cp, true)
				negated = negated || mayBeAbsent(v)
			}
			if negated && s.Effect == EffectDeny && c.Operator.Kind.Negated() && !c.Operator.IfExists {
				l.add(Finding{Code: CodeVariableNegatedDeny, Severity: SeveritySuggestion, Path: cp,
					Message: "a negated operator matches when its variable has no value, so this Deny also applies to every request that lacks the variable's key",
					Fix:     "if that is not meant, give the variable a default (${key, 'none'}) or test the key with Null"})
			}
		}
	}
}

// alwaysPresent are global keys the IAM User Guide marks "This key is always
// included in the request context" (reference_policies_condition-keys.html).
var alwaysPresent = []string{"aws:currenttime", "aws:epochtime", "aws:principalaccount", "aws:principalarn",
	"aws:principaltype", "aws:securetransport", "aws:userid"}

// mayBeAbsent reports a value with a variable that has no default and whose
// key a request may lack.
func mayBeAbsent(v string) bool {
	for rest := v; ; {
		i := strings.Index(rest, "${")
		if i < 0 {
			return false
		}
		j := strings.IndexByte(rest[i:], '}')
		if j < 0 {
			return false
		}
		body := rest[i+2 : i+j]
		rest = rest[i+j+1:]
		if strings.Contains(body, ",") || body == "*" || body == "?" || body == "$" {
			continue
		}
		if !contains(alwaysPresent, strings.ToLower(strings.TrimSpace(body))) {
			return true
		}
	}
}

// variableSyntax returns what is wrong with the variables of v, or "".
func variableSyntax(v string) string {
	for rest := v; ; {
		i := strings.Index(rest, "$")
		if i < 0 {
			return ""
		}
		rest = rest[i+1:]
		if !strings.HasPrefix(rest, "{") {
			if strings.HasPrefix(strings.TrimLeft(rest, " "), "{") {
				return "a space between $ and {"
			}
			continue
		}
		end := strings.Index(rest, "}")
		if end < 0 {
			return "the variable has no closing }"
		}
		body := rest[1:end]
		rest = rest[end+1:]
		name, def, hasDef := strings.Cut(body, ",")
		switch {
		case body == "*" || body == "?" || body == "$":
			continue // ${*}, ${?}, ${$}: the escapes for the characters themselves
		case strings.TrimSpace(name) == "":
			return "empty variable ${}"
		case strings.ContainsAny(name, " \t"):
			return "a space inside the variable name"
		case strings.ContainsAny(name, "{$"):
			return "a $ or { inside the variable name"
		}
		if hasDef {
			d := strings.TrimSpace(def)
			if len(d) < 2 || d[0] != '\'' || d[len(d)-1] != '\'' {
				return "the default value must be in single quotes: ${key, 'default'}"
			}
		}
	}
}
