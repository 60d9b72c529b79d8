package tencentcloud

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common"
	tcerr "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/errors"
	tchttp "github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/http"
	"github.com/tencentcloud/tencentcloud-sdk-go/tencentcloud/common/profile"

	"github.com/permgen/permgen/generated/tencentcloud/cam"
	"github.com/permgen/permgen/generated/tencentcloud/camguard"
	"github.com/permgen/permgen/generated/tencentcloud/camhttp"
	"github.com/permgen/permgen/generated/tencentcloud/campolicy"
	"github.com/permgen/permgen/generated/tencentcloud/catalog"
	"github.com/permgen/permgen/generated/tencentcloud/ccc"
)

const uin = "100001"

// options leaves Lookup and Parameter to the tree's catalog, as the one line
// does; TestExplicitCatalog passes them.
func options() camhttp.Options {
	return camhttp.Options{Uin: uin, DefaultService: "ccc"}
}

// TestExplicitCatalog: a Lookup that knows nothing makes every call unknown, so the
// guard denies even under an allow-all policy.
func TestExplicitCatalog(t *testing.T) {
	o := options()
	o.Lookup = func(string) (cam.Action, bool) { return nil, false }
	allowAll := campolicy.Policy{Version: "2.0", Statement: []campolicy.Statement{{Effect: campolicy.EffectAllow, Action: campolicy.Values{"*"}, Resource: campolicy.Values{"*"}}}}
	c := newClient("127.0.0.1:1", camhttp.New(&camguard.Guard{Policies: []campolicy.Policy{allowAll}, Next: camhttp.Forward}, o), nil)
	var denied *camguard.DeniedError
	if err := c.Send(newDescribeStaffInfoList(1400001), newResponse()); !errors.As(err, &denied) || !denied.Unknown {
		t.Errorf("empty catalog: %v", err)
	}
	o.Lookup, o.Parameter = catalog.Lookup, catalog.Parameter
	rec := &camguard.Recorder{}
	c = newClient("127.0.0.1:1", camhttp.New(rec, o), nil)
	if err := c.Send(newDescribeTelCallInfo(1400001), newResponse()); err != nil {
		t.Fatal(err)
	}
	if got := rec.Calls()[0].Resources; len(got) != 1 || got[0] != app("1400001") {
		t.Errorf("explicit catalog: resources %v", got)
	}
}

// newClient is a common client as a program makes it, plus the one line that sets
// the transport.
func newClient(endpoint string, rt http.RoundTripper, edit func(*profile.ClientProfile)) *common.Client {
	cpf := profile.NewClientProfile()
	cpf.HttpProfile.Endpoint = endpoint
	cpf.HttpProfile.Scheme = "http"
	cpf.HttpProfile.ReqTimeout = 10
	if edit != nil {
		edit(cpf)
	}
	c := common.NewCommonClient(common.NewCredential(secretID, secretKey), "ap-guangzhou", cpf)
	c.WithHttpTransport(rt)
	return c
}

func app(id string) cam.Resource { return ccc.SdkAppIdResource(uin, id) }

func commonRequest(action string, params map[string]any) *tchttp.CommonRequest {
	r := tchttp.NewCommonRequest("ccc", cccVersion, action)
	if err := r.SetActionParameters(params); err != nil {
		panic(err)
	}
	return r
}

func resourceNames(rs []cam.Resource) []string {
	var out []string
	for _, r := range rs {
		out = append(out, r.String())
	}
	return out
}

