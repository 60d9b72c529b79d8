package camhttp

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// maxBody bounds the JSON or form body read to find a request's parameters; API 3.0
// limits a request to 10 MB, octet-stream uploads are not read at all.
const maxBody = 10 << 20

// wire is what one SDK request says about its call.
type wire struct {
	service, action, version, region string
	// params holds the request's top-level parameters with their scalar values: a
	// scalar gives one value, an array of scalars (InstanceIds.N) one per element.
	// Objects are not kept: no resource placeholder names a field inside one.
	params map[string][]string
	// sig identifies the request: the same method, URL, headers and body sent again
	// are a retry.
	sig         string
	clientToken string
}

// param returns the values of the parameter named name, matched case-insensitively:
// octet-stream parameters arrive as canonicalized headers (X-Ccc-Sdkappid).
func (w *wire) param(name string) ([]string, bool) {
	if v, ok := w.params[name]; ok {
		return v, true
	}
	for k, v := range w.params {
		if strings.EqualFold(k, name) {
			return v, true
		}
	}
	return nil, false
}

// retryKeys are the identities under which a repeat of the call is a retry: the same
// signed bytes, or the same ClientToken for the same action and resources (a token
// makes a call idempotent; reused on another resource it is another call).
func (w *wire) retryKeys(name string, resources []string) []string {
	keys := []string{"sig " + w.sig}
	if w.clientToken != "" {
		keys = append(keys, "token "+strconv.Quote(name)+" "+strconv.Quote(w.clientToken)+" "+strconv.Quote(strings.Join(resources, " ")))
	}
	return keys
}

// readWire reads the call out of an SDK request without changing it: the body comes
// from req.GetBody.
func readWire(req *http.Request, defaultService string) (*wire, error) {
	w := &wire{params: map[string][]string{}}
	ctype, _, _ := mime.ParseMediaType(req.Header.Get("Content-Type"))
	h := sha256.New()
	fmt.Fprintf(h, "%s %q %q\n", req.Method, req.Host, req.URL.String())
	// Every header, not only the signed ones: TC3 signs content-type and host, so two
	// calls sent in the same second with the same body differ only in X-TC-Action (or
	// X-TC-Version, X-TC-Region, an octet-stream parameter header). A retry resends
	// the same headers; a header that did vary between attempts would make a retry a
	// second record, which grants nothing more, where one key for two calls loses one.
	names := make([]string, 0, len(req.Header))
	for k := range req.Header {
		names = append(names, k)
	}
	slices.Sort(names)
	buf := make([]byte, 0, 1024)
	for _, k := range names {
		// Length-prefixed, so that no two header sets hash alike.
		buf = appendField(buf, k)
		for _, v := range req.Header[k] {
			buf = appendField(buf, v)
		}
		buf = append(buf, '\n')
	}
	h.Write(buf)
	if action := req.Header.Get("X-TC-Action"); action != "" {
		// TC3-HMAC-SHA256, or an API that skips signing: the call is in the headers.
		w.action, w.version, w.region = action, req.Header.Get("X-TC-Version"), req.Header.Get("X-TC-Region")
		w.service = scopeService(req.Header.Get("Authorization"))
		if w.service == "" { // an API that skips signing
			w.service = defaultService
		}
		if w.service == "" {
			w.service = hostService(req.Host, req.URL.Host)
		}
		switch {
		case ctype == "application/octet-stream":
			// The body is the upload: not read, and not buffered. The signature covers
			// its hash, so the Authorization header identifies a retry.
			prefix := "X-" + strings.ToUpper(w.service) + "-"
			for k, vs := range req.Header {
				if len(k) > len(prefix) && strings.EqualFold(k[:len(prefix)], prefix) && len(vs) > 0 {
					w.params[k[len(prefix):]] = []string{vs[0]}
				}
			}
		case req.Method == http.MethodGet:
			w.flat(req.URL.Query())
		default:
			body, err := readBody(req)
			if err != nil {
				return nil, err
			}
			h.Write(body)
			if err := w.json(body); err != nil {
				return nil, err
			}
		}
	} else {
		// HmacSHA1 / HmacSHA256: the call is among the form or query parameters.
		q := req.URL.Query()
		if req.Method != http.MethodGet {
			body, err := readBody(req)
			if err != nil {
				return nil, err
			}
			h.Write(body)
			if q, err = url.ParseQuery(string(body)); err != nil {
				return nil, fmt.Errorf("camhttp: %s %s: form body: %w", req.Method, req.URL.Redacted(), err)
			}
		}
		w.action, w.version, w.region = q.Get("Action"), q.Get("Version"), q.Get("Region")
		w.service = defaultService
		if w.service == "" {
			w.service = hostService(req.Host, req.URL.Host)
		}
		w.flat(q)
	}
	if w.action == "" {
		return nil, fmt.Errorf("camhttp: %s %s names no action (no X-TC-Action header, no Action parameter): not a Tencent Cloud API 3.0 request", req.Method, req.URL.Redacted())
	}
	if w.service == "" {
		return nil, fmt.Errorf("camhttp: %s %s (action %s) names no service: set Options.DefaultService for HmacSHA1/HmacSHA256 requests to a custom endpoint", req.Method, req.URL.Redacted(), w.action)
	}
	if v, ok := w.param("ClientToken"); ok && len(v) == 1 {
		w.clientToken = v[0]
	}
	// What the call was read as, too: the service, action, version and region decide
	// which permission it needs, however the wire carried them.
	fmt.Fprintf(h, "\ncall %q %q %q %q", w.service, w.action, w.version, w.region)
	w.sig = hex.EncodeToString(h.Sum(nil))
	return w, nil
}

