package iampolicy

import (
	"fmt"
	"strings"
)

// grammar checks the document as JSON, element by element, before Parse reads
// it: what the grammar requires, refuses or finds empty, and what the policy's
// kind allows. Each rule's test quotes the Access Analyzer check it answers
// (testdata/lint_access_analyzer.json).
func (l *linter) grammar(root *jnode) {
	if root.kind != 'o' {
		l.add(Finding{Code: CodeElementType, Severity: SeverityError, Message: "a policy is a JSON object, not " + root.kindName()})
		return
	}
	l.duplicateKeys(root, "")
	for _, k := range root.keys {
		switch k {
		case "Version", "Id", "Statement":
		default:
			l.add(Finding{Code: CodeElementType, Severity: SeverityError, Path: k,
				Message: fmt.Sprintf("%q is not a policy element (Version, Id, Statement)", k), Fix: "remove it"})
		}
	}
	switch v := root.get("Version"); {
	case v == nil:
		l.add(Finding{Code: CodeVersion, Severity: SeverityWarning, Path: "Version",
			Message: "no Version: AWS reads the policy in the 2008-10-17 language, where ${...} is literal text",
			Fix:     `add "Version": "2012-10-17"`})
	case v.kind != 's':
		l.add(Finding{Code: CodeElementType, Severity: SeverityError, Path: "Version", Message: "Version is " + v.kindName() + ", not a string"})
	case v.str == Version2008:
		l.add(Finding{Code: CodeVersion, Severity: SeverityWarning, Path: "Version",
			Message: "Version 2008-10-17 knows no policy variables", Fix: `use "2012-10-17"`})
	case v.str != Version2012:
		l.add(Finding{Code: CodeVersion, Severity: SeverityError, Path: "Version",
			Message: fmt.Sprintf("Version %q is not 2012-10-17 or 2008-10-17", v.str), Fix: `use "2012-10-17"`})
	}
	if id := root.get("Id"); id != nil {
		if id.kind != 's' {
			l.add(Finding{Code: CodeElementType, Severity: SeverityError, Path: "Id", Message: "Id is " + id.kindName() + ", not a string"})
		} else if l.kind.identity() || l.kind == ServiceControlPolicy {
			l.add(Finding{Code: CodeKindElement, Severity: SeveritySuggestion, Path: "Id",
				Message: fmt.Sprintf("a %s has no use for Id: only some resource-based policies read it", l.kind), Fix: "remove it"})
		}
	}
	st := root.get("Statement")
	switch {
	case st == nil:
		l.add(Finding{Code: CodeMissingElement, Severity: SeverityError, Path: "Statement", Message: "no Statement element", Fix: "add a statement"})
		return
	case st.kind == 'a' && len(st.vals) == 0:
		l.add(Finding{Code: CodeMissingElement, Severity: SeverityError, Path: "Statement", Message: "Statement is an empty list", Fix: "add a statement"})
		return
	case st.kind != 'a' && st.kind != 'o':
		l.add(Finding{Code: CodeElementType, Severity: SeverityError, Path: "Statement", Message: "Statement is " + st.kindName() + ", not an object or a list"})
		return
	}
	for i, sn := range st.list() {
		l.statementGrammar(sn, fmt.Sprintf("Statement[%d]", i))
	}
}

// duplicateKeys reports a key an object repeats: JSON decoders keep one of the
// two, and which one differs between them.
func (l *linter) duplicateKeys(n *jnode, path string) {
	seen := map[string]bool{}
	for _, k := range n.keys {
		if seen[k] {
			l.add(Finding{Code: CodeElementType, Severity: SeverityError, Path: joinPath(path, k),
				Message: fmt.Sprintf("key %q appears twice", k), Fix: "merge the two"})
		}
		seen[k] = true
	}
}

func joinPath(path, k string) string {
	if path == "" {
		return k
	}
	return path + "." + k
}

var statementElements = []string{"Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition"}

