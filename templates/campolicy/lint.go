package campolicy

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/permgen/permgen/templates/cam"
)

// Severity ranks a Finding.
type Severity uint8

// Severities, from mildest.
const (
	SeverityInfo    Severity = iota + 1 // worth knowing, e.g. what a wildcard expands to
	SeverityWarning                     // probably not what was meant
	SeverityError                       // CAM rejects it or will not honour it
)

// String returns "info", "warning" or "error".
func (s Severity) String() string {
	switch s {
	case SeverityInfo:
		return "info"
	case SeverityWarning:
		return "warning"
	case SeverityError:
		return "error"
	}
	return fmt.Sprintf("Severity(%d)", uint8(s))
}

// MarshalText writes the name String returns.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText reads a name MarshalText writes, so tools can read -format json back.
func (s *Severity) UnmarshalText(b []byte) error {
	for c := SeverityInfo; c <= SeverityError; c++ {
		if c.String() == string(b) {
			*s = c
			return nil
		}
	}
	return fmt.Errorf("cam: unknown severity %q; known: info, warning, error", b)
}

// Finding is one thing LintPolicy found.
type Finding struct {
	Path string `json:"path"` // JSON path of the element, e.g. "statement[0].resource[1]"; "" for the whole policy
	// Code is the stable code, "CAM-" + E, W or I + "-" + the rule, e.g.
	// "CAM-E-DUPLICATE-KEY" (see the Code constants).
	Code     string   `json:"code"`
	Rule     string   `json:"rule"` // one of the Rule constants
	Severity Severity `json:"severity"`
	Message  string   `json:"message"`
	Fix      string   `json:"fix,omitempty"` // how to fix it, when there is one way
	// Actions lists, for RuleWildcard, the known actions the pattern expands to, sorted.
	Actions []string `json:"actions,omitempty"`
}

// String renders f as "path: severity: message [rule]", the line a linter prints.
func (f Finding) String() string {
	p := f.Path
	if p == "" {
		p = "policy"
	}
	return p + ": " + f.Severity.String() + ": " + f.Message + " [" + f.Code + "]"
}

// fixes says how to fix each rule's finding, where there is one way.
var fixes = map[string]string{
	RuleDuplicateKey:           "keep one member of that name; merge their values",
	RuleElementCase:            "write the element name in lower case",
	RuleUnknownElement:         "remove the element",
	RuleVersion:                `set "version": "2.0"`,
	RuleEffect:                 `write "effect": "allow" or "effect": "deny"`,
	RuleNoAction:               "add an action element",
	RuleNoResource:             `add a resource element; "*" for all resources`,
	RuleBadAction:              `write the action as "<service>:<API>"`,
	RuleBadResource:            "write the resource as qcs::service:region:account:resource",
	RuleProjectID:              "leave the second segment (project_id) empty: qcs::service:...",
	RuleTooLong:                "split the policy in two",
	RuleConditionOperator:      "use an operator CAM defines, e.g. string_equal, ip_equal, date_less_than",
	RuleConditionValue:         "write a value the operator reads: a CIDR block for ip_, an ISO 8601 UTC time for date_, a decimal number for numeric_",
	RuleOperationLevelResource: `move the action to a statement on resource "*"`,
	RuleUIDAccount:             "write the account as uin/<root account uin>",
	RuleAccountWildcard:        "name the account, or leave the segment empty for the policy owner's",
	RuleVariablePlace:          "name the value, or move the variable to the last segment",
	RuleMissingStatement:       "add a statement list",
}

// finish gives each finding its code and fix.
func finish(fs []Finding) []Finding {
	for i := range fs {
		fs[i].Code = code(fs[i].Rule, fs[i].Severity)
		if fs[i].Fix == "" {
			fs[i].Fix = fixes[fs[i].Rule]
		}
	}
	return fs
}

