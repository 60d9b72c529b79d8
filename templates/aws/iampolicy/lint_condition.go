package iampolicy

import (
	"encoding/base64"
	"fmt"
	"net/netip"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/permgen/permgen/templates/aws/iam"
)

// conditions checks each condition of a statement: the key against the
// catalog and the global key list, the operator against the key's type, and
// each value against the operator's type.
func (l *linter) conditions(s *Statement, path string, infos []iam.ActionInfo) {
	allow := s.Effect == EffectAllow
	keys := map[string]bool{}
	for _, c := range s.Condition {
		keys[strings.ToLower(c.Key)] = true
	}
	for ci := range s.Condition {
		c := &s.Condition[ci]
		cp := fmt.Sprintf("%s.Condition.%s.%s", path, c.Operator, c.Key)
		t := keyType(l.cat, c.Key)
		cat := c.Operator.Kind.Category()
		if !operatorFits(cat, t) {
			l.add(Finding{Code: CodeOperatorType, Severity: SeverityError, Path: cp,
				Message: fmt.Sprintf("%s is a %s key; %s compares %s values, so the condition never holds as meant", c.Key, t, c.Operator.Kind, cat),
				Fix:     "use a " + t.Elem().String() + " operator"})
		} else if cat == CategoryString && t.Elem() == iam.TypeARN {
			l.add(Finding{Code: CodeOperatorType, Severity: SeveritySuggestion, Path: cp,
				Message: fmt.Sprintf("%s is an ARN key; %s works, but an Arn operator compares it field by field", c.Key, c.Operator.Kind),
				Fix:     "use ArnEquals or ArnLike"})
		}
		if t.Valid() && !t.IsArray() && c.Operator.Set != SetNone {
			sev := SeverityWarning
			msg := fmt.Sprintf("%s is single-valued; %s is meant for multivalued keys", c.Key, c.Operator)
			if c.Operator.Set == ForAllValues && allow {
				sev = SeveritySecurityWarning
				msg += ", and ForAllValues holds when the key is missing, so this Allow applies to requests without it"
			}
			l.add(Finding{Code: CodeSetOnSingleValued, Severity: sev, Path: cp, Message: msg, Fix: "drop the " + setName(c.Operator.Set) + " prefix"})
		}
		if t.Valid() && t.IsArray() && c.Operator.Set == SetNone && c.Operator.Kind != Null {
			l.add(Finding{Code: CodeNoSetOnMulti, Severity: SeverityWarning, Path: cp,
				Message: fmt.Sprintf("%s is multivalued (%s); without ForAllValues or ForAnyValue the condition does not hold for a list", c.Key, t),
				Fix:     "prefix the operator with ForAnyValue: or ForAllValues:"})
		}
		if c.Operator.Set == ForAnyValue && c.Operator.IfExists {
			l.add(Finding{Code: CodeAnyValueIfExists, Severity: SeveritySuggestion, Path: cp,
				Message: "ForAnyValue with IfExists: engines differ on a missing key (docs/aws-evaluation.md)",
				Fix:     "say what a missing key means with a separate Null condition"})
		}
		known := l.keyKnown(c.Key, cp)
		if known && l.cat != nil && len(infos) > 0 && !contains(serviceGlobalKeys, strings.ToLower(c.Key)) {
			takes := false
			for _, a := range infos {
				if keyHonoured(l.cat, a, c.Key) {
					takes = true
					break
				}
			}
			if !takes {
				l.add(Finding{Code: CodeUnknownKey, Severity: SeverityWarning, Path: cp,
					Message: fmt.Sprintf("no action of the statement takes condition key %s, so the request never carries it", c.Key)})
			}
		}
		l.values(c, cp, allow)
		l.mfa(c, cp, s.Effect)
		if strings.EqualFold(c.Key, "aws:VpcSourceIp") && !keys["aws:sourcevpc"] && !keys["aws:sourcevpce"] {
			l.add(Finding{Code: CodePairedKey, Severity: SeveritySecurityWarning, Path: cp,
				Message: "aws:VpcSourceIp names an address in any VPC, yours or another's; pair it with aws:SourceVpc",
				Fix:     "add aws:SourceVpc (or aws:SourceVpce) to the same condition block"})
		}
	}
	l.tagKeys(s, path, infos)
}

