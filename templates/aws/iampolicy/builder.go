package iampolicy

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/permgen/permgen/templates/aws/iam"
	"github.com/permgen/permgen/templates/aws/iamarn"
)

// StatementBuilder collects one statement: Allow or Deny, then On, If and Sid.
// Every generated service's Action type, and iam.ActionInfo, is an iam.Action.
type StatementBuilder struct {
	effect    Effect
	sid       string
	actions   []iam.Action
	resources []string
	conds     []builtCond
	errs      []error
}

// Allow starts an Allow statement for actions.
func Allow(actions ...iam.Action) *StatementBuilder {
	return &StatementBuilder{effect: EffectAllow, actions: actions}
}

// Deny starts a Deny statement for actions.
func Deny(actions ...iam.Action) *StatementBuilder {
	return &StatementBuilder{effect: EffectDeny, actions: actions}
}

// On adds resources. An ARN a builder could not make (an empty part, a colon in
// the account) is refused by New with the builder's reason.
func (b *StatementBuilder) On(arns ...iamarn.ARN) *StatementBuilder {
	for _, a := range arns {
		if err := a.Err(); err != nil {
			b.errs = append(b.errs, err)
			continue
		}
		b.resources = append(b.resources, a.String())
	}
	return b
}

// OnPattern adds resources written as text, checked like On.
func (b *StatementBuilder) OnPattern(patterns ...string) *StatementBuilder {
	for _, p := range patterns {
		if p == "*" {
			b.resources = append(b.resources, p)
			continue
		}
		a, err := iamarn.Parse(p)
		if err != nil {
			b.errs = append(b.errs, err)
			continue
		}
		b.resources = append(b.resources, a.String())
	}
	return b
}

// OnAll makes the statement apply to every resource ("*").
func (b *StatementBuilder) OnAll() *StatementBuilder {
	b.resources = append(b.resources, "*")
	return b
}

// If adds conditions; all of them must hold. A condition is made by a key's
// operator methods, s3.ConditionKeyExistingObjectTag("team").StringEquals("blue")
// (or Key("aws:SourceIp").IPAddress(...) for a key written as text); an operator
// name the grammar does not know is refused by New.
func (b *StatementBuilder) If(conds ...Conditioner) *StatementBuilder {
	for _, c := range conds {
		name, key, values := c.Parts()
		op, err := ParseOperator(name)
		if err != nil {
			b.errs = append(b.errs, fmt.Errorf("condition on %s: %w", key, err))
			continue
		}
		b.conds = append(b.conds, builtCond{Operator: op, Key: key, Values: values})
	}
	return b
}

// Sid names the statement.
func (b *StatementBuilder) Sid(sid string) *StatementBuilder {
	b.sid = sid
	return b
}

// Conditioner is what If takes: an iam.Condition, made by the operator methods of
// a generated key constant or of Key.
type Conditioner interface {
	Parts() (operator string, key iam.ConditionKey, values []string)
}

// builtCond is one condition of a statement being built, its operator parsed.
type builtCond struct {
	Operator Operator
	Key      iam.ConditionKey
	Values   []string
}

// Key is a condition key written as text, for keys no generated constant names;
// its operator methods make the conditions If takes:
// Key("aws:SourceIp").IPAddress("203.0.113.0/24").
func Key(k string) iam.ConditionKey { return iam.ConditionKey(k) }

// operatorFits reports whether an operator category suits a key type. String
// operators also suit ARN keys, as IAM allows; Null suits every key; a key of
// unknown type takes any operator.
func operatorFits(c Category, t iam.ConditionType) bool {
	if c == CategoryNull || !t.Valid() {
		return true
	}
	switch t.Elem() {
	case iam.TypeString:
		return c == CategoryString
	case iam.TypeARN:
		return c == CategoryARN || c == CategoryString
	case iam.TypeNumeric:
		return c == CategoryNumeric
	case iam.TypeDate:
		return c == CategoryDate
	case iam.TypeBool:
		return c == CategoryBool
	case iam.TypeIPAddress:
		return c == CategoryIP
	case iam.TypeBinary:
		return c == CategoryBinary
	}
	return true
}

