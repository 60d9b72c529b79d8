package fetch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/permgen/permgen/internal/model"
)

func src(url string) model.Source { return model.Source{Path: "v/p.html", URL: url} }

func TestRequestNamesPermgen(t *testing.T) {
	var ua, accept string
	s := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		ua, accept = r.UserAgent(), r.Header.Get("Accept")
		htmlResponse(w, page("main", "x"))
	})
	if _, err := testClient(nil).Page(context.Background(), src(s.URL)); err != nil {
		t.Fatal(err)
	}
	if ua != DefaultUserAgent || !strings.Contains(ua, "permgen") {
		t.Errorf("User-Agent = %q, want %q", ua, DefaultUserAgent)
	}
	if !strings.Contains(accept, "text/html") {
		t.Errorf("Accept = %q, want text/html in it", accept)
	}
}

func TestSlowServerTimesOutAndIsRetried(t *testing.T) {
	s := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if n == 1 {
			wait(r, time.Minute)
			return
		}
		htmlResponse(w, page("main", "fast"))
	})
	var progress bytes.Buffer
	c := testClient(&progress)
	c.Timeout = 100 * time.Millisecond
	start := time.Now()
	res, err := c.Page(context.Background(), src(s.URL+"/slow-once"))
	if err != nil {
		t.Fatal(err)
	}
	if res.Attempts != 2 || !bytes.Contains(res.HTML, []byte("fast")) {
		t.Errorf("attempts %d, html %q; want the second attempt's page", res.Attempts, res.HTML)
	}
	if el := time.Since(start); el > 5*time.Second {
		t.Errorf("took %s; the timeout did not cut the first attempt", el)
	}
	if want := "v/p.html: attempt 1 of 3: no complete answer within 100ms; retrying in 0s"; !strings.Contains(progress.String(), want) {
		t.Errorf("progress %q lacks %q", progress.String(), want)
	}
}

func TestSlowServerFailsAfterRetries(t *testing.T) {
	s := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) { wait(r, time.Minute) })
	c := testClient(nil)
	c.Timeout = 50 * time.Millisecond
	_, err := c.Page(context.Background(), src(s.URL+"/p"))
	if err == nil || !strings.Contains(err.Error(), "no complete answer within 50ms (gave up after 3 attempts)") {
		t.Fatalf("err = %v, want a timeout after 3 attempts", err)
	}
	if n := s.requests("/p"); n != 3 {
		t.Errorf("%d requests, want 3", n)
	}
}

func TestSlowBodyTimesOut(t *testing.T) {
	s := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<html><body><main>"))
		w.(http.Flusher).Flush()
		wait(r, time.Minute)
	})
	c := testClient(nil)
	c.Timeout, c.Retries = 50*time.Millisecond, 0
	_, err := c.Page(context.Background(), src(s.URL+"/p"))
	if err == nil || !strings.Contains(err.Error(), "no complete answer within 50ms") {
		t.Fatalf("err = %v, want a timeout while reading the body", err)
	}
}

func TestServerErrorIsRetried(t *testing.T) {
	s := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if n == 1 {
			http.Error(w, "busy", http.StatusInternalServerError)
			return
		}
		htmlResponse(w, page("main", "ok"))
	})
	var progress bytes.Buffer
	res, err := testClient(&progress).Page(context.Background(), src(s.URL+"/p"))
	if err != nil {
		t.Fatal(err)
	}
	if res.Attempts != 2 || s.requests("/p") != 2 {
		t.Errorf("attempts %d, requests %d; want 2 and 2", res.Attempts, s.requests("/p"))
	}
	if !strings.Contains(progress.String(), "attempt 1 of 3: HTTP 500 Internal Server Error") {
		t.Errorf("progress does not report the retry: %q", progress.String())
	}
}

func TestNotFoundIsNotRetried(t *testing.T) {
	s := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) { http.NotFound(w, r) })
	_, err := testClient(nil).Page(context.Background(), src(s.URL+"/gone"))
	if err == nil || err.Error() != "HTTP 404 Not Found" {
		t.Fatalf("err = %v, want HTTP 404 Not Found", err)
	}
	if n := s.requests("/gone"); n != 1 {
		t.Errorf("%d requests, want 1: a 404 is an answer, not a hiccup", n)
	}
}

