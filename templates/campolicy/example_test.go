package campolicy_test

import (
	"fmt"

	"github.com/permgen/permgen/templates/cam"
	"github.com/permgen/permgen/templates/campolicy"
)

// Actions as a generated service package provides them; here spelled out by hand.
var (
	createStaff = cam.ActionInfo{Service: "ccc", Name: "CreateStaff", Granularity: cam.ResourceLevel,
		Resources: cam.NewNames("qcs::ccc::uin/${uin}:SdkAppId/${SdkAppId}"), ResourceTypes: cam.NewNames("ccc/SdkAppId")}
	createIVR      = cam.ActionInfo{Service: "ccc", Name: "CreateIVR", Granularity: cam.OperationLevel, Resources: cam.NewNames("*")}
	describeTelCdr = cam.ActionInfo{Service: "ccc", Name: "DescribeTelCdr", Granularity: cam.ResourceLevel,
		Resources: cam.NewNames("qcs::ccc::uin/${uin}:SdkAppId/${SdkAppId}"), ResourceTypes: cam.NewNames("ccc/SdkAppId")}
	app = cam.MustParseResource("qcs::ccc::uin/100001:SdkAppId/1400001")
)

func ExampleNew() {
	p, err := campolicy.New(
		campolicy.Allow(createStaff).On(app),
		campolicy.Allow(createIVR),
		campolicy.Deny(describeTelCdr).When("ip_not_equal", "qcs:ip", "10.0.0.0/8"),
	)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(p)

	// An operation-level action restricted to a resource is refused: CAM would not apply it.
	_, err = campolicy.New(campolicy.Allow(createIVR).On(app))
	fmt.Println(err != nil)
	// Output:
	// {"version":"2.0","statement":[{"effect":"allow","action":["ccc:CreateStaff"],"resource":["qcs::ccc::uin/100001:SdkAppId/1400001"]},{"effect":"allow","action":["ccc:CreateIVR"],"resource":["*"]},{"effect":"deny","action":["ccc:DescribeTelCdr"],"resource":["*"],"condition":{"ip_not_equal":{"qcs:ip":["10.0.0.0/8"]}}}]}
	// true
}

func ExampleEvaluateAll() {
	identity, err := campolicy.Parse([]byte(`{"version":"2.0","statement":[
		{"effect":"allow","action":"ccc:*","resource":"qcs::ccc:::SdkAppId/*"},
		{"effect":"deny","action":"ccc:DescribeTelCdr","resource":"*","condition":{"ip_not_equal":{"qcs:ip":"10.0.0.0/8"}}}]}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	boundary, _ := campolicy.Parse([]byte(`{"version":"2.0","statement":[{"effect":"allow","action":"ccc:Describe*","resource":"*"}]}`))
	req := campolicy.Request{
		Action:      describeTelCdr,
		Resource:    app,
		Caller:      campolicy.Caller{Uin: "100011", OwnerUin: "100001"},
		PolicyOwner: campolicy.Account{Uin: "100001"}, // the empty account in "qcs::ccc:::..." is this one
		Context:     campolicy.Context{"qcs:ip": {"192.0.2.7"}},
	}
	d := campolicy.EvaluateAll(&req, campolicy.Policies{Identity: []campolicy.Policy{identity}, Boundary: &boundary})
	fmt.Println(d.Outcome.Name(), d.Matched())

	req.Context = campolicy.Context{"qcs:ip": {"10.1.2.3"}}
	fmt.Println(campolicy.EvaluateAll(&req, campolicy.Policies{Identity: []campolicy.Policy{identity}, Boundary: &boundary}))

	req.Action = createStaff // allowed by the identity policy, not by the boundary
	fmt.Println(campolicy.EvaluateAll(&req, campolicy.Policies{Identity: []campolicy.Policy{identity}, Boundary: &boundary}))

	req.Context = nil // the deny's key is missing: "the condition is met (False)", per COS
	d = campolicy.Evaluate(&req, identity)
	fmt.Println(d.Outcome.Name())
	// Output:
	// explicit_deny [policy 0 statement 0 policy 0 statement 1 boundary statement 0]
	// allowed: statement 0 allows ccc:DescribeTelCdr on qcs::ccc::uin/100001:SdkAppId/1400001
	// denied implicitly: the permission boundary does not allow ccc:CreateStaff on qcs::ccc::uin/100001:SdkAppId/1400001
	// allow
}

func ExampleLint() {
	findings, err := campolicy.Lint([]byte(`{"version":"2.0","statement":[
		{"effect":"allow","action":"ccc:CreateIVR","resource":"qcs::ccc::uin/100001:SdkAppId/1400001"},
		{"effect":"allow","effect":"deny","action":"ccc:CreateStaff","resource":"*","condition":{"string_equals":{"k":"v"}}}]}`),
		[]cam.ActionInfo{createStaff, createIVR, describeTelCdr})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range findings {
		fmt.Println(f.Code, f.Path)
	}
	// Output:
	// CAM-E-DUPLICATE-KEY statement[1].effect
	// CAM-W-OPERATION-LEVEL-RESOURCE statement[0].resource
	// CAM-E-CONDITION-OPERATOR statement[1].condition.string_equals
}

func ExampleLeastPrivilege() {
	p, err := campolicy.LeastPrivilege(
		campolicy.Grant{Action: createStaff, Resource: app},
		campolicy.Grant{Action: describeTelCdr, Resource: app},
		campolicy.Grant{Action: createIVR, Resource: app}, // operation-level: granted on "*"
	)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(p)
	// Output:
	// {"version":"2.0","statement":[{"effect":"allow","action":["ccc:CreateIVR"],"resource":["*"]},{"effect":"allow","action":["ccc:CreateStaff","ccc:DescribeTelCdr"],"resource":["qcs::ccc::uin/100001:SdkAppId/1400001"]}]}
}
