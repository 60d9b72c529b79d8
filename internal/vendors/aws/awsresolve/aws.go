// Package awsresolve turns a scraped Service Authorization Reference page into
// AWS's part of the model (Entries), merges the pages that share a service
// prefix (Merge) and names every package and symbol of the AWS tree (Layout).
// The vendor-neutral frame (overrides, normalized text, package names) is
// internal/resolve's.
package awsresolve

import (
	"errors"
	"fmt"
	"path"
	"sort"
	"strings"

	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/resolve"
)

// accessLevels maps the folded form of each AWS access level to the word as AWS
// writes it; the model keeps the written word.
var accessLevels = func() map[string]string {
	m := map[string]string{}
	for _, l := range model.AccessLevels {
		m[resolve.Key(l)] = l
	}
	return m
}()

// fields: the AWS resolver reads no corrections. An override of an AWS page was
// once ignored and then reported as matching nothing, a false reason.
var fields = resolve.OverrideFields{RowKind: "action",
	Refusal: "the AWS resolver reads no corrections; remove the override (lint reports what looks wrong on an AWS page)"}

// Entries resolves one Service Authorization Reference page in resolve's frame
// (resolve.Page), which refuses every override of it. Several pages may share a
// prefix; Merge merges them once every page is resolved.
func Entries(p *model.Page, ovs []model.Override) (*model.Service, error) {
	return resolve.Page(p, ovs, fields, func(p *model.Page, _ *resolve.Overrides) (*model.Service, error) { return resolveAWS(p) })
}

