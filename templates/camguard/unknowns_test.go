package camguard

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/permgen/permgen/templates/cam"
	"github.com/permgen/permgen/templates/campolicy"
)

// unknownUinApp is app with its account left unknown, as camhttp leaves it without
// camhttp.Options.Uin.
var unknownUinApp = cam.Resource{Service: "ccc", Account: "uin/${uin}", Resource: "SdkAppId/1400001"}

// TestGuardUnknowns: a Guard passes a call's unknown parts and the keys it cannot
// observe to the evaluator, and its denial says how to make them known. A key the
// program lists in Guard.Absent is decided as CAM decides an absent key, 598/10608:
// "For a condition operator ending in _if_exist, the condition is met even if the
// context does not include the condition key"; one it neither gives nor lists is
// unknown, and a deny conditioned on it applies (598/10605: "2.2 判断是否有匹配 deny 策略,
// 是则最终判定为 deny").
func TestGuardUnknowns(t *testing.T) {
	p := mustPolicy(t, `{"version":"2.0","statement":[{"effect":"allow","action":"*","resource":"*"},
		{"effect":"deny","action":"ccc:DeleteStaff","resource":"qcs::ccc::uin/100001:SdkAppId/1400001"},
		{"effect":"deny","action":"ccc:CreateStaff","resource":"*","condition":{"ip_not_equal":{"qcs:ip":"10.0.0.0/8"}}}]}`)
	next := TransportFunc(func(context.Context, *Call, any) error { return nil })
	g := &Guard{Policy: p, Next: next}
	call := &Call{Action: deleteStaff, Resources: []cam.Resource{unknownUinApp}, Unfilled: []string{"${uin}"},
		Unknown: campolicy.Unknown{Parts: []string{"uin"}}, Hints: map[string]string{"uin": "set the uin"}}
	err := g.Do(context.Background(), call, nil)
	var denied *DeniedError
	if !errors.As(err, &denied) || !strings.Contains(err.Error(), "(set the uin)") {
		t.Errorf("unknown uin: %v", err)
	}
	// Unfilled without a resource carrying it: the call touches something unnamed.
	if err := g.Do(context.Background(), &Call{Action: deleteStaff, Unfilled: []string{"${SdkAppId}"}}, nil); !errors.As(err, &denied) {
		t.Errorf("unnamed resource: %v", err)
	}
	// A resource-level call naming no resource touches one nobody named: the deny
	// could name it.
	err = g.Do(context.Background(), &Call{Action: deleteStaff}, nil)
	if !errors.As(err, &denied) || !denied.Decision.Explicit() || !strings.Contains(err.Error(), "ccc:DeleteStaff on a resource nobody named") {
		t.Errorf("resource-level call without a resource: %v", err)
	}
	if err := g.Do(context.Background(), &Call{Action: createIVR}, nil); err != nil {
		t.Errorf("operation-level call without a resource: %v", err)
	}
	create := &Call{Action: createStaff, Resource: app}
	if err := g.Do(context.Background(), create, nil); !errors.As(err, &denied) || !strings.Contains(err.Error(), "give qcs:ip in Guard.Context") {
		t.Errorf("unobservable key: %v", err)
	}
	g.Context = map[string]string{"qcs:ip": "10.0.0.1"}
	if err := g.Do(context.Background(), create, nil); err != nil {
		t.Errorf("key given: %v", err)
	}
	g.Context = nil
	g.Absent = []string{"qcs:ip"}
	if err := g.Do(context.Background(), create, nil); err != nil {
		t.Errorf("key known absent: %v", err)
	}
}

func mustPolicy(t testing.TB, js string) campolicy.Policy {
	t.Helper()
	p, err := campolicy.Parse([]byte(js))
	if err != nil {
		t.Fatal(err)
	}
	return p
}