func TestRetryAfterIsHonoured(t *testing.T) {
	s := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if n == 1 {
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		htmlResponse(w, page("main", "ok"))
	})
	start := time.Now()
	if _, err := testClient(nil).Page(context.Background(), src(s.URL+"/p")); err != nil {
		t.Fatal(err)
	}
	if el := time.Since(start); el < time.Second {
		t.Errorf("retried after %s, before the server's Retry-After of 1s", el)
	}
}

func TestRetryAfterValues(t *testing.T) {
	for v, want := range map[string]time.Duration{"": 0, "3": 3 * time.Second, "-1": 0, "soon": 0, "Mon, 01 Jan 2001 00:00:00 GMT": 0} {
		if got := retryAfter(v); got != want {
			t.Errorf("retryAfter(%q) = %s, want %s", v, got, want)
		}
	}
}

func TestRedirectIsFollowedAndReported(t *testing.T) {
	s := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		switch r.URL.Path {
		case "/old":
			http.Redirect(w, r, "/moved", http.StatusMovedPermanently)
		case "/moved":
			http.Redirect(w, r, "/new", http.StatusFound)
		default:
			htmlResponse(w, page("main", "here"))
		}
	})
	res, err := testClient(nil).Page(context.Background(), src(s.URL+"/old"))
	if err != nil {
		t.Fatal(err)
	}
	if res.URL != s.URL+"/new" {
		t.Errorf("URL = %s, want %s/new", res.URL, s.URL)
	}
	if want := []string{s.URL + "/old", s.URL + "/moved"}; fmt.Sprint(res.Redirects) != fmt.Sprint(want) {
		t.Errorf("Redirects = %v, want %v", res.Redirects, want)
	}
}

func TestRedirectLoopFails(t *testing.T) {
	s := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if r.URL.Path == "/a" {
			http.Redirect(w, r, "/b", http.StatusFound)
			return
		}
		http.Redirect(w, r, "/a", http.StatusFound)
	})
	_, err := testClient(nil).Page(context.Background(), src(s.URL+"/a"))
	want := fmt.Sprintf("redirect loop: %[1]s/a -> %[1]s/b -> %[1]s/a", s.URL)
	if err == nil || err.Error() != want {
		t.Fatalf("err = %v, want %s", err, want)
	}
	if n := s.requests("/a"); n != 1 {
		t.Errorf("/a requested %d times, want 1: a loop is not retried", n)
	}
}

func TestTooManyRedirectsFail(t *testing.T) {
	s := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		var i int
		fmt.Sscanf(r.URL.Path, "/r%d", &i)
		http.Redirect(w, r, fmt.Sprintf("/r%d", i+1), http.StatusFound)
	})
	c := testClient(nil)
	c.MaxRedirects = 3
	_, err := c.Page(context.Background(), src(s.URL+"/r0"))
	if err == nil || !strings.HasPrefix(err.Error(), "more than 3 redirects: ") || !strings.HasSuffix(err.Error(), "/r4") {
		t.Fatalf("err = %v, want more than 3 redirects ending at /r4", err)
	}
	if s.requests("/r3") != 1 || s.requests("/r4") != 0 {
		t.Errorf("/r3 requested %d times, /r4 %d; want 1 and 0", s.requests("/r3"), s.requests("/r4"))
	}
}

func TestHugeBodyFails(t *testing.T) {
	big := page("main", strings.Repeat("x", 5000))
	s := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		w.Header().Set("Content-Type", "text/html")
		if r.URL.Path == "/sized" {
			w.Header().Set("Content-Length", fmt.Sprint(len(big)))
		} else {
			// Flushing first sends the body chunked, without a length to check early.
			w.(http.Flusher).Flush()
		}
		w.Write([]byte(big))
	})
	for path, want := range map[string]string{
		"/sized":    fmt.Sprintf("body of %d bytes is over the limit of 1000", len(big)),
		"/streamed": "body is over the limit of 1000 bytes",
	} {
		c := testClient(nil)
		c.MaxBytes = 1000
		res, err := c.Page(context.Background(), src(s.URL+path))
		if err == nil || err.Error() != want {
			t.Errorf("%s: err = %v, want %s", path, err, want)
		}
		if res.HTML != nil || s.requests(path) != 1 {
			t.Errorf("%s: got a snapshot or %d requests; want none and 1", path, s.requests(path))
		}
	}
}