// New builds a policy from statements, checking each against the actions' own
// catalog rows: NewWith does the same and also checks resources against the
// resource types' ARN templates.
func New(statements ...*StatementBuilder) (*Policy, error) { return NewWith(nil, statements...) }

// NewWith builds a policy and refuses, naming the statement, what IAM would refuse
// or never match: an unknown action, an action on a resource it does not act on
// (needs cat), an operator of the wrong type for its key, a condition key no
// action of the statement honours, a set operator on a single-valued key or none
// on a multivalued one, an ARN a builder could not make.
func NewWith(cat Catalog, statements ...*StatementBuilder) (*Policy, error) {
	p := &Policy{Version: Version2012}
	var errs []error
	for i, b := range statements {
		where := fmt.Sprintf("statement %d", i)
		if b.sid != "" {
			where += " (" + b.sid + ")"
		}
		fail := func(format string, args ...any) {
			errs = append(errs, fmt.Errorf("%s: %s", where, fmt.Sprintf(format, args...)))
		}
		for _, err := range b.errs {
			fail("%v", err)
		}
		if len(b.actions) == 0 {
			fail("no actions")
		}
		if len(b.resources) == 0 {
			fail("no resources: use On, OnPattern or OnAll")
		}
		s := Statement{Sid: b.sid, Effect: b.effect, Resource: append([]string(nil), b.resources...)}
		infos := make([]iam.ActionInfo, 0, len(b.actions))
		for _, a := range b.actions {
			info := a.Info()
			if !info.Valid() {
				fail("unknown action %q", a.String())
				continue
			}
			infos = append(infos, info)
			s.Action = append(s.Action, info.String())
			for _, r := range b.resources {
				if r == "*" {
					continue
				}
				if info.WildcardOnly() {
					fail("%s takes no resource, so only \"*\" fits it, not %s", info, r)
				} else if cat != nil && !actsOn(cat, info, r) {
					fail("%s does not act on %s (its resource types: %s)", info, r, rowNames(info))
				}
			}
		}
		for _, c := range b.conds {
			k := string(c.Key)
			t := keyType(cat, k)
			if !operatorFits(c.Operator.Kind.Category(), t) {
				fail("%s is a %s key; %s compares %s values", k, t, c.Operator, c.Operator.Kind.Category())
			}
			if t.Valid() && t.IsArray() && c.Operator.Set == SetNone && c.Operator.Kind != Null {
				fail("%s is multivalued (%s): use ForAllValues or ForAnyValue", k, t)
			}
			if t.Valid() && !t.IsArray() && c.Operator.Set != SetNone {
				fail("%s is single-valued (%s): %s on it is always or never true", k, t, c.Operator)
			}
			for _, info := range infos {
				if !keyHonoured(cat, info, k) {
					fail("%s does not take condition key %s", info, k)
				}
			}
			if len(c.Values) == 0 {
				fail("condition %s on %s has no values", c.Operator, k)
			}
			s.Condition = mergeCondition(s.Condition, Condition{Operator: c.Operator, Key: k, Values: c.Values})
		}
		sortConditions(s.Condition)
		p.Statement = append(p.Statement, s)
	}
	if len(statements) == 0 {
		errs = append(errs, errors.New("a policy needs at least one statement"))
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return p, nil
}

// mergeCondition adds c, joining the values of an existing condition with the
// same operator and key (a JSON object cannot hold the key twice).
func mergeCondition(cs []Condition, c Condition) []Condition {
	for i := range cs {
		if cs[i].Operator == c.Operator && cs[i].Key == c.Key {
			cs[i].Values = append(cs[i].Values, c.Values...)
			return cs
		}
	}
	return append(cs, c)
}

func rowNames(a iam.ActionInfo) string {
	var names []string
	for r := range a.ResourceTypes.All() {
		names = append(names, r.Name)
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}
