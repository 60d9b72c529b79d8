package camhttp

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/permgen/permgen/templates/cam"
	"github.com/permgen/permgen/templates/camguard"
)

// The catalog stands in for a generated tree's.
var (
	createIVR = info("ccc", "CreateIVR", cam.OperationLevel, "*")
	telCdr    = info("ccc", "DescribeTelCdr", cam.ResourceLevel, "qcs::ccc::uin/${uin}:SdkAppId/${SdkAppId}")
	callInfo  = info("ccc", "DescribeTelCallInfo", cam.ResourceLevel, "qcs::ccc::uin/${uin}:SdkAppId/${SdkAppId}")
	stop      = info("cvm", "StopInstances", cam.ResourceLevel, "qcs::cvm:${region}:uin/${uin}:instance/${InstanceId}")
)

// info builds an ActionInfo whatever list type the runtime gives Resources and
// ResourceTypes ([]string, or a string of names joined by line breaks).
func info(service, name string, g cam.Granularity, resources ...string) cam.ActionInfo {
	a := cam.ActionInfo{Service: service, Name: name, Granularity: g}
	var types []string
	for _, r := range resources {
		if r != "*" {
			res := cam.MustParseResource(r)
			types = append(types, res.Service+"/"+res.Type())
		}
	}
	setList(&a.Resources, resources)
	setList(&a.ResourceTypes, types)
	return a
}

func setList(dst any, l []string) {
	v := reflect.ValueOf(dst).Elem()
	switch v.Kind() {
	case reflect.Slice:
		v.Set(reflect.ValueOf(l))
	case reflect.String:
		v.SetString(strings.Join(l, "\n"))
	default:
		panic("setList: " + v.Type().String())
	}
}

func lookup(name string) (cam.Action, bool) {
	for _, a := range []cam.ActionInfo{createIVR, telCdr, callInfo, stop} {
		if a.String() == name {
			return a, true
		}
	}
	return nil, false
}

func parameter(action, placeholder string) (string, bool) {
	if action == "ccc:DescribeTelCallInfo" && placeholder == "${SdkAppId}" {
		return "SdkAppIdList", true
	}
	return "", false
}

var opts = Options{Uin: "100001", Lookup: lookup, Parameter: parameter}

// sink is the API: it keeps the request it was sent and reads its body.
type sink struct {
	req  *http.Request
	body string
}

func (s *sink) RoundTrip(r *http.Request) (*http.Response, error) {
	s.req = r
	b, _ := io.ReadAll(r.Body)
	r.Body.Close()
	s.body = string(b)
	return &http.Response{StatusCode: 200, Body: io.NopCloser(strings.NewReader(`{"Response":{"RequestId":"api"}}`)), Request: r}, nil
}

