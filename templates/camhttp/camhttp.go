// Package camhttp guards and records the calls of tencentcloud-sdk-go. It is an
// http.RoundTripper that a program sets on its existing SDK client with one line,
//
//	client.WithHttpTransport(camhttp.New(rec, camhttp.Options{Uin: "100001"}))
//
// and that turns every request the SDK sends into a camguard.Call: the action named
// by the request, looked up in the tree's generated catalog, and the resources its
// parameters name. The call then goes through a camguard.Transport — a
// camguard.Recorder that learns the least-privilege policy, a camguard.Guard that
// refuses what a policy does not allow — whose chain ends in Forward, which sends the
// SDK's request unchanged.
//
// It is the wire package of the four CAM runtimes (cam for the catalog types,
// campolicy for the policy language, camguard for Guard and Recorder), kept apart
// from camguard because it is the only one that knows an SDK's HTTP format and the
// tree's catalog (the emitter binds it to <tree>/catalog); a program that makes its
// calls some other way uses camguard alone.
//
// It reads the wire format, not the SDK's types, so it imports only the standard
// library and the other CAM runtimes: TC3-HMAC-SHA256 requests (X-TC-* headers, JSON body or flattened
// query), HmacSHA1/HmacSHA256 requests (form body or query) and octet-stream uploads
// (parameters as X-<SERVICE>-<Name> headers, body never read). The body is read from
// req.GetBody, never from req.Body, and nothing of the request is changed, so the
// signature the SDK computed still verifies when Forward sends it.
//
// What the request does not say is unknown, never "*" and never "no resource": a
// placeholder nothing fills — ${uin} without Options.Uin, a parameter the request does
// not carry, a value holding '*' or ':' — stays in the call's resource as written, is
// listed in Call.Unknown.Parts, and a camguard.Guard decides it so that an allow must hold
// for every value and a deny applies if it could hold for one. With Options.Uin empty,
// "allow ccc:* on *" plus "deny ccc:DeleteStaff on qcs::ccc::uin/100001:SdkAppId/1400001"
// denies DeleteStaff on app 1400001, and the denial says to set
// camhttp.Options{Uin: …}. A Recorder reports such calls rather than granting them.
package camhttp

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/permgen/permgen/templates/cam"
	"github.com/permgen/permgen/templates/camguard"
)

// Options configures New.
type Options struct {
	// Uin is the account the calls are made as; it fills ${uin} in resource patterns.
	// The SDK's requests carry only a SecretId, which does not name the account, so
	// without Uin the account of every resource-level call is unknown: a Guard allows
	// it only where an allow holds for every account (resource "*") and denies it
	// wherever a deny could name it; a Recorder reports it unfilled.
	Uin string
	// Lookup finds an action by the name the request gives it, "<service>:<Action>"
	// from the signing scope and X-TC-Action ("ccc:CreateStaff"). Nil means the
	// catalog of this package's tree (catalog.LookupRequest), which knows every
	// service of the tree and the products CAM authorizes under another prefix
	// ("cbs:AttachDisks" is cvm:AttachDisks). A name it does not know makes an unknown
	// action, which a Guard denies and a Recorder reports.
	Lookup func(name string) (cam.Action, bool)
	// Parameter names the request parameter that fills a placeholder of an action's
	// resource pattern when it is not the parameter of the same name. Nil means the
	// tree's catalog.Parameter, from sources/parameters.json.
	Parameter func(action, placeholder string) (string, bool)
	// Next sends the requests that Forward passes on; nil means http.DefaultTransport.
	Next http.RoundTripper
	// DefaultService is the service of HmacSHA1/HmacSHA256-signed requests sent to a
	// custom endpoint, whose host does not start with the service's name and whose
	// parameters do not name it.
	DefaultService string
	// DenyAsAPIError answers a denied call the way CAM does, with an HTTP 200 response
	// holding Error.Code "AuthFailure.UnauthorizedOperation" and a RequestId, instead of
	// failing the round trip. The SDK then returns a TencentCloudSDKError with that code,
	// and its region breaker, which counts a failure without RequestId against the
	// endpoint, stays closed.
	DenyAsAPIError bool
}

// New returns a RoundTripper that passes each request through t as a camguard.Call whose
// Request is the *http.Request. When t answers without a response (a Recorder with no
// Next: a dry run), the SDK receives a success with an empty result.
func New(t camguard.Transport, o Options) http.RoundTripper {
	if o.Lookup == nil {
		o.Lookup = catalogLookup
	}
	if o.Parameter == nil {
		o.Parameter = catalogParameter
	}
	return &roundTripper{t: t, o: o, seen: newSeen(4096)}
}

type roundTripper struct {
	t    camguard.Transport
	o    Options
	seen *seen
}

// exchange travels in the context from RoundTrip to Forward.
type exchange struct {
	next      http.RoundTripper
	forwarded bool
}