func (l *linter) statementGrammar(s *jnode, path string) {
	if s.kind != 'o' {
		l.add(Finding{Code: CodeElementType, Severity: SeverityError, Path: path, Message: "a statement is a JSON object, not " + s.kindName()})
		return
	}
	l.duplicateKeys(s, path)
	for _, k := range s.keys {
		if !contains(statementElements, k) {
			l.add(Finding{Code: CodeElementType, Severity: SeverityError, Path: path + "." + k,
				Message: fmt.Sprintf("%q is not a statement element (%s)", k, strings.Join(statementElements, ", ")), Fix: "remove it"})
		}
	}
	l.sidGrammar(s.get("Sid"), path+".Sid")
	effect := ""
	switch e := s.get("Effect"); {
	case e == nil:
		l.add(Finding{Code: CodeMissingElement, Severity: SeverityError, Path: path + ".Effect", Message: "no Effect", Fix: `add "Effect": "Allow" or "Deny"`})
	case e.kind != 's' || (e.str != "Allow" && e.str != "Deny"):
		l.add(Finding{Code: CodeElementType, Severity: SeverityError, Path: path + ".Effect",
			Message: fmt.Sprintf("Effect is %s; it is \"Allow\" or \"Deny\", in that case", describe(e)), Fix: `use "Allow" or "Deny"`})
	default:
		effect = e.str
	}
	pair := func(a, b string, required bool, why string) {
		x, y := s.get(a), s.get(b)
		switch {
		case x != nil && y != nil:
			l.add(Finding{Code: CodeElementCombination, Severity: SeverityError, Path: path,
				Message: fmt.Sprintf("%s and %s cannot be in one statement", a, b), Fix: "remove one"})
		case x == nil && y == nil && required:
			l.add(Finding{Code: CodeMissingElement, Severity: SeverityError, Path: path + "." + a,
				Message: fmt.Sprintf("no %s or %s%s", a, b, why), Fix: "add " + a})
		}
	}
	pair("Action", "NotAction", true, "")
	pair("Resource", "NotResource", l.kind != RoleTrustPolicy, fmt.Sprintf(": a %s requires one", l.kind))
	pair("Principal", "NotPrincipal", l.kind.principalled(), fmt.Sprintf(": a %s names who it applies to", l.kind))
	for _, k := range []string{"Action", "NotAction", "Resource", "NotResource"} {
		if v := s.get(k); v != nil {
			l.stringsGrammar(v, path+"."+k, k)
		}
	}
	for _, k := range []string{"Principal", "NotPrincipal"} {
		if v := s.get(k); v != nil {
			l.principalGrammar(v, path+"."+k)
		}
	}
	if c := s.get("Condition"); c != nil {
		l.conditionGrammar(c, path+".Condition")
	}
	l.kindGrammar(s, path, effect)
}

// describe spells a value for a message.
func describe(n *jnode) string {
	if n.kind == 's' {
		return fmt.Sprintf("%q", n.str)
	}
	return n.kindName()
}

func (l *linter) sidGrammar(n *jnode, path string) {
	switch {
	case n == nil:
	case n.kind != 's':
		l.add(Finding{Code: CodeElementType, Severity: SeverityError, Path: path, Message: "Sid is " + n.kindName() + ", not a string"})
	case n.str == "":
		l.add(Finding{Code: CodeSidEmpty, Severity: SeveritySuggestion, Path: path, Message: "Sid is empty", Fix: "name the statement, or remove Sid"})
	default:
		for _, c := range n.str {
			if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
				// IAM refuses such a Sid in identity policies; several
				// resource-based policies (S3, SNS, SQS) take it.
				sev := SeverityError
				if l.kind.principalled() {
					sev = SeverityWarning
				}
				l.add(Finding{Code: CodeSidChars, Severity: sev, Path: path,
					Message: fmt.Sprintf("Sid %q has %q; a Sid takes only A-Z, a-z and 0-9", n.str, c), Fix: "remove the other characters"})
				break
			}
		}
	}
}

