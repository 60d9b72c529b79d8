package tencentcloud

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	tchttp "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/http"
	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/profile"

	"github.com/permgen/permgen/generated/tencentcloud/camguard"
	"github.com/permgen/permgen/generated/tencentcloud/camhttp"
	"github.com/permgen/permgen/generated/tencentcloud/campolicy"
)

// Issue 17: a guard decides what it cannot know as unknown, never as "no resource" or
// "absent key", so an explicit deny of the user's own policy is never bypassed.
//
// CAM doc 598/10605 (评估逻辑): "2.2 判断是否有匹配 deny 策略,是则最终判定为 deny ,不允许访问云资源"
// — a deny that matches the real request decides. A guard that does not know the
// uin cannot know that a deny on "uin/100001" does not match, so it must deny.
// CAM doc 598/10606 (资源描述方式): account "描述资源拥有者的主账号信息 ... uin 方式,即主账号的
// 账户ID,表示为uin/${uin}": the uin is part of the resource, and an SDK request names
// only its SecretId, so without camhttp.Options.Uin that part is unknown.

// appRequest is a typed request of the SDK's shape holding only SdkAppId, so that two
// actions sent with it have the same body (and, under GET, the same query).
type appRequest struct {
	*tchttp.BaseRequest
	SdkAppId *int64 `json:"SdkAppId,omitempty" name:"SdkAppId"`
}

func newAppRequest(action string, appID int64) *appRequest {
	r := &appRequest{BaseRequest: &tchttp.BaseRequest{}, SdkAppId: &appID}
	r.Init().WithApiInfo("ccc", cccVersion, action)
	return r
}

// wireForms are the four ways the SDK signs and sends a request.
var wireForms = []struct{ sign, method string }{
	{"TC3-HMAC-SHA256", "POST"}, {"TC3-HMAC-SHA256", "GET"}, {"HmacSHA1", "POST"}, {"HmacSHA256", "GET"},
}

func signedWith(sign, method string) func(*profile.ClientProfile) {
	return func(p *profile.ClientProfile) { p.SignMethod, p.HttpProfile.ReqMethod = sign, method }
}