// LintPolicy checks p against CAM's rules and against known, the actions of the services
// the caller knows (e.g. ccc's Actions' Info()). Findings come in a fixed order: the
// policy's own first, then for each statement in turn the problems of its elements, then
// how it overlaps with the others. With no known actions, the checks that need
// them (unknown service or action, resource types, wildcard expansion) are skipped.
//
// Errors are what CAM refuses: a version other than "2.0" or "3.0"; a missing or
// unknown effect; a statement without actions or resources; an action that is not
// "<service>:<API>"; an unknown service (ActionServiceNotExist) or action; a resource
// that is not six segments or fills project_id; an operator CAM does not define
// (ConditionTypeError) or a value its operator cannot read; over 6,144 characters.
// Warnings are what CAM accepts but will not do as written: an operation-level action
// restricted to a specific resource; a resource matching none of the action's resource
// types; a uid/ account outside COS and CAS; allow "*" on "*"; an allow fully covered
// by another allow, or fully undone by a deny. Information: each wildcard action with
// the known actions it expands to. Every finding has a stable Code and, where there is
// one way to fix it, a Fix.
func LintPolicy(p Policy, known []cam.ActionInfo) []Finding {
	lp := lintPolicy{version: p.Version, hasVersion: true}
	if b, err := json.Marshal(p); err == nil {
		if n := policyChars(b); n > MaxPolicyChars {
			lp.findings = append(lp.findings, Finding{Rule: RuleTooLong, Severity: SeverityError,
				Message: fmt.Sprintf("%d characters without spaces; CAM allows %d per policy", n, MaxPolicyChars)})
		}
	}
	for i, s := range p.Statement {
		path := fmt.Sprintf("statement[%d]", i)
		ls := lintStmt{path: path, effect: s.Effect, hasEffect: s.Effect != 0, effectText: s.Effect.String(), condition: s.Condition,
			actionPath: path + ".action", resourcePath: path + ".resource"}
		for j, a := range s.Action {
			ls.actions = append(ls.actions, lintVal{fmt.Sprintf("%s.action[%d]", path, j), a})
		}
		for j, r := range s.Resource {
			ls.resources = append(ls.resources, lintVal{fmt.Sprintf("%s.resource[%d]", path, j), r})
		}
		ls.principal = canonical(s.Principal)
		ls.conditionKey = canonical(s.Condition)
		lp.stmts = append(lp.stmts, ls)
	}
	return lp.lint(newCatalog(known))
}

// lintPolicy is a policy as the linter sees it, whether it came typed or as raw JSON:
// every value with its path, and the findings reading it produced.
type lintPolicy struct {
	fromJSON   bool // read by Lint, which checked duplicates and length
	findings   []Finding
	version    string
	hasVersion bool
	stmts      []lintStmt
}

type lintStmt struct {
	path                     string
	findings                 []Finding
	effect                   Effect
	hasEffect                bool   // an effect element was present (valid or not)
	effectText               string // as written, for messages
	effectTyped              bool   // effect had the wrong JSON type, already reported
	broken                   bool   // not an object; only its findings count
	actions, resources       []lintVal
	actionPath, resourcePath string
	condition                Condition
	conditionKey             string // canonical JSON, to compare conditions
	principal                string // canonical JSON, to compare principals
}

type lintVal struct{ path, value string }

func canonical(v any) string {
	b, err := json.Marshal(v)
	if err != nil || string(b) == "null" || string(b) == "{}" {
		return ""
	}
	return string(b)
}

// catalog indexes the known actions by name and by service.
type catalog struct {
	all      []cam.ActionInfo // sorted by String()
	services map[string]bool
}

func newCatalog(known []cam.ActionInfo) catalog {
	c := catalog{all: append([]cam.ActionInfo(nil), known...), services: map[string]bool{}}
	sort.Slice(c.all, func(i, j int) bool { return c.all[i].String() < c.all[j].String() })
	for _, a := range known {
		c.services[a.Service] = true
	}
	return c
}

func (c catalog) lookup(name string) (cam.ActionInfo, bool) {
	i := sort.Search(len(c.all), func(i int) bool { return c.all[i].String() >= name })
	if i < len(c.all) && c.all[i].String() == name {
		return c.all[i], true
	}
	return cam.ActionInfo{}, false
}

// suggest returns "; did you mean svc:Name?" for the known action of svc closest
// to name, as ParseAction says it, or "" when none is close.
func (c catalog) suggest(svc, name string) string {
	var names []string
	for _, a := range c.all {
		if a.Service == svc {
			names = append(names, strings.TrimPrefix(a.String(), svc+":"))
		}
	}
	e := cam.NewUnknownActionError(svc, name, len(names), func(i int) string { return names[i] })
	if e.Suggestion == "" {
		return ""
	}
	return "; did you mean " + e.Suggestion + "?"
}

func (c catalog) expand(pattern string) []string {
	var out []string
	for _, a := range c.all {
		if n := a.String(); MatchPattern(pattern, n) {
			out = append(out, n)
		}
	}
	return out
}

