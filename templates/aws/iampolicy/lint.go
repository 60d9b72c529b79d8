package iampolicy

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/permgen/permgen/templates/aws/iam"
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

// Lint codes. They are stable: tools may filter on them. The README's table
// gives each its severity and the Access Analyzer check or parliament finding it
// answers.
const (
	CodeSyntax                   = "AWS001" // not JSON, or not a policy document by the grammar
	CodeMissingElement           = "AWS002" // a required element is absent
	CodeElementCombination       = "AWS003" // two elements that exclude each other
	CodeElementType              = "AWS004" // unknown element, or a value of the wrong JSON type or form
	CodeKindElement              = "AWS005" // element the policy's kind does not support
	CodeEmpty                    = "AWS006" // empty list or object: the element matches nothing
	CodeVersion                  = "AWS007" // Version missing, old or invalid
	CodeUnknownOperator          = "AWS008" // condition operator the grammar does not know
	CodeUnknownService           = "AWS010" // action prefix names no service
	CodeUnknownAction            = "AWS011" // action names no action of its service
	CodeNoMatch                  = "AWS012" // action pattern matches no action
	CodeWildcardAction           = "AWS013" // wildcard action, with the actions it grants today
	CodeRedundantAction          = "AWS014" // action another entry of the list already grants
	CodeServiceWildcard          = "AWS015" // wildcard in the service prefix of an action
	CodeInvalidARN               = "AWS020" // resource is neither "*" nor an ARN
	CodeResourceMismatch         = "AWS021" // no action of the statement acts on the resource
	CodeActionNoResource         = "AWS022" // an action acts on none of the statement's resources
	CodeResourceStar             = "AWS023" // "*" (or an ARN as wide) for actions that take resources
	CodeARNPartition             = "AWS024" // ARN partition AWS does not have
	CodeARNRegion                = "AWS025" // region where the ARN takes none, or not a region
	CodeARNAccount               = "AWS026" // account where the ARN takes none, or not 12 digits
	CodeARNService               = "AWS027" // ARN service in upper case, or with a wildcard
	CodeRedundantResource        = "AWS028" // resource another entry of the list already names
	CodeUnknownKey               = "AWS030" // condition key no action of the statement takes
	CodeOperatorType             = "AWS031" // operator of another type than the key
	CodeSetOnSingleValued        = "AWS032" // ForAllValues/ForAnyValue on a single-valued key
	CodeNoSetOnMulti             = "AWS033" // plain operator on a multivalued key
	CodeAnyValueIfExists         = "AWS034" // ForAnyValue with IfExists reads ambiguously
	CodeValueType                = "AWS035" // condition value not of the operator's type
	CodeValueRedundant           = "AWS036" // duplicate, redundant or imprecise condition value
	CodeWildcardNoLike           = "AWS037" // * or ? under an operator that does not match patterns
	CodePrivateIP                = "AWS038" // private address in aws:SourceIp
	CodeKeyCase                  = "AWS039" // keys differing only in case in one condition block
	CodeDuplicateSid             = "AWS040" // two statements share a Sid
	CodeSidChars                 = "AWS041" // Sid with characters other than A-Z, a-z, 0-9
	CodeSidEmpty                 = "AWS042" // Sid that is the empty string
	CodeGlobalKey                = "AWS043" // aws: key that is not a global condition key
	CodeServiceKey               = "AWS044" // service key its service does not define
	CodePairedKey                = "AWS045" // key that is only safe with its pair
	CodeTagKeyUnsupported        = "AWS046" // tag key some actions' services do not take
	CodePrincipalValue           = "AWS047" // principal value AWS rewrites or refuses
	CodePassRoleStar             = "AWS050" // iam:PassRole on every role
	CodeNotActionAllow           = "AWS051" // Allow with NotAction
	CodeNotResourceAllow         = "AWS052" // Allow with NotResource
	CodeAllowAll                 = "AWS053" // Allow * on *
	CodeNotPrincipalAllow        = "AWS054" // NotPrincipal with Allow
	CodeMFABool                  = "AWS055" // MFA tested with Bool where a missing key slips through
	CodePublicPrincipal          = "AWS056" // Principal "*" with no condition that narrows it
	CodeOIDCTrust                = "AWS057" // web identity trust without audience and subject
	CodeServiceLinkedRole        = "AWS058" // iam:CreateServiceLinkedRole on every role
	CodeRedundant                = "AWS060" // statement another statement already covers
	CodeTooLarge                 = "AWS070" // over the size quota of the policy's kind
	CodePermissionsMgmt          = "AWS080" // Allow of Permissions management actions
	CodeCredentialExposure       = "AWS081" // Allow of actions that return credentials
	CodePrivilegeEscalation      = "AWS082" // actions that let a principal raise its own permissions
	CodeResourcePolicyEscalation = "AWS083" // may write a resource policy granting itself the rest
	CodeSensitiveAccess          = "AWS084" // Allow of an action the caller marked sensitive
	CodeVariableSyntax           = "AWS090" // policy variable written wrong
	CodeVariablePlace            = "AWS091" // variable where AWS does not replace it
	CodeVariableVersion          = "AWS092" // variable in a policy whose Version reads it literally
	CodeVariableOperator         = "AWS093" // variable under an operator other than String or ARN
	CodeVariableNegatedDeny      = "AWS094" // Deny with a negated operator against a variable that may have no value
)

