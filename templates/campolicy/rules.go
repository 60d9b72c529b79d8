package campolicy

import (
	"fmt"
	"strings"
)

// Rule identifiers, stable so that tools can filter on them. New's errors and
// LintPolicy's findings share them.
const (
	RuleNoAction               = "no-action"                // a statement without actions
	RuleNoResource             = "no-resource"              // a statement without resources
	RuleOperationLevelResource = "operation-level-resource" // an operation-level action restricted to a specific resource
	RuleResourceType           = "resource-type"            // a resource of a type the action cannot be restricted to
	RuleBadResource            = "bad-resource"             // not a six-segment resource
	RuleBadAction              = "bad-action"               // not "<service>:<API>"
	RuleEffect                 = "effect"                   // effect missing or not allow / deny
	RuleVersion                = "version"                  // version other than "2.0"
	RuleUnknownService         = "unknown-service"          // no known action of that service
	RuleUnknownAction          = "unknown-action"           // the service is known, the action is not
	RuleWildcard               = "wildcard"                 // an action pattern, with what it expands to
	RuleAllowAll               = "allow-all"                // allow action "*" on resource "*"
	RuleShadowed               = "shadowed"                 // an allow fully covered by another allow
	RuleNegated                = "negated"                  // an allow fully undone by a deny
	RuleConditionOperator      = "condition-operator"       // an operator the evaluator fails closed on
	RuleType                   = "type"                     // a JSON value of the wrong type
	RuleElementCase            = "element-case"             // an element name not in lower case
	RuleUnknownElement         = "unknown-element"          // an element CAM does not define
	RuleDuplicateKey           = "duplicate-key"            // a member named twice in one object
	RuleTooLong                = "too-long"                 // over MaxPolicyChars characters
	RuleProjectID              = "project-id"               // a resource that fills project_id
	RuleConditionValue         = "condition-value"          // a value the operator cannot read (CIDR, date, number)
	RuleMissingStatement       = "missing-statement"        // no statement element
	RuleJSON                   = "json"                     // not JSON at all
	RuleUIDAccount             = "uid-account"              // a uid/ account outside COS and CAS
	RuleAccountWildcard        = "account-wildcard"         // '*' in the account segment of an allow, read literally
	RuleVariablePlace          = "variable-place"           // a policy variable where the docs do not place one
)

// Finding and ParseError codes: "CAM-" + E (error: CAM refuses it), W (warning: it
// will not do what it says) or I (information) + "-" + the rule in upper case. They are
// stable: tools may filter on them.
const (
	CodeJSON                   = "CAM-E-JSON"
	CodeTooLong                = "CAM-E-TOO-LONG"
	CodeType                   = "CAM-E-TYPE"
	CodeDuplicateKey           = "CAM-E-DUPLICATE-KEY"
	CodeElementCase            = "CAM-E-ELEMENT-CASE"
	CodeUnknownElement         = "CAM-E-UNKNOWN-ELEMENT"
	CodeVersion                = "CAM-E-VERSION"
	CodeMissingStatement       = "CAM-E-MISSING-STATEMENT"
	CodeEffect                 = "CAM-E-EFFECT"
	CodeNoAction               = "CAM-E-NO-ACTION"
	CodeNoResource             = "CAM-E-NO-RESOURCE"
	CodeBadAction              = "CAM-E-BAD-ACTION"
	CodeBadResource            = "CAM-E-BAD-RESOURCE"
	CodeProjectID              = "CAM-E-PROJECT-ID"
	CodeConditionOperator      = "CAM-E-CONDITION-OPERATOR"
	CodeConditionValue         = "CAM-E-CONDITION-VALUE"
	CodeUnknownService         = "CAM-E-UNKNOWN-SERVICE"
	CodeUnknownAction          = "CAM-E-UNKNOWN-ACTION"
	CodeOperationLevelResource = "CAM-W-OPERATION-LEVEL-RESOURCE"
	CodeResourceType           = "CAM-W-RESOURCE-TYPE"
	CodeUIDAccount             = "CAM-W-UID-ACCOUNT"
	CodeAccountWildcard        = "CAM-W-ACCOUNT-WILDCARD"
	CodeVariablePlace          = "CAM-W-VARIABLE-PLACE"
	CodeAllowAll               = "CAM-W-ALLOW-ALL"
	CodeShadowed               = "CAM-W-SHADOWED"
	CodeNegated                = "CAM-W-NEGATED"
	CodeWildcard               = "CAM-I-WILDCARD"
)

// code returns the stable code of a rule reported at a severity.
func code(rule string, sev Severity) string {
	letter := "I"
	switch sev {
	case SeverityError:
		letter = "E"
	case SeverityWarning:
		letter = "W"
	}
	return "CAM-" + letter + "-" + strings.ToUpper(rule)
}

// RuleError is one broken rule in a statement given to New. New joins all of
// them with errors.Join; use errors.As or a type switch over the joined list to inspect
// them.
type RuleError struct {
	Statement int    // index of the statement in New's arguments
	Rule      string // one of the Rule constants
	Action    string // the action concerned, "" when the rule is about the statement
	Resource  string // the resource concerned, "" when the rule is not about one
	Msg       string // what is wrong and how to fix it
}

// Error names the statement, action and resource, what is wrong and the rule.
func (e *RuleError) Error() string {
	s := fmt.Sprintf("cam: statement %d", e.Statement)
	switch {
	case e.Action != "" && e.Resource != "":
		s += ": " + e.Action + " on " + e.Resource
	case e.Action != "":
		s += ": " + e.Action
	case e.Resource != "":
		s += ": resource " + e.Resource
	}
	return s + ": " + e.Msg + " [" + e.Rule + "]"
}