type exchangeKey struct{}

// ErrNotForwarded is returned by Forward outside a camhttp round trip, or for a Call
// whose Request is not an *http.Request.
var ErrNotForwarded = errors.New("camhttp: Forward needs a call made by a camhttp transport")

// Forward ends a Guard or Recorder chain: it sends the call's *http.Request, exactly as
// the SDK built it, through Options.Next and stores the reply in response, which must
// be an **http.Response.
var Forward camguard.Transport = camguard.TransportFunc(forward)

func forward(ctx context.Context, call *camguard.Call, response any) error {
	req, ok := call.Request.(*http.Request)
	x, _ := ctx.Value(exchangeKey{}).(*exchange)
	out, okOut := response.(**http.Response)
	if !ok || x == nil || !okOut {
		return ErrNotForwarded
	}
	next := x.next
	if next == nil {
		next = http.DefaultTransport
	}
	x.forwarded = true
	resp, err := next.RoundTrip(req)
	if err != nil {
		return err
	}
	*out = resp
	return nil
}

// RoundTrip reads the request, passes its call through the transport and answers with
// what Forward received, or with a response of its own for a dry run or, with
// DenyAsAPIError, a denial.
func (rt *roundTripper) RoundTrip(req *http.Request) (*http.Response, error) {
	x := &exchange{next: rt.o.Next}
	resp, err := rt.roundTrip(req, x)
	if !x.forwarded && req.Body != nil {
		req.Body.Close() // a RoundTripper closes the body, sent or not
	}
	return resp, err
}

func (rt *roundTripper) roundTrip(req *http.Request, x *exchange) (*http.Response, error) {
	w, err := readWire(req, rt.o.DefaultService)
	if err != nil {
		return nil, err
	}
	call := rt.call(w, req)
	ctx := context.WithValue(req.Context(), exchangeKey{}, x)
	var resp *http.Response
	if err := rt.t.Do(ctx, call, &resp); err != nil {
		var denied *camguard.DeniedError
		if rt.o.DenyAsAPIError && errors.As(err, &denied) {
			return apiResponse(req, map[string]any{"Error": map[string]string{
				"Code": "AuthFailure.UnauthorizedOperation", "Message": err.Error()}}), nil
		}
		return nil, err
	}
	if resp == nil {
		if x.forwarded {
			return nil, errors.New("camhttp: the next transport returned no response")
		}
		return apiResponse(req, map[string]any{}), nil
	}
	return resp, nil
}

// call makes the camguard.Call of a request read off the wire.
func (rt *roundTripper) call(w *wire, req *http.Request) *camguard.Call {
	name := w.service + ":" + w.action
	a, _ := rt.o.Lookup(name)
	if a == nil {
		a = cam.ActionInfo{Service: w.service, Name: w.action}
	}
	c := &camguard.Call{Action: a, Version: w.version, Region: w.region, Request: req}
	if c.Known() {
		c.Resources, c.Unfilled, c.Unknown = rt.resources(a, w)
		c.Hints = rt.hints(a, c.Unknown.Parts)
	}
	names := make([]string, len(c.Resources))
	for i, r := range c.Resources {
		names[i] = r.String()
	}
	c.Retry = rt.seen.repeat(w.retryKeys(name, names))
	return c
}

// hints says how the program makes each unknown part known: the uin only through
// Options.Uin (no request carries it), a parameter by sending it or by naming the
// parameter that holds it.
func (rt *roundTripper) hints(a cam.Action, parts []string) map[string]string {
	if len(parts) == 0 {
		return nil
	}
	h := make(map[string]string, len(parts))
	for _, p := range parts {
		switch {
		case strings.EqualFold(p, "uin"):
			h[p] = "set camhttp.Options{Uin: …} to the account the calls are made as: an SDK request names only its SecretId"
		case strings.EqualFold(p, "region"):
			h[p] = "send the request to a region"
		default:
			h[p] = "send " + a.String() + "'s parameter " + p + " with a value that names one resource (no '*' or ':'), or set camhttp.Options.Parameter to the parameter that holds it"
		}
	}
	return h
}

// apiResponse is an API 3.0 answer with the given Response fields and a RequestId of
// its own, so the SDK reads it as the API's.
func apiResponse(req *http.Request, fields map[string]any) *http.Response {
	var id [16]byte
	_, _ = rand.Read(id[:])
	fields["RequestId"] = "camhttp-" + hex.EncodeToString(id[:])
	b, _ := json.Marshal(map[string]any{"Response": fields})
	return &http.Response{
		Status: "200 OK", StatusCode: http.StatusOK, Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header:        http.Header{"Content-Type": {"application/json"}, "Content-Length": {strconv.Itoa(len(b))}},
		Body:          io.NopCloser(strings.NewReader(string(b))),
		ContentLength: int64(len(b)),
		Request:       req,
	}
}
