package tencentcloud

import (
	tchttp "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/http"
)

// The per-product SDK modules (tencentcloud/ccc) are not served here, so the typed
// requests are local types of the shape those modules generate: an embedded
// *tchttp.BaseRequest, pointer fields tagged with the API parameter name for both
// JSON and the flattened form, and a response with a Response object.

const cccVersion = "2020-02-10"

type describeStaffInfoListRequest struct {
	*tchttp.BaseRequest
	SdkAppId    *int64  `json:"SdkAppId,omitempty" name:"SdkAppId"`
	StaffMail   *string `json:"StaffMail,omitempty" name:"StaffMail"`
	ClientToken *string `json:"ClientToken,omitempty" name:"ClientToken"`
}

func newDescribeStaffInfoList(appID int64) *describeStaffInfoListRequest {
	r := &describeStaffInfoListRequest{BaseRequest: &tchttp.BaseRequest{}, SdkAppId: &appID}
	r.Init().WithApiInfo("ccc", cccVersion, "DescribeStaffInfoList")
	return r
}

type describeTelCallInfoRequest struct {
	*tchttp.BaseRequest
	StartTimeStamp *int64   `json:"StartTimeStamp,omitempty" name:"StartTimeStamp"`
	EndTimeStamp   *int64   `json:"EndTimeStamp,omitempty" name:"EndTimeStamp"`
	SdkAppIdList   []*int64 `json:"SdkAppIdList,omitempty" name:"SdkAppIdList"`
}

func newDescribeTelCallInfo(appIDs ...int64) *describeTelCallInfoRequest {
	r := &describeTelCallInfoRequest{BaseRequest: &tchttp.BaseRequest{}}
	r.Init().WithApiInfo("ccc", cccVersion, "DescribeTelCallInfo")
	start, end := int64(1773041460), int64(1773042460)
	r.StartTimeStamp, r.EndTimeStamp = &start, &end
	for _, id := range appIDs {
		r.SdkAppIdList = append(r.SdkAppIdList, &id)
	}
	return r
}

type staff struct {
	Mail *string `json:"Mail,omitempty" name:"Mail"`
	Name *string `json:"StaffName,omitempty" name:"StaffName"`
}

type createStaffRequest struct {
	*tchttp.BaseRequest
	SdkAppId *int64   `json:"SdkAppId,omitempty" name:"SdkAppId"`
	Staffs   []*staff `json:"Staffs,omitempty" name:"Staffs"`
}

func newCreateStaff(appID int64, mail string) *createStaffRequest {
	r := &createStaffRequest{BaseRequest: &tchttp.BaseRequest{}, SdkAppId: &appID}
	r.Init().WithApiInfo("ccc", cccVersion, "CreateStaff")
	name := "客服 A&B=1+2" // characters the query encoding must carry through unchanged
	r.Staffs = []*staff{{Mail: &mail, Name: &name}}
	return r
}

// uploadRequest is an octet-stream upload: string parameters travel as X-CCC-<Name>
// headers, the body as is.
type uploadRequest struct {
	*tchttp.BaseRequest
	SdkAppId string `json:"SdkAppId" name:"SdkAppId"`
}

func newUpload(appID string, body []byte) *uploadRequest {
	r := &uploadRequest{BaseRequest: &tchttp.BaseRequest{}, SdkAppId: appID}
	r.Init().WithApiInfo("ccc", cccVersion, "UploadIvrAudio")
	r.SetContentType("application/octet-stream")
	r.SetBody(body)
	return r
}

type response struct {
	*tchttp.BaseResponse
	Response *struct {
		TotalCount *int64  `json:"TotalCount,omitempty"`
		RequestId  *string `json:"RequestId,omitempty"`
	} `json:"Response"`
}

func newResponse() *response { return &response{BaseResponse: &tchttp.BaseResponse{}} }
