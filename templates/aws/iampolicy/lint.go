package iampolicy

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/permgen/permgen/templates/aws/iam"
	"github.com/permgen/permgen/templates/aws/iamarn"
)

// Severity ranks a Finding, as IAM Access Analyzer's policy validation does.
type Severity uint8

// Severities, from mildest.
const (
	SeveritySuggestion      Severity = iota + 1 // could be shorter or clearer
	SeverityWarning                             // probably not what was meant
	SeveritySecurityWarning                     // grants more than it seems to
	SeverityError                               // AWS rejects it, or it can never match
)

var severityNames = [...]string{"", "suggestion", "warning", "security warning", "error"}

// String returns "suggestion", "warning", "security warning" or "error".
func (s Severity) String() string {
	if int(s) < len(severityNames) && s > 0 {
		return severityNames[s]
	}
	return fmt.Sprintf("Severity(%d)", uint8(s))
}

// MarshalText writes the name String returns.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads a name MarshalText writes.
func (s *Severity) UnmarshalText(b []byte) error {
	for c := SeveritySuggestion; c <= SeverityError; c++ {
		if c.String() == string(b) {
			*s = c
			return nil
		}
	}
	return fmt.Errorf("iampolicy: unknown severity %q", b)
}

// Lint codes. They are stable: tools may filter on them.
const (
	CodeSyntax            = "AWS001" // not a policy document by the grammar
	CodeUnknownService    = "AWS010" // action prefix names no service
	CodeUnknownAction     = "AWS011" // action names no action of its service
	CodeNoMatch           = "AWS012" // action pattern matches no action
	CodeWildcardAction    = "AWS013" // wildcard action, with the actions it grants today
	CodeInvalidARN        = "AWS020" // resource is neither "*" nor an ARN
	CodeResourceMismatch  = "AWS021" // no action of the statement acts on the resource
	CodeUnknownKey        = "AWS030" // condition key no action of the statement takes
	CodeOperatorType      = "AWS031" // operator of another type than the key
	CodeSetOnSingleValued = "AWS032" // ForAllValues/ForAnyValue on a single-valued key
	CodeNoSetOnMulti      = "AWS033" // plain operator on a multivalued key
	CodeAnyValueIfExists  = "AWS034" // ForAnyValue with IfExists reads ambiguously
	CodeDuplicateSid      = "AWS040" // two statements share a Sid
	CodePassRoleStar      = "AWS050" // iam:PassRole on every role
	CodeNotActionAllow    = "AWS051" // Allow with NotAction
	CodeNotResourceAllow  = "AWS052" // Allow with NotResource
	CodeAllowAll          = "AWS053" // Allow * on *
	CodeRedundant         = "AWS060" // statement another statement already covers
	CodeTooLarge          = "AWS070" // over the size quota of the policy's kind
)

// Finding is one thing Lint found.
type Finding struct {
	Code     string   `json:"code"`
	Severity Severity `json:"severity"`
	Path     string   `json:"path"` // e.g. "Statement[0].Action[1]"; "" for the whole policy
	Message  string   `json:"message"`
	Fix      string   `json:"fix,omitempty"`
	// Actions lists, for CodeWildcardAction, the actions the pattern grants today.
	Actions []string `json:"actions,omitempty"`
}

// String renders "path: severity: message [code] (fix: ...)".
func (f Finding) String() string {
	p := f.Path
	if p == "" {
		p = "policy"
	}
	s := p + ": " + f.Severity.String() + ": " + f.Message + " [" + f.Code + "]"
	if f.Fix != "" {
		s += " (fix: " + f.Fix + ")"
	}
	return s
}

// Kind is the kind of policy, which sets its size quota.
type Kind uint8

// Policy kinds and their quotas in characters, white space not counted.
const (
	ManagedPolicy     Kind = iota // 6,144
	RoleInlinePolicy              // 10,240
	UserInlinePolicy              // 2,048
	GroupInlinePolicy             // 5,120
)

// Quota returns the size limit of the kind.
func (k Kind) Quota() int {
	switch k {
	case RoleInlinePolicy:
		return 10240
	case UserInlinePolicy:
		return 2048
	case GroupInlinePolicy:
		return 5120
	}
	return 6144
}