// serviceGlobalKeys are service keys the IAM User Guide's global key page lists
// with the global ones ("Properties of the role session": the request carries
// them whatever the action), so no action needs to list them.
var serviceGlobalKeys = []string{"ec2:sourceinstancearn", "ec2:roledelivery", "glue:roleassumedby",
	"glue:credentialissuingservice", "lambda:sourcefunctionarn", "ssm:sourceinstancearn", "identitystore:userid"}

// keyKnown checks that a key exists: a global aws: key of the IAM User Guide, or
// a key of its service in the catalog. Keys of identity providers
// ("accounts.google.com:aud") and SAML keys are not in the catalog and pass.
func (l *linter) keyKnown(key, path string) bool {
	prefix, name, ok := strings.Cut(key, ":")
	if !ok || prefix == "" || name == "" {
		l.add(Finding{Code: CodeServiceKey, Severity: SeverityError, Path: path,
			Message: fmt.Sprintf("%q is not a condition key (service:name)", key)})
		return false
	}
	lower := strings.ToLower(prefix)
	if lower == "aws" {
		if strings.EqualFold(key, "aws:ARN") {
			l.add(Finding{Code: CodeGlobalKey, Severity: SeverityError, Path: path,
				Message: "aws:ARN is not supported", Fix: "use aws:PrincipalArn or aws:SourceArn"})
			return false
		}
		if _, ok := globalKeyType(key); ok || lintGlobalKnown(key) {
			if i := strings.IndexByte(key, '/'); i < 0 && globalTemplated(key) {
				l.add(Finding{Code: CodeGlobalKey, Severity: SeverityError, Path: path,
					Message: fmt.Sprintf("%s needs a tag key: %s/tag-key", key, key), Fix: "name the tag key"})
				return false
			}
			return true
		}
		if kt, ok := l.cat.(KeyTyper); ok && l.cat != nil {
			if _, ok := kt.KeyType(key); ok {
				return true
			}
		}
		if globalTemplated(key) {
			l.add(Finding{Code: CodeGlobalKey, Severity: SeverityError, Path: path,
				Message: fmt.Sprintf("%s needs a tag key: %s/tag-key", key, key), Fix: "name the tag key"})
			return false
		}
		l.add(Finding{Code: CodeGlobalKey, Severity: SeverityError, Path: path,
			Message: fmt.Sprintf("%s is not a global condition key", key), Fix: "use a key of the IAM User Guide's list (names ignore case)"})
		return false
	}
	if strings.Contains(prefix, ".") || lower == "saml" || l.cat == nil {
		return true // identity-provider and SAML keys; no catalog to ask
	}
	acts := l.cat.ServiceActions(lower)
	if acts == nil {
		l.add(Finding{Code: CodeServiceKey, Severity: SeverityError, Path: path,
			Message: fmt.Sprintf("no AWS service has the prefix %q", prefix)})
		return false
	}
	if !l.serviceHasKey(lower, acts, key) {
		l.add(Finding{Code: CodeServiceKey, Severity: SeverityError, Path: path,
			Message: fmt.Sprintf("%s defines no condition key %s", lower, key)})
		return false
	}
	return true
}

func (l *linter) serviceHasKey(prefix string, acts []iam.ActionInfo, key string) bool {
	if kt, ok := l.cat.(KeyTyper); ok {
		if _, ok := kt.KeyType(key); ok {
			return true
		}
	}
	for _, a := range acts {
		if keyListed(l.cat, a, key) {
			return true
		}
	}
	return false
}

