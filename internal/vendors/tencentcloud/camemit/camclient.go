package camemit

import (
	"bytes"
	"fmt"
	"path"

	"github.com/permgen/permgen/internal/emit"
	"github.com/permgen/permgen/internal/gowrite"
	"github.com/permgen/permgen/internal/resolve"
	"github.com/permgen/permgen/internal/write"
)

// camClient prints the SDK stub: a Client with one method per action, each a single
// call into the runtime (no per-action switch, so thousands of actions stay cheap to
// compile). Requests and responses are the caller's types, marshalled by the
// Transport as Tencent Cloud API 3.0 JSON.
//
// It is the largest file of a service and the most regular, so it is written as
// text already in gofmt's form rather than rendered and formatted: that halves the
// cost of generating a large catalog. It is still parsed, so an emitter bug shows
// as numbered source, and TestGofmtCanonical checks that gofmt would change nothing.
func camClient(p *resolve.Package) (write.File, error) {
	s := p.Service
	var b bytes.Buffer
	fmt.Fprintf(&b, "// %s\n\npackage %s\n\n", emit.Header(emit.SourceName(p)), p.Name)
	fmt.Fprintf(&b, "import (\n\t\"context\"\n\n\t%q\n)\n\n", p.Runtime.ImportPath)
	if s.Source.APIVersion != "" {
		fmt.Fprintf(&b, "// APIVersion is the Tencent Cloud API 3.0 version of %s that Client calls.\n", s.ShortName)
	} else {
		fmt.Fprintf(&b, "// APIVersion is empty: the manifest gives no API version for %s, and Client\n// refuses every call (cam.ErrNoAPIVersion) until \"api_version\" is set in\n// %s/manifest.json and the package regenerated.\n", s.ShortName, emit.SourcesName(p.Sources))
	}
	fmt.Fprintf(&b, "const APIVersion = %q\n\n", s.Source.APIVersion)
	fmt.Fprintf(&b, `// Client calls the APIs of %s through a cam.Transport: a real HTTP transport, a
// cam.Guard that checks a policy first, or a cam.Recorder that learns the least
// privilege a program needs. Each method takes the request and a pointer to the
// response, and options such as cam.OnResource(r) naming the resource it touches.
type Client struct {
	cfg cam.ClientConfig
}

// NewClient returns a Client that sends calls through t to region.
func NewClient(t cam.Transport, region string) *Client {
	return &Client{cfg: cam.ClientConfig{
		Region:    region,
		Transport: t,
	}}
}
`, s.ShortName)
	for i, a := range s.Actions {
		g := p.Actions[i]
		fmt.Fprintf(&b, "\n// %s calls %s:%s: %s\n// It needs permission for %s.\n", g.Method, s.ShortName, a.Name, emit.DescOrNone(a.Description), g.Ident)
		if a.Deprecated != nil {
			fmt.Fprintf(&b, "//\n// Deprecated: %s.\n", emit.CommentText(emit.DeprecatedText(a.Deprecated)))
		}
		fmt.Fprintf(&b, "func (c *Client) %s(ctx context.Context, request, response any, opts ...cam.CallOption) error {\n", g.Method)
		fmt.Fprintf(&b, "\treturn c.cfg.Invoke(ctx, %s, APIVersion, request, response, opts)\n}\n", g.Ident)
	}
	return gowrite.Check(path.Join(p.Dir, p.Name+"_client.go"), b.Bytes())
}
