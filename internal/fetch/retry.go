package fetch

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"
)

// maxRetryAfter caps a server's Retry-After, so that a server asking for an hour
// fails the page instead of holding the run.
const maxRetryAfter = time.Minute

// transientError is a failure that may pass: worth another attempt.
type transientError struct {
	err   error
	after time.Duration // the server's Retry-After, if it gave one
}

func (e *transientError) Error() string { return e.err.Error() }
func (e *transientError) Unwrap() error { return e.err }

func asTransient(err error) (*transientError, bool) {
	var t *transientError
	ok := errors.As(err, &t)
	return t, ok
}

// statusError describes a status other than 200 and 304. Overload and server
// errors are transient; any other status is the server's considered answer.
func statusError(resp *http.Response) error {
	err := fmt.Errorf("HTTP %s", resp.Status)
	switch code := resp.StatusCode; {
	case code == http.StatusRequestTimeout, code == http.StatusTooManyRequests, code >= 500:
		return &transientError{err: err, after: retryAfter(resp.Header.Get("Retry-After"))}
	}
	return err
}

// retryAfter reads Retry-After in seconds or as a date; zero when absent or bad.
func retryAfter(v string) time.Duration {
	if v == "" {
		return 0
	}
	if s, err := strconv.Atoi(v); err == nil && s > 0 {
		return time.Duration(s) * time.Second
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(time.Until(t), 0)
	}
	return 0
}

// pace waits until MinInterval has passed since the previous request started. The
// time is taken when the wait ends, not when it was planned, so that a late wake-up
// never shortens the next gap.
func (c *Client) pace(ctx context.Context) error {
	if c.MinInterval <= 0 {
		return ctx.Err()
	}
	for {
		c.mu.Lock()
		now := time.Now()
		next := c.last.Add(c.MinInterval)
		if !now.Before(next) {
			c.last = now
			c.mu.Unlock()
			return ctx.Err()
		}
		c.mu.Unlock()
		if err := sleep(ctx, next.Sub(now)); err != nil {
			return err
		}
	}
}

// sleep waits for d or until ctx is done.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
