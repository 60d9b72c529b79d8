package campolicy

import (
	"errors"
	"strings"
	"testing"

	"github.com/permgen/permgen/templates/cam"
)

// TestNewPolicyRefusesInvalidActions: the zero value of a service's Action type (which
// prints "Action(0)") and a nameless ActionInfo name no action; New says so rather
// than write "Action(0)" into a policy.
func TestNewPolicyRefusesInvalidActions(t *testing.T) {
	for _, a := range []cam.Action{cam.ActionInfo{}, cam.ActionInfo{Service: "ccc"}} {
		_, err := New(Allow(a))
		var re *RuleError
		if !errors.As(err, &re) || re.Rule != RuleBadAction || !strings.Contains(err.Error(), "is not one of a service's actions") {
			t.Errorf("New(Allow(%#v)) = %v, want a %s error", a, err, RuleBadAction)
		}
	}
}

// TestBuilderRefusesEmptyIDs: a builder given an empty ID returns a Resource that
// carries the refusal; New reports it and Evaluate denies it (fail closed), while
// the builder keeps its one return value.
func TestBuilderRefusesEmptyIDs(t *testing.T) {
	sdkApp := func(uin, id string) cam.Resource {
		return cam.Resource{Service: "ccc", Account: "uin/" + uin, Resource: "SdkAppId/" + id}.Require("ccc.SdkAppIdResource", "uin", uin, "sdkAppId", id)
	}
	if err := sdkApp("100001", "1400001").Err(); err != nil {
		t.Fatalf("valid IDs refused: %v", err)
	}
	bad := sdkApp("", "")
	if err := bad.Err(); err == nil || !strings.Contains(err.Error(), "ccc.SdkAppIdResource: empty uin, sdkAppId") {
		t.Fatalf("Err() = %v", err)
	}
	_, err := New(Allow(createStaff).On(bad))
	var re *RuleError
	if !errors.As(err, &re) || re.Rule != RuleBadResource {
		t.Errorf("New accepted a refused resource: %v", err)
	}
	p := Policy{Version: Version2, Statement: []Statement{{Effect: EffectAllow, Action: Values{"*"}, Resource: Values{"*"}}}}
	if d := p.Evaluate(Request{Action: createStaff, Resource: bad}); d.Outcome != ImplicitDeny {
		t.Errorf("Evaluate on a refused resource: %v, want an implicit deny", d)
	}
	var ge *GrantError
	if _, err := LeastPrivilege(Grant{Action: createStaff, Resource: bad}); !errors.As(err, &ge) || ge.Rule != RuleBadResource {
		t.Errorf("LeastPrivilege granted a refused resource: %v", err)
	}
}