// resolveAWS reads one Service Authorization Reference page.
func resolveAWS(p *model.Page) (*model.Service, error) {
	s := &model.Service{Kind: model.FormatAWSSAR, Source: p.Source}
	if f, ok := p.Fact(model.FactServiceName); ok {
		s.Name = resolve.Text(f.Text)
	}
	if f, ok := p.Fact(model.FactServicePrefix); ok {
		s.ShortName = resolve.Text(f.Text)
	}
	var errs []error
	for _, t := range p.Tables {
		switch awsTableKind(t) {
		case model.KeyAction:
			errs = append(errs, awsActions(s, t)...)
		case model.KeyResourceType:
			errs = append(errs, awsResourceTypes(s, t)...)
		case model.KeyConditionKey:
			errs = append(errs, awsConditionKeys(s, t)...)
		}
	}
	if s.ShortName == "" && (len(s.Actions) > 0 || len(s.ResourceTypes) > 0) {
		errs = append(errs, model.Errorf(model.Pos{File: p.Source.File}, "no \"(service prefix: ...)\" in the page's text; it names the actions' prefix"))
	}
	if s.ShortName != "" && len(s.Actions) == 0 {
		s.Diagnostics = append(s.Diagnostics, model.Diagnostic{Pos: model.Pos{File: p.Source.File}, Code: "no-actions",
			Msg: fmt.Sprintf("service %s lists no actions", s.ShortName)})
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return s, nil
}

// awsActions assembles actions from their rows: a row that names an action starts
// it; the rows its rowspan covers add resource types, the request-level row (no
// resource type) adds keys and dependent actions, and a row with its own
// "SCENARIO:" description cell starts a scenario of the same action.
func awsActions(s *model.Service, t model.Table) []error {
	var errs []error
	var a *model.Action
	var scen *model.ActionScenario
	flush := func() {
		if a != nil {
			s.Actions = append(s.Actions, *a)
		}
		a, scen = nil, nil
	}
	for _, r := range t.Rows {
		if f, ok := r.Field(model.KeyAction); ok {
			flush()
			// Actions with no API of their own read "CompleteRegistration [permission only]".
			name, _, _ := strings.Cut(resolve.Text(f.Text), " [")
			a = &model.Action{Name: name, Pos: r.Pos}
			if a.Name == "" {
				errs = append(errs, model.Errorf(f.Pos, "empty action name"))
			}
			if d, ok := r.Field(model.KeyDescription); ok {
				a.Description = resolve.Text(d.Text)
			}
			if l, ok := r.Field(model.KeyAccessLevel); ok {
				lv, known := accessLevels[resolve.Key(l.Text)]
				if !known {
					errs = append(errs, model.Errorf(l.Pos, "unknown access level %q; known: %s", l.Text, strings.Join(model.AccessLevels, ", ")))
				}
				a.AccessLevel = lv
			} else {
				errs = append(errs, model.Errorf(r.Pos.WithColumn(t.Columns[min(2, len(t.Columns)-1)]), "action %s has no access level", a.Name))
			}
			if u, ok := r.Field(model.KeyDocURL); ok {
				a.DocURL = u.Text
				a.Operation = Operation(u.Text)
			}
		} else if a == nil {
			errs = append(errs, model.Errorf(r.Pos, "row continues no action"))
			continue
		} else if d, ok := r.Field(model.KeyDescription); ok {
			name, isScen := strings.CutPrefix(resolve.Text(d.Text), "SCENARIO:")
			if !isScen {
				errs = append(errs, model.Errorf(d.Pos, "row of action %s has its own description cell %q, neither the action's nor a \"SCENARIO:\"", a.Name, d.Text))
				continue
			}
			a.Scenarios = append(a.Scenarios, model.ActionScenario{Name: strings.TrimSpace(name)})
			scen = &a.Scenarios[len(a.Scenarios)-1]
		}
		var rts, keys, deps []string
		if f, ok := r.Field(model.KeyResourceTypes); ok {
			rts = values(f)
		}
		if f, ok := r.Field(model.KeyConditionKeys); ok {
			keys = values(f)
		}
		if f, ok := r.Field(model.KeyDependentActions); ok {
			deps = values(f)
		}
		if len(rts) == 0 {
			if scen != nil {
				continue // a scenario's row with no resource type carries nothing
			}
			a.ConditionKeys = append(a.ConditionKeys, keys...)
			a.DependentActions = append(a.DependentActions, deps...)
			continue
		}
		for _, rt := range rts {
			name, req := strings.CutSuffix(rt, "*")
			art := model.ActionResourceType{Name: name, Required: req, ConditionKeys: keys, DependentActions: deps}
			if scen != nil {
				scen.ResourceTypes = append(scen.ResourceTypes, art)
			} else {
				a.ResourceTypes = append(a.ResourceTypes, art)
			}
		}
	}
	flush()
	return errs
}

// values returns a list cell's values: its paragraphs, or its text when it has
// none; each normalized, empty ones dropped.
func values(f model.Field) []string {
	parts := f.Parts
	if parts == nil && strings.TrimSpace(f.Text) != "" {
		parts = []string{f.Text}
	}
	var out []string
	for _, p := range parts {
		if v := resolve.Text(p); v != "" {
			out = append(out, v)
		}
	}
	return out
}

// Operation returns the API operation an AWS documentation link names
// (".../API_GetBucketCors.html" → "GetBucketCors"), or "" when it names none.
func Operation(url string) string {
	base := path.Base(url)
	if i := strings.IndexAny(base, "#?"); i >= 0 {
		base = base[:i]
	}
	op, ok := strings.CutPrefix(base, "API_")
	if !ok {
		return ""
	}
	op, ok = strings.CutSuffix(op, ".html")
	// API_Operations.html (and API_Operations_<API>.html) is the index of an API's
	// operations, which names none.
	if !ok || op == "" || op == "Operations" || strings.HasPrefix(op, "Operations_") {
		return ""
	}
	// Some references file operations under their API's name: API_control_X.html
	// (S3 Control), API_agent_X.html (Bedrock Agents). The operation is X.
	if i := strings.LastIndexByte(op, '_'); i > 0 && i+1 < len(op) && isAPIName(op[:i]) && op[i+1] >= 'A' && op[i+1] <= 'Z' {
		op = op[i+1:]
	}
	return op
}

// isAPIName reports whether s is a lower-case API name such as "control",
// "data-automation" or "agent-runtime".
func isAPIName(s string) bool {
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// awsTableKind names a table by the key of its first column: the scraper keyed
// the columns of the three kinds it knows.
func awsTableKind(t model.Table) string {
	for _, r := range t.Rows {
		if len(r.Fields) > 0 {
			return r.Fields[0].Key
		}
	}
	return ""
}

func awsResourceTypes(s *model.Service, t model.Table) []error {
	var errs []error
	for _, r := range t.Rows {
		f, _ := r.Field(model.KeyResourceType)
		if resolve.Text(f.Text) == "" {
			errs = append(errs, model.Errorf(r.Pos.WithColumn(t.Columns[0]), "resource type with no name"))
			continue
		}
		rt := model.ResourceType{Service: s.ShortName, Name: resolve.Text(f.Text), Pos: r.Pos}
		if a, ok := r.Field(model.KeyARN); ok {
			tmpl, err := ParseARNTemplate(a.Text)
			rt.Pattern = tmpl.Pattern
			rt.Placeholders = tmpl.Placeholders
			if err != nil {
				s.Diagnostics = append(s.Diagnostics, model.Diagnostic{Pos: a.Pos, Code: "arn-template",
					Msg: fmt.Sprintf("resource type %s: %v", rt.Name, err)})
			}
		}
		if f, ok := r.Field(model.KeyConditionKeys); ok {
			rt.ConditionKeys = values(f)
		}
		s.ResourceTypes = append(s.ResourceTypes, rt)
	}
	return errs
}

func awsConditionKeys(s *model.Service, t model.Table) []error {
	var errs []error
	for _, r := range t.Rows {
		f, _ := r.Field(model.KeyConditionKey)
		if resolve.Text(f.Text) == "" {
			errs = append(errs, model.Errorf(r.Pos.WithColumn(t.Columns[0]), "condition key with no name"))
			continue
		}
		k := model.ConditionKey{Name: resolve.Text(f.Text), Pos: r.Pos}
		if d, ok := r.Field(model.KeyDescription); ok {
			k.Description = resolve.Text(d.Text)
		}
		if ty, ok := r.Field(model.KeyType); ok {
			k.Type = resolve.Text(ty.Text)
		}
		s.ConditionKeys = append(s.ConditionKeys, k)
	}
	return errs
}

// ARNTemplate is a parsed AWS ARN template,
// arn:${Partition}:service:region:account:resource.
type ARNTemplate struct {
	Pattern      string   // the template with the page's layout spaces removed
	Service      string   // the service segment, "s3"
	Region       string   // "", "${Region}" or a literal
	Account      string   // "", "${Account}" or a literal
	Resource     string   // everything after the fifth colon
	Placeholders []string // every placeholder in template order except Partition, each once
}

// ParseARNTemplate reads an ARN template as the page writes it. The pages print
// placeholders as "$ <span>{</span> Partition}", so the text has spaces that the ARN
// has not: every space is dropped. The template is returned with what could be read
// even when it does not parse.
func ParseARNTemplate(raw string) (ARNTemplate, error) {
	p := strings.Join(strings.Fields(raw), "")
	t := ARNTemplate{Pattern: p}
	seen := map[string]bool{}
	for rest := p; ; {
		i := strings.Index(rest, "${")
		if i < 0 {
			if strings.ContainsAny(rest, "{}") {
				return t, fmt.Errorf("ARN template %q: unbalanced brace", p)
			}
			break
		}
		if strings.ContainsAny(rest[:i], "{}") {
			return t, fmt.Errorf("ARN template %q: unbalanced brace", p)
		}
		j := strings.IndexByte(rest[i:], '}')
		if j < 0 {
			return t, fmt.Errorf("ARN template %q: placeholder not closed", p)
		}
		name := rest[i+2 : i+j]
		if !validPlaceholder(name) {
			return t, fmt.Errorf("ARN template %q: placeholder ${%s} is not a name", p, name)
		}
		if name != "Partition" && !seen[name] {
			seen[name] = true
			t.Placeholders = append(t.Placeholders, name)
		}
		rest = rest[i+j+1:]
	}
	seg := strings.SplitN(p, ":", 6)
	if len(seg) < 6 || seg[0] != "arn" {
		return t, fmt.Errorf("ARN template %q: want arn:partition:service:region:account:resource", p)
	}
	if seg[1] != "${Partition}" && seg[1] != "aws" {
		return t, fmt.Errorf("ARN template %q: partition segment %q is neither ${Partition} nor aws", p, seg[1])
	}
	if seg[2] == "" {
		return t, fmt.Errorf("ARN template %q: empty service segment", p)
	}
	if seg[5] == "" {
		return t, fmt.Errorf("ARN template %q: empty resource segment", p)
	}
	t.Service, t.Region, t.Account, t.Resource = seg[2], seg[3], seg[4], seg[5]
	return t, nil
}

func validPlaceholder(s string) bool {
	if s == "" {
		return false
	}
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '.') {
			return false
		}
	}
	return true
}

// sortAWS puts a service's lists in their defined order: actions by name, resource
// types by service then name, condition keys by name. Stable, so that a duplicate
// keeps its page order.
func sortAWS(s *model.Service) {
	sort.SliceStable(s.Actions, func(i, j int) bool { return s.Actions[i].Name < s.Actions[j].Name })
	sort.SliceStable(s.ResourceTypes, func(i, j int) bool {
		a, b := s.ResourceTypes[i], s.ResourceTypes[j]
		if a.Service != b.Service {
			return a.Service < b.Service
		}
		return a.Name < b.Name
	})
	sort.SliceStable(s.ConditionKeys, func(i, j int) bool { return s.ConditionKeys[i].Name < s.ConditionKeys[j].Name })
}
