package fetch

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sync"
	"time"

	"github.com/permgen/permgen/internal/model"
)

// Defaults used by NewClient, and for the zero values of the fields that say so.
const (
	DefaultUserAgent    = "permgen/1 (+https://github.com/permgen/permgen; refreshes documentation snapshots)"
	DefaultTimeout      = 30 * time.Second
	DefaultMaxBytes     = 16 << 20
	DefaultRetries      = 3
	DefaultMinInterval  = time.Second
	DefaultMaxRedirects = 5
)

// Client fetches documentation pages. Its zero value is usable but does not retry
// and does not space its requests; NewClient gives the polite defaults. A Client
// may be used by several goroutines; the spacing applies across them.
type Client struct {
	// HTTP sends the requests; nil means a plain http.Client. Its CheckRedirect is
	// replaced by the Client's own, which bounds and reports redirects.
	HTTP *http.Client
	// UserAgent names the program to the vendor; empty means DefaultUserAgent.
	UserAgent string
	// Timeout bounds one attempt, body included; zero means DefaultTimeout.
	Timeout time.Duration
	// MaxBytes is the largest body accepted (after transfer decoding); zero means
	// DefaultMaxBytes.
	MaxBytes int64
	// Retries is how many times a transient failure is retried; zero means none.
	Retries int
	// Backoff is the wait before retry number attempt (1 for the first retry); nil
	// means DefaultBackoff. A server's Retry-After wins when it is longer.
	Backoff func(attempt int) time.Duration
	// MinInterval is the least time between the starts of two requests; zero means
	// no spacing.
	MinInterval time.Duration
	// MaxRedirects is how many redirects one request may follow; zero means
	// DefaultMaxRedirects.
	MaxRedirects int
	// Validate, when set, checks a new snapshot before it is accepted; an error
	// fails the page. src.File is the snapshot's path, for messages.
	Validate func(src model.Source, snapshot []byte) error
	// Progress receives retries as they happen, and Run's per-page lines; nil
	// discards them.
	Progress io.Writer
	// Now gives the date recorded when a snapshot changes; nil means time.Now.
	Now func() time.Time

	mu   sync.Mutex
	last time.Time // start of the latest request, for MinInterval
}

// NewClient returns a Client with the polite defaults.
func NewClient() *Client {
	return &Client{Retries: DefaultRetries, MinInterval: DefaultMinInterval}
}

// DefaultBackoff doubles from one second, up to 30 seconds.
func DefaultBackoff(attempt int) time.Duration {
	if attempt > 5 {
		return 30 * time.Second
	}
	return min(time.Second<<max(attempt-1, 0), 30*time.Second)
}

// Result is what one page's fetch produced.
type Result struct {
	// NotModified is true when the server answered 304: keep the old snapshot.
	NotModified bool
	// HTML is the new snapshot: UTF-8, the content container in a minimal
	// document. Nil when NotModified.
	HTML []byte
	// Status is the final HTTP status.
	Status int
	// ETag and LastModified are the validators to keep for the next request.
	ETag, LastModified string
	// URL is where the page was finally found; Redirects the URLs that redirected
	// to it, in order.
	URL       string
	Redirects []string
	// Charset is the encoding the body was decoded from (an htmlindex name).
	Charset string
	// Container is the selector of the kept content container; empty when the whole
	// body was kept.
	Container string
	// Warnings say what a maintainer should look at although the page succeeded.
	Warnings []string
	// Bytes is the size of the body read, over every attempt.
	Bytes int64
	// Attempts is the number of requests made, retries included.
	Attempts int
}

// Page fetches src.URL, sending src's validators, retrying transient failures. The
// error says what failed and, after retries, how many attempts were made.
func (c *Client) Page(ctx context.Context, src model.Source) (Result, error) {
	u, err := checkURL(src.URL)
	if err != nil {
		return Result{}, err
	}
	var total int64
	for attempt := 0; ; attempt++ {
		if err := c.pace(ctx); err != nil {
			return Result{Bytes: total, Attempts: attempt}, err
		}
		res, err := c.once(ctx, src, u)
		total += res.Bytes
		res.Bytes, res.Attempts = total, attempt+1
		if err == nil {
			return res, nil
		}
		t, transient := asTransient(err)
		if !transient || ctx.Err() != nil {
			return res, err
		}
		if attempt >= c.Retries {
			if attempt > 0 {
				err = fmt.Errorf("%w (gave up after %d attempts)", err, attempt+1)
			}
			return res, err
		}
		wait := c.backoff(attempt + 1)
		if t.after > wait {
			wait = min(t.after, maxRetryAfter)
		}
		c.progressf("  %s: attempt %d of %d: %v; retrying in %s\n", displayName(src), attempt+1, c.Retries+1, err, wait)
		if err := sleep(ctx, wait); err != nil {
			return res, err
		}
	}
}

// checkURL accepts only absolute http and https URLs: a manifest entry must not
// make permgen read a local file or speak another protocol.
func checkURL(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("bad url %q: %v", raw, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return nil, fmt.Errorf("url %q: only http and https URLs are fetched", raw)
	}
	if u.Host == "" {
		return nil, fmt.Errorf("url %q has no host", raw)
	}
	return u, nil
}

func displayName(src model.Source) string {
	if src.Path != "" {
		return src.Path
	}
	return src.URL
}

func (c *Client) progressf(format string, args ...any) {
	if c.Progress != nil {
		fmt.Fprintf(c.Progress, format, args...)
	}
}

func (c *Client) userAgent() string {
	if c.UserAgent == "" {
		return DefaultUserAgent
	}
	return c.UserAgent
}

func (c *Client) timeout() time.Duration {
	if c.Timeout <= 0 {
		return DefaultTimeout
	}
	return c.Timeout
}

func (c *Client) maxBytes() int64 {
	if c.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return c.MaxBytes
}

func (c *Client) maxRedirects() int {
	if c.MaxRedirects <= 0 {
		return DefaultMaxRedirects
	}
	return c.MaxRedirects
}

func (c *Client) backoff(attempt int) time.Duration {
	if c.Backoff == nil {
		return DefaultBackoff(attempt)
	}
	return c.Backoff(attempt)
}

func (c *Client) now() time.Time {
	if c.Now == nil {
		return time.Now()
	}
	return c.Now()
}