// stringsGrammar checks Action, NotAction, Resource and NotResource: a string or
// a non-empty list of non-empty strings.
func (l *linter) stringsGrammar(n *jnode, path, element string) {
	if n.kind == 'a' && len(n.vals) == 0 {
		if strings.HasPrefix(element, "Not") {
			// Read literally, an empty exclusion list applies the statement
			// to everything; no AWS page says so: fail closed.
			l.add(Finding{Code: CodeEmpty, Severity: SeverityError, Path: path,
				Message: fmt.Sprintf("%s is an empty list: read literally it excludes nothing and applies the statement to everything, and AWS documents no reading", element),
				Fix:     "list what to exclude, or use " + strings.TrimPrefix(element, "Not") + ": \"*\""})
			return
		}
		l.add(Finding{Code: CodeEmpty, Severity: SeveritySuggestion, Path: path,
			Message: fmt.Sprintf("%s is an empty list, so the statement applies to nothing", element), Fix: "list what it applies to, or remove the statement"})
		return
	}
	if n.kind != 'a' && n.kind != 's' {
		l.add(Finding{Code: CodeElementType, Severity: SeverityError, Path: path,
			Message: fmt.Sprintf("%s is %s, not a string or a list of strings", element, n.kindName())})
		return
	}
	for j, v := range n.list() {
		p := path
		if n.kind == 'a' {
			p = fmt.Sprintf("%s[%d]", path, j)
		}
		switch {
		case v.kind != 's':
			l.add(Finding{Code: CodeElementType, Severity: SeverityError, Path: p,
				Message: fmt.Sprintf("%s entry is %s, not a string (templates such as Fn::Sub must be resolved before the policy is checked)", element, v.kindName())})
		case v.str == "":
			l.add(Finding{Code: CodeElementType, Severity: SeverityError, Path: p, Message: element + " entry is the empty string"})
		}
	}
}

func (l *linter) principalGrammar(n *jnode, path string) {
	switch n.kind {
	case 's':
		if n.str != "*" {
			l.add(Finding{Code: CodeElementType, Severity: SeverityError, Path: path,
				Message: fmt.Sprintf("a principal string must be \"*\", got %q", n.str), Fix: `write {"AWS": "` + n.str + `"}`})
		}
		return
	case 'o':
	default:
		l.add(Finding{Code: CodeElementType, Severity: SeverityError, Path: path, Message: "a principal is \"*\" or an object, not " + n.kindName()})
		return
	}
	if len(n.keys) == 0 {
		l.add(Finding{Code: CodeEmpty, Severity: SeveritySuggestion, Path: path, Message: "the principal is an empty object: the statement applies to no one"})
	}
	l.duplicateKeys(n, path)
	for i, k := range n.keys {
		kp := path + "." + k
		if !contains(principalKinds, k) {
			l.add(Finding{Code: CodeElementType, Severity: SeverityError, Path: kp,
				Message: fmt.Sprintf("%q is not a principal type (%s)", k, strings.Join(principalKinds, ", "))})
			continue
		}
		v := n.vals[i]
		if v.kind == 'a' && len(v.vals) == 0 {
			l.add(Finding{Code: CodeEmpty, Severity: SeveritySuggestion, Path: kp, Message: "an empty list of principals names no one"})
			continue
		}
		if v.kind != 'a' && v.kind != 's' {
			l.add(Finding{Code: CodeElementType, Severity: SeverityError, Path: kp, Message: "principals are a string or a list of strings, not " + v.kindName()})
			continue
		}
		for _, e := range v.list() {
			if e.kind != 's' {
				l.add(Finding{Code: CodeElementType, Severity: SeverityError, Path: kp, Message: "a principal is a string, not " + e.kindName()})
				continue
			}
			l.principalValue(k, e.str, kp)
		}
	}
}