func tc3(t *testing.T, method, service, action, body string) *http.Request {
	t.Helper()
	url := "https://" + service + ".tencentcloudapi.com/"
	if method == http.MethodGet {
		url += "?" + body
		body = ""
	}
	r, err := http.NewRequest(method, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	r.Host = "endpoint.example.com" // a custom endpoint: the scope names the service
	r.Header.Set("Content-Type", "application/json")
	r.Header.Set("Authorization", "TC3-HMAC-SHA256 Credential=AKID/2026-11-29/"+service+"/tc3_request, SignedHeaders=content-type;host, Signature=00")
	r.Header.Set("X-TC-Action", action)
	r.Header.Set("X-TC-Version", "2020-02-10")
	r.Header.Set("X-TC-Region", "ap-guangzhou")
	r.Header.Set("X-TC-Timestamp", "1790000000")
	return r
}

func record(t *testing.T, o Options, reqs ...*http.Request) (*camguard.Recorder, *sink) {
	t.Helper()
	api := &sink{}
	o.Next = api
	rec := &camguard.Recorder{Next: Forward}
	rt := New(rec, o)
	for _, r := range reqs {
		resp, err := rt.RoundTrip(r)
		if err != nil {
			t.Fatalf("%s: %v", r.Header.Get("X-TC-Action"), err)
		}
		resp.Body.Close()
	}
	return rec, api
}

func TestForwardsTheRequestUnread(t *testing.T) {
	const body = `{"SdkAppId": 1400000001, "Staffs": [{"Mail": "a@example.com"}]}`
	r := tc3(t, http.MethodPost, "ccc", "DescribeTelCdr", body)
	rec, api := record(t, opts, r)
	if api.req != r || api.body != body {
		t.Errorf("the API got request %p body %q; want the SDK's own %p with its body", api.req, api.body, r)
	}
	c := rec.Calls()[0]
	if c.Action.String() != telCdr.String() || c.Region != "ap-guangzhou" || c.Version != "2020-02-10" || c.Request != r {
		t.Errorf("call %+v", c)
	}
	// UseNumber: 1400000001, not 1.400000001e+09.
	if got := c.Resources; len(got) != 1 || got[0].String() != "qcs::ccc::uin/100001:SdkAppId/1400000001" {
		t.Errorf("resources %v", got)
	}
}

// unknownApp is the resource of a call whose SdkAppId nothing filled: the placeholder
// stays, so that a guard decides it as unknown rather than as "no resource".
const unknownApp = "qcs::ccc::uin/100001:SdkAppId/${SdkAppId}"

func TestPlaceholders(t *testing.T) {
	cases := []struct {
		name, service, action, body string
		want, unfilled              []string
	}{
		{"region and plural array", "cvm", "StopInstances", `{"InstanceIds": ["ins-1", "ins-2"]}`,
			[]string{"qcs::cvm:ap-guangzhou:uin/100001:instance/ins-1", "qcs::cvm:ap-guangzhou:uin/100001:instance/ins-2"}, nil},
		{"null elements are skipped", "cvm", "StopInstances", `{"InstanceIds": ["ins-1", null, "ins-3"]}`,
			[]string{"qcs::cvm:ap-guangzhou:uin/100001:instance/ins-1", "qcs::cvm:ap-guangzhou:uin/100001:instance/ins-3"}, nil},
		{"an array holding an object is no value", "cvm", "StopInstances", `{"InstanceIds": ["ins-1", {"Id": "ins-2"}]}`,
			[]string{"qcs::cvm:ap-guangzhou:uin/100001:instance/${InstanceId}"}, []string{"${InstanceId}"}},
		{"override names the parameter", "ccc", "DescribeTelCallInfo", `{"SdkAppIdList": [1, 2], "SdkAppId": 3}`,
			[]string{"qcs::ccc::uin/100001:SdkAppId/1", "qcs::ccc::uin/100001:SdkAppId/2"}, nil},
		{"missing parameter", "ccc", "DescribeTelCdr", `{"Other": 1}`, []string{unknownApp}, []string{"${SdkAppId}"}},
		{"a wildcard value widens nothing", "ccc", "DescribeTelCdr", `{"SdkAppId": "*"}`, []string{unknownApp}, []string{"${SdkAppId}"}},
		{"a colon value reshapes nothing", "ccc", "DescribeTelCdr", `{"SdkAppId": "1:2"}`, []string{unknownApp}, []string{"${SdkAppId}"}},
		{"an object is no value", "ccc", "DescribeTelCdr", `{"SdkAppId": {"Id": 1}}`, []string{unknownApp}, []string{"${SdkAppId}"}},
		{"operation level names nothing", "ccc", "CreateIVR", `{}`, nil, nil},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rec, _ := record(t, opts, tc3(t, http.MethodPost, tc.service, tc.action, tc.body))
			c := rec.Calls()[0]
			var got []string
			for _, r := range c.Resources {
				got = append(got, r.String())
			}
			if !slices.Equal(got, tc.want) || !slices.Equal(c.Unfilled, tc.unfilled) {
				t.Errorf("resources %v unfilled %v; want %v, %v", got, c.Unfilled, tc.want, tc.unfilled)
			}
			var parts []string
			for _, u := range tc.unfilled {
				parts = append(parts, u[2:len(u)-1])
			}
			if !slices.Equal(c.Unknown.Parts, parts) || c.Unknown.Resource {
				t.Errorf("unknown %+v; want parts %v", c.Unknown, parts)
			}
		})
	}
}

func TestFlattenedQueryAndHeaders(t *testing.T) {
	// The SDK numbers array elements by position and leaves out nil ones: 0, 2, 10.
	get := tc3(t, http.MethodGet, "cvm", "StopInstances", "InstanceIds.10=ins-c&InstanceIds.2=ins-b&InstanceIds.0=ins-a&Filters.0.Name=zone")
	up := tc3(t, http.MethodPost, "ccc", "DescribeTelCdr", "")
	up.Header.Set("Content-Type", "application/octet-stream")
	up.Header.Set("X-CCC-SdkAppId", "1400001") // stored canonicalized: X-Ccc-Sdkappid
	up.Body = io.NopCloser(strings.NewReader("upload"))
	up.GetBody = func() (io.ReadCloser, error) { t.Error("an octet-stream body was read"); return nil, errors.New("no") }
	rec, _ := record(t, opts, get, up)
	calls := rec.Calls()
	if got := calls[0].Resources; len(got) != 3 || got[0].ID() != "ins-a" || got[1].ID() != "ins-b" || got[2].ID() != "ins-c" {
		t.Errorf("GET resources %v", got)
	}
	if got := calls[1].Resources; len(got) != 1 || got[0].ID() != "1400001" {
		t.Errorf("octet-stream resources %v", got)
	}
}