func (lp *lintPolicy) lint(cat catalog) []Finding {
	out := lp.findings
	switch {
	case !lp.hasVersion:
		out = append(out, Finding{Path: "version", Rule: RuleVersion, Severity: SeverityError, Message: `version is missing; CAM requires "2.0"`})
	case lp.version != Version2 && lp.version != Version3:
		out = append(out, Finding{Path: "version", Rule: RuleVersion, Severity: SeverityError, Message: fmt.Sprintf(`version is %q; CAM accepts "2.0" and "3.0"`, lp.version)})
	}
	for i := range lp.stmts {
		out = append(out, lp.stmts[i].findings...)
		if lp.stmts[i].broken {
			continue
		}
		out = append(out, lp.stmts[i].lint(cat)...)
		out = append(out, lp.overlap(i)...)
	}
	return finish(out)
}

func (s *lintStmt) lint(cat catalog) []Finding {
	var out []Finding
	add := func(path, rule string, sev Severity, format string, args ...any) {
		out = append(out, Finding{Path: path, Rule: rule, Severity: sev, Message: fmt.Sprintf(format, args...)})
	}
	switch {
	case !s.hasEffect:
		add(s.path+".effect", RuleEffect, SeverityError, `effect is missing; want "allow" or "deny"`)
	case s.effect != EffectAllow && s.effect != EffectDeny && !s.effectTyped:
		add(s.path+".effect", RuleEffect, SeverityError, `effect is %q; want "allow" or "deny"`, s.effectText)
	}
	if len(s.actions) == 0 {
		add(s.actionPath, RuleNoAction, SeverityError, "statement has no action; CAM requires at least one")
	}
	if len(s.resources) == 0 {
		add(s.resourcePath, RuleNoResource, SeverityError, `statement has no resource; CAM requires at least one, "*" for all`)
	}
	allResources, allActions := false, false
	parsed := make([]cam.Resource, len(s.resources))
	for j, r := range s.resources {
		if isWildcard(r.value) {
			allResources = true
			continue
		}
		pr, err := cam.ParseResource(r.value)
		if err != nil {
			rule := RuleBadResource
			if sp, n := cam.SplitResource(r.value); n == 6 && sp.Project != "" {
				rule = RuleProjectID
			}
			add(r.path, rule, SeverityError, "%v", strings.TrimPrefix(err.Error(), "cam: "))
			continue
		}
		parsed[j] = pr
		if s.effect == EffectAllow && hasWildcard(pr.Account) {
			add(r.path, RuleAccountWildcard, SeverityWarning, "'*' in the account segment of an allow is read literally (the docs do not say it spans accounts), so %s matches no resource", r.value)
		}
		if strings.Contains(r.value, "${") && (pr.Service == "cos" || strings.Contains(r.value[:len(r.value)-len(pr.Resource)], "${")) {
			add(r.path, RuleVariablePlace, SeverityWarning, "a policy variable belongs in the last segment, and never in a COS resource path; an allow reads this one literally")
		}
		// "Currently, COS and CAS resource owners can only be described by uid, while
		// resource owners of other services can only be described by uin."
		if strings.HasPrefix(pr.Account, "uid/") && pr.Service != "cos" && pr.Service != "cas" && !hasWildcard(pr.Service) {
			add(r.path, RuleUIDAccount, SeverityWarning, "%s names its owner by uid, which only COS and CAS resources do; %s resources are named by uin, so this matches nothing", r.value, pr.Service)
		}
	}
	for _, a := range s.actions {
		name := strings.TrimPrefix(a.value, "name/")
		if isWildcard(name) {
			allActions = true
		}
		if !isWildcard(name) && !strings.Contains(name, ":") {
			add(a.path, RuleBadAction, SeverityError, `action %q is not "<service>:<API>"`, a.value)
			continue
		}
		if len(cat.all) == 0 {
			continue
		}
		if hasWildcard(name) {
			exp := cat.expand(name)
			f := Finding{Path: a.path, Rule: RuleWildcard, Severity: SeverityInfo, Actions: exp}
			switch {
			case len(exp) == 0:
				f.Severity, f.Message = SeverityWarning, fmt.Sprintf("%q matches no known action", a.value)
			case len(exp) <= 10:
				f.Message = fmt.Sprintf("%q expands to %d known actions: %s", a.value, len(exp), strings.Join(exp, ", "))
			default:
				// The rest are in Finding.Actions (gen policy lint -format json
				// prints them); the text line stays one readable line.
				f.Message = fmt.Sprintf("%q expands to %d known actions: %s and %d more", a.value, len(exp), strings.Join(exp[:10], ", "), len(exp)-10)
			}
			out = append(out, f)
			continue
		}
		info, ok := cat.lookup(name)
		if !ok {
			svc, _, _ := strings.Cut(name, ":")
			if cat.services[svc] {
				add(a.path, RuleUnknownAction, SeverityError, "%s is not an action of %s%s", name, svc, cat.suggest(svc, name))
			} else {
				add(a.path, RuleUnknownService, SeverityError, "service %q is not among the known services (CAM: ActionServiceNotExist)", svc)
			}
			continue
		}
		if allResources {
			continue
		}
		for j, r := range s.resources {
			if parsed[j].IsZero() {
				continue
			}
			if info.Granularity == cam.UndocumentedGranularity {
				add(r.path, RuleUndocumentedGranularity, SeverityInfo, `%s has no documented granularity: if CAM authorizes it only on "*", this statement will not apply to it`, name)
			} else if info.Granularity.WildcardOnly() {
				add(r.path, RuleOperationLevelResource, SeverityWarning, `%s is %s-level: CAM authorizes it only on resource "*", so this statement will not apply to it`, name, info.Granularity)
			} else if !acceptsResource(info, parsed[j]) {
				add(r.path, RuleResourceType, SeverityWarning, "resource type %s/%s is not one %s can be restricted to; want one of %v", parsed[j].Service, parsed[j].Type(), name, info.ResourceTypes)
			}
		}
	}
	if s.effect == EffectAllow && allActions && allResources {
		add(s.path, RuleAllowAll, SeverityWarning, `statement allows every action on every resource`)
	}
	for _, op := range sortedKeys(s.condition) {
		o, ok := parseOperator(op)
		if !ok {
			add(s.path+".condition."+op, RuleConditionOperator, SeverityError, "condition operator %q is not one CAM defines (CAM: ConditionTypeError)", op)
			continue
		}
		for _, key := range sortedKeys(s.condition[op]) {
			for _, v := range s.condition[op][key] {
				if err := validConditionValue(o, v); err != nil {
					add(s.path+".condition."+op+"."+key, RuleConditionValue, SeverityError, "%s: %v", op, err)
				}
			}
		}
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// overlap reports allow statement i when a deny undoes all of it, or else when another
// allow already grants all of it. Of two identical allows the later is reported.
func (lp *lintPolicy) overlap(i int) []Finding {
	s := &lp.stmts[i]
	if s.effect != EffectAllow || len(s.actions) == 0 || len(s.resources) == 0 {
		return nil
	}
	for j := range lp.stmts {
		d := &lp.stmts[j]
		if j != i && d.effect == EffectDeny && d.conditionKey == "" && d.covers(s) {
			return []Finding{{Path: s.path, Rule: RuleNegated, Severity: SeverityWarning,
				Message: fmt.Sprintf("allows nothing: %s denies every action on every resource it allows", d.path)}}
		}
	}
	for j := range lp.stmts {
		o := &lp.stmts[j]
		if j == i || o.effect != EffectAllow || (o.conditionKey != "" && o.conditionKey != s.conditionKey) {
			continue
		}
		if o.covers(s) && (j < i || !s.covers(o) || o.conditionKey != s.conditionKey) {
			return []Finding{{Path: s.path, Rule: RuleShadowed, Severity: SeverityWarning,
				Message: fmt.Sprintf("grants nothing more than %s, which covers every action and resource in it", o.path)}}
		}
	}
	return nil
}

// covers reports whether every action and resource of in is matched by o's patterns,
// for the same principal.
func (o *lintStmt) covers(in *lintStmt) bool {
	if o.principal != in.principal || len(o.actions) == 0 || len(o.resources) == 0 {
		return false
	}
	return coversAll(o.actions, in.actions, "name/") && coversAll(o.resources, in.resources, "")
}

func coversAll(outer, inner []lintVal, prefix string) bool {
	for _, in := range inner {
		ok := false
		for _, out := range outer {
			if covers(strings.TrimPrefix(out.value, prefix), strings.TrimPrefix(in.value, prefix)) {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}