// TestWireForms sends one call in every wire form the SDK produces through a recording
// transport to the fake API, which re-verifies each signature; the recorded call must
// carry the action and the resource its parameters name.
func TestWireForms(t *testing.T) {
	cases := []struct {
		name   string
		sign   string // profile.SignMethod
		method string // HttpProfile.ReqMethod
		send   func(c *common.Client) error
		action string
		want   []string
	}{
		{"tc3-post-typed", "TC3-HMAC-SHA256", "POST",
			func(c *common.Client) error { return c.Send(newDescribeStaffInfoList(1400000001), newResponse()) },
			"ccc:DescribeStaffInfoList", []string{"qcs::ccc::uin/100001:SdkAppId/1400000001"}},
		{"tc3-post-common", "TC3-HMAC-SHA256", "POST",
			func(c *common.Client) error {
				return c.Send(commonRequest("DescribeStaffInfoList", map[string]any{"SdkAppId": 1400001, "PageNumber": 0}), tchttp.NewCommonResponse())
			},
			"ccc:DescribeStaffInfoList", []string{"qcs::ccc::uin/100001:SdkAppId/1400001"}},
		{"tc3-get-typed", "TC3-HMAC-SHA256", "GET",
			func(c *common.Client) error { return c.Send(newCreateStaff(1400001, "a+b@example.com"), newResponse()) },
			"ccc:CreateStaff", []string{"qcs::ccc::uin/100001:SdkAppId/1400001"}},
		{"hmacsha1-post-typed", "HmacSHA1", "POST",
			func(c *common.Client) error { return c.Send(newCreateStaff(1400001, "a+b@example.com"), newResponse()) },
			"ccc:CreateStaff", []string{"qcs::ccc::uin/100001:SdkAppId/1400001"}},
		{"hmacsha256-get-typed", "HmacSHA256", "GET",
			func(c *common.Client) error { return c.Send(newDescribeStaffInfoList(1400001), newResponse()) },
			"ccc:DescribeStaffInfoList", []string{"qcs::ccc::uin/100001:SdkAppId/1400001"}},
		{"hmacsha256-post-array-override", "HmacSHA256", "POST",
			func(c *common.Client) error { return c.Send(newDescribeTelCallInfo(1400001, 1400002), newResponse()) },
			"ccc:DescribeTelCallInfo", []string{"qcs::ccc::uin/100001:SdkAppId/1400001", "qcs::ccc::uin/100001:SdkAppId/1400002"}},
		{"tc3-post-array-override", "TC3-HMAC-SHA256", "POST",
			func(c *common.Client) error { return c.Send(newDescribeTelCallInfo(1400001, 1400002), newResponse()) },
			"ccc:DescribeTelCallInfo", []string{"qcs::ccc::uin/100001:SdkAppId/1400001", "qcs::ccc::uin/100001:SdkAppId/1400002"}},
		{"tc3-get-array-override", "TC3-HMAC-SHA256", "GET",
			func(c *common.Client) error { return c.Send(newDescribeTelCallInfo(1400001, 1400002), newResponse()) },
			"ccc:DescribeTelCallInfo", []string{"qcs::ccc::uin/100001:SdkAppId/1400001", "qcs::ccc::uin/100001:SdkAppId/1400002"}},
		{"tc3-post-region-placeholder", "TC3-HMAC-SHA256", "POST",
			func(c *common.Client) error {
				return c.Send(commonRequest("DestroyNumberResource", map[string]any{"SdkAppId": 1400001}), tchttp.NewCommonResponse())
			},
			"ccc:DestroyNumberResource", []string{"qcs::ccc:ap-guangzhou:uin/100001:SdkAppId/1400001"}},
		{"hmacsha1-post-region-placeholder", "HmacSHA1", "POST",
			func(c *common.Client) error {
				r := &describeStaffInfoListRequest{BaseRequest: &tchttp.BaseRequest{}}
				r.Init().WithApiInfo("ccc", cccVersion, "DestroyNumberResource")
				id := int64(1400001)
				r.SdkAppId = &id
				return c.Send(r, newResponse())
			},
			"ccc:DestroyNumberResource", []string{"qcs::ccc:ap-guangzhou:uin/100001:SdkAppId/1400001"}},
		{"octet-stream-typed", "TC3-HMAC-SHA256", "POST",
			func(c *common.Client) error {
				return c.SendOctetStream(newUpload("1400001", []byte("RIFF....WAVE")), newResponse())
			},
			"ccc:UploadIvrAudio", []string{"qcs::ccc::uin/100001:SdkAppId/1400001"}},
		{"octet-stream-common", "TC3-HMAC-SHA256", "POST",
			func(c *common.Client) error {
				r := tchttp.NewCommonRequest("ccc", cccVersion, "UploadIvrAudio")
				r.SetOctetStreamParameters(map[string]string{"X-CCC-SdkAppId": "1400001"}, []byte("RIFF....WAVE"))
				return c.SendOctetStream(r, tchttp.NewCommonResponse())
			},
			"ccc:UploadIvrAudio", []string{"qcs::ccc::uin/100001:SdkAppId/1400001"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFakeAPI(t)
			rec := &camguard.Recorder{Next: camhttp.Forward}
			c := newClient(f.endpoint(), camhttp.New(rec, options()), func(p *profile.ClientProfile) {
				p.SignMethod = tc.sign
				p.HttpProfile.ReqMethod = tc.method
			})
			if err := tc.send(c); err != nil {
				t.Fatalf("call: %v", err)
			}
			got := f.requests()
			if len(got) != 1 || got[0].Action != strings.TrimPrefix(tc.action, "ccc:") || got[0].Sign != tc.sign || got[0].Method != tc.method {
				t.Fatalf("fake API received %+v", got)
			}
			calls := rec.Calls()
			if len(calls) != 1 || calls[0].Action.String() != tc.action || !calls[0].Known() {
				t.Fatalf("recorded %+v", calls)
			}
			if names := resourceNames(calls[0].Resources); !slices.Equal(names, tc.want) || len(calls[0].Unfilled) > 0 {
				t.Errorf("resources %v (unfilled %v), want %v", names, calls[0].Unfilled, tc.want)
			}
			if calls[0].Region != "ap-guangzhou" || calls[0].Version != cccVersion {
				t.Errorf("region %q version %q", calls[0].Region, calls[0].Version)
			}
			p, err := rec.Policy()
			if err != nil {
				t.Fatal(err)
			}
			want := fmt.Sprintf(`{"version":"2.0","statement":[{"effect":"allow","action":[%q],"resource":["%s"]}]}`, tc.action, strings.Join(tc.want, `","`))
			if p.String() != want {
				t.Errorf("policy %s\nwant   %s", p, want)
			}
		})
	}
}

