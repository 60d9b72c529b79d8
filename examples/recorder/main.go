// Command recorder drives the runtime's two transports with calls a program makes:
// a Recorder that learns the least-privilege policy a run needs, and a Guard that
// refuses a call before it leaves the program. A real program gets its calls from
// camhttp, set on its tencentcloud-sdk-go client (examples/sdkrecord); here each
// camguard.Call is written out, as a test would. examples_test.go runs it and
// compares its output with want.txt.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"

	"github.com/permgen/permgen/generated/tencentcloud/cam"
	"github.com/permgen/permgen/generated/tencentcloud/camguard"
	"github.com/permgen/permgen/generated/tencentcloud/campolicy"
	"github.com/permgen/permgen/generated/tencentcloud/ccc"
)

func main() {
	ctx := context.Background()
	app := ccc.SdkAppIdResource("100001", "1400001")
	other := ccc.SdkAppIdResource("100001", "1400002")
	call := func(a cam.Action, r cam.Resource) *camguard.Call {
		return &camguard.Call{Action: a, Version: "2020-02-10", Region: "ap-guangzhou", Resource: r}
	}

	// A test run against no cloud: the Recorder has no Next transport.
	rec := &camguard.Recorder{}
	_ = rec.Do(ctx, call(ccc.ActionCreateStaff, app), nil)
	_ = rec.Do(ctx, call(ccc.ActionDescribeTelCdr, app), nil)
	_ = rec.Do(ctx, call(ccc.ActionDescribeTelCdr, other), nil)
	_ = rec.Do(ctx, call(ccc.ActionCreateIVR, cam.Resource{}), nil)
	_ = rec.Do(ctx, call(ccc.ActionDescribeSkillGroup, app), nil) // operation-level: granted on "*"
	_ = rec.Do(ctx, call(ccc.ActionCreateStaff, app), nil)        // a repeat adds nothing
	p, err := rec.Policy()
	if err != nil {
		fmt.Println(err)
		return
	}
	b, _ := json.MarshalIndent(p, "", "  ")
	fmt.Println(len(rec.Calls()), "calls recorded; least-privilege policy:")
	fmt.Println(string(b))

	// The policy is valid by CAM's rules, and a Guard enforces it.
	_, err = campolicy.New(campolicy.Allow(ccc.ActionCreateStaff).On(app))
	fmt.Println("builder accepts:", err == nil)
	g := &camguard.Guard{Policy: p, Next: camguard.TransportFunc(func(context.Context, *camguard.Call, any) error { return nil })}
	fmt.Println("allowed call:", g.Do(ctx, call(ccc.ActionCreateStaff, app), nil))
	err = g.Do(ctx, call(ccc.ActionDeleteStaff, app), nil)
	var denied *camguard.DeniedError
	fmt.Println("denied call:", errors.As(err, &denied), denied.Action)
	fmt.Println(err)
}
