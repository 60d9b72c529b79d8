// Command policy is the acceptance program of the CAM policy runtime: build,
// marshal and evaluate policies with the generated ccc package. examples_test.go
// runs it and compares its output with want.txt.
package main

import (
	"encoding/json"
	"fmt"

	"github.com/permgen/permgen/generated/tencentcloud/campolicy"
	"github.com/permgen/permgen/generated/tencentcloud/ccc"
)

func main() {
	app := ccc.SdkAppIdResource("100001", "1400001")
	p, err := campolicy.New(
		campolicy.Allow(ccc.ActionCreateStaff).On(app),
		campolicy.Allow(ccc.ActionCreateIVR),
	)
	b, _ := json.Marshal(p)
	fmt.Println(string(b), err)
	// {"version":"2.0","statement":[{"effect":"allow","action":["ccc:CreateStaff"],"resource":["qcs::ccc::uin/100001:SdkAppId/1400001"]},{"effect":"allow","action":["ccc:CreateIVR"],"resource":["*"]}]} <nil>
	_, err = campolicy.New(campolicy.Allow(ccc.ActionCreateIVR).On(app))
	fmt.Println(err != nil)                                                                            // true
	fmt.Println(p.Evaluate(campolicy.Request{Action: ccc.ActionCreateStaff, Resource: app}).Allowed()) // true
	fmt.Println(p.Evaluate(campolicy.Request{Action: ccc.ActionDeleteStaff, Resource: app}).Allowed()) // false
	var q campolicy.Policy
	_ = json.Unmarshal([]byte(`{"version":"2.0","statement":[{"effect":"allow","action":"ccc:Describe*","resource":"*"},{"effect":"deny","action":["ccc:DescribeTelCdr"],"resource":["*"]}]}`), &q)
	fmt.Println(q.Evaluate(campolicy.Request{Action: ccc.ActionDescribeStaffInfoList, Resource: app}).Allowed(),
		q.Evaluate(campolicy.Request{Action: ccc.ActionDescribeTelCdr, Resource: app}).Allowed()) // true false
}
