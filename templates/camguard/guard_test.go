package camguard

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/permgen/permgen/templates/cam"
	"github.com/permgen/permgen/templates/campolicy"
)

func TestGuard(t *testing.T) {
	p, err := campolicy.New(campolicy.Allow(createStaff).On(app), campolicy.Allow(createIVR))
	if err != nil {
		t.Fatal(err)
	}
	var sent []string
	next := TransportFunc(func(_ context.Context, c *Call, resp any) error {
		sent = append(sent, c.Action.String())
		*resp.(*string) = "ok"
		return nil
	})
	g := &Guard{Policy: p, Next: next}
	var resp string
	if err := g.Do(context.Background(), &Call{Action: createStaff, Resource: app}, &resp); err != nil || resp != "ok" {
		t.Errorf("allowed call: %v, %q", err, resp)
	}
	err = g.Do(context.Background(), &Call{Action: deleteStaff, Resource: app}, &resp)
	var denied *DeniedError
	if !errors.As(err, &denied) {
		t.Fatalf("denied call returned %v", err)
	}
	if denied.Action != deleteStaff || denied.Resource != app || denied.Decision.Allowed() {
		t.Errorf("DeniedError = %+v", denied)
	}
	if msg := err.Error(); !strings.Contains(msg, "ccc:DeleteStaff") || !strings.Contains(msg, app.String()) {
		t.Errorf("error %q does not name action and resource", msg)
	}
	if len(sent) != 1 || sent[0] != "ccc:CreateStaff" {
		t.Errorf("Next saw %v, want only the allowed call", sent)
	}
	if err := (&Guard{Policy: p}).Do(context.Background(), &Call{Action: createIVR}, nil); !errors.Is(err, ErrNoTransport) {
		t.Errorf("Guard without Next: %v", err)
	}
	if err := g.Do(context.Background(), nil, nil); err == nil {
		t.Error("nil call accepted")
	}
}

func TestGuardContext(t *testing.T) {
	p, err := campolicy.New(campolicy.Allow(createIVR).When("ip_equal", "qcs:ip", "10.0.0.0/8"))
	if err != nil {
		t.Fatal(err)
	}
	ok := TransportFunc(func(context.Context, *Call, any) error { return nil })
	if err := (&Guard{Policy: p, Next: ok}).Do(context.Background(), &Call{Action: createIVR}, nil); err == nil {
		t.Error("condition on a missing key allowed the call")
	}
	g := &Guard{Policy: p, Next: ok, Context: map[string]string{"qcs:ip": "10.9.8.7"}}
	if err := g.Do(context.Background(), &Call{Action: createIVR}, nil); err != nil {
		t.Errorf("condition met, call denied: %v", err)
	}
}

func TestRecorder(t *testing.T) {
	var rec Recorder
	var wg sync.WaitGroup
	for i := range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			calls := []*Call{
				{Action: createStaff, Resource: app},
				{Action: createIVR, Region: "ap-guangzhou"},
				{Action: describeTelCdr, Resource: cam.Resource{Service: "ccc", Account: "uin/100001", Resource: fmt.Sprintf("SdkAppId/%d", i%2)}},
			}
			for _, c := range calls {
				if err := rec.Do(context.Background(), c, nil); err != nil {
					t.Error(err)
				}
			}
			_ = rec.Calls()
			_, _ = rec.Policy()
		}()
	}
	wg.Wait()
	if n := len(rec.Calls()); n != 150 {
		t.Errorf("recorded %d calls, want 150", n)
	}
	const want = `{"version":"2.0","statement":[` +
		`{"effect":"allow","action":["ccc:CreateIVR"],"resource":["*"]},` +
		`{"effect":"allow","action":["ccc:DescribeTelCdr"],"resource":["qcs::ccc::uin/100001:SdkAppId/0","qcs::ccc::uin/100001:SdkAppId/1"]},` +
		`{"effect":"allow","action":["ccc:CreateStaff"],"resource":["qcs::ccc::uin/100001:SdkAppId/1400001"]}]}`
	if got, err := rec.Policy(); got.String() != want || err != nil {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	rec.Reset()
	if len(rec.Calls()) != 0 {
		t.Error("Reset kept calls")
	}
}

func TestRecorderForwardsAndRecordsFailures(t *testing.T) {
	boom := errors.New("boom")
	rec := &Recorder{Next: TransportFunc(func(context.Context, *Call, any) error { return boom })}
	if err := rec.Do(context.Background(), &Call{Action: createIVR, Request: 1}, nil); !errors.Is(err, boom) {
		t.Errorf("Do = %v, want Next's error", err)
	}
	calls := rec.Calls()
	if len(calls) != 1 || calls[0].Action != createIVR || calls[0].Request != 1 {
		t.Errorf("Calls() = %+v", calls)
	}
	calls[0].Action = deleteStaff
	if rec.Calls()[0].Action != createIVR {
		t.Error("Calls returned the recorder's own slice")
	}
}

func TestGuardOverRecorder(t *testing.T) {
	// A recorded policy lets exactly the recorded calls through a Guard.
	var rec Recorder
	ctx := context.Background()
	_ = rec.Do(ctx, &Call{Action: createStaff, Resource: app}, nil)
	_ = rec.Do(ctx, &Call{Action: createIVR}, nil)
	p, err := rec.Policy()
	if err != nil {
		t.Fatal(err)
	}
	g := &Guard{Policy: p, Next: &Recorder{}}
	for _, c := range rec.Calls() {
		if err := g.Do(ctx, &c, nil); err != nil {
			t.Errorf("recorded call denied: %v", err)
		}
	}
	if err := g.Do(ctx, &Call{Action: deleteStaff, Resource: app}, nil); err == nil {
		t.Error("unrecorded call allowed")
	}
}