// CommunityCodes are the codes of the checks parliament keeps among its
// community auditors (permissions management, credential exposure, privilege
// escalation). A parliament run without them compares with a permgen run that
// ignores these.
var CommunityCodes = []string{CodePermissionsMgmt, CodeCredentialExposure, CodePrivilegeEscalation}

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

// Kind is the kind of policy: it sets the size quota and which elements the
// grammar requires or refuses.
type Kind uint8

// Policy kinds. Quotas are in characters, white space not counted.
const (
	ManagedPolicy        Kind = iota // identity, 6,144
	RoleInlinePolicy                 // identity, 10,240
	UserInlinePolicy                 // identity, 2,048
	GroupInlinePolicy                // identity, 5,120
	BoundaryPolicy                   // permissions boundary: a managed policy, 6,144
	ResourceBasedPolicy              // resource-based: the quota is its service's
	RoleTrustPolicy                  // role trust policy, 2,048
	ServiceControlPolicy             // AWS Organizations SCP, 5,120
	kindCount
)

var kindNames = [kindCount]string{"managed policy", "role inline policy", "user inline policy",
	"group inline policy", "permissions boundary", "resource-based policy", "role trust policy", "service control policy"}

// Quota returns the size limit of the kind; 0 for a resource-based policy, whose
// quota is its service's (see resourceQuota).
func (k Kind) Quota() int {
	switch k {
	case RoleInlinePolicy:
		return 10240
	case UserInlinePolicy:
		return 2048
	case GroupInlinePolicy, ServiceControlPolicy:
		return 5120
	case RoleTrustPolicy:
		return 2048
	case ResourceBasedPolicy:
		return 0
	}
	return 6144
}

// String names the kind: "managed policy", "role inline policy", ...
func (k Kind) String() string {
	if k >= kindCount {
		return fmt.Sprintf("Kind(%d)", uint8(k))
	}
	return kindNames[k]
}

// identity reports whether the kind is attached to a principal (or bounds one):
// no Principal, and Resource required.
func (k Kind) identity() bool { return k <= BoundaryPolicy || k >= kindCount }

// principalled reports whether the kind names its principals.
func (k Kind) principalled() bool { return k == ResourceBasedPolicy || k == RoleTrustPolicy }

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
	// Sensitive lists actions on resources the caller wants to hear about
	// whenever a policy allows them (parliament's SENSITIVE_ACCESS).
	Sensitive []SensitiveAccess
}

// SensitiveAccess marks an action (or action pattern) on resources (ARN
// patterns; none means every resource) as sensitive.
type SensitiveAccess struct {
	Action    string   `json:"action"`
	Resources []string `json:"resources,omitempty"`
}

// maxLintBytes bounds the input: four times the largest policy quota (a KMS
// key policy's 32 KB), white space allowed for, so that no input makes the
// pairwise checks slow.
const maxLintBytes = 4 * 32768

// maxPairwise bounds the lists whose entries are compared pair by pair
// (redundant actions and resources): longer lists are left unchecked rather
// than made slow.
const maxPairwise = 200

// linter collects the findings of one Lint call.
type linter struct {
	kind      Kind
	cat       Catalog
	sensitive []SensitiveAccess
	out       []Finding
	types     map[string][]string // service prefix → ARN templates of its resource types
	tmpl      map[string][]string // action → ARN templates of its resource types
}

func (l *linter) add(f Finding) { l.out = append(l.out, f) }