// String names the kind: "managed policy", "role inline policy", ...
func (k Kind) String() string {
	if k > GroupInlinePolicy {
		return fmt.Sprintf("Kind(%d)", uint8(k))
	}
	return [...]string{"managed policy", "role inline policy", "user inline policy", "group inline policy"}[k]
}

// Size counts a policy's characters the way the quotas do: white space outside
// strings is not counted.
func Size(data []byte) (int, error) {
	var b bytes.Buffer
	if err := json.Compact(&b, data); err != nil {
		return 0, err
	}
	return utf8.RuneCount(b.Bytes()), nil
}

// LintOptions says what to check against.
type LintOptions struct {
	Kind Kind
	// Catalog, when set, enables the checks that need to know AWS's actions.
	Catalog Catalog
}

// Lint checks a policy document. A document the grammar refuses gives one
// CodeSyntax finding. Findings come in a fixed order: the document's own, then
// each statement's elements in turn, then overlaps between statements.
func Lint(data []byte, opts LintOptions) []Finding {
	var out []Finding
	p, err := Parse(data)
	if err != nil {
		return []Finding{{Code: CodeSyntax, Severity: SeverityError, Message: err.Error()}}
	}
	if n, err := Size(data); err == nil && n > opts.Kind.Quota() {
		out = append(out, Finding{Code: CodeTooLarge, Severity: SeverityError,
			Message: fmt.Sprintf("%d characters (white space not counted) is over the %d of a %s", n, opts.Kind.Quota(), opts.Kind),
			Fix:     "split it into several policies, or shorten action lists with wildcards (Compact)"})
	}
	sids := map[string]int{}
	for i := range p.Statement {
		out = append(out, lintStatement(p, i, opts.Catalog)...)
		if sid := p.Statement[i].Sid; sid != "" {
			if j, dup := sids[sid]; dup {
				out = append(out, Finding{Code: CodeDuplicateSid, Severity: SeverityError, Path: fmt.Sprintf("Statement[%d].Sid", i),
					Message: fmt.Sprintf("Sid %q is also statement %d's; Sids must be unique in a policy", sid, j), Fix: "rename one"})
			} else {
				sids[sid] = i
			}
		}
	}
	out = append(out, redundant(p)...)
	return out
}

