package cam

import "fmt"

// Rule identifiers, stable so that tools can filter on them. NewPolicy's errors and
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
)

// RuleError is one broken rule in a statement given to NewPolicy. NewPolicy joins all of
// them with errors.Join; use errors.As or a type switch over the joined list to inspect
// them.
type RuleError struct {
	Statement int    // index of the statement in NewPolicy's arguments
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
