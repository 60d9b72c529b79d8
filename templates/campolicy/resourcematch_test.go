package campolicy

import (
	"testing"

	"github.com/permgen/permgen/templates/cam"
)

// The evaluator's resource matching, segment by segment, as allow and as deny. Replaces
// the old whole-name matcher, which matched a pattern of fewer than six segments as a
// glob over the name ("q*" granted everything) and an empty account as any account.
func TestResourcePatternMatches(t *testing.T) {
	for _, c := range []struct {
		pattern     string
		r           cam.Resource
		allow, deny bool
	}{
		{"*", app, true, true},
		{"*", cam.Resource{}, true, true},
		{"qcs::ccc::uin/100001:SdkAppId/1400001", cam.Resource{}, false, false},
		{"qcs::ccc::uin/100001:SdkAppId/1400001", app, true, true},
		{"qcs::ccc::uin/100001:SdkAppId/1400001", app.WithRegion("ap-guangzhou"), true, true}, // empty region: all regions
		{"qcs::ccc:ap-beijing:uin/100001:SdkAppId/1400001", app.WithRegion("ap-guangzhou"), false, false},
		{"qcs::ccc:ap-*:uin/100001:SdkAppId/1400001", app.WithRegion("ap-guangzhou"), true, true},
		{"qcs::ccc::uin/100002:SdkAppId/1400001", app, false, false},
		{"qcs::ccc:::SdkAppId/1400001", app, true, true}, // empty account: the policy owner's, uin/100001
		{"qcs::ccc:::SdkAppId/1400001", cam.Resource{Service: "ccc", Account: "uin/7", Resource: "SdkAppId/1400001"}, false, false},
		{"qcs::::uin/100001:SdkAppId/*", app, false, true}, // no service: CAM requires one
		{"qcs::*::uin/100001:SdkAppId/*", app, true, true}, // "The value * indicates all services."
		{"qcs::cvm::uin/100001:SdkAppId/1400001", app, false, false},
		{"qcs::ccc::uin/100001:SdkAppId/14*", app, true, true},
		{"qcs::ccc::uin/100001:*", app, true, true},
		{"qcs::ccc::uin/100001:Other/*", app, false, false},
		{"qcs::ccc::uin/*:SdkAppId/*", app, false, true},             // '*' in the account: literal for an allow
		{"qcs::ccc::uin/100001:sdkappid/1400001", app, false, true},  // case: exact for an allow
		{"qcs::ccc::uin/100001:SdkAppId/140000?", app, false, true},  // '?': literal for an allow
		{"qcs::ccc:*", app, false, true},                             // not six segments
		{"q*", app, false, true},                                     // not six segments
		{"qcs::ccc:uin/100001:SdkAppId/*", app, false, true},         // five segments, misses the region colon
		{"qcs:1:ccc::uin/100001:SdkAppId/1400001", app, false, true}, // project_id
	} {
		e := evaluator{req: &Request{Resource: c.r, PolicyOwner: Account{Uin: "100001"}}}
		if got := e.resourcePatternMatches(c.pattern, false); got != c.allow {
			t.Errorf("allow %q on %s = %v, want %v", c.pattern, c.r, got, c.allow)
		}
		if got := e.resourcePatternMatches(c.pattern, true); got != c.deny {
			t.Errorf("deny %q on %s = %v, want %v", c.pattern, c.r, got, c.deny)
		}
	}
}