func lintStatement(p *Policy, i int, cat Catalog) []Finding {
	s := &p.Statement[i]
	path := fmt.Sprintf("Statement[%d]", i)
	var out []Finding
	add := func(f Finding) { out = append(out, f) }
	allow := s.Effect == EffectAllow
	if allow && s.NotAction != nil {
		add(Finding{Code: CodeNotActionAllow, Severity: SeveritySecurityWarning, Path: path + ".NotAction",
			Message: "Allow with NotAction grants every action not listed, including those AWS adds later",
			Fix:     "list the actions to allow in Action"})
	}
	if allow && s.NotResource != nil {
		add(Finding{Code: CodeNotResourceAllow, Severity: SeveritySecurityWarning, Path: path + ".NotResource",
			Message: "Allow with NotResource grants on every resource not listed, in every service", Fix: "list the resources in Resource"})
	}
	if allow && len(s.Condition) == 0 && contains(s.Action, "*") && contains(s.Resource, "*") {
		add(Finding{Code: CodeAllowAll, Severity: SeveritySecurityWarning, Path: path,
			Message: "allows every action on every resource"})
	}
	// Actions: what each names today.
	var infos []iam.ActionInfo
	for j, a := range s.Action {
		infos = append(infos, lintAction(cat, a, fmt.Sprintf("%s.Action[%d]", path, j), &out)...)
	}
	for j, a := range s.NotAction {
		lintAction(cat, a, fmt.Sprintf("%s.NotAction[%d]", path, j), &out)
	}
	// iam:PassRole on every role.
	if allow && contains(s.Resource, "*") {
		for j, a := range s.Action {
			if m, _ := matchGlob(a, "iam:PassRole", true, true, false, nil); m {
				add(Finding{Code: CodePassRoleStar, Severity: SeveritySecurityWarning, Path: fmt.Sprintf("%s.Action[%d]", path, j),
					Message: "iam:PassRole on \"*\" lets the caller hand any role, and its permissions, to a service",
					Fix:     "name the roles in Resource, and add a Condition on iam:PassedToService"})
				break
			}
		}
	}
	// Resources.
	for _, el := range []struct {
		name string
		list []string
	}{{"Resource", s.Resource}, {"NotResource", s.NotResource}} {
		for j, r := range el.list {
			rp := fmt.Sprintf("%s.%s[%d]", path, el.name, j)
			if r == "*" {
				continue
			}
			if _, err := iamarn.Parse(r); err != nil && !hasVariable(r) {
				add(Finding{Code: CodeInvalidARN, Severity: SeverityError, Path: rp, Message: err.Error()})
				continue
			}
			if cat == nil || el.name != "Resource" || len(infos) == 0 || hasVariable(r) {
				continue
			}
			fits := false
			for _, a := range infos {
				if actsOn(cat, a, r) {
					fits = true
					break
				}
			}
			if !fits {
				add(Finding{Code: CodeResourceMismatch, Severity: SeverityError, Path: rp,
					Message: fmt.Sprintf("no action of the statement acts on %s, so it never matches", r),
					Fix:     "use an ARN of a resource type the actions list, or \"*\" for actions that take no resource"})
			}
		}
	}
	// Conditions.
	for j, c := range s.Condition {
		cp := fmt.Sprintf("%s.Condition.%s.%s", path, c.Operator, c.Key)
		_ = j
		t := keyType(cat, c.Key)
		if !operatorFits(c.Operator.Kind.Category(), t) {
			add(Finding{Code: CodeOperatorType, Severity: SeverityError, Path: cp,
				Message: fmt.Sprintf("%s is a %s key; %s compares %s values, so the condition never holds as meant", c.Key, t, c.Operator.Kind, c.Operator.Kind.Category()),
				Fix:     "use a " + t.Elem().String() + " operator"})
		}
		if t.Valid() && !t.IsArray() && c.Operator.Set != SetNone {
			sev := SeverityWarning
			msg := fmt.Sprintf("%s is single-valued; %s is meant for multivalued keys", c.Key, c.Operator)
			if c.Operator.Set == ForAllValues && allow {
				sev = SeveritySecurityWarning
				msg += ", and ForAllValues holds when the key is missing, so this Allow applies to requests without it"
			}
			add(Finding{Code: CodeSetOnSingleValued, Severity: sev, Path: cp, Message: msg, Fix: "drop the " + setName(c.Operator.Set) + " prefix"})
		}
		if t.Valid() && t.IsArray() && c.Operator.Set == SetNone && c.Operator.Kind != Null {
			add(Finding{Code: CodeNoSetOnMulti, Severity: SeverityWarning, Path: cp,
				Message: fmt.Sprintf("%s is multivalued (%s); without ForAllValues or ForAnyValue the condition does not hold for a list", c.Key, t),
				Fix:     "prefix the operator with ForAnyValue: or ForAllValues:"})
		}
		if c.Operator.Set == ForAnyValue && c.Operator.IfExists {
			add(Finding{Code: CodeAnyValueIfExists, Severity: SeveritySuggestion, Path: cp,
				Message: "ForAnyValue with IfExists: engines differ on a missing key (docs/aws-evaluation.md)",
				Fix:     "say what a missing key means with a separate Null condition"})
		}
		if cat != nil && len(infos) > 0 {
			takes := false
			for _, a := range infos {
				if keyHonoured(cat, a, c.Key) {
					takes = true
					break
				}
			}
			if !takes {
				add(Finding{Code: CodeUnknownKey, Severity: SeverityWarning, Path: cp,
					Message: fmt.Sprintf("no action of the statement takes condition key %s, so the request never carries it", c.Key)})
			}
		}
	}
	return out
}

func setName(s SetOp) string {
	if s == ForAllValues {
		return "ForAllValues:"
	}
	return "ForAnyValue:"
}

