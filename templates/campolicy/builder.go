package campolicy

import (
	"errors"
	"fmt"

	"github.com/permgen/permgen/templates/cam"
)

// StatementBuilder collects one statement for New. Start one with Allow or Deny.
type StatementBuilder struct {
	effect    Effect
	actions   []cam.Action
	resources []string
	refused   []cam.Resource // resources whose builder refused its arguments
	condition Condition
}

// Allow starts a statement that allows actions.
func Allow(actions ...cam.Action) *StatementBuilder {
	return &StatementBuilder{effect: EffectAllow, actions: actions}
}

// Deny starts a statement that denies actions.
func Deny(actions ...cam.Action) *StatementBuilder {
	return &StatementBuilder{effect: EffectDeny, actions: actions}
}

// On restricts the statement to resources; the zero Resource stands for "*". A
// statement without On applies to "*".
func (b *StatementBuilder) On(resources ...cam.Resource) *StatementBuilder {
	for _, r := range resources {
		if r.Err() != nil {
			b.refused = append(b.refused, r)
			continue
		}
		b.resources = append(b.resources, r.String())
	}
	return b
}

// OnPattern restricts the statement to resource patterns written out, e.g.
// "qcs::ccc::uin/100001:SdkAppId/*". New checks that each parses.
func (b *StatementBuilder) OnPattern(patterns ...string) *StatementBuilder {
	b.resources = append(b.resources, patterns...)
	return b
}

// When adds a condition: operator over key, met by any of values (see Condition for
// the operators the evaluator understands), e.g. When("ip_equal", "qcs:ip",
// "10.0.0.0/8"). Calls add up; all conditions must hold.
func (b *StatementBuilder) When(operator, key string, values ...string) *StatementBuilder {
	if b.condition == nil {
		b.condition = Condition{}
	}
	if b.condition[operator] == nil {
		b.condition[operator] = map[string]Values{}
	}
	b.condition[operator][key] = append(b.condition[operator][key], values...)
	return b
}

// New builds a version 2.0 policy from statements, refusing what CAM would accept
// but silently not honour. The error joins a *RuleError for each broken rule:
//
//   - a statement without actions, or with a nil action (RuleNoAction);
//   - an action that is no action: the zero value of a service's Action type, a number
//     past its last constant, or an ActionInfo without a name (RuleBadAction);
//   - a Resource whose builder refused its arguments, e.g. an empty ID (RuleBadResource);
//   - an operation-level action restricted to a specific resource: CAM treats it as no
//     permission (RuleOperationLevelResource);
//   - a resource whose type is not among the action's resource types
//     (RuleResourceType);
//   - a resource pattern that is not six segments (RuleBadResource).
//
// A statement whose resources include "*" applies to every resource, so specific
// resources next to it are not errors.
func New(stmts ...*StatementBuilder) (Policy, error) {
	p := Policy{Version: Version2, Statement: make([]Statement, 0, len(stmts))}
	var errs []error
	for i, b := range stmts {
		s, err := b.build(i)
		errs = append(errs, err...)
		p.Statement = append(p.Statement, s)
	}
	if len(errs) > 0 {
		return Policy{}, errors.Join(errs...)
	}
	return p, nil
}

func (b *StatementBuilder) build(i int) (Statement, []error) {
	if b == nil {
		return Statement{}, []error{&RuleError{Statement: i, Rule: RuleNoAction, Msg: "statement is nil; start one with cam.Allow or cam.Deny"}}
	}
	var errs []error
	s := Statement{Effect: b.effect, Resource: Values(b.resources), Condition: b.condition}
	if len(s.Resource) == 0 {
		s.Resource = Values{"*"}
	}
	for _, r := range b.refused {
		errs = append(errs, &RuleError{Statement: i, Rule: RuleBadResource, Resource: r.String(), Msg: r.Err().Error()})
	}
	if len(b.actions) == 0 {
		errs = append(errs, &RuleError{Statement: i, Rule: RuleNoAction, Msg: "statement has no action; name at least one in cam." + b.effect.builderName()})
	}
	// Parse each resource once; "*" anywhere makes specific resources harmless.
	parsed := make([]cam.Resource, len(s.Resource))
	all := false
	for j, r := range s.Resource {
		if isWildcard(r) {
			all = true
			continue
		}
		pr, err := cam.ParseResource(r)
		if err != nil {
			errs = append(errs, &RuleError{Statement: i, Rule: RuleBadResource, Resource: r, Msg: err.Error()})
		}
		parsed[j] = pr
	}
	for j, a := range b.actions {
		if a == nil {
			errs = append(errs, &RuleError{Statement: i, Rule: RuleNoAction, Msg: fmt.Sprintf("action %d is nil", j)})
			continue
		}
		name := a.String()
		info := a.Info()
		if info.Service == "" || info.Name == "" {
			errs = append(errs, &RuleError{Statement: i, Rule: RuleBadAction, Action: name,
				Msg: fmt.Sprintf("action %d (%s) is not one of a service's actions; use a generated constant or ParseAction", j, name)})
			continue
		}
		s.Action = append(s.Action, name)
		if all {
			continue
		}
		for k, r := range s.Resource {
			if parsed[k].IsZero() {
				continue // unparseable, reported above
			}
			if info.Granularity.WildcardOnly() {
				errs = append(errs, &RuleError{Statement: i, Rule: RuleOperationLevelResource, Action: name, Resource: r,
					Msg: fmt.Sprintf("%s is %s-level: CAM authorizes it only on resource \"*\" and %s; leave the action out of On or give it its own statement without On", name, info.Granularity, b.effect.wildcardConsequence())})
			} else if !acceptsResource(info, parsed[k]) {
				errs = append(errs, &RuleError{Statement: i, Rule: RuleResourceType, Action: name, Resource: r,
					Msg: fmt.Sprintf("resource type %s/%s is not one %s can be restricted to; want one of %v", parsed[k].Service, parsed[k].Type(), name, info.ResourceTypes)})
			}
		}
	}
	return s, errs
}

func (e Effect) builderName() string {
	if e == EffectDeny {
		return "Deny"
	}
	return "Allow"
}

// wildcardConsequence says what CAM does with an operation-level action on a specific
// resource, for each effect.
func (e Effect) wildcardConsequence() string {
	if e == EffectDeny {
		return "does not apply this deny"
	}
	return "treats this as no permission"
}
