// Command policy is the acceptance program of the CAM policy runtime: build,
// marshal and evaluate policies with the generated ccc package. examples_test.go
// runs it and compares its output with want.txt.
package main

import (
	"encoding/json"
	"fmt"

	"github.com/permgen/permgen/generated/tencentcloud/cam"
	"github.com/permgen/permgen/generated/tencentcloud/ccc"
)

func main() {
	app := ccc.SdkAppIdResource("100001", "1400001")
	p, err := cam.NewPolicy(
		cam.Allow(ccc.ActionCreateStaff).On(app),
		cam.Allow(ccc.ActionCreateIVR),
	)
	b, _ := json.Marshal(p)
	fmt.Println(string(b), err)
	// {"version":"2.0","statement":[{"effect":"allow","action":["ccc:CreateStaff"],"resource":["qcs::ccc::uin/100001:SdkAppId/1400001"]},{"effect":"allow","action":["ccc:CreateIVR"],"resource":["*"]}]} <nil>
	_, err = cam.NewPolicy(cam.Allow(ccc.ActionCreateIVR).On(app))
	fmt.Println(err != nil)                                                                      // true
	fmt.Println(p.Evaluate(cam.Request{Action: ccc.ActionCreateStaff, Resource: app}).Allowed()) // true
	fmt.Println(p.Evaluate(cam.Request{Action: ccc.ActionDeleteStaff, Resource: app}).Allowed()) // false
	var q cam.Policy
	_ = json.Unmarshal([]byte(`{"version":"2.0","statement":[{"effect":"allow","action":"ccc:Describe*","resource":"*"},{"effect":"deny","action":["ccc:DescribeTelCdr"],"resource":["*"]}]}`), &q)
	fmt.Println(q.Evaluate(cam.Request{Action: ccc.ActionDescribeStaffInfoList, Resource: app}).Allowed(),
		q.Evaluate(cam.Request{Action: ccc.ActionDescribeTelCdr, Resource: app}).Allowed()) // true false
}
