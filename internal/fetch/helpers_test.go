package fetch

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// testClient retries twice without waiting, so that failure tests stay fast.
func testClient(progress *bytes.Buffer) *Client {
	c := &Client{
		Timeout: 2 * time.Second,
		Retries: 2,
		Backoff: func(int) time.Duration { return 0 },
		Now:     func() time.Time { return time.Date(2025, 3, 4, 23, 30, 0, 0, time.FixedZone("UTC+8", 8*3600)) },
	}
	if progress != nil {
		c.Progress = progress
	}
	return c
}

// page is a small document in each container style the extractor knows.
func page(container, body string) string {
	return "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>T</title></head><body>" +
		"<div class=\"banner\">banner</div><" + container + ">" + body + "</" + tagName(container) + "></body></html>"
}

func tagName(open string) string {
	for i, r := range open {
		if r == ' ' {
			return open[:i]
		}
	}
	return open
}

// server serves handler and counts requests; it is closed when the test ends.
type server struct {
	*httptest.Server
	mu    sync.Mutex
	count map[string]int
}

// handler answers a request; n counts the requests for its path, this one included.
type handler func(w http.ResponseWriter, r *http.Request, n int)

func newServer(t *testing.T, h handler) *server {
	t.Helper()
	s := &server{count: map[string]int{}}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.count[r.URL.Path]++
		n := s.count[r.URL.Path]
		s.mu.Unlock()
		h(w, r, n)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *server) requests(path string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.count[path]
}

func htmlResponse(w http.ResponseWriter, body string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write([]byte(body))
}

// wait sleeps for d unless the client gives up first, so that a closed test server
// does not wait for a stalled handler.
func wait(r *http.Request, d time.Duration) {
	select {
	case <-time.After(d):
	case <-r.Context().Done():
	}
}

func readFile(t *testing.T, file string) []byte {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func writeFile(t *testing.T, file string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
}