func TestV1Signing(t *testing.T) {
	r, _ := http.NewRequest(http.MethodPost, "http://127.0.0.1:9/", strings.NewReader("Action=DescribeTelCdr&Region=ap-beijing&SdkAppId=7&Signature=x&SignatureMethod=HmacSHA256&Version=2020-02-10"))
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if _, err := New(&camguard.Recorder{}, opts).RoundTrip(r); err == nil || !strings.Contains(err.Error(), "DefaultService") {
		t.Errorf("v1 request to an IP endpoint without DefaultService: %v", err)
	}
	o := opts
	o.DefaultService = "ccc"
	rec, _ := record(t, o, r)
	c := rec.Calls()[0]
	if c.Action.String() != telCdr.String() || c.Region != "ap-beijing" || len(c.Resources) != 1 || c.Resources[0].ID() != "7" {
		t.Errorf("call %+v", c)
	}
}

func TestUnknownAndUnreadable(t *testing.T) {
	rec, _ := record(t, opts, tc3(t, http.MethodPost, "ccc", "NoSuchAction", `{}`))
	if c := rec.Calls()[0]; c.Known() || c.Action.String() != "ccc:NoSuchAction" {
		t.Errorf("unknown action recorded as %+v", c)
	}
	noAction, _ := http.NewRequest(http.MethodGet, "https://ccc.tencentcloudapi.com/?x=1", nil)
	if _, err := New(&camguard.Recorder{}, opts).RoundTrip(noAction); err == nil || !strings.Contains(err.Error(), "names no action") {
		t.Errorf("request without action: %v", err)
	}
	r := tc3(t, http.MethodPost, "ccc", "DescribeTelCdr", `{}`)
	r.GetBody = nil
	if _, err := New(&camguard.Recorder{}, opts).RoundTrip(r); err == nil || !strings.Contains(err.Error(), "GetBody") {
		t.Errorf("body that cannot be read twice: %v", err)
	}
}

func TestRetryRecordedOnce(t *testing.T) {
	rec, _ := record(t, opts,
		tc3(t, http.MethodPost, "ccc", "DescribeTelCdr", `{"SdkAppId": 1}`),
		tc3(t, http.MethodPost, "ccc", "DescribeTelCdr", `{"SdkAppId": 1}`), // same signed bytes
		tc3(t, http.MethodPost, "ccc", "DescribeTelCdr", `{"SdkAppId": 2}`))
	if n := len(rec.Calls()); n != 2 {
		t.Errorf("recorded %d calls, want 2", n)
	}
}

func TestDenials(t *testing.T) {
	g := &camguard.Guard{Next: Forward} // no policy: everything denied
	r := tc3(t, http.MethodPost, "ccc", "DescribeTelCdr", `{"SdkAppId": 1}`)
	_, err := New(g, opts).RoundTrip(r)
	var denied *camguard.DeniedError
	if !errors.As(err, &denied) {
		t.Errorf("denial: %v", err)
	}
	o := opts
	o.DenyAsAPIError = true
	resp, err := New(g, o).RoundTrip(tc3(t, http.MethodPost, "ccc", "DescribeTelCdr", `{"SdkAppId": 1}`))
	if err != nil {
		t.Fatal(err)
	}
	var body struct {
		Response struct {
			Error     struct{ Code, Message string }
			RequestId string
		}
	}
	if err := json.NewDecoder(resp.Body).Decode(&body); err != nil || resp.StatusCode != 200 ||
		body.Response.Error.Code != "AuthFailure.UnauthorizedOperation" || body.Response.RequestId == "" ||
		!strings.Contains(body.Response.Error.Message, "ccc:DescribeTelCdr") {
		t.Errorf("DenyAsAPIError answer %d %+v (%v)", resp.StatusCode, body, err)
	}
	if err := Forward.Do(context.Background(), &camguard.Call{Request: r}, new(*http.Response)); !errors.Is(err, ErrNotForwarded) {
		t.Errorf("Forward outside a round trip: %v", err)
	}
}