func TestNonHTMLFails(t *testing.T) {
	s := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		switch r.URL.Path {
		case "/json":
			w.Header().Set("Content-Type", "application/json")
		case "/none":
			w.Header()["Content-Type"] = nil // stop the server from sniffing one
		case "/xhtml":
			w.Header().Set("Content-Type", "application/xhtml+xml; charset=utf-8")
		}
		w.Write([]byte(page("main", "{}")))
	})
	for path, want := range map[string]string{
		"/json":  "Content-Type is application/json, not an HTML page (text/html or application/xhtml+xml)",
		"/none":  "the response has no Content-Type; expected text/html",
		"/xhtml": "",
	} {
		_, err := testClient(nil).Page(context.Background(), src(s.URL+path))
		if got := fmt.Sprint(err); (want == "" && err != nil) || (want != "" && got != want) {
			t.Errorf("%s: err = %v, want %q", path, err, want)
		}
	}
}

func TestOnlyHTTPURLs(t *testing.T) {
	for _, u := range []string{"file:///etc/passwd", "ftp://example.com/x", "/relative", "http:///nohost"} {
		if _, err := testClient(nil).Page(context.Background(), src(u)); err == nil {
			t.Errorf("%s: fetched, want refused", u)
		}
	}
}

// starts records when the client hands each request to the network.
type starts struct {
	mu    sync.Mutex
	times []time.Time
}

func (s *starts) RoundTrip(r *http.Request) (*http.Response, error) {
	s.mu.Lock()
	s.times = append(s.times, time.Now())
	s.mu.Unlock()
	return http.DefaultTransport.RoundTrip(r)
}

func TestRequestsAreSpaced(t *testing.T) {
	s := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) {
		if r.URL.Path == "/flaky" && n == 1 {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		htmlResponse(w, page("main", "x"))
	})
	rec := &starts{}
	c := testClient(nil)
	c.HTTP = &http.Client{Transport: rec}
	const interval = 80 * time.Millisecond
	c.MinInterval = interval
	begin := time.Now()
	for _, p := range []string{"/flaky", "/b", "/c"} {
		if _, err := c.Page(context.Background(), src(s.URL+p)); err != nil {
			t.Fatal(err)
		}
	}
	if len(rec.times) != 4 {
		t.Fatalf("%d requests, want 4 (one retry)", len(rec.times))
	}
	// Waiting can only be late, so the total is a firm bound; single gaps get slack
	// for a request that itself started late.
	if el := rec.times[3].Sub(begin); el < 3*interval {
		t.Errorf("4 requests within %s, want at least %s", el, 3*interval)
	}
	for i := 1; i < len(rec.times); i++ {
		if gap := rec.times[i].Sub(rec.times[i-1]); gap < interval/2 {
			t.Errorf("request %d started %s after the previous one, want about %s", i+1, gap, interval)
		}
	}
}

func TestCancelStopsTheWait(t *testing.T) {
	s := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) { w.WriteHeader(http.StatusServiceUnavailable) })
	c := testClient(nil)
	c.Backoff = func(int) time.Duration { return time.Hour }
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	start := time.Now()
	_, err := c.Page(ctx, src(s.URL+"/p"))
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if el := time.Since(start); el > 5*time.Second {
		t.Errorf("returned after %s; the backoff ignored the cancellation", el)
	}
}

func TestCancelStopsTheRequest(t *testing.T) {
	s := newServer(t, func(w http.ResponseWriter, r *http.Request, n int) { wait(r, time.Minute) })
	c := testClient(nil)
	c.Timeout = time.Minute
	ctx, cancel := context.WithCancel(context.Background())
	time.AfterFunc(50*time.Millisecond, cancel)
	_, err := c.Page(ctx, src(s.URL+"/p"))
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v, want context.Canceled", err)
	}
	if n := s.requests("/p"); n != 1 {
		t.Errorf("%d requests, want 1: a cancelled run does not retry", n)
	}
}

func TestDefaultBackoffGrows(t *testing.T) {
	want := []time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second, 16 * time.Second, 30 * time.Second, 30 * time.Second}
	for i, w := range want {
		if got := DefaultBackoff(i + 1); got != w {
			t.Errorf("DefaultBackoff(%d) = %s, want %s", i+1, got, w)
		}
	}
}