// lintAction checks one Action or NotAction entry and returns the actions it
// names today.
func lintAction(cat Catalog, a, path string, out *[]Finding) []iam.ActionInfo {
	if a == "*" {
		return nil
	}
	prefix, name, ok := strings.Cut(a, ":")
	if !ok || prefix == "" || name == "" {
		*out = append(*out, Finding{Code: CodeSyntax, Severity: SeverityError, Path: path,
			Message: fmt.Sprintf("%q is not \"service:Action\"", a)})
		return nil
	}
	if cat == nil {
		return nil
	}
	acts := cat.ServiceActions(strings.ToLower(prefix))
	if acts == nil {
		*out = append(*out, Finding{Code: CodeUnknownService, Severity: SeverityError, Path: path,
			Message: fmt.Sprintf("no AWS service has the prefix %q", prefix)})
		return nil
	}
	if !strings.ContainsAny(name, "*?") {
		if info, ok := cat.LookupAction(a); ok {
			return []iam.ActionInfo{info}
		}
		e := iam.NewUnknownActionError(strings.ToLower(prefix), a, len(acts), func(i int) string { return acts[i].Name })
		f := Finding{Code: CodeUnknownAction, Severity: SeverityError, Path: path,
			Message: fmt.Sprintf("%s has no action %q", strings.ToLower(prefix), name)}
		if e.Suggestion != "" {
			f.Fix = "did you mean " + e.Suggestion + "?"
		}
		*out = append(*out, f)
		return nil
	}
	matched := ActionsMatching(cat, a)
	if len(matched) == 0 {
		*out = append(*out, Finding{Code: CodeNoMatch, Severity: SeverityError, Path: path,
			Message: fmt.Sprintf("%q matches no action of %s", a, strings.ToLower(prefix))})
		return nil
	}
	names := make([]string, len(matched))
	for i, m := range matched {
		names[i] = m.String()
	}
	*out = append(*out, Finding{Code: CodeWildcardAction, Severity: SeveritySuggestion, Path: path,
		Message: fmt.Sprintf("%q grants %d actions today, and any AWS adds later that match", a, len(matched)),
		Fix:     "list the actions needed", Actions: names})
	return matched
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

// redundant reports statements that another statement of the same effect fully
// covers: every action and resource of the first is matched by the second, and
// the second has no conditions (so it applies whenever the first does).
func redundant(p *Policy) []Finding {
	var out []Finding
	covers := func(a, b *Statement) bool { // does b cover a?
		if a.Effect != b.Effect || len(b.Condition) > 0 || a.Action == nil || b.Action == nil ||
			a.Resource == nil || b.Resource == nil || a.Principal != nil || b.Principal != nil {
			return false
		}
		for _, x := range a.Action {
			if !patternCovered(x, b.Action, true) {
				return false
			}
		}
		for _, x := range a.Resource {
			if !patternCovered(x, b.Resource, false) {
				return false
			}
		}
		return true
	}
	for i := range p.Statement {
		for j := range p.Statement {
			if i == j {
				continue
			}
			a, b := &p.Statement[i], &p.Statement[j]
			// Of two identical statements, report the later one only.
			if covers(a, b) && (!covers(b, a) || j < i) {
				out = append(out, Finding{Code: CodeRedundant, Severity: SeveritySuggestion, Path: fmt.Sprintf("Statement[%d]", i),
					Message: fmt.Sprintf("statement %d already %ss everything this statement does", j, strings.ToLower(string(b.Effect))),
					Fix:     "remove it"})
				break
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Path < out[j].Path })
	return out
}

// patternCovered reports whether pattern x can only match what one of ps
// matches: x matched as text by a pattern of ps covers every string x matches.
func patternCovered(x string, ps []string, fold bool) bool {
	for _, p := range ps {
		if p == "*" {
			return true
		}
		if strings.ContainsAny(x, "*?") && strings.ContainsRune(p, '?') {
			continue // "a?c" matches the text "a*c" but not all it stands for
		}
		if m, _ := matchGlob(p, x, fold, true, false, nil); m {
			return true
		}
	}
	return false
}