// Lint checks a policy document. A document that is not JSON gives one
// CodeSyntax finding with no path; one the grammar refuses gives a finding per
// fault, each at its JSON path. Findings come in a fixed order: the document's
// own, then each statement's in turn, then those about the policy as a whole.
func Lint(data []byte, opts LintOptions) []Finding {
	if len(data) > maxLintBytes {
		return []Finding{{Code: CodeTooLarge, Severity: SeverityError,
			Message: fmt.Sprintf("%d bytes: larger than any kind of policy AWS accepts (the largest quota is 32,768 characters)", len(data)),
			Fix:     "split it into several policies"}}
	}
	root, err := decodeTree(data)
	if err != nil {
		return []Finding{{Code: CodeSyntax, Severity: SeverityError, Message: "not JSON: " + err.Error(),
			Fix: "fix the JSON syntax (a policy is one JSON object)"}}
	}
	l := &linter{kind: opts.Kind, cat: opts.Catalog, sensitive: opts.Sensitive}
	l.grammar(root)
	fatal := func() bool {
		for _, f := range l.out {
			if f.Severity == SeverityError {
				return true
			}
		}
		return false
	}
	p, parseErr := Parse(data)
	if parseErr != nil {
		if fatal() {
			return l.sorted() // the grammar pass said why, fault by fault
		}
		// Parse refuses what the grammar pass found sound: a value it
		// validates (an ARN, a date). Read the document leniently, so that
		// the checks below can name the value.
		p = policyFromTree(root)
	}
	l.size(data, p)
	l.variablesVersion(p)
	sids := map[string]int{}
	for i := range p.Statement {
		l.statement(p, i)
		if sid := p.Statement[i].Sid; sid != "" {
			if j, dup := sids[sid]; dup {
				l.add(Finding{Code: CodeDuplicateSid, Severity: SeverityError, Path: fmt.Sprintf("Statement[%d].Sid", i),
					Message: fmt.Sprintf("Sid %q is also statement %d's; Sids must be unique in a policy", sid, j), Fix: "rename one"})
			} else {
				sids[sid] = i
			}
		}
	}
	l.policyWide(p)
	l.out = append(l.out, redundant(p)...)
	if parseErr != nil && !fatal() {
		l.add(Finding{Code: CodeSyntax, Severity: SeverityError, Message: parseErr.Error()})
	}
	return l.sorted()
}

// sorted orders findings by statement, keeping the order they were found in
// within a statement; findings about the document come first.
func (l *linter) sorted() []Finding {
	stmt := func(path string) int {
		rest, ok := strings.CutPrefix(path, "Statement[")
		if !ok {
			return -1
		}
		n := 0
		for _, c := range rest {
			if c < '0' || c > '9' {
				break
			}
			n = n*10 + int(c-'0')
		}
		return n
	}
	sort.SliceStable(l.out, func(i, j int) bool { return stmt(l.out[i].Path) < stmt(l.out[j].Path) })
	return l.out
}

// size checks the quota of the policy's kind; a resource-based policy's quota is
// its service's, read from its resources.
func (l *linter) size(data []byte, p *Policy) {
	quota, what := l.kind.Quota(), l.kind.String()
	if l.kind == ResourceBasedPolicy {
		quota, what = resourceQuota(p)
	}
	if quota == 0 {
		return
	}
	if n, err := Size(data); err == nil && n > quota {
		l.add(Finding{Code: CodeTooLarge, Severity: SeverityError,
			Message: fmt.Sprintf("%d characters (white space not counted) is over the %d of a %s", n, quota, what),
			Fix:     "split it into several policies, or shorten action lists with wildcards (Compact)"})
	}
}