// TestGenericRequestUnderGETOrV1 states a limit of the SDK: it flattens only the
// tagged fields of typed requests, so a CommonRequest sent by GET or with HmacSHA1/256
// signing carries no action parameters at all. The call is still recognised; its
// resource cannot be, and Policy says so rather than granting "*".
func TestGenericRequestUnderGETOrV1(t *testing.T) {
	for _, tc := range []struct{ sign, method string }{{"TC3-HMAC-SHA256", "GET"}, {"HmacSHA1", "POST"}, {"HmacSHA256", "GET"}} {
		f := newFakeAPI(t)
		rec := &camguard.Recorder{Next: camhttp.Forward}
		c := newClient(f.endpoint(), camhttp.New(rec, options()), func(p *profile.ClientProfile) {
			p.SignMethod, p.HttpProfile.ReqMethod = tc.sign, tc.method
		})
		if err := c.Send(commonRequest("DescribeStaffInfoList", map[string]any{"SdkAppId": 1400001}), tchttp.NewCommonResponse()); err != nil {
			t.Fatal(err)
		}
		if got := f.requests(); len(got) != 1 || strings.Contains(string(got[0].Body), "SdkAppId") {
			t.Errorf("%s %s: the SDK sent %+v", tc.sign, tc.method, got)
		}
		_, err := rec.Policy()
		var ce *camguard.CallError
		if !errors.As(err, &ce) || ce.Action != "ccc:DescribeStaffInfoList" || !slices.Equal(ce.Unfilled, []string{"${SdkAppId}"}) {
			t.Errorf("%s %s: Policy error %v, want the unfilled ${SdkAppId} of ccc:DescribeStaffInfoList", tc.sign, tc.method, err)
		}
	}
}

func TestUinMustBeGiven(t *testing.T) {
	f := newFakeAPI(t)
	rec := &camguard.Recorder{Next: camhttp.Forward}
	o := options()
	o.Uin = ""
	c := newClient(f.endpoint(), camhttp.New(rec, o), nil)
	if err := c.Send(newDescribeStaffInfoList(1400001), newResponse()); err != nil {
		t.Fatal(err)
	}
	_, err := rec.Policy()
	if err == nil || !strings.Contains(err.Error(), "${uin}") {
		t.Errorf("Policy without a uin: %v", err)
	}
}