func TestGuardSeveralResourcesAndPolicies(t *testing.T) {
	other := cam.Resource{Service: "ccc", Account: "uin/100001", Resource: "SdkAppId/1400002"}
	allow, err := campolicy.New(campolicy.Allow(describeTelCdr).On(app, other))
	if err != nil {
		t.Fatal(err)
	}
	deny := campolicy.Policy{Version: campolicy.Version2, Statement: []campolicy.Statement{{Effect: campolicy.EffectDeny, Action: campolicy.Values{"ccc:DescribeTelCdr"}, Resource: campolicy.Values{other.String()}}}}
	var sent int
	ok := TransportFunc(func(context.Context, *Call, any) error { sent++; return nil })
	g := &Guard{Policies: []campolicy.Policy{allow}, Next: ok}
	if err := g.Do(context.Background(), &Call{Action: describeTelCdr, Resources: []cam.Resource{app, other}}, nil); err != nil {
		t.Errorf("both resources allowed, call denied: %v", err)
	}
	g.Policies = append(g.Policies, deny)
	err = g.Do(context.Background(), &Call{Action: describeTelCdr, Resources: []cam.Resource{app, other}}, nil)
	var denied *DeniedError
	if !errors.As(err, &denied) || denied.Resource != other || !denied.Decision.Explicit() {
		t.Errorf("a deny in a second policy on the second resource: %v", err)
	}
	if sent != 1 {
		t.Errorf("Next saw %d calls, want 1", sent)
	}
}

func TestGuardDeniesUnknownActions(t *testing.T) {
	p := campolicy.Policy{Version: campolicy.Version2, Statement: []campolicy.Statement{{Effect: campolicy.EffectAllow, Action: campolicy.Values{"*"}, Resource: campolicy.Values{"*"}}}}
	g := &Guard{Policy: p, Next: TransportFunc(func(context.Context, *Call, any) error { return nil })}
	err := g.Do(context.Background(), &Call{Action: cam.ActionInfo{Service: "ccc", Name: "NoSuchAction"}}, nil)
	var denied *DeniedError
	if !errors.As(err, &denied) || !denied.Unknown || !strings.Contains(err.Error(), "ccc:NoSuchAction is not a known action") {
		t.Errorf("unknown action under allow-all: %v", err)
	}
}

func TestRecorderReportsWhatItCannotGrant(t *testing.T) {
	var rec Recorder
	ctx := context.Background()
	_ = rec.Do(ctx, &Call{Action: createStaff, Resources: []cam.Resource{app}}, nil)
	_ = rec.Do(ctx, &Call{Action: createStaff, Resources: []cam.Resource{app}, Retry: true}, nil)
	_ = rec.Do(ctx, &Call{Action: deleteStaff, Unfilled: []string{"${SdkAppId}"}}, nil)
	_ = rec.Do(ctx, &Call{Action: deleteStaff, Unfilled: []string{"${SdkAppId}"}}, nil)
	_ = rec.Do(ctx, &Call{Action: createIVR, Unfilled: []string{"${SdkAppId}"}}, nil) // operation level: "*" is exact
	_ = rec.Do(ctx, &Call{Action: cam.ActionInfo{Service: "ccc", Name: "NoSuchAction"}}, nil)
	if n := len(rec.Calls()); n != 5 {
		t.Errorf("recorded %d calls, want 5 (the retry once)", n)
	}
	p, err := rec.Policy()
	const want = `{"version":"2.0","statement":[{"effect":"allow","action":["ccc:CreateIVR"],"resource":["*"]},` +
		`{"effect":"allow","action":["ccc:CreateStaff"],"resource":["qcs::ccc::uin/100001:SdkAppId/1400001"]}]}`
	if p.String() != want {
		t.Errorf("policy %s\nwant   %s", p, want)
	}
	var ces []*CallError
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		var ce *CallError
		if errors.As(e, &ce) {
			ces = append(ces, ce)
		}
	}
	if len(ces) != 2 || ces[0].Action != "ccc:DeleteStaff" || ces[0].Unfilled[0] != "${SdkAppId}" || !ces[1].Unknown {
		t.Fatalf("errors %v", err)
	}
	if msg := ces[0].Error(); !strings.Contains(msg, "ccc:DeleteStaff") || !strings.Contains(msg, "${SdkAppId}") || !strings.Contains(msg, `rather than granted on "*"`) {
		t.Errorf("message %q", msg)
	}
}

func TestGuardPartlyFilledCall(t *testing.T) {
	p, err := campolicy.New(campolicy.Allow(describeTelCdr).On(app))
	if err != nil {
		t.Fatal(err)
	}
	g := &Guard{Policy: p, Next: TransportFunc(func(context.Context, *Call, any) error { return nil })}
	call := &Call{Action: describeTelCdr, Resources: []cam.Resource{app}}
	if err := g.Do(context.Background(), call, nil); err != nil {
		t.Fatalf("filled call: %v", err)
	}
	call.Unfilled = []string{"${Other}"}
	var denied *DeniedError
	if err := g.Do(context.Background(), call, nil); !errors.As(err, &denied) || !denied.Resource.IsZero() {
		t.Errorf("a call touching an unnamed resource too, under a policy naming only app: %v", err)
	}
}
