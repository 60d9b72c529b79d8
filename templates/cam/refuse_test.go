package cam

import (
	"errors"
	"strings"
	"testing"
)

// TestNewPolicyRefusesInvalidActions: the zero value of a service's Action type (which
// prints "Action(0)") and a nameless ActionInfo name no action; NewPolicy says so rather
// than write "Action(0)" into a policy.
func TestNewPolicyRefusesInvalidActions(t *testing.T) {
	for _, a := range []Action{ActionInfo{}, ActionInfo{Service: "ccc"}} {
		_, err := NewPolicy(Allow(a))
		var re *RuleError
		if !errors.As(err, &re) || re.Rule != RuleBadAction || !strings.Contains(err.Error(), "is not one of a service's actions") {
			t.Errorf("NewPolicy(Allow(%#v)) = %v, want a %s error", a, err, RuleBadAction)
		}
	}
}

// TestBuilderRefusesEmptyIDs: a builder given an empty ID returns a Resource that
// carries the refusal; NewPolicy reports it and Evaluate denies it (fail closed), while
// the builder keeps its one return value.
func TestBuilderRefusesEmptyIDs(t *testing.T) {
	sdkApp := func(uin, id string) Resource {
		return Resource{Service: "ccc", Account: "uin/" + uin, Resource: "SdkAppId/" + id}.Require("ccc.SdkAppIdResource", "uin", uin, "sdkAppId", id)
	}
	if err := sdkApp("100001", "1400001").Err(); err != nil {
		t.Fatalf("valid IDs refused: %v", err)
	}
	bad := sdkApp("", "")
	if err := bad.Err(); err == nil || !strings.Contains(err.Error(), "ccc.SdkAppIdResource: empty uin, sdkAppId") {
		t.Fatalf("Err() = %v", err)
	}
	_, err := NewPolicy(Allow(createStaff).On(bad))
	var re *RuleError
	if !errors.As(err, &re) || re.Rule != RuleBadResource {
		t.Errorf("NewPolicy accepted a refused resource: %v", err)
	}
	p := Policy{Version: PolicyVersion, Statement: []Statement{{Effect: EffectAllow, Action: Values{"*"}, Resource: Values{"*"}}}}
	if d := p.Evaluate(Request{Action: createStaff, Resource: bad}); d.Outcome != OutcomeImplicitDeny {
		t.Errorf("Evaluate on a refused resource: %v, want an implicit deny", d)
	}
}