// TestUnknownActionRecorded: an API the catalog does not list is sent and recorded,
// and Policy names it instead of granting it.
func TestUnknownActionRecorded(t *testing.T) {
	f := newFakeAPI(t)
	rec := &camguard.Recorder{Next: camhttp.Forward}
	c := newClient(f.endpoint(), camhttp.New(rec, options()), nil)
	if err := c.Send(commonRequest("DescribeBrandNewThing", map[string]any{"SdkAppId": 1}), tchttp.NewCommonResponse()); err != nil {
		t.Fatal(err)
	}
	if err := c.Send(newDescribeStaffInfoList(1400001), newResponse()); err != nil {
		t.Fatal(err)
	}
	p, err := rec.Policy()
	var ce *camguard.CallError
	if !errors.As(err, &ce) || !ce.Unknown || ce.Action != "ccc:DescribeBrandNewThing" {
		t.Errorf("Policy error %v, want the unknown ccc:DescribeBrandNewThing", err)
	}
	if len(p.Statement) != 1 || p.Statement[0].Action[0] != "ccc:DescribeStaffInfoList" {
		t.Errorf("policy of the known call: %s", p)
	}
	if n := len(f.requests()); n != 2 {
		t.Errorf("fake API received %d requests, want 2", n)
	}
}

