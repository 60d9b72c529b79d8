package cam

import (
	"context"
	"errors"
	"fmt"
)

// CallOption adjusts one call of a generated Client.
type CallOption func(*Call)

// OnResource names the resource a call touches, so that a Guard evaluates the call
// against it and a Recorder's policy grants exactly it. Operation-level actions are
// authorized on "*" whatever is named here.
func OnResource(r Resource) CallOption { return func(c *Call) { c.Resource = r } }

// InRegion sends one call to region instead of the client's default.
func InRegion(region string) CallOption { return func(c *Call) { c.Region = region } }

// ClientConfig is what every generated Client holds: where calls go, and the region
// they go to unless a call says otherwise.
type ClientConfig struct {
	Transport Transport
	Region    string
}

// Invoke builds the call of one action and sends it; generated Client methods are one
// line that calls it, so a catalog of thousands of actions stays cheap to compile.
func (cfg ClientConfig) Invoke(ctx context.Context, action Action, version string, request, response any, opts []CallOption) error {
	call := &Call{Action: action, Version: version, Region: cfg.Region, Request: request}
	for _, o := range opts {
		o(call)
	}
	if cfg.Transport == nil {
		return ErrNoClientTransport
	}
	if version == "" {
		// Tencent Cloud API 3.0 needs X-TC-Version; a guess would call another API.
		return fmt.Errorf("cam: %s: %w", action, ErrNoAPIVersion)
	}
	return cfg.Transport.Do(ctx, call, response)
}

// ErrNoAPIVersion is returned, wrapped, by a Client generated from a page whose
// manifest entry gives no API version: it sends nothing until one is given.
var ErrNoAPIVersion = errors.New(`the service has no API version to send; set "api_version" in the manifest entry of its page (sources/manifest.json) and regenerate`)

// ErrNoClientTransport is returned by a Client made without a Transport.
var ErrNoClientTransport = errors.New("cam: Client has no Transport")
