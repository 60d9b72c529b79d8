// Command tencentcloud is the acceptance program of the Tencent pipeline: it uses the
// generated ccc and cam packages the way an application does. examples_test.go runs
// it and compares its output with want.txt.
package main

import (
	"fmt"

	"github.com/permgen/permgen/generated/tencentcloud/cam"
	"github.com/permgen/permgen/generated/tencentcloud/ccc"
)

func main() {
	fmt.Println(ccc.ActionCreateStaff) // ccc:CreateStaff
	i := ccc.ActionCreateStaff.Info()
	fmt.Println(i.Name, i.Description, i.Category == cam.Write, i.Granularity == cam.ResourceLevel, i.IPRestriction == cam.Supported)
	// CreateStaff 创建客服账号。 true true true
	fmt.Println(ccc.ActionCreateIVR.Info().Granularity == cam.OperationLevel, len(ccc.Actions())) // true 119
	fmt.Println(ccc.SdkAppIdResource("100001", "1400001"))                                        // qcs::ccc::uin/100001:SdkAppId/1400001
	fmt.Println(ccc.SdkAppIdResource("100001", "1400001").WithRegion("ap-guangzhou"))             // qcs::ccc:ap-guangzhou:uin/100001:SdkAppId/1400001
	a, err := ccc.ParseAction("ccc:DescibeCanSalePhoneNums")
	fmt.Println(a == ccc.ActionDescibeCanSalePhoneNums, err) // true <nil>
	_, err = ccc.ParseAction("ccc:CreateStaf")
	fmt.Println(err != nil) // true
	r, err := cam.ParseResource("qcs::ccc:ap-guangzhou:uin/100001:SdkAppId/1400001")
	fmt.Println(r.Service, r.Region, r.Account, r.Resource, err)                                          // ccc ap-guangzhou uin/100001 SdkAppId/1400001 <nil>
	fmt.Println(ccc.Service.ShortName, ccc.Service.Name, ccc.Service.TagAuthorization == cam.Unsupported) // ccc 云呼叫中心 true
}