// principalValue checks one principal: no partial wildcards, no variables, and
// ARNs rather than the unique IDs AWS shows for deleted principals.
func (l *linter) principalValue(kind, v, path string) {
	switch {
	case hasVariable(v):
		l.add(Finding{Code: CodeVariablePlace, Severity: SeverityError, Path: path,
			Message: fmt.Sprintf("%q: policy variables are replaced in Resource and Condition only, never in a principal", v)})
	case strings.ContainsAny(v, "*?") && !(kind == "AWS" && v == "*"):
		l.add(Finding{Code: CodePrincipalValue, Severity: SeverityError, Path: path,
			Message: fmt.Sprintf("%q: a principal takes no wildcard (only \"*\" alone, for everyone)", v),
			Fix:     "name the principals, or use \"*\" with a Condition on aws:PrincipalArn"})
	case kind == "Service" && !strings.HasSuffix(v, ".amazonaws.com") && !strings.HasSuffix(v, ".amazonaws.com.cn") &&
		!strings.HasSuffix(v, ".c2s.ic.gov") && !strings.HasSuffix(v, ".sc2s.sgov.gov"):
		l.add(Finding{Code: CodePrincipalValue, Severity: SeverityError, Path: path,
			Message: fmt.Sprintf("%q is not a service principal (service-name.amazonaws.com)", v), Fix: "write " + v + ".amazonaws.com"})
	case kind == "AWS" && len(v) == 21 && (strings.HasPrefix(v, "AIDA") || strings.HasPrefix(v, "AROA")):
		l.add(Finding{Code: CodePrincipalValue, Severity: SeverityWarning, Path: path,
			Message: fmt.Sprintf("%q is a unique ID: AWS writes one where the user or role it named was deleted, and a new one of the same name does not match", v),
			Fix:     "use the user's or role's ARN"})
	}
}

func (l *linter) conditionGrammar(n *jnode, path string) {
	if n.kind != 'o' {
		l.add(Finding{Code: CodeElementType, Severity: SeverityError, Path: path, Message: "Condition is " + n.kindName() + ", not an object of operators"})
		return
	}
	if len(n.keys) == 0 {
		l.add(Finding{Code: CodeEmpty, Severity: SeveritySuggestion, Path: path, Message: "Condition is an empty object", Fix: "remove it, or add conditions"})
	}
	l.duplicateKeys(n, path)
	for i, opName := range n.keys {
		op, err := ParseOperator(opName)
		bp := path + "." + opName
		if err != nil {
			l.operatorError(opName, bp)
		}
		block := n.vals[i]
		if block.kind != 'o' {
			l.add(Finding{Code: CodeElementType, Severity: SeverityError, Path: bp, Message: "an operator takes an object of condition keys, not " + block.kindName()})
			continue
		}
		if len(block.keys) == 0 {
			l.add(Finding{Code: CodeEmpty, Severity: SeveritySuggestion, Path: bp, Message: opName + " has no condition keys", Fix: "remove it"})
		}
		l.duplicateKeys(block, bp)
		folded := map[string]string{}
		for j, key := range block.keys {
			kp := bp + "." + key
			if other, ok := folded[strings.ToLower(key)]; ok && other != key {
				l.add(Finding{Code: CodeKeyCase, Severity: SeverityError, Path: kp,
					Message: fmt.Sprintf("%s and %s are one key (key names ignore case) twice in one block", other, key), Fix: "merge them under one spelling"})
			}
			folded[strings.ToLower(key)] = key
			v := block.vals[j]
			switch v.kind {
			case 's', 'n', 'b':
			case 'a':
				if len(v.vals) == 0 {
					l.emptyValues(op, err == nil, kp)
				}
				for _, e := range v.vals {
					if e.kind != 's' && e.kind != 'n' && e.kind != 'b' {
						l.add(Finding{Code: CodeElementType, Severity: SeverityError, Path: kp, Message: "a condition value is a string, number or boolean, not " + e.kindName()})
					}
				}
			default:
				l.add(Finding{Code: CodeElementType, Severity: SeverityError, Path: kp, Message: "condition values are a value or a list, not " + v.kindName()})
			}
		}
	}
}

