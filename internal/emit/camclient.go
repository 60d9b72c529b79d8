package emit

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/permgen/permgen/internal/resolve"
)

// camClient prints the SDK stub: a Client with one method per action, each a single
// call into the runtime (no per-action switch, so thousands of actions stay cheap to
// compile). Requests and responses are the caller's types, marshalled by the
// Transport as Tencent Cloud API 3.0 JSON.
func camClient(f *jen.File, p *resolve.Package) {
	s := p.Service
	version := s.Source.APIVersion
	if version != "" {
		f.Add(doc(fmt.Sprintf("APIVersion is the Tencent Cloud API 3.0 version of %s that Client calls.", s.ShortName)))
	} else {
		f.Add(doc(fmt.Sprintf("APIVersion is empty: the manifest gives no API version for %s; set", s.ShortName),
			"\"api_version\" in sources/manifest.json so that Client sends one."))
	}
	f.Const().Id("APIVersion").Op("=").Lit(version)
	f.Line()
	f.Add(doc(
		fmt.Sprintf("Client calls the APIs of %s through a cam.Transport: a real HTTP transport, a", s.ShortName),
		"cam.Guard that checks a policy first, or a cam.Recorder that learns the least",
		"privilege a program needs. Each method takes the request and a pointer to the",
		"response, and options such as cam.OnResource(r) naming the resource it touches.",
	))
	f.Type().Id("Client").Struct(jen.Id("cfg").Add(camQ(p, "ClientConfig")))
	f.Line()
	f.Add(doc("NewClient returns a Client that sends calls through t to region."))
	f.Func().Id("NewClient").Params(jen.Id("t").Add(camQ(p, "Transport")), jen.Id("region").String()).Op("*").Id("Client").Block(
		jen.Return(jen.Op("&").Id("Client").Values(jen.Dict{
			jen.Id("cfg"): camQ(p, "ClientConfig").Values(jen.Dict{jen.Id("Transport"): jen.Id("t"), jen.Id("Region"): jen.Id("region")}),
		})),
	)
	for i, a := range s.Actions {
		g := p.Actions[i]
		f.Line()
		lines := []string{
			fmt.Sprintf("%s calls %s:%s: %s", g.Method, s.ShortName, a.Name, descOrNone(a.Description)),
			fmt.Sprintf("It needs permission for %s.", g.Ident),
		}
		if a.Deprecated != nil {
			lines = append(lines, "", "Deprecated: "+commentText(deprecatedText(a.Deprecated))+".")
		}
		f.Add(doc(lines...))
		f.Func().Params(jen.Id("c").Op("*").Id("Client")).Id(g.Method).Params(
			jen.Id("ctx").Qual("context", "Context"),
			jen.List(jen.Id("request"), jen.Id("response")).Any(),
			jen.Id("opts").Op("...").Add(camQ(p, "CallOption")),
		).Error().Block(
			jen.Return(jen.Id("c").Dot("cfg").Dot("Invoke").Call(jen.Id("ctx"), jen.Id(g.Ident), jen.Id("APIVersion"),
				jen.Id("request"), jen.Id("response"), jen.Id("opts"))),
		)
	}
}