// keyListed reports whether the catalog lists key for action a, on the action
// or on one of its resource types; unlike keyHonoured it does not take every
// global key as given.
func keyListed(cat Catalog, a iam.ActionInfo, k string) bool {
	for key := range a.ConditionKeys.All() {
		if keyMatches(string(key), k) {
			return true
		}
	}
	for row := range a.ResourceTypes.All() {
		for key := range row.ConditionKeys.All() {
			if keyMatches(string(key), k) {
				return true
			}
		}
	}
	for _, rt := range resourceTypes(cat, a) {
		for key := range rt.ConditionKeys.All() {
			if keyMatches(string(key), k) {
				return true
			}
		}
	}
	return false
}

// tagKeys reports the actions whose service does not take the tag condition key
// of the statement: the key is then absent from their requests, so an Allow
// never grants them and a Deny never denies them.
func (l *linter) tagKeys(s *Statement, path string, infos []iam.ActionInfo) {
	if l.cat == nil {
		return
	}
	for _, c := range s.Condition {
		lk := strings.ToLower(c.Key)
		if !strings.HasPrefix(lk, "aws:resourcetag/") && !strings.HasPrefix(lk, "aws:requesttag/") && lk != "aws:tagkeys" {
			continue
		}
		if c.Operator.IfExists || c.Operator.Kind == Null {
			continue
		}
		cp := fmt.Sprintf("%s.Condition.%s.%s", path, c.Operator, c.Key)
		if s.NotAction != nil {
			if s.Effect == EffectDeny {
				l.add(Finding{Code: CodeTagKeyUnsupported, Severity: SeveritySecurityWarning, Path: cp,
					Message: fmt.Sprintf("Deny with NotAction and %s: the actions that do not take the key are never denied", c.Key),
					Fix:     "list the actions to deny in Action"})
			} else {
				l.add(Finding{Code: CodeTagKeyUnsupported, Severity: SeveritySuggestion, Path: cp,
					Message: fmt.Sprintf("Allow with NotAction and %s: the actions that do not take the key are never allowed", c.Key),
					Fix:     "list the actions to allow in Action"})
			}
			continue
		}
		var services []string
		for _, a := range infos {
			if !keyListed(l.cat, a, c.Key) && !contains(services, a.Service) {
				services = append(services, a.Service)
			}
		}
		if len(services) == 0 {
			continue
		}
		if s.Effect == EffectDeny {
			l.add(Finding{Code: CodeTagKeyUnsupported, Severity: SeveritySecurityWarning, Path: cp,
				Message: fmt.Sprintf("actions of %s do not take %s: this Deny never denies them", strings.Join(services, ", "), c.Key),
				Fix:     "deny those actions in another statement, by resource name"})
		} else {
			l.add(Finding{Code: CodeTagKeyUnsupported, Severity: SeveritySuggestion, Path: cp,
				Message: fmt.Sprintf("actions of %s do not take %s: this Allow never grants them", strings.Join(services, ", "), c.Key),
				Fix:     "allow those actions in another statement, by resource name"})
		}
	}
}

// mfa reports the MFA test that lets requests without the key through: the key
// is absent from requests signed with long-term access keys, so Bool "false"
// does not hold for them.
func (l *linter) mfa(c *Condition, path string, effect Effect) {
	if !strings.EqualFold(c.Key, "aws:MultiFactorAuthPresent") || c.Operator.Kind != Bool || c.Operator.IfExists {
		return
	}
	for _, v := range c.Values {
		if strings.EqualFold(v, "false") {
			what := "this Deny does not apply to requests signed with long-term access keys, which carry no MFA key at all"
			if effect == EffectAllow {
				what = "this Allow grants only sessions without MFA, and never requests without the key"
			}
			l.add(Finding{Code: CodeMFABool, Severity: SeveritySecurityWarning, Path: path,
				Message: "Bool aws:MultiFactorAuthPresent \"false\": " + what,
				Fix:     "Deny with BoolIfExists {\"aws:MultiFactorAuthPresent\": \"false\"}, or Allow with Bool \"true\""})
			return
		}
	}
}