// appendField appends s to b with its length first.
func appendField(b []byte, s string) []byte {
	b = strconv.AppendInt(b, int64(len(s)), 10)
	b = append(b, ':')
	return append(b, s...)
}

func readBody(req *http.Request) ([]byte, error) {
	if req.GetBody == nil {
		if req.Body == nil || req.Body == http.NoBody {
			return nil, nil
		}
		// Reading req.Body would consume what the SDK is about to send.
		return nil, fmt.Errorf("camhttp: %s %s: the request body cannot be read again (no GetBody); camhttp reads SDK requests, which always have one", req.Method, req.URL.Redacted())
	}
	rc, err := req.GetBody()
	if err != nil {
		return nil, fmt.Errorf("camhttp: %s %s: GetBody: %w", req.Method, req.URL.Redacted(), err)
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, maxBody+1))
	if err != nil {
		return nil, fmt.Errorf("camhttp: %s %s: reading the body: %w", req.Method, req.URL.Redacted(), err)
	}
	if len(b) > maxBody {
		return nil, fmt.Errorf("camhttp: %s %s: body over %d bytes", req.Method, req.URL.Redacted(), maxBody)
	}
	return b, nil
}

// flat reads flattened parameters: "SdkAppId=1", "InstanceIds.0=a", "Staffs.0.Mail=m".
func (w *wire) flat(q url.Values) {
	type elem struct {
		i int
		v string
	}
	arrays := map[string][]elem{}
	for k, vs := range q {
		if len(vs) == 0 {
			continue
		}
		name, rest, nested := strings.Cut(k, ".")
		if !nested {
			w.params[name] = []string{vs[0]}
			continue
		}
		i, err := strconv.Atoi(rest)
		if err != nil || i < 0 {
			continue // Staffs.0.Mail: a field inside an object
		}
		arrays[name] = append(arrays[name], elem{i, vs[0]})
	}
	for name, es := range arrays {
		// In index order; the SDK leaves out nil elements, so numbers may skip.
		slices.SortFunc(es, func(a, b elem) int { return a.i - b.i })
		vals := make([]string, len(es))
		for i, e := range es {
			vals[i] = e.v
		}
		w.params[name] = vals
	}
}

// json reads a JSON body; numbers keep their digits (1400001, not 1.400001e+06).
func (w *wire) json(body []byte) error {
	if len(bytes.TrimSpace(body)) == 0 {
		return nil
	}
	d := json.NewDecoder(bytes.NewReader(body))
	d.UseNumber()
	var m map[string]any
	if err := d.Decode(&m); err != nil {
		return fmt.Errorf("camhttp: JSON body: %w", err)
	}
	for k, v := range m {
		if s, ok := scalar(v); ok {
			w.params[k] = []string{s}
			continue
		}
		list, ok := v.([]any)
		if !ok {
			continue
		}
		var vals []string
		whole := true
		for _, e := range list {
			if s, ok := scalar(e); ok {
				vals = append(vals, s)
			} else if e != nil { // the SDK writes a nil element as null
				whole = false
			}
		}
		if whole {
			w.params[k] = vals
		}
	}
	return nil
}

func scalar(v any) (string, bool) {
	switch v := v.(type) {
	case string:
		return v, true
	case json.Number:
		return v.String(), true
	case bool:
		return strconv.FormatBool(v), true
	}
	return "", false
}

// scopeService returns <service> of "TC3-HMAC-SHA256 Credential=<id>/<date>/<service>/tc3_request, ...".
func scopeService(auth string) string {
	_, cred, ok := strings.Cut(auth, "Credential=")
	if !ok {
		return ""
	}
	cred, _, _ = strings.Cut(cred, ",")
	parts := strings.Split(strings.TrimSpace(cred), "/")
	if len(parts) < 4 || parts[len(parts)-1] != "tc3_request" {
		return ""
	}
	return parts[len(parts)-2]
}

// hostService returns the first label of a host name ("ccc" of
// ccc.tencentcloudapi.com), or "" for an IP address.
func hostService(hosts ...string) string {
	for _, host := range hosts {
		if h, _, err := net.SplitHostPort(host); err == nil {
			host = h
		}
		if host == "" || net.ParseIP(host) != nil {
			continue
		}
		label, _, _ := strings.Cut(host, ".")
		return label
	}
	return ""
}
