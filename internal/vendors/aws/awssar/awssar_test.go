package awssar_test

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/scrape"
	"github.com/permgen/permgen/internal/vendors/aws/awsresolve"
)

// page builds a Service Authorization Reference page in the real pages' shape:
// chrome around #main-content, the title, the prefix sentence, then the tables.
func page(prefix, tables string) string {
	return `<!DOCTYPE html><html><head><title>x</title><script>var id="123";</script></head><body>
<div id="nav">chrome</div>
<div class="awsui-util-container" id="main-content"><div id="main-col-body">
<h1 class="topictitle">
  Actions, resources, and condition keys for   Amazon Demo
</h1>
<p>Amazon Demo (service prefix: <code class="code">` + prefix + `</code>) provides the following service-specific resources.</p>
` + tables + `</div></div><div id="quick-feedback">Thanks</div></body></html>`
}

const actionsHead = `<table id="w1aab"><thead><tr><th>Actions</th><th>Description</th><th>Access level</th><th>Resource types (*required)</th><th>Condition keys</th><th>Dependent actions</th></tr></thead>`

// The real shapes: an action over three rows (rowspan), two resource types then the
// request-level row; an action with no API ("[permission only]"); an action whose
// rows end in two "SCENARIO:" blocks (ec2:RunInstances), then one more action that
// must still be read.
const demoTables = actionsHead + `
<tr><td id="demo-GetThing" rowspan="3"><a href="https://docs.aws.amazon.com/demo/latest/APIReference/API_GetThingV2.html"> GetThing </a></td>
 <td rowspan="3">Grants permission to get a thing</td><td rowspan="3"> Read </td>
 <td><p><a href="#demo-thing">thing*</a></p></td><td><p><a href="#k">demo:ThingTag/${TagKey}</a></p></td><td></td></tr>
<tr><td><p><a href="#demo-box">box</a></p></td><td></td><td><p>demo:ListThings</p></td></tr>
<tr><td></td><td><p><a href="#k">aws:RequestTag/${TagKey}</a></p><p><a href="#k">demo:Mode</a></p></td><td><p>demo:ListThings</p></td></tr>
<tr><td id="demo-ListThings"><a href="https://docs.aws.amazon.com/x.html">ListThings</a> [permission only]</td><td>Grants permission to list things</td><td>List</td><td></td><td></td><td></td></tr>
<tr><td id="demo-Run" rowspan="4"><a href="https://docs.aws.amazon.com/demo/latest/APIReference/API_Run.html">Run</a></td>
 <td rowspan="2">Grants permission to run</td><td rowspan="2">Write</td>
 <td><p><a href="#demo-thing">thing*</a></p></td><td></td><td></td></tr>
<tr><td></td><td><p>demo:Mode</p></td><td></td></tr>
<tr><td><p><b>SCENARIO:</b> Small</p></td><td></td><td><p>thing*</p><p>box</p></td><td></td><td></td></tr>
<tr><td><p><b>SCENARIO:</b> Large</p></td><td></td><td><p>thing*</p></td><td></td><td></td></tr>
<tr><td id="demo-TagThing"><a href="https://docs.aws.amazon.com/demo/latest/APIReference/API_TagThing.html">TagThing</a></td><td>Grants permission to tag a thing</td><td>Tagging</td><td><p>thing*</p></td><td></td><td></td></tr>
</table>
<table id="w2"><thead><tr><th>Resource types</th><th>ARN</th><th>Condition keys</th></tr></thead>
<tr><td id="demo-thing"><a href="https://docs.aws.amazon.com/demo">thing</a></td><td><code class="code">arn:$<span>{</span>Partition}:demo:$<span>{</span>Region}:$<span>{</span>Account}:thing/$<span>{</span>ThingId}</code></td><td><p>demo:ThingTag/${TagKey}</p></td></tr>
<tr><td id="demo-box">box</td><td><code>arn:${Partition}:demo:::box/${BoxName}/${ThingId}</code></td><td></td></tr>
</table>
<table id="w3"><thead><tr><th>Condition keys</th><th>Description</th><th>Type</th></tr></thead>
<tr><td>demo:ThingTag/${TagKey}</td><td>Filters access by a tag of the thing</td><td>String</td></tr>
<tr><td>demo:Mode</td><td>Filters access by the mode</td><td>String</td></tr>
<tr><td>aws:RequestTag/${TagKey}</td><td>Filters access by the tags that are passed in the request</td><td>String</td></tr>
</table>`

