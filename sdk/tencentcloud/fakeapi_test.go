package tencentcloud

import (
	"crypto/hmac"
	"crypto/sha1"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"hash"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

const (
	secretID  = "AKIDfake"
	secretKey = "fake-secret-key"
)

// fakeAPI is a Tencent Cloud API 3.0 endpoint on 127.0.0.1 that re-verifies the
// signature of every request it receives, TC3-HMAC-SHA256 or HmacSHA1/HmacSHA256, the
// way the real endpoint does, so a test fails if a transport changed a signed byte.
// Tencent Cloud, 签名方法 v3 (https://www.tencentcloud.com/zh/document/api/1021/34193):
// "服务器会使用收到的请求参数以同样的过程计算哈希值,并验证请求中的哈希值。如果请求被篡改,
// 将导致哈希值不一致,腾讯云 API 将拒绝本次请求。"
type fakeAPI struct {
	t   testing.TB
	srv *httptest.Server

	// bad is called for a request whose signature does not verify; nil fails the test.
	bad func(error)

	mu       sync.Mutex
	got      []received
	limitNth map[string]int // action -> answer RequestLimitExceeded to this many first attempts
}

// received is one verified request.
type received struct {
	Action, Host, Method, Sign string
	Body                       []byte
}

func newFakeAPI(t testing.TB) *fakeAPI {
	f := &fakeAPI{t: t, limitNth: map[string]int{}}
	f.srv = httptest.NewServer(f) // listens on 127.0.0.1
	t.Cleanup(f.srv.Close)
	return f
}

// endpoint is what an SDK HttpProfile.Endpoint names.
func (f *fakeAPI) endpoint() string { return f.srv.Listener.Addr().String() }

func (f *fakeAPI) requests() []received {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]received(nil), f.got...)
}

func (f *fakeAPI) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		f.t.Errorf("fake API: reading body: %v", err)
		return
	}
	action, sign, err := verify(r, body)
	if err != nil {
		if f.bad != nil {
			f.bad(err)
		} else {
			f.t.Errorf("fake API: %s %s: signature does not verify: %v", r.Method, r.URL, err)
		}
		writeJSON(w, map[string]any{"Error": map[string]string{"Code": "AuthFailure.SignatureFailure", "Message": err.Error()}, "RequestId": "fake-bad"})
		return
	}
	f.mu.Lock()
	f.got = append(f.got, received{Action: action, Host: r.Host, Method: r.Method, Sign: sign, Body: body})
	n := len(f.got)
	limited := f.limitNth[action] > 0
	if limited {
		f.limitNth[action]--
	}
	f.mu.Unlock()
	if limited {
		writeJSON(w, map[string]any{"Error": map[string]string{"Code": "RequestLimitExceeded", "Message": "slow down"}, "RequestId": fmt.Sprintf("fake-%d", n)})
		return
	}
	writeJSON(w, map[string]any{"TotalCount": 1400001, "RequestId": fmt.Sprintf("fake-%d", n)})
}

func writeJSON(w http.ResponseWriter, resp map[string]any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(map[string]any{"Response": resp})
}

// verify checks the request's signature with secretKey and returns its action and
// signing method.
func verify(r *http.Request, body []byte) (action, method string, err error) {
	auth := r.Header.Get("Authorization")
	if strings.HasPrefix(auth, "TC3-HMAC-SHA256 ") {
		return verifyTC3(r, body, auth)
	}
	return verifyV1(r, body)
}

func verifyTC3(r *http.Request, body []byte, auth string) (string, string, error) {
	fields := map[string]string{}
	for _, kv := range strings.Split(strings.TrimPrefix(auth, "TC3-HMAC-SHA256 "), ",") {
		k, v, _ := strings.Cut(strings.TrimSpace(kv), "=")
		fields[k] = v
	}
	cred := strings.Split(fields["Credential"], "/")
	if len(cred) != 4 || cred[0] != secretID || cred[3] != "tc3_request" {
		return "", "", fmt.Errorf("credential %q", fields["Credential"])
	}
	date, service := cred[1], cred[2]
	ts := r.Header.Get("X-TC-Timestamp")
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil || time.Unix(sec, 0).UTC().Format("2006-01-02") != date {
		return "", "", fmt.Errorf("timestamp %q does not match date %s", ts, date)
	}
	if fields["SignedHeaders"] != "content-type;host" {
		return "", "", fmt.Errorf("signed headers %q", fields["SignedHeaders"])
	}
	payload := sha256hex(body)
	if r.Header.Get("X-TC-Content-SHA256") == "UNSIGNED-PAYLOAD" {
		payload = sha256hex([]byte("UNSIGNED-PAYLOAD"))
	}
	canonical := strings.Join([]string{r.Method, "/", r.URL.RawQuery,
		"content-type:" + r.Header.Get("Content-Type") + "\nhost:" + r.Host + "\n", "content-type;host", payload}, "\n")
	toSign := "TC3-HMAC-SHA256\n" + ts + "\n" + date + "/" + service + "/tc3_request\n" + sha256hex([]byte(canonical))
	key := hmacSum(sha256.New, []byte("TC3"+secretKey), date)
	key = hmacSum(sha256.New, key, service)
	key = hmacSum(sha256.New, key, "tc3_request")
	want := hex.EncodeToString(hmacSum(sha256.New, key, toSign))
	if !hmac.Equal([]byte(want), []byte(fields["Signature"])) {
		return "", "", fmt.Errorf("TC3 signature %s, want %s", fields["Signature"], want)
	}
	return r.Header.Get("X-TC-Action"), "TC3-HMAC-SHA256", nil
}

func verifyV1(r *http.Request, body []byte) (string, string, error) {
	params := r.URL.Query()
	if r.Method == http.MethodPost {
		var err error
		if params, err = url.ParseQuery(string(body)); err != nil {
			return "", "", err
		}
	}
	got := params.Get("Signature")
	method := params.Get("SignatureMethod")
	if params.Get("SecretId") != secretID {
		return "", "", fmt.Errorf("SecretId %q", params.Get("SecretId"))
	}
	params.Del("Signature")
	keys := make([]string, 0, len(params))
	for k := range params {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b strings.Builder
	b.WriteString(r.Method + r.Host + r.URL.Path + "?")
	for i, k := range keys {
		if i > 0 {
			b.WriteByte('&')
		}
		b.WriteString(k + "=" + params.Get(k))
	}
	h := sha1.New
	if method == "HmacSHA256" {
		h = sha256.New
	} else if method != "HmacSHA1" {
		return "", "", fmt.Errorf("SignatureMethod %q", method)
	}
	want := base64.StdEncoding.EncodeToString(hmacSum(h, []byte(secretKey), b.String()))
	if !hmac.Equal([]byte(want), []byte(got)) {
		return "", "", fmt.Errorf("%s signature %s, want %s", method, got, want)
	}
	return params.Get("Action"), method, nil
}

func sha256hex(b []byte) string {
	s := sha256.Sum256(b)
	return hex.EncodeToString(s[:])
}

func hmacSum(h func() hash.Hash, key []byte, msg string) []byte {
	m := hmac.New(h, key)
	m.Write([]byte(msg))
	return m.Sum(nil)
}