func guardPolicy(t *testing.T) campolicy.Policy {
	t.Helper()
	p, err := campolicy.New(campolicy.Allow(ccc.ActionDescribeStaffInfoList).On(app("1400001")), campolicy.Allow(ccc.ActionDescribeIVRList))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestGuard(t *testing.T) {
	f := newFakeAPI(t)
	g := &camguard.Guard{Policies: []campolicy.Policy{guardPolicy(t)}, Next: camhttp.Forward}
	c := newClient(f.endpoint(), camhttp.New(g, options()), nil)
	resp := newResponse()
	if err := c.Send(newDescribeStaffInfoList(1400001), resp); err != nil {
		t.Fatalf("allowed call: %v", err)
	}
	if resp.Response == nil || resp.Response.TotalCount == nil || *resp.Response.TotalCount != 1400001 {
		t.Errorf("allowed call's response not delivered: %+v", resp.Response)
	}
	if err := c.Send(commonRequest("DescribeIVRList", map[string]any{"SdkAppId": 1400009}), tchttp.NewCommonResponse()); err != nil {
		t.Errorf("operation-level call allowed on *: %v", err)
	}
	for _, req := range []tchttp.Request{
		newDescribeStaffInfoList(1400002),                                  // another resource
		newCreateStaff(1400001, "a+b@example.com"),                         // another action
		commonRequest("DescribeStaffInfoList", nil),                        // SdkAppId unknown: no allow holds for every app
		commonRequest("NoSuchAction", map[string]any{"SdkAppId": 1400001}), // not in the catalog
	} {
		err := c.Send(req, newResponse())
		var denied *camguard.DeniedError
		if !errors.As(err, &denied) {
			t.Errorf("%s: error %v does not carry a *camguard.DeniedError", req.GetAction(), err)
			continue
		}
		var sdkErr *tcerr.TencentCloudSDKError
		if !errors.As(err, &sdkErr) || sdkErr.GetCode() != "ClientError.NetworkError" {
			t.Errorf("%s: the SDK reports %v", req.GetAction(), err)
		}
		if denied.Unknown != (req.GetAction() == "NoSuchAction") {
			t.Errorf("%s: Unknown = %v", req.GetAction(), denied.Unknown)
		}
	}
	if got := f.requests(); len(got) != 2 {
		t.Errorf("the fake API received %d requests, want only the 2 allowed", len(got))
	}
}

// TestRecordThenGuard is the promise: the recorded policy lets the same calls
// through the guard and denies any other before a byte leaves the process.
func TestRecordThenGuard(t *testing.T) {
	f := newFakeAPI(t)
	rec := &camguard.Recorder{}
	program := func(c *common.Client) []error {
		return []error{
			c.Send(newDescribeStaffInfoList(1400001), newResponse()),
			c.Send(newCreateStaff(1400001, "a+b@example.com"), newResponse()),
			c.Send(newDescribeTelCallInfo(1400001, 1400002), newResponse()),
			c.Send(commonRequest("CreateIVR", map[string]any{"SdkAppId": 1400001, "Name": "menu"}), tchttp.NewCommonResponse()),
		}
	}
	for _, err := range program(newClient("127.0.0.1:1", camhttp.New(rec, options()), nil)) {
		if err != nil {
			t.Fatalf("dry run: %v", err)
		}
	}
	p, err := rec.Policy()
	if err != nil {
		t.Fatal(err)
	}
	g := &camguard.Guard{Policies: []campolicy.Policy{p}, Next: camhttp.Forward}
	c := newClient(f.endpoint(), camhttp.New(g, options()), nil)
	for i, err := range program(c) {
		if err != nil {
			t.Errorf("call %d denied by its own recorded policy: %v", i, err)
		}
	}
	if n := len(f.requests()); n != 4 {
		t.Errorf("fake API received %d requests, want 4", n)
	}
	var denied *camguard.DeniedError
	if err := c.Send(newDescribeStaffInfoList(1400003), newResponse()); !errors.As(err, &denied) {
		t.Errorf("unrecorded resource: %v", err)
	}
	if n := len(f.requests()); n != 4 {
		t.Errorf("a denied call reached the API")
	}
}

// TestDryRun sends nothing: the endpoint does not exist, and every call succeeds with
// an empty result.
func TestDryRun(t *testing.T) {
	rec := &camguard.Recorder{}
	c := newClient("127.0.0.1:1", camhttp.New(rec, options()), nil)
	resp := newResponse()
	if err := c.Send(newDescribeStaffInfoList(1400001), resp); err != nil {
		t.Fatal(err)
	}
	if resp.Response == nil || resp.Response.RequestId == nil || !strings.HasPrefix(*resp.Response.RequestId, "camhttp-") || resp.Response.TotalCount != nil {
		t.Errorf("dry-run response %+v", resp.Response)
	}
	if err := c.SendOctetStream(newUpload("1400001", []byte("x")), newResponse()); err != nil {
		t.Fatal(err)
	}
	if n := len(rec.Calls()); n != 2 {
		t.Errorf("recorded %d calls", n)
	}
}

// dialTo sends every connection to addr whatever host the request names, so that a
// request the region breaker redirected to its backup endpoint still reaches the fake
// API, which records the Host it was meant for.
func dialTo(addr string) http.RoundTripper {
	return &http.Transport{DialContext: func(ctx context.Context, network, _ string) (net.Conn, error) {
		return (&net.Dialer{}).DialContext(ctx, network, addr)
	}}
}

// TestDenyAsAPIError: a denial answered the way CAM does carries a RequestId, so the
// region breaker counts it as an answer. The answer is the API's own form for an
// unauthorized call; Tencent Cloud's common error codes
// (https://cloud.tencent.com/document/product/1442/57938): "如果返回结果中存在 Error 字段,
// 则表示调用 API 接口失败" and "AuthFailure.UnauthorizedOperation | 请求未授权。请参考 CAM
// 文档对鉴权的说明。" With it the SDK's breaker keeps sending to the configured endpoint.
// Without it, five denials open the breaker and the next allowed call goes to the
// backup endpoint — the reason the option exists.
func TestDenyAsAPIError(t *testing.T) {
	for _, asAPI := range []bool{true, false} {
		f := newFakeAPI(t)
		o := options()
		o.DenyAsAPIError = asAPI
		o.Next = dialTo(f.endpoint())
		g := &camguard.Guard{Policies: []campolicy.Policy{guardPolicy(t)}, Next: camhttp.Forward}
		c := newClient(f.endpoint(), camhttp.New(g, o), func(p *profile.ClientProfile) {
			p.DisableRegionBreaker = false
			p.BackupEndpoint = "backup.invalid"
		})
		for range 6 {
			err := c.Send(newDescribeStaffInfoList(1400002), newResponse())
			var sdkErr *tcerr.TencentCloudSDKError
			if !errors.As(err, &sdkErr) {
				t.Fatalf("denied call: %v", err)
			}
			if asAPI && (sdkErr.GetCode() != "AuthFailure.UnauthorizedOperation" || sdkErr.GetRequestId() == "" || !strings.Contains(sdkErr.GetMessage(), "ccc:DescribeStaffInfoList")) {
				t.Errorf("DenyAsAPIError: %v", err)
			}
		}
		if err := c.Send(newDescribeStaffInfoList(1400001), newResponse()); err != nil {
			t.Fatalf("allowed call: %v", err)
		}
		got := f.requests()
		if len(got) != 1 {
			t.Fatalf("fake API received %+v", got)
		}
		wantHost := f.endpoint()
		if !asAPI {
			wantHost = "ccc.backup.invalid"
		}
		if got[0].Host != wantHost {
			t.Errorf("DenyAsAPIError=%v: allowed call went to %s, want %s", asAPI, got[0].Host, wantHost)
		}
	}
}

type countingTransport struct {
	n    atomic.Int32
	next camguard.Transport
}

func (c *countingTransport) Do(ctx context.Context, call *camguard.Call, resp any) error {
	c.n.Add(1)
	return c.next.Do(ctx, call, resp)
}

type timeoutError struct{}

func (timeoutError) Error() string   { return "i/o timeout (injected)" }
func (timeoutError) Timeout() bool   { return true }
func (timeoutError) Temporary() bool { return true }

// flaky fails the first round trip with a timeout, then sends.
type flaky struct {
	failed atomic.Bool
	next   http.RoundTripper
}

func (f *flaky) RoundTrip(r *http.Request) (*http.Response, error) {
	if !f.failed.Swap(true) {
		r.Body.Close()
		return nil, timeoutError{}
	}
	return f.next.RoundTrip(r)
}

func TestRetriesRecordedOnce(t *testing.T) {
	t.Run("rate-limit", func(t *testing.T) {
		f := newFakeAPI(t)
		f.limitNth["DescribeStaffInfoList"] = 1
		rec := &camguard.Recorder{Next: camhttp.Forward}
		guarded := &countingTransport{next: rec}
		c := newClient(f.endpoint(), camhttp.New(guarded, options()), func(p *profile.ClientProfile) {
			p.RateLimitExceededMaxRetries = 2
			p.RateLimitExceededRetryDuration = profile.ConstantDurationFunc(0)
		})
		if err := c.Send(newDescribeStaffInfoList(1400001), newResponse()); err != nil {
			t.Fatal(err)
		}
		if n := len(f.requests()); n != 2 || guarded.n.Load() != 2 {
			t.Errorf("fake API received %d requests, the transport saw %d; want the SDK's retry: 2", n, guarded.n.Load())
		}
		if calls := rec.Calls(); len(calls) != 1 {
			t.Errorf("recorded %d calls, want the retried call once", len(calls))
		}
	})
	t.Run("network-client-token", func(t *testing.T) {
		f := newFakeAPI(t)
		rec := &camguard.Recorder{Next: camhttp.Forward}
		guarded := &countingTransport{next: rec}
		o := options()
		o.Next = &flaky{next: http.DefaultTransport}
		c := newClient(f.endpoint(), camhttp.New(guarded, o), func(p *profile.ClientProfile) {
			p.NetworkFailureMaxRetries = 1
			p.NetworkFailureRetryDuration = profile.ConstantDurationFunc(0)
		})
		req := newDescribeStaffInfoList(1400001) // has a ClientToken field: retryable
		if err := c.Send(req, newResponse()); err != nil {
			t.Fatal(err)
		}
		if req.ClientToken == nil || *req.ClientToken == "" {
			t.Fatal("the SDK injected no ClientToken")
		}
		if n := len(f.requests()); n != 1 || guarded.n.Load() != 2 {
			t.Errorf("fake API received %d requests, transport saw %d; want 1 and 2", n, guarded.n.Load())
		}
		// The program's own retry, later and so differently signed, with the same token.
		time.Sleep(1100 * time.Millisecond) // a new X-TC-Timestamp second; not a timing assertion
		again := newDescribeStaffInfoList(1400001)
		again.ClientToken = req.ClientToken
		if err := c.Send(again, newResponse()); err != nil {
			t.Fatal(err)
		}
		if calls := rec.Calls(); len(calls) != 1 {
			t.Errorf("recorded %d calls, want 1: same ClientToken, same call", len(calls))
		}
		other := newDescribeStaffInfoList(1400002)
		other.ClientToken = req.ClientToken
		if err := c.Send(other, newResponse()); err != nil {
			t.Fatal(err)
		}
		if calls := rec.Calls(); len(calls) != 2 {
			t.Errorf("recorded %d calls, want 2: a token reused on another resource is a new call", len(calls))
		}
	})
}

// TestConcurrent: 64 goroutines on one client (run with -race).
func TestConcurrent(t *testing.T) {
	f := newFakeAPI(t)
	rec := &camguard.Recorder{Next: camhttp.Forward}
	g := &camguard.Guard{Policies: []campolicy.Policy{{Version: "2.0", Statement: []campolicy.Statement{{Effect: campolicy.EffectAllow, Action: campolicy.Values{"ccc:*"}, Resource: campolicy.Values{"*"}}}}}, Next: rec}
	c := newClient(f.endpoint(), camhttp.New(g, options()), nil)
	var wg sync.WaitGroup
	for i := range 64 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var err error
			if i%2 == 0 {
				err = c.Send(newDescribeStaffInfoList(int64(1400000+i)), newResponse())
			} else {
				err = c.Send(commonRequest("DescribeStaffInfoList", map[string]any{"SdkAppId": 1400000 + i}), tchttp.NewCommonResponse())
			}
			if err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if n := len(f.requests()); n != 64 {
		t.Errorf("fake API verified %d requests, want 64", n)
	}
	p, err := rec.Policy()
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Statement) != 1 || len(p.Statement[0].Resource) != 64 {
		t.Errorf("policy %s", p)
	}
}