func resolvePage(t *testing.T, file, html string) *model.Service {
	t.Helper()
	p, err := scrape.Page(model.Source{File: file, Vendor: "aws", Format: model.FormatAWSSAR}, []byte(html))
	if err != nil {
		t.Fatal(err)
	}
	s, err := awsresolve.Entries(p, nil)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestDetectFromContent(t *testing.T) {
	p, err := scrape.Page(model.Source{File: "demo.html"}, []byte(page("demo", demoTables)))
	if err != nil {
		t.Fatal(err)
	}
	if p.Source.Format != model.FormatAWSSAR {
		t.Errorf("format %q, want %q", p.Source.Format, model.FormatAWSSAR)
	}
}

func TestScrapeResolveDemo(t *testing.T) {
	s := resolveAll(t, map[string]string{"aws/list_demo.html": page("demo", demoTables)})["demo"]
	if s.Name != "Amazon Demo" || s.ShortName != "demo" || s.Kind != model.FormatAWSSAR {
		t.Errorf("service %q %q %q", s.Name, s.ShortName, s.Kind)
	}
	var names []string
	for _, a := range s.Actions {
		names = append(names, a.Name)
	}
	if got := strings.Join(names, " "); got != "GetThing ListThings Run TagThing" {
		t.Fatalf("actions %s; want every action, the one after the scenarios too", got)
	}
	get := s.Actions[0]
	want := model.Action{Name: "GetThing", Description: "Grants permission to get a thing", AccessLevel: "Read",
		DocURL:    "https://docs.aws.amazon.com/demo/latest/APIReference/API_GetThingV2.html",
		Operation: "GetThingV2",
		ResourceTypes: []model.ActionResourceType{
			{Name: "thing", Required: true, ConditionKeys: []string{"demo:ThingTag/${TagKey}"}},
			{Name: "box", DependentActions: []string{"demo:ListThings"}},
		},
		ConditionKeys:    []string{"aws:RequestTag/${TagKey}", "demo:Mode"},
		DependentActions: []string{"demo:ListThings"},
	}
	get.Pos = model.Pos{}
	if !reflect.DeepEqual(get, want) {
		t.Errorf("GetThing\n got %+v\nwant %+v", get, want)
	}
	if l := s.Actions[1]; l.AccessLevel != "List" || l.DocURL != "https://docs.aws.amazon.com/x.html" || l.Operation != "" {
		t.Errorf("ListThings: %+v", l)
	}
	run := s.Actions[2]
	wantScen := []model.ActionScenario{
		{Name: "Small", ResourceTypes: []model.ActionResourceType{{Name: "thing", Required: true}, {Name: "box"}}},
		{Name: "Large", ResourceTypes: []model.ActionResourceType{{Name: "thing", Required: true}}},
	}
	if !reflect.DeepEqual(run.Scenarios, wantScen) || len(run.ResourceTypes) != 1 || !reflect.DeepEqual(run.ConditionKeys, []string{"demo:Mode"}) {
		t.Errorf("Run: resource types %+v keys %v scenarios %+v", run.ResourceTypes, run.ConditionKeys, run.Scenarios)
	}
	if s.Actions[3].AccessLevel != "Tagging" {
		t.Errorf("TagThing: %+v", s.Actions[3])
	}
	wantRTs := []model.ResourceType{
		{Service: "demo", Name: "box", Pattern: "arn:${Partition}:demo:::box/${BoxName}/${ThingId}", Placeholders: []string{"BoxName", "ThingId"},
			Pos: model.Pos{File: "aws/list_demo.html", Table: "Resource types", Row: 2}},
		{Service: "demo", Name: "thing", Pattern: "arn:${Partition}:demo:${Region}:${Account}:thing/${ThingId}",
			Placeholders: []string{"Region", "Account", "ThingId"}, ConditionKeys: []string{"demo:ThingTag/${TagKey}"},
			Pos: model.Pos{File: "aws/list_demo.html", Table: "Resource types", Row: 1}},
	}
	if !reflect.DeepEqual(s.ResourceTypes, wantRTs) {
		t.Errorf("resource types\n got %+v\nwant %+v", s.ResourceTypes, wantRTs)
	}
	if len(s.ConditionKeys) != 3 || s.ConditionKeys[0].Name != "aws:RequestTag/${TagKey}" || s.ConditionKeys[2] != (model.ConditionKey{Name: "demo:ThingTag/${TagKey}", Description: "Filters access by a tag of the thing", Type: "String",
		Pos: model.Pos{File: "aws/list_demo.html", Table: "Condition keys", Row: 1}}) {
		t.Errorf("condition keys %+v", s.ConditionKeys)
	}
	for _, d := range s.Diagnostics {
		t.Errorf("unexpected diagnostic %s", d)
	}
}

// resolveAll scrapes and resolves pages, then merges them the way the pipeline does.
func resolveAll(t *testing.T, pages map[string]string) map[string]*model.Service {
	t.Helper()
	var ss []*model.Service
	for _, f := range sortedKeys(pages) {
		ss = append(ss, resolvePage(t, f, pages[f]))
	}
	out := map[string]*model.Service{}
	for _, s := range awsresolve.Merge(ss) {
		out[s.ShortName] = s
	}
	return out
}

func sortedKeys(m map[string]string) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	for i := range ks {
		for j := i + 1; j < len(ks); j++ {
			if ks[j] < ks[i] {
				ks[i], ks[j] = ks[j], ks[i]
			}
		}
	}
	return ks
}

