// Command recorder drives the generated ccc.Client through the runtime's two
// transports: a Recorder that learns the least-privilege policy a run needs, and a
// Guard that refuses a call before it leaves the program. examples_test.go runs it
// and compares its output with want.txt.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/permgen/permgen/generated/tencentcloud/cam"
	"github.com/permgen/permgen/generated/tencentcloud/ccc"
)

func main() {
	ctx := context.Background()
	app := ccc.SdkAppIdResource("100001", "1400001")
	other := ccc.SdkAppIdResource("100001", "1400002")

	// A test run against no cloud: the Recorder has no Next transport.
	rec := &cam.Recorder{}
	c := ccc.NewClient(rec, "ap-guangzhou")
	_ = c.CreateStaff(ctx, map[string]any{"SdkAppId": 1400001}, nil, cam.OnResource(app))
	_ = c.DescribeTelCdr(ctx, nil, nil, cam.OnResource(app))
	_ = c.DescribeTelCdr(ctx, nil, nil, cam.OnResource(other))
	_ = c.CreateIVR(ctx, nil, nil)
	_ = c.DescribeSkillGroup(ctx, nil, nil, cam.OnResource(app)) // operation-level: granted on "*"
	_ = c.CreateStaff(ctx, nil, nil, cam.OnResource(app))        // a repeat adds nothing
	p, err := rec.Policy()
	if err != nil {
		fmt.Println(err)
		return
	}
	b, _ := json.MarshalIndent(p, "", "  ")
	fmt.Println(len(rec.Calls()), "calls recorded; least-privilege policy:")
	fmt.Println(string(b))

	// The policy is valid by CAM's rules, and a Guard enforces it.
	_, err = cam.NewPolicy(cam.Allow(ccc.ActionCreateStaff).On(app))
	fmt.Println("builder accepts:", err == nil)
	g := ccc.NewClient(&cam.Guard{Policy: p, Next: cam.TransportFunc(func(context.Context, *cam.Call, any) error { return nil })}, "ap-guangzhou")
	fmt.Println("allowed call:", g.CreateStaff(ctx, nil, nil, cam.OnResource(app)))
	err = g.DeleteStaff(ctx, nil, nil, cam.OnResource(app))
	var denied *cam.AccessDeniedError
	fmt.Println("denied call:", errors.As(err, &denied), denied.Action)
	fmt.Println(err)
}
