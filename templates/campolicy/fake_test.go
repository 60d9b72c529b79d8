package campolicy

import (
	"github.com/permgen/permgen/templates/cam"
)

// fakeAction stands in for a generated service's Action type: a small integer indexing a
// static table, the way the emitter lays its data out.
type fakeAction uint8

const (
	createStaff fakeAction = iota
	createIVR
	deleteStaff
	describeStaffInfoList
	describeTelCdr
	describeIVRList
	cvmRunInstances
)

var sdkAppID = cam.NewNames("qcs::ccc::uin/${uin}:SdkAppId/${SdkAppId}")
var sdkAppIDType = cam.NewNames("ccc/SdkAppId")
var star = cam.NewNames("*")

var fakeInfo = [...]cam.ActionInfo{
	createStaff:           {Service: "ccc", Name: "CreateStaff", Description: "创建客服账号。", Category: cam.Write, Section: "写操作", Granularity: cam.ResourceLevel, IPRestriction: cam.Supported, Resources: sdkAppID, ResourceTypes: sdkAppIDType},
	createIVR:             {Service: "ccc", Name: "CreateIVR", Description: "新建IVR", Category: cam.Write, Section: "写操作", Granularity: cam.OperationLevel, IPRestriction: cam.Supported, Resources: star},
	deleteStaff:           {Service: "ccc", Name: "DeleteStaff", Category: cam.Write, Section: "写操作", Granularity: cam.ResourceLevel, IPRestriction: cam.Supported, Resources: sdkAppID, ResourceTypes: sdkAppIDType},
	describeStaffInfoList: {Service: "ccc", Name: "DescribeStaffInfoList", Category: cam.Read, Section: "读操作", Granularity: cam.ResourceLevel, IPRestriction: cam.Supported, Resources: sdkAppID, ResourceTypes: sdkAppIDType},
	describeTelCdr:        {Service: "ccc", Name: "DescribeTelCdr", Category: cam.Read, Section: "读操作", Granularity: cam.ResourceLevel, IPRestriction: cam.Supported, Resources: sdkAppID, ResourceTypes: sdkAppIDType},
	describeIVRList:       {Service: "ccc", Name: "DescribeIVRList", Category: cam.List, Section: "列表操作", Granularity: cam.OperationLevel, IPRestriction: cam.Supported, Resources: star},
	cvmRunInstances:       {Service: "cvm", Name: "RunInstances", Category: cam.Write, Granularity: cam.ResourceLevel, Resources: "qcs::cvm:${region}:uin/${uin}:instance/*", ResourceTypes: "cvm/instance"},
}

func (a fakeAction) Info() cam.ActionInfo { return fakeInfo[a] }
func (a fakeAction) String() string       { return fakeNames[a] }

// fakeNames is static, as generated names are, so benchmarks measure cam and not the fake.
var fakeNames = [...]string{"ccc:CreateStaff", "ccc:CreateIVR", "ccc:DeleteStaff", "ccc:DescribeStaffInfoList", "ccc:DescribeTelCdr", "ccc:DescribeIVRList", "cvm:RunInstances"}

func fakeKnown() []cam.ActionInfo { return fakeInfo[:] }

// app is the SdkAppId resource the task's examples use.
var app = cam.Resource{Service: "ccc", Account: "uin/100001", Resource: "SdkAppId/1400001"}