// Every anomaly the issue names goes to lint with its page, table and row.
func TestAnomalies(t *testing.T) {
	bad := actionsHead + `
<tr><td id="a" rowspan="2"><a href="https://x/API_Go.html">Go</a></td><td rowspan="2">Go</td><td rowspan="2">Write</td><td><p>ghost*</p></td><td><p>demo:Undefined</p><p>aws:SourceIp</p></td><td><p>other:Nope</p></td></tr>
<tr><td></td><td></td><td><p>demo:Go</p><p>other:Known</p></td></tr>
<tr><td id="b"><a href="https://x/API_Go.html">Go</a></td><td>Go again</td><td>Read</td><td></td><td></td><td></td></tr>
</table>
<table><thead><tr><th>Resource types</th><th>ARN</th><th>Condition keys</th></tr></thead>
<tr><td>backup</td><td><code>arn:${Partition}:demo::${Account}:backup/${Name}-{Date}</code></td><td></td></tr>
</table>`
	other := page("other", actionsHead+`<tr><td><a href="https://x/API_Known.html">Known</a></td><td>k</td><td>Read</td><td></td><td></td><td></td></tr></table>`)
	ss := resolveAll(t, map[string]string{"aws/list_demo.html": page("demo", bad), "aws/list_other.html": other})
	var got []string
	for _, d := range ss["demo"].Diagnostics {
		got = append(got, d.String())
	}
	all := strings.Join(got, "\n")
	for _, want := range []string{
		"aws/list_demo.html: table Resource types row 1 column ARN: arn-template: resource type backup: ARN template \"arn:${Partition}:demo::${Account}:backup/${Name}-{Date}\": unbalanced brace",
		"aws/list_demo.html: table Actions row 1 column Condition keys: undefined-condition-key: action demo:Go (resource type ghost) lists condition key demo:Undefined, which the condition keys table does not define",
		"aws/list_demo.html: table Actions row 1 column Dependent actions: unknown-dependent-action: action demo:Go depends on other:Nope, which no service lists",
		"aws/list_demo.html: table Actions row 1 column Resource types (*required): undefined-resource-type: action demo:Go names resource type ghost, which the resource types table does not define",
		"aws/list_demo.html: table Actions row 3: duplicate-action: action demo:Go is listed again (first at aws/list_demo.html: table Actions row 1) with access level Read, not Write",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("lint lacks\n  %s\ngot\n  %s", want, strings.Join(got, "\n  "))
		}
	}
	// Global keys are defined on no service page: "aws:SourceIp" is no anomaly; and
	// dependent actions are checked across all services ("other:Known", "demo:Go").
	for _, not := range []string{"aws:SourceIp", "other:Known", "depends on demo:Go"} {
		if strings.Contains(all, not) {
			t.Errorf("lint reports %s:\n%s", not, all)
		}
	}
}