// tamper changes one signed byte of each request on its way out.
type tamper struct{ edit func(*http.Request) }

func (t tamper) RoundTrip(r *http.Request) (*http.Response, error) {
	t.edit(r)
	return http.DefaultTransport.RoundTrip(r)
}

// TestFakeAPIRejectsTampering shows the fake API's verification can fail: had camhttp
// changed a signed byte, the tests above would see it.
func TestFakeAPIRejectsTampering(t *testing.T) {
	edits := map[string]func(*http.Request){
		"tc3 body": func(r *http.Request) {
			b := `{"SdkAppId":1400002}`
			r.Body, r.ContentLength = io.NopCloser(strings.NewReader(b)), int64(len(b))
		},
		"tc3 content-type": func(r *http.Request) { r.Header.Set("Content-Type", "application/json; charset=utf-8") },
		"tc3 timestamp":    func(r *http.Request) { r.Header.Set("X-TC-Timestamp", "1790000000") },
		"v1 query":         func(r *http.Request) { r.URL.RawQuery = strings.Replace(r.URL.RawQuery, "1400001", "1400002", 1) },
	}
	for name, edit := range edits {
		f := newFakeAPI(t)
		var rejected int
		f.bad = func(error) { rejected++ }
		o := options()
		o.Next = tamper{edit}
		c := newClient(f.endpoint(), camhttp.New(&camguard.Recorder{Next: camhttp.Forward}, o), func(p *profile.ClientProfile) {
			if strings.HasPrefix(name, "v1") {
				p.SignMethod, p.HttpProfile.ReqMethod = "HmacSHA256", "GET"
			}
		})
		err := c.Send(newDescribeStaffInfoList(1400001), newResponse())
		if rejected != 1 || err == nil {
			t.Errorf("%s: tampered request accepted (rejected %d, err %v)", name, rejected, err)
		}
	}
}