func (l *linter) statement(p *Policy, i int) {
	s := &p.Statement[i]
	path := fmt.Sprintf("Statement[%d]", i)
	add := l.add
	allow := s.Effect == EffectAllow
	// An Allow in an SCP grants nothing: it sets the most any principal of
	// the account may be granted, and "Allow * on *" (FullAWSAccess) is its
	// default. The checks of what an Allow grants do not apply there.
	grants := allow && l.kind != ServiceControlPolicy
	if allow && s.NotAction != nil {
		add(Finding{Code: CodeNotActionAllow, Severity: SeveritySecurityWarning, Path: path + ".NotAction",
			Message: "Allow with NotAction grants every action not listed, including those AWS adds later",
			Fix:     "list the actions to allow in Action"})
	}
	if allow && s.NotResource != nil {
		add(Finding{Code: CodeNotResourceAllow, Severity: SeveritySecurityWarning, Path: path + ".NotResource",
			Message: "Allow with NotResource grants on every resource not listed, in every service", Fix: "list the resources in Resource"})
	}
	if allow && s.NotPrincipal != nil {
		add(Finding{Code: CodeNotPrincipalAllow, Severity: SeveritySecurityWarning, Path: path + ".NotPrincipal",
			Message: "Allow with NotPrincipal grants every principal not listed, anonymous ones included",
			Fix:     "name the principals in Principal, or use a Deny with NotPrincipal"})
	}
	if grants && len(s.Condition) == 0 && contains(s.Action, "*") && contains(s.Resource, "*") {
		add(Finding{Code: CodeAllowAll, Severity: SeveritySecurityWarning, Path: path,
			Message: "allows every action on every resource"})
	}
	// Actions: what each names today.
	var infos []iam.ActionInfo
	perEntry := make([][]iam.ActionInfo, len(s.Action))
	for j, a := range s.Action {
		perEntry[j] = l.action(a, fmt.Sprintf("%s.Action[%d]", path, j), allow)
		infos = append(infos, perEntry[j]...)
	}
	for j, a := range s.NotAction {
		l.action(a, fmt.Sprintf("%s.NotAction[%d]", path, j), false)
	}
	l.redundantActions(s.Action, path+".Action")
	if grants {
		l.passRole(s, path)
	}
	l.resources(s, path, infos, perEntry)
	l.conditions(s, path, infos)
	l.principals(s, path, infos)
	l.sensitiveAccess(s, path)
}

func setName(s SetOp) string {
	if s == ForAllValues {
		return "ForAllValues:"
	}
	return "ForAnyValue:"
}

// action checks one Action or NotAction entry and returns the actions it names
// today. A wildcard is only worth a suggestion in an Allow: in a Deny or a
// NotAction it is the safe form.
func (l *linter) action(a, path string, allow bool) []iam.ActionInfo {
	cat := l.cat
	if a == "*" {
		return nil
	}
	prefix, name, ok := strings.Cut(a, ":")
	if !ok || prefix == "" || name == "" {
		l.add(Finding{Code: CodeSyntax, Severity: SeverityError, Path: path,
			Message: fmt.Sprintf("%q is not \"service:Action\"", a)})
		return nil
	}
	if hasVariable(a) {
		return nil // AWS091 says why
	}
	if strings.ContainsAny(prefix, "*?") {
		l.add(Finding{Code: CodeServiceWildcard, Severity: SeveritySuggestion, Path: path,
			Message: fmt.Sprintf("%q has a wildcard in the service prefix, which also names services AWS adds later", a),
			Fix:     "name the service"})
		return nil
	}
	if cat == nil {
		return nil
	}
	acts := cat.ServiceActions(strings.ToLower(prefix))
	if acts == nil {
		l.add(Finding{Code: CodeUnknownService, Severity: SeverityError, Path: path,
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
		l.add(f)
		return nil
	}
	matched := ActionsMatching(cat, a)
	if len(matched) == 0 {
		l.add(Finding{Code: CodeNoMatch, Severity: SeverityError, Path: path,
			Message: fmt.Sprintf("%q matches no action of %s", a, strings.ToLower(prefix))})
		return nil
	}
	if allow {
		names := make([]string, len(matched))
		for i, m := range matched {
			names[i] = m.String()
		}
		l.add(Finding{Code: CodeWildcardAction, Severity: SeveritySuggestion, Path: path,
			Message: fmt.Sprintf("%q grants %d actions today, and any AWS adds later that match", a, len(matched)),
			Fix:     "list the actions needed", Actions: names})
	}
	return matched
}

// redundantActions reports an entry of an Action list that another entry
// already names in full.
func (l *linter) redundantActions(list []string, path string) {
	if len(list) > maxPairwise {
		return
	}
	for j, a := range list {
		for k, b := range list {
			if j == k || (a == b && k > j) {
				continue
			}
			if patternCovered(a, []string{b}, true) {
				l.add(Finding{Code: CodeRedundantAction, Severity: SeveritySuggestion, Path: fmt.Sprintf("%s[%d]", path, j),
					Message: fmt.Sprintf("%q already grants everything %q does", b, a), Fix: "remove it"})
				break
			}
		}
	}
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
					Message: fmt.Sprintf("statement %d already %ss everything this statement does", j, strings.ToLower(b.Effect.String())),
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