// Several pages may document one prefix (sso, ses, ...): one service, the actions of
// all, each listed once; an action on two pages keeps what both say.
func TestSharedPrefix(t *testing.T) {
	a := page("demo", actionsHead+`<tr><td><a href="https://x/API_A.html">A</a></td><td>a</td><td>Read</td><td><p>thing*</p></td><td></td><td></td></tr>
<tr><td><a href="https://x/API_B.html">B</a></td><td>b</td><td>Read</td><td></td><td></td><td></td></tr></table>`)
	b := page("demo", actionsHead+`<tr><td><a href="https://x/API_B.html">B</a></td><td>b</td><td>Read</td><td></td><td></td><td></td></tr>
<tr><td rowspan="2"><a href="https://x/API_A.html">A</a></td><td rowspan="2">a</td><td rowspan="2">Read</td><td><p>box</p></td><td></td><td></td></tr>
<tr><td></td><td><p>aws:TagKeys</p></td><td></td></tr></table>`)
	ss := resolveAll(t, map[string]string{"aws/list_demo.html": a, "aws/list_demov2.html": b})
	if len(ss) != 1 {
		t.Fatalf("%d services, want 1", len(ss))
	}
	s := ss["demo"]
	if len(s.Actions) != 2 {
		t.Fatalf("actions %+v", s.Actions)
	}
	if got := fmt.Sprint(s.Actions[0].ResourceTypes, s.Actions[0].ConditionKeys); got != "[{thing true [] []} {box false [] []}] [aws:TagKeys]" {
		t.Errorf("A merged: %s", got)
	}
	var codes []string
	for _, d := range s.Diagnostics {
		if d.Code != "undefined-resource-type" { // the pages define none
			codes = append(codes, d.Code)
		}
	}
	if got := strings.Join(codes, " "); got != "shared-prefix duplicate-action" {
		t.Errorf("diagnostics %s (B, the same on both pages, is no anomaly)", got)
	}
}

// A retired page is served as a redirect stub; AWS's folder keeps it as fetched.
// It is reported, not fatal, and defines nothing.
func TestRedirectStub(t *testing.T) {
	stub := `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN"><html><head><title>301 Moved Permanently</title></head><body><h1>Moved Permanently</h1><p>The document has moved <a href="https://docs.aws.amazon.com/iot/">here</a>.</p></body></html>`
	s := resolvePage(t, "aws/list_awsiot1-click.html", stub)
	if s.ShortName != "" || len(s.Actions) != 0 {
		t.Errorf("stub resolved to %+v", s)
	}
	ss := awsresolve.Merge([]*model.Service{s, resolvePage(t, "aws/list_demo.html", page("demo", demoTables))})
	if len(ss) != 1 || len(ss[0].Diagnostics) == 0 || ss[0].Diagnostics[len(ss[0].Diagnostics)-1].Code != "not-a-reference-page" {
		t.Errorf("stub not reported: %+v", ss)
	}
}

// Bad input is an error naming the place: an unknown access level, a cell too many.
func TestBadInput(t *testing.T) {
	for _, c := range []struct{ name, tables, want string }{
		{"level", actionsHead + `<tr><td>A</td><td>a</td><td>Reads</td><td></td><td></td><td></td></tr></table>`,
			`demo.html: table Actions row 1 column Access level: unknown access level "Reads"; known: List, Read, Write, Permissions management, Tagging`},
		{"cells", actionsHead + `<tr><td>A</td><td>a</td><td>Read</td><td></td><td></td><td></td><td>extra</td></tr></table>`,
			`demo.html: table Actions row 1: 7 cells where the header has 6 columns`},
		{"column", `<table><thead><tr><th>Actions</th><th>Description</th><th>Access</th></tr></thead><tr><td>A</td><td>a</td><td>Read</td></tr></table>`,
			`demo.html: table Actions column Access: unknown column "Access" in the Actions table`},
	} {
		t.Run(c.name, func(t *testing.T) {
			p, err := scrape.Page(model.Source{File: "demo.html", Vendor: "aws"}, []byte(page("demo", c.tables)))
			if err == nil {
				_, err = awsresolve.Entries(p, nil)
			}
			if err == nil || err.Error() != c.want {
				t.Errorf("error %v\nwant  %s", err, c.want)
			}
		})
	}
}

// TestSkipLinkIsNoContainer: a page that only names #main-content (a skip link) and
// has no element with that id is read whole, not scraped to zero actions.
func TestSkipLinkIsNoContainer(t *testing.T) {
	html := strings.Replace(page("demo", demoTables), `id="main-content"`, `id="content"`, 1)
	html = strings.Replace(html, `<div id="nav">chrome</div>`, `<a href="#main-content">Skip to main content</a>`, 1)
	got := resolvePage(t, "aws/list_demo.html", html)
	want := resolvePage(t, "aws/list_demo.html", page("demo", demoTables))
	if len(got.Actions) == 0 || len(got.Actions) != len(want.Actions) {
		t.Fatalf("%d actions read with a skip link and no container, want %d", len(got.Actions), len(want.Actions))
	}
}