var decimalNumber = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)

// values checks each value against the operator's type.
func (l *linter) values(c *Condition, path string, allow bool) {
	cat := c.Operator.Kind.Category()
	// A value that is not of the operator's type can never match, and makes
	// a negated operator always hold: the evaluator refuses such a policy
	// (it cannot tell what was meant), so the linter calls it an error.
	bad := SeverityError
	_ = allow
	seen := map[string]bool{}
	var bools []string
	for _, v := range c.Values {
		if seen[v] {
			l.add(Finding{Code: CodeValueRedundant, Severity: SeveritySuggestion, Path: path,
				Message: fmt.Sprintf("value %q is listed twice", v), Fix: "remove one"})
		}
		seen[v] = true
		if hasVariable(v) {
			if cat != CategoryString && cat != CategoryARN {
				l.add(Finding{Code: CodeVariableOperator, Severity: SeverityError, Path: path,
					Message: fmt.Sprintf("%q: policy variables are replaced only under String and Arn operators, not %s", v, c.Operator.Kind)})
			}
			continue
		}
		switch cat {
		case CategoryBool, CategoryNull:
			if !strings.EqualFold(v, "true") && !strings.EqualFold(v, "false") {
				l.add(Finding{Code: CodeValueType, Severity: bad, Path: path,
					Message: fmt.Sprintf("%q is not a Boolean: %s takes true or false", v, c.Operator.Kind)})
			} else if !contains(bools, strings.ToLower(v)) {
				bools = append(bools, strings.ToLower(v))
			}
		case CategoryNumeric:
			if !decimalNumber.MatchString(v) {
				l.add(Finding{Code: CodeValueType, Severity: bad, Path: path,
					Message: fmt.Sprintf("%q is not a number (plain decimal digits; no exponent, hex, Inf or NaN)", v)})
			}
		case CategoryDate:
			l.dateValue(v, path, bad)
		case CategoryIP:
			l.ipValue(c, v, path, bad)
		case CategoryBinary:
			if _, err := base64.StdEncoding.DecodeString(v); err != nil {
				l.add(Finding{Code: CodeValueType, Severity: bad, Path: path,
					Message: fmt.Sprintf("%q is not base64: BinaryEquals compares base64-encoded bytes", v)})
			}
		case CategoryString:
			if strings.EqualFold(c.Key, "aws:RequestedRegion") && !strings.ContainsAny(v, "*?") && !regionForm.MatchString(v) {
				l.add(Finding{Code: CodeValueType, Severity: bad, Path: path,
					Message: fmt.Sprintf("%q is not a region (an Availability Zone or a typo?)", v)})
			}
			if c.Operator.Kind != StringLike && c.Operator.Kind != StringNotLike && strings.ContainsAny(v, "*?") {
				l.add(Finding{Code: CodeWildcardNoLike, Severity: SeverityWarning, Path: path,
					Message: fmt.Sprintf("%q has * or ?, which %s compares as plain characters", v, c.Operator.Kind),
					Fix:     "use StringLike (or StringNotLike) to match a pattern"})
			}
		case CategoryARN:
			if v != "*" && !strings.HasPrefix(v, "arn:") {
				l.add(Finding{Code: CodeValueType, Severity: bad, Path: path,
					Message: fmt.Sprintf("%q is not an ARN, so %s never matches it", v, c.Operator.Kind)})
			}
		}
	}
	if len(bools) > 1 && cat == CategoryBool {
		l.add(Finding{Code: CodeValueType, Severity: SeverityError, Path: path,
			Message: "both true and false: a Boolean key has one value", Fix: "keep one, or remove the condition"})
	}
	l.redundantNumbers(c, path)
	l.privateIPs(c, path)
}

// dateLayouts are the ISO 8601 forms AWS documents for date conditions.
var lintDateLayouts = []string{"2006-01-02", "2006-01-02T15:04:05Z07:00", "2006-01-02T15:04:05.999999999Z07:00",
	"2006-01-02T15:04Z07:00", "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02T15"}