// operatorError explains why an operator name is refused.
func (l *linter) operatorError(name, path string) {
	base := strings.TrimPrefix(strings.TrimPrefix(name, "ForAllValues:"), "ForAnyValue:")
	switch {
	case base == "NullIfExists":
		l.add(Finding{Code: CodeUnknownOperator, Severity: SeverityError, Path: path,
			Message: "Null takes no IfExists: Null itself tests whether the key exists", Fix: "use Null"})
	case base == "Null":
		l.add(Finding{Code: CodeUnknownOperator, Severity: SeverityError, Path: path,
			Message: "Null takes no ForAllValues or ForAnyValue: with them it is always true or always false", Fix: "use Null alone"})
	default:
		l.add(Finding{Code: CodeUnknownOperator, Severity: SeverityError, Path: path,
			Message: fmt.Sprintf("%q is not a condition operator", name), Fix: "use one of the operators of the IAM User Guide (names are case-sensitive)"})
	}
}

// emptyValues explains what an empty list of values does under each operator form.
func (l *linter) emptyValues(op Operator, known bool, path string) {
	msg := "no values: the condition never holds, so the statement has no effect"
	switch {
	case known && op.Set == ForAllValues:
		msg = "ForAllValues with no values holds only when the key is missing from the request"
	case known && op.Set == ForAnyValue:
		msg = "ForAnyValue with no values never holds, so the statement has no effect"
	case known && op.IfExists:
		msg = "IfExists with no values holds only when the key is missing from the request"
	}
	l.add(Finding{Code: CodeEmpty, Severity: SeveritySuggestion, Path: path, Message: msg,
		Fix: "list the values, or test for a missing key with Null"})
}

// kindGrammar checks what the policy's kind allows in a statement.
func (l *linter) kindGrammar(s *jnode, path, effect string) {
	bad := func(el, why string, sev Severity) {
		l.add(Finding{Code: CodeKindElement, Severity: sev, Path: path + "." + el, Message: why, Fix: "remove it"})
	}
	switch {
	case l.kind.identity():
		for _, el := range []string{"Principal", "NotPrincipal"} {
			if s.get(el) != nil {
				bad(el, fmt.Sprintf("a %s applies to the principal it is attached to: %s is not supported", l.kind, el), SeverityError)
			}
		}
	case l.kind == ServiceControlPolicy:
		for _, el := range []string{"Principal", "NotPrincipal", "NotResource"} {
			if s.get(el) != nil {
				bad(el, "a service control policy does not support "+el, SeverityError)
			}
		}
		if effect == "Allow" {
			if s.get("Condition") != nil {
				bad("Condition", "a service control policy supports Condition only with Deny", SeverityError)
			}
			if s.get("NotAction") != nil {
				bad("NotAction", "a service control policy supports NotAction only with Deny", SeverityError)
			}
			if r := s.get("Resource"); r != nil && !(r.kind == 's' && r.str == "*") && !(r.kind == 'a' && len(r.vals) == 1 && r.vals[0].str == "*") {
				bad("Resource", "a service control policy allows only on \"*\"; name resources in a Deny", SeverityError)
			}
		}
		for _, el := range []string{"Action", "NotAction"} {
			if v := s.get(el); v != nil && (v.kind == 'a' || v.kind == 's') {
				for _, a := range v.list() {
					if i := strings.IndexAny(a.str, "*?"); i >= 0 && i != len(a.str)-1 {
						bad(el, fmt.Sprintf("%q: a service control policy takes a wildcard only at the end of an action", a.str), SeverityError)
					}
				}
			}
		}
	case l.kind == RoleTrustPolicy:
		if s.get("Resource") != nil || s.get("NotResource") != nil {
			bad("Resource", "a role trust policy has no Resource: the role is the resource", SeverityError)
		}
		if v := s.get("Action"); v != nil && (v.kind == 'a' || v.kind == 's') {
			for _, a := range v.list() {
				if a.kind == 's' && !strings.HasPrefix(strings.ToLower(a.str), "sts:") && a.str != "*" {
					bad("Action", fmt.Sprintf("%q: a role trust policy grants sts: actions only (AssumeRole..., TagSession, SetSourceIdentity, SetContext)", a.str), SeverityError)
				}
			}
		}
	}
}
