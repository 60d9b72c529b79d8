package fetch

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"

	"github.com/permgen/permgen/internal/model"
)

// once makes one request and turns a 200 into a snapshot. Transient failures come
// back as *transientError.
func (c *Client) once(ctx context.Context, src model.Source, u *url.URL) (Result, error) {
	actx, cancel := context.WithTimeout(ctx, c.timeout())
	defer cancel()
	req, err := http.NewRequestWithContext(actx, http.MethodGet, u.String(), nil)
	if err != nil {
		return Result{}, err
	}
	req.Header.Set("User-Agent", c.userAgent())
	req.Header.Set("Accept", "text/html, application/xhtml+xml;q=0.9")
	conditional := src.ETag != "" || src.LastModified != ""
	if src.ETag != "" {
		req.Header.Set("If-None-Match", src.ETag)
	}
	if src.LastModified != "" {
		req.Header.Set("If-Modified-Since", src.LastModified)
	}
	hc := http.Client{}
	if c.HTTP != nil {
		hc = *c.HTTP
	}
	hc.CheckRedirect = c.checkRedirect
	resp, err := hc.Do(req)
	if err != nil {
		return Result{}, c.classify(ctx, actx, err)
	}
	defer resp.Body.Close()
	res := Result{Status: resp.StatusCode, URL: resp.Request.URL.String(), Redirects: redirectsOf(resp)}
	switch {
	case resp.StatusCode == http.StatusNotModified && conditional:
		res.NotModified = true
		res.ETag = firstNonEmpty(resp.Header.Get("ETag"), src.ETag)
		res.LastModified = firstNonEmpty(resp.Header.Get("Last-Modified"), src.LastModified)
		return res, nil
	case resp.StatusCode != http.StatusOK:
		return res, statusError(resp)
	}
	if err := checkHTML(resp.Header.Get("Content-Type")); err != nil {
		return res, err
	}
	if resp.ContentLength > c.maxBytes() {
		return res, fmt.Errorf("body of %d bytes is over the limit of %d", resp.ContentLength, c.maxBytes())
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, c.maxBytes()+1))
	res.Bytes = int64(len(body))
	if err != nil {
		return res, c.classify(ctx, actx, fmt.Errorf("reading the body: %w", err))
	}
	if res.Bytes > c.maxBytes() {
		return res, fmt.Errorf("body is over the limit of %d bytes", c.maxBytes())
	}
	page, charset, err := decode(body, resp.Header.Get("Content-Type"))
	if err != nil {
		return res, err
	}
	ex, err := extract(page)
	if err != nil {
		return res, err
	}
	if validate := c.validatorFor(ctx); validate != nil {
		if err := validate(src, ex.html); err != nil {
			return res, fmt.Errorf("the fetched page is not readable as before: %w", err)
		}
	}
	res.HTML, res.Charset, res.Container = ex.html, charset, ex.container
	if ex.warning != "" {
		res.Warnings = append(res.Warnings, ex.warning)
	}
	res.ETag, res.LastModified = resp.Header.Get("ETag"), resp.Header.Get("Last-Modified")
	return res, nil
}

// classify tells a failure worth retrying (network trouble, a stalled server) from
// one that is not (the run was cancelled, a redirect loop, a bad certificate).
func (c *Client) classify(ctx, actx context.Context, err error) error {
	var re *redirectError
	var ce *tls.CertificateVerificationError
	switch {
	case ctx.Err() != nil:
		return ctx.Err()
	case errors.As(err, &re):
		return re
	case errors.As(err, &ce):
		return err
	case errors.Is(actx.Err(), context.DeadlineExceeded):
		return &transientError{err: fmt.Errorf("no complete answer within %s", c.timeout())}
	}
	return &transientError{err: err}
}

// checkHTML accepts the media types of HTML documents only.
func checkHTML(contentType string) error {
	if contentType == "" {
		return errors.New("the response has no Content-Type; expected text/html")
	}
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return fmt.Errorf("bad Content-Type %q: %v", contentType, err)
	}
	if mt != "text/html" && mt != "application/xhtml+xml" {
		return fmt.Errorf("Content-Type is %s, not an HTML page (text/html or application/xhtml+xml)", mt)
	}
	return nil
}

func firstNonEmpty(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

// redirectError ends a redirect chain that is too long, loops, or leaves http(s).
type redirectError struct{ msg string }

func (e *redirectError) Error() string { return e.msg }

func (c *Client) checkRedirect(req *http.Request, via []*http.Request) error {
	chain := make([]string, 0, len(via)+1)
	for _, v := range via {
		chain = append(chain, v.URL.String())
	}
	chain = append(chain, req.URL.String())
	for _, v := range via {
		if v.URL.String() == req.URL.String() {
			return &redirectError{"redirect loop: " + strings.Join(chain, " -> ")}
		}
	}
	if len(via) > c.maxRedirects() {
		return &redirectError{fmt.Sprintf("more than %d redirects: %s", c.maxRedirects(), strings.Join(chain, " -> "))}
	}
	if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
		return &redirectError{"redirect to a URL that is not http or https: " + strings.Join(chain, " -> ")}
	}
	return nil
}

// redirectsOf lists the URLs that redirected to the final response, first first.
func redirectsOf(resp *http.Response) []string {
	var out []string
	for r := resp.Request.Response; r != nil && r.Request != nil; r = r.Request.Response {
		out = append(out, r.Request.URL.String())
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}
