// Command sdkrecord runs a short program written against tencentcloud-sdk-go's common
// client, unchanged but for one WithHttpTransport line, and prints the least-privilege
// CAM policy of what it called, with resources filled from its parameters. It then
// guards the same client with that policy: the recorded calls pass, another is refused
// before a byte leaves the process. The API is a fake on 127.0.0.1.
//
// It is a module of its own so that the SDK stays out of permgen's go.mod;
// examples_test.go runs it and compares its output with want.txt.
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"sync/atomic"

	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"
	tchttp "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/http"
	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/profile"

	"github.com/permgen/permgen/generated/tencentcloud/camguard"
	"github.com/permgen/permgen/generated/tencentcloud/camhttp"
	"github.com/permgen/permgen/generated/tencentcloud/campolicy"
)

// program is the user's existing code: it knows nothing of permgen.
func program(c *common.Client) error {
	calls := []struct {
		action string
		params string
	}{
		{"DescribeStaffInfoList", `{"SdkAppId": 1400001, "PageNumber": 0}`},
		{"CreateStaff", `{"SdkAppId": 1400001, "Staffs": [{"Mail": "a@example.com", "StaffName": "A"}]}`},
		{"DescribeTelCallInfo", `{"StartTimeStamp": 1773041460, "EndTimeStamp": 1773042460, "SdkAppIdList": [1400001, 1400002]}`},
		{"CreateIVR", `{"SdkAppId": 1400001, "Name": "menu"}`},
		{"DescribeStaffInfoList", `{"SdkAppId": 1400001, "PageNumber": 1}`},
	}
	for _, call := range calls {
		req := tchttp.NewCommonRequest("ccc", "2020-02-10", call.action)
		if err := req.SetActionParameters(call.params); err != nil {
			return err
		}
		if err := c.Send(req, tchttp.NewCommonResponse()); err != nil {
			return err
		}
	}
	return nil
}

func client(endpoint string) *common.Client {
	cpf := profile.NewClientProfile()
	cpf.HttpProfile.Endpoint = endpoint
	cpf.HttpProfile.Scheme = "http"
	return common.NewCommonClient(common.NewCredential("AKIDexample", "example-key"), "ap-guangzhou", cpf)
}

func main() {
	var sent atomic.Int32
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sent.Add(1)
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"Response":{"RequestId":"fake-api"}}`)
	}))
	defer api.Close()
	opts := camhttp.Options{Uin: "100001"} // actions are looked up in the tree's catalog

	// Record: the one line added to the program is WithHttpTransport.
	rec := &camguard.Recorder{Next: camhttp.Forward}
	c := client(api.Listener.Addr().String())
	c.WithHttpTransport(camhttp.New(rec, opts))
	if err := program(c); err != nil {
		fmt.Println("program:", err)
		os.Exit(1)
	}
	p, err := rec.Policy()
	if err != nil {
		fmt.Println("policy:", err)
		os.Exit(1)
	}
	b, _ := json.MarshalIndent(p, "", "  ")
	fmt.Printf("%d calls recorded, %d sent; least-privilege policy:\n%s\n", len(rec.Calls()), sent.Load(), b)

	// Guard: the same program passes, another call is refused before it is sent.
	sent.Store(0)
	g := client(api.Listener.Addr().String())
	g.WithHttpTransport(camhttp.New(&camguard.Guard{Policies: []campolicy.Policy{p}, Next: camhttp.Forward}, opts))
	fmt.Println("guarded program:", program(g), "-", sent.Load(), "sent")
	req := tchttp.NewCommonRequest("ccc", "2020-02-10", "DeleteStaff")
	_ = req.SetActionParameters(`{"SdkAppId": 1400001, "StaffList": ["a@example.com"]}`)
	err = g.Send(req, tchttp.NewCommonResponse())
	var denied *camguard.DeniedError
	fmt.Println("unrecorded call denied:", errors.As(err, &denied), "-", sent.Load(), "sent")
	fmt.Println(denied)
}