func (l *linter) dateValue(v, path string, bad Severity) {
	for _, layout := range lintDateLayouts {
		if _, err := time.Parse(layout, v); err == nil {
			return
		}
	}
	if decimalNumber.MatchString(v) && !strings.Contains(v, ".") {
		l.add(Finding{Code: CodeValueType, Severity: SeverityWarning, Path: path,
			Message: fmt.Sprintf("%q is epoch time, which may not resolve as expected", v), Fix: "write the date as YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ"})
		return
	}
	l.add(Finding{Code: CodeValueType, Severity: bad, Path: path,
		Message: fmt.Sprintf("%q is not a date (ISO 8601, such as 2026-01-31 or 2026-01-31T12:00:00Z)", v)})
}

func (l *linter) ipValue(c *Condition, v, path string, bad Severity) {
	p, err := netip.ParsePrefix(v)
	if err != nil {
		a, err := netip.ParseAddr(v)
		if err != nil || a.Zone() != "" {
			l.add(Finding{Code: CodeValueType, Severity: bad, Path: path,
				Message: fmt.Sprintf("%q is not an IP address or CIDR range (IPv4 or IPv6)", v)})
		}
		return
	}
	if p.Masked() != p {
		l.add(Finding{Code: CodeValueRedundant, Severity: SeveritySuggestion, Path: path,
			Message: fmt.Sprintf("%s has bits set after the mask, which are ignored", v), Fix: "write " + p.Masked().String()})
	}
}

// privateIPs reports private ranges in aws:SourceIp, which carries only public
// addresses (requests through a VPC endpoint carry aws:VpcSourceIp instead).
func (l *linter) privateIPs(c *Condition, path string) {
	if !strings.EqualFold(c.Key, "aws:SourceIp") || c.Operator.Kind.Category() != CategoryIP {
		return
	}
	private, public := 0, 0
	for _, v := range c.Values {
		p, err := netip.ParsePrefix(v)
		if err != nil {
			a, err := netip.ParseAddr(v)
			if err != nil {
				continue
			}
			p = netip.PrefixFrom(a, a.BitLen())
		}
		if p.Addr().IsPrivate() || p.Addr().IsLoopback() || p.Addr().IsLinkLocalUnicast() {
			private++
		} else {
			public++
		}
	}
	switch {
	case private > 0 && public == 0:
		effect := "never matches"
		if c.Operator.Kind == NotIPAddress {
			effect = "always matches"
		}
		l.add(Finding{Code: CodePrivateIP, Severity: SeverityError, Path: path,
			Message: "aws:SourceIp carries public addresses only; a condition on private ranges alone " + effect,
			Fix:     "use aws:VpcSourceIp for addresses inside a VPC"})
	case private > 0:
		l.add(Finding{Code: CodePrivateIP, Severity: SeveritySuggestion, Path: path,
			Message: "aws:SourceIp carries public addresses only; its private ranges have no effect", Fix: "move them to aws:VpcSourceIp"})
	}
}

// redundantNumbers reports a list under a numeric less/greater operator: the
// condition holds when any value does, so only the widest counts.
func (l *linter) redundantNumbers(c *Condition, path string) {
	switch c.Operator.Kind {
	case NumericLessThan, NumericLessThanEquals, NumericGreaterThan, NumericGreaterThanEquals:
	default:
		return
	}
	n := 0
	for _, v := range c.Values {
		if _, err := strconv.ParseFloat(v, 64); err == nil && decimalNumber.MatchString(v) {
			n++
		}
	}
	if n > 1 {
		l.add(Finding{Code: CodeValueRedundant, Severity: SeveritySuggestion, Path: path,
			Message: fmt.Sprintf("%d values under %s: the condition holds when any does, so only the widest counts", n, c.Operator.Kind),
			Fix:     "keep the widest value"})
	}
}