func allowAllDenyOne(t *testing.T, deny string) campolicy.Policy {
	t.Helper()
	p, err := campolicy.Parse([]byte(`{"version":"2.0","statement":[
		{"effect":"allow","action":"ccc:*","resource":"*"},
		{"effect":"deny","action":"ccc:DeleteStaff","resource":"` + deny + `"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestGuardWithoutUinKeepsTheDeny is the reproduction: allow ccc:* on * and
// deny ccc:DeleteStaff on the app of account 100001. Without Options.Uin the guard
// used to evaluate no resource, which the allow covers and the deny does not name.
func TestGuardWithoutUinKeepsTheDeny(t *testing.T) {
	policy := allowAllDenyOne(t, "qcs::ccc::uin/100001:SdkAppId/1400001")
	for _, wf := range wireForms {
		t.Run(wf.sign+"-"+wf.method, func(t *testing.T) {
			f := newFakeAPI(t)
			o := options()
			o.Uin = ""
			g := &camguard.Guard{Policies: []campolicy.Policy{policy}, Next: camhttp.Forward}
			c := newClient(f.endpoint(), camhttp.New(g, o), signedWith(wf.sign, wf.method))

			err := c.Send(newAppRequest("DeleteStaff", 1400001), newResponse())
			var denied *camguard.DeniedError
			if !errors.As(err, &denied) {
				t.Fatalf("DeleteStaff on the denied app without a uin: %v, want a denial", err)
			}
			if !denied.Decision.Explicit() || !slices.Equal(denied.Decision.Unknowns(), []string{"uin"}) {
				t.Errorf("decision %v, unknowns %v; want the deny, decided with the unknown uin", denied.Decision, denied.Decision.Unknowns())
			}
			if msg := err.Error(); !strings.Contains(msg, "camhttp.Options{Uin: …}") || strings.Contains(msg, "parameter override") {
				t.Errorf("the denial does not point at Options{Uin: …}: %s", msg)
			}
			if got := denied.Resource.String(); got != "qcs::ccc::uin/${uin}:SdkAppId/1400001" {
				t.Errorf("denied resource %s, want the uin left as its placeholder", got)
			}
			// The deny names no other app whatever the uin, and the allow holds for
			// every uin: that call goes through.
			if err := c.Send(newAppRequest("DeleteStaff", 1400002), newResponse()); err != nil {
				t.Errorf("DeleteStaff on another app without a uin: %v", err)
			}
			if got := f.requests(); len(got) != 1 || got[0].Action != "DeleteStaff" {
				t.Errorf("the fake API received %+v, want only the allowed call", got)
			}

			// With the uin known the guard decides on the real resource.
			o.Uin = uin
			c = newClient(f.endpoint(), camhttp.New(g, o), signedWith(wf.sign, wf.method))
			if err := c.Send(newAppRequest("DeleteStaff", 1400001), newResponse()); !errors.As(err, &denied) || len(denied.Decision.Unknowns()) != 0 {
				t.Errorf("DeleteStaff on the denied app with the uin: %v", err)
			}
			if n := len(f.requests()); n != 1 {
				t.Errorf("a denied call reached the API: %d requests", n)
			}
		})
	}
}

// TestGuardDeniesUnfilledParameterOnDeny: a CommonRequest sent by GET carries no
// parameters (TestGenericRequestUnderGETOrV1), so its SdkAppId is unknown. The guard
// used to evaluate it on "*", under which the deny of app 1400001 never applied.
func TestGuardDeniesUnfilledParameterOnDeny(t *testing.T) {
	policy, err := campolicy.Parse([]byte(`{"version":"2.0","statement":[
		{"effect":"allow","action":"ccc:*","resource":"*"},
		{"effect":"deny","action":"ccc:DescribeStaffInfoList","resource":"qcs::ccc::uin/100001:SdkAppId/1400001"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	f := newFakeAPI(t)
	g := &camguard.Guard{Policies: []campolicy.Policy{policy}, Next: camhttp.Forward}
	c := newClient(f.endpoint(), camhttp.New(g, options()), signedWith("TC3-HMAC-SHA256", "GET"))
	err = c.Send(commonRequest("DescribeStaffInfoList", map[string]any{"SdkAppId": 1400001}), tchttp.NewCommonResponse())
	var denied *camguard.DeniedError
	if !errors.As(err, &denied) || !slices.Equal(denied.Decision.Unknowns(), []string{"SdkAppId"}) {
		t.Fatalf("call whose SdkAppId the guard cannot read: %v, want a denial decided with the unknown SdkAppId", err)
	}
	if !strings.Contains(err.Error(), "parameter SdkAppId") {
		t.Errorf("the denial does not say how to make SdkAppId known: %v", err)
	}
	if n := len(f.requests()); n != 0 {
		t.Errorf("the denied call reached the API")
	}
}

// TestGuardUnobservableKeyIsUnknown (item 2). CAM doc 598/10608: "For a condition
// operator ending in _if_exist, the condition is met even if the context does not
// include the condition key" — so reading an unobserved key as absent lets an
// _if_exist allow apply, and makes a deny on the key never apply. The guard sees
// neither the source address nor anything CAM adds, so such keys are unknown.
func TestGuardUnobservableKeyIsUnknown(t *testing.T) {
	deny, err := campolicy.Parse([]byte(`{"version":"2.0","statement":[
		{"effect":"allow","action":"ccc:*","resource":"*"},
		{"effect":"deny","action":"ccc:*","resource":"*","condition":{"ip_not_equal":{"qcs:ip":"10.0.0.0/8"}}}]}`))
	if err != nil {
		t.Fatal(err)
	}
	f := newFakeAPI(t)
	g := &camguard.Guard{Policies: []campolicy.Policy{deny}, Next: camhttp.Forward}
	c := newClient(f.endpoint(), camhttp.New(g, options()), nil)
	err = c.Send(newDescribeStaffInfoList(1400001), newResponse())
	var denied *camguard.DeniedError
	if !errors.As(err, &denied) || !slices.Equal(denied.Decision.Unknowns(), []string{"qcs:ip"}) || !strings.Contains(err.Error(), "Guard.Context") {
		t.Fatalf("deny on a source address the guard cannot see: %v", err)
	}
	g.Context = map[string]string{"qcs:ip": "10.1.2.3"}
	if err := c.Send(newDescribeStaffInfoList(1400001), newResponse()); err != nil {
		t.Errorf("with the address given: %v", err)
	}
	if n := len(f.requests()); n != 1 {
		t.Errorf("fake API received %d requests, want 1", n)
	}
}

// recordPair sends two actions with one body through a recorder, within one second of
// the clock the SDK signs with, and returns the recorder; ok is false when a second
// boundary fell between the two (the caller tries again).
func recordPair(t *testing.T, sign, method string, actions ...string) (rec *camguard.Recorder, sent int, ok bool) {
	f := newFakeAPI(t)
	rec = &camguard.Recorder{Next: camhttp.Forward}
	c := newClient(f.endpoint(), camhttp.New(rec, options()), signedWith(sign, method))
	before := time.Now().Unix()
	for _, a := range actions {
		if err := c.Send(newAppRequest(a, 1400001), newResponse()); err != nil {
			t.Fatalf("%s: %v", a, err)
		}
	}
	return rec, len(f.requests()), time.Now().Unix() == before
}

// TestRecorderTellsActionsApart (item 4): two actions sent with the same body in the
// same second are two calls. The retry key used to hash the method, URL, Authorization,
// X-TC-Timestamp and body; a TC3 signature covers only content-type and host among
// the headers, so X-TC-Action was all that told the calls apart, and the recorded
// policy lacked the second action.
func TestRecorderTellsActionsApart(t *testing.T) {
	actions := []string{"DescribeStaffInfoList", "DescribeSkillGroupInfoList", "DescribeTelCdr", "DescribePSTNActiveSessionList"}
	for _, wf := range wireForms {
		t.Run(wf.sign+"-"+wf.method, func(t *testing.T) {
			var rec *camguard.Recorder
			for try := 0; ; try++ {
				r, sent, ok := recordPair(t, wf.sign, wf.method, actions...)
				if sent != len(actions) {
					t.Fatalf("fake API received %d requests, want %d", sent, len(actions))
				}
				if ok {
					rec = r
					break
				}
				if try == 5 {
					t.Skip("never sent within one second; the machine is too loaded to show the case")
				}
			}
			var got []string
			for _, c := range rec.Calls() {
				got = append(got, strings.TrimPrefix(c.Action.String(), "ccc:"))
			}
			if !slices.Equal(got, actions) {
				t.Errorf("recorded %v, want every action once: %v", got, actions)
			}
			p, err := rec.Policy()
			if err != nil {
				t.Fatal(err)
			}
			want := make([]string, len(actions))
			for i, a := range actions {
				want[i] = "ccc:" + a
			}
			slices.Sort(want)
			if len(p.Statement) != 1 || !slices.Equal([]string(p.Statement[0].Action), want) {
				t.Errorf("policy %s, want one statement with %v", p, want)
			}
		})
	}
}

// TestRecorderRetryStillOnce: telling actions apart does not make a retry two calls
// (the SDK's rate-limit retry resends the same request).
func TestRecorderRetryStillOnce(t *testing.T) {
	for _, wf := range wireForms {
		f := newFakeAPI(t)
		f.limitNth["DeleteStaff"] = 1
		rec := &camguard.Recorder{Next: camhttp.Forward}
		c := newClient(f.endpoint(), camhttp.New(rec, options()), func(p *profile.ClientProfile) {
			signedWith(wf.sign, wf.method)(p)
			p.RateLimitExceededMaxRetries = 2
			p.RateLimitExceededRetryDuration = profile.ConstantDurationFunc(0)
		})
		if err := c.Send(newAppRequest("DeleteStaff", 1400001), newResponse()); err != nil {
			t.Fatal(err)
		}
		if n, calls := len(f.requests()), rec.Calls(); n != 2 || len(calls) != 1 {
			t.Errorf("%s %s: the API received %d requests, %d recorded; want the retry recorded once", wf.sign, wf.method, n, len(calls))
		}
	}
}

// TestRecorderWithoutUinSaysOptions: the recorder's report of the unfilled ${uin}
// points at Options{Uin: …}, the only way to fill it.
func TestRecorderWithoutUinSaysOptions(t *testing.T) {
	rec := &camguard.Recorder{}
	o := options()
	o.Uin = ""
	c := newClient("127.0.0.1:1", camhttp.New(rec, o), nil)
	if err := c.Send(newDescribeStaffInfoList(1400001), newResponse()); err != nil {
		t.Fatal(err)
	}
	_, err := rec.Policy()
	if err == nil || !strings.Contains(err.Error(), "camhttp.Options{Uin: …}") || strings.Contains(err.Error(), "parameter override") {
		t.Errorf("Policy without a uin: %v", err)
	}
}
