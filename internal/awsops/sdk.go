package awsops

import (
	"fmt"
	"sort"
	"strings"

	"github.com/permgen/permgen/internal/model"
)

// ServiceRoute is where an SDK service ID's calls are looked up: the operation
// table (an IAM prefix, or S3Control / APIGatewayV2) and the IAM prefix itself.
type ServiceRoute struct {
	Table, Prefix string
	Reason        string // why, when the ID's letters are not the prefix's
}

// APIGatewayV2 is the table of API Gateway v2's operations: v1 and v2 both use
// the apigateway prefix, and their operation names collide (GetStage, CreateDomainName)
// on different resource paths.
const APIGatewayV2 = "apigatewayv2"

// TablePrefix returns the IAM prefix of an operation table.
func TablePrefix(table string) string {
	switch table {
	case S3Control:
		return "s3"
	case APIGatewayV2:
		return "apigateway"
	}
	return table
}

// Routes maps every normalized SDK service ID (and every IAM prefix's letters) to
// its table, from, in order of precedence: the overrides file; the tables of their
// own (S3 Control, API Gateway v2); the SigV4 signing name the client signs with,
// when a page has that prefix; the ID's letters. Diagnostics name each SDK service
// that maps to no prefix.
func Routes(services []*model.Service, ov *Overrides, sdk *SDKModels) (map[string]ServiceRoute, []model.Diagnostic) {
	prefixes := map[string]bool{}
	routes := map[string]ServiceRoute{}
	var list []string
	for _, s := range services {
		if s.Kind == model.FormatAWSSAR {
			prefixes[s.ShortName] = true
			list = append(list, s.ShortName)
		}
	}
	// Two prefixes with the same letters: the first by name wins (deterministic);
	// an override settles the SDK's ID where it matters.
	sort.Strings(list)
	for _, p := range list {
		k := NormalizeServiceID(p)
		if _, ok := routes[k]; !ok {
			routes[k] = ServiceRoute{Table: p, Prefix: p}
		}
	}
	var diags []model.Diagnostic
	if sdk != nil {
		for _, s := range sdk.Services {
			k := NormalizeServiceID(s.ServiceID)
			switch {
			case k == "s3control" && prefixes["s3"]:
				routes[k] = ServiceRoute{Table: S3Control, Prefix: "s3", Reason: "S3 Control's operations have a table of their own (API_control_ links): their names collide with S3's."}
			case k == "apigatewayv2" && prefixes["apigateway"]:
				routes[k] = ServiceRoute{Table: APIGatewayV2, Prefix: "apigateway", Reason: "API Gateway v2 signs as apigateway; its operations have a table of their own (their names collide with v1's)."}
			case s.TestOnly && routes[k] != (ServiceRoute{}):
				// the run-time rule: the ID's route first
			case prefixes[s.SigningName]:
				if r, ok := routes[k]; !ok || r.Prefix != s.SigningName {
					routes[k] = ServiceRoute{Table: s.SigningName, Prefix: s.SigningName,
						Reason: fmt.Sprintf("%s signs its requests as %q (its SigV4 signing name), a prefix of the Service Authorization Reference.", s.ServiceID, s.SigningName)}
				}
			}
		}
	}
	for _, so := range ov.Services {
		if prefixes[so.Prefix] {
			routes[NormalizeServiceID(so.ServiceID)] = ServiceRoute{Table: so.Prefix, Prefix: so.Prefix, Reason: so.Reason}
		}
	}
	if sdk != nil {
		unrouted := ov.unroutedReasons()
		for _, s := range sdk.Services {
			if _, ok := routes[NormalizeServiceID(s.ServiceID)]; !ok {
				diags = append(diags, model.Diagnostic{Code: "aws-sdk-service-unmapped",
					Msg:   fmt.Sprintf("SDK service %q (%s, signing name %q) maps to no IAM prefix: every call of its client is refused", s.ServiceID, s.Module, s.SigningName),
					Fixed: unrouted[NormalizeServiceID(s.ServiceID)]})
			}
		}
	}
	return routes, diags
}

// SDKOperations adds what the SDK's models say to the operations the pages link:
// API Gateway's operations as the HTTP verb actions on the resource path they
// call, and the operations the SDK sends unsigned that no action authorizes. It
// returns the operations sorted, and a diagnostic for each SDK operation the
// table still cannot map.
func SDKOperations(ops []Operation, services []*model.Service, routes map[string]ServiceRoute, sdk *SDKModels) ([]Operation, []model.Diagnostic) {
	if sdk == nil {
		return ops, nil
	}
	have := map[string]bool{}
	for _, o := range ops {
		have[o.Prefix+"\x00"+o.Operation] = true
	}
	var apigw *model.Service
	for _, s := range services {
		if s.Kind == model.FormatAWSSAR && s.ShortName == "apigateway" {
			apigw = s
		}
	}
	// The guard looks an operation up without case when the exact name misses
	// (one match only): so does the report.
	fold := map[string]int{}
	for _, o := range ops {
		fold[strings.ToLower(o.Prefix+"\x00"+o.Operation)]++
	}
	var diags []model.Diagnostic
	for _, s := range sdk.Services {
		r, ok := routes[NormalizeServiceID(s.ServiceID)]
		if !ok {
			continue
		}
		for _, op := range s.Operations {
			k := r.Table + "\x00" + op.Name
			if have[k] || fold[strings.ToLower(k)] == 1 {
				continue
			}
			switch {
			case s.TestOnly:
				why := "no action of " + r.Prefix + " links this operation or has its name"
				if op.Anonymous {
					why = "the model sends it unsigned and no action of " + r.Prefix + " names it; only a module of sdkmodels.json adds an unsigned row"
				}
				diags = append(diags, model.Diagnostic{Code: "aws-sdk-operation-unmapped",
					Msg:   fmt.Sprintf("%s %s (whole-SDK table): %s", s.ServiceID, op.Name, why),
					Fixed: s.Unrouted})
				continue
			case r.Prefix == "apigateway" && apigw != nil && op.Method != "":
				o, why := apiGatewayOperation(apigw, r.Table, op)
				if why != "" {
					diags = append(diags, model.Diagnostic{Code: "aws-sdk-operation-unmapped",
						Msg: fmt.Sprintf("%s %s: %s", s.ServiceID, op.Name, why)})
					continue
				}
				ops = append(ops, o)
			case op.Anonymous:
				ops = append(ops, Operation{Prefix: r.Table, Operation: op.Name,
					NoAuth: fmt.Sprintf("The SDK's model marks %s %s as unauthenticated (it sends the request unsigned) and no action of %s names it: there is no caller identity for an IAM policy to authorize.", s.ServiceID, op.Name, r.Prefix)})
			default:
				diags = append(diags, model.Diagnostic{Code: "aws-sdk-operation-unmapped",
					Msg:   fmt.Sprintf("%s %s: no action of %s links this operation or has its name", s.ServiceID, op.Name, r.Prefix),
					Fixed: s.Unrouted})
				continue
			}
			have[k] = true
		}
	}
	sort.Slice(ops, func(i, j int) bool {
		if ops[i].Prefix != ops[j].Prefix {
			return ops[i].Prefix < ops[j].Prefix
		}
		return ops[i].Operation < ops[j].Operation
	})
	return ops, diags
}

// apiGatewayOperation maps one API Gateway operation to its HTTP-verb action on the
// resource type whose path is the operation's. The API Gateway developer guide
// (Control access for managing an API with IAM): "the action is the HTTP method of
// the API Gateway management API request … and the resource is the path of the
// resource being called", e.g. apigateway:GET on
// arn:aws:apigateway:us-east-1::/restapis/a123456789/stages.
func apiGatewayOperation(apigw *model.Service, table string, op SDKOperation) (Operation, string) {
	action := "apigateway:" + op.Method
	var rtNames []string
	for _, a := range apigw.Actions {
		if a.Name == op.Method {
			for _, r := range a.ResourceTypes {
				rtNames = append(rtNames, r.Name)
			}
		}
	}
	if len(rtNames) == 0 {
		return Operation{}, "the apigateway page has no action " + action
	}
	path := strings.TrimPrefix(op.Path, "/v2")
	if i := strings.IndexByte(path, '?'); i >= 0 {
		path = path[:i]
	}
	want := strings.Split(strings.Trim(path, "/"), "/")
	for _, name := range rtNames {
		var pattern string
		for _, rt := range apigw.ResourceTypes {
			if rt.Name == name {
				pattern = rt.Pattern
			}
		}
		_, rtPath, ok := strings.Cut(pattern, ":/")
		if !ok {
			continue
		}
		got := strings.Split(rtPath, "/")
		if len(got) != len(want) {
			continue
		}
		var binds []Bind
		match := true
		for i := range got {
			label, isLabel := strings.CutPrefix(want[i], "{")
			ph, isPh := strings.CutPrefix(got[i], "${")
			switch {
			case isLabel && isPh && strings.HasSuffix(ph, "}") && !strings.Contains(ph, "${"):
				field := op.Labels[strings.TrimSuffix(label, "}")]
				if field == "" {
					match = false
				}
				binds = append(binds, Bind{Placeholder: strings.TrimSuffix(ph, "}"), Field: field})
			case !isLabel && !isPh && strings.EqualFold(want[i], got[i]):
			default:
				match = false
			}
		}
		if match {
			return Operation{Prefix: table, Operation: op.Name, Actions: []string{action}, ResourceType: name, Binds: binds,
				Reason: fmt.Sprintf("API Gateway authorizes a management call as the HTTP method (%s) on the resource path (%s).", op.Method, op.Path)}, ""
		}
	}
	// No resource type of the page has the path (the page lists v1's and v2's
	// types under one name, and the model keeps one of each name): the resource
	// is the path itself, as the developer guide defines it.
	var b strings.Builder
	var binds []Bind
	for _, seg := range want {
		b.WriteString("/")
		label, isLabel := strings.CutPrefix(seg, "{")
		if !isLabel {
			b.WriteString(seg)
			continue
		}
		label = strings.TrimSuffix(strings.TrimSuffix(label, "}"), "+")
		field := op.Labels[label]
		if field == "" {
			return Operation{}, fmt.Sprintf("path %s: label %s is filled by no input field", op.Path, label)
		}
		b.WriteString("${" + field + "}")
		binds = append(binds, Bind{Placeholder: field, Field: field})
	}
	return Operation{Prefix: table, Operation: op.Name, Actions: []string{action}, ResourceType: b.String(),
		ResourcePattern: "arn:${Partition}:apigateway:${Region}::" + b.String(), Binds: binds,
		Reason: fmt.Sprintf("API Gateway authorizes a management call as the HTTP method (%s) on the resource path (%s); no resource type of the page has the path, so the path is the resource.", op.Method, op.Path)}, ""
}

// Coverage is how much of one SDK service's operations the table maps.
type Coverage struct {
	ServiceID, Table string
	Mapped, Total    int
	Unmapped         []string
}

// SDKCoverage measures the table against every operation of the SDK's models.
func SDKCoverage(ops []Operation, routes map[string]ServiceRoute, sdk *SDKModels) []Coverage {
	have := map[string]bool{}
	for _, o := range ops {
		if len(o.Actions) > 0 || o.NoAuth != "" {
			have[o.Prefix+"\x00"+o.Operation] = true
		}
	}
	var out []Coverage
	for _, s := range sdk.Services {
		c := Coverage{ServiceID: s.ServiceID, Total: len(s.Operations)}
		r, ok := routes[NormalizeServiceID(s.ServiceID)]
		c.Table = r.Table
		for _, op := range s.Operations {
			if ok && have[r.Table+"\x00"+op.Name] {
				c.Mapped++
			} else {
				c.Unmapped = append(c.Unmapped, op.Name)
			}
		}
		out = append(out, c)
	}
	return out
}

// unroutedReasons maps the normalized IDs of Unrouted to their reasons.
func (o *Overrides) unroutedReasons() map[string]string {
	m := map[string]string{}
	if o == nil {
		return m
	}
	for _, u := range o.Unrouted {
		m[NormalizeServiceID(u.ServiceID)] = u.Reason
	}
	return m
}

// MarkUnrouted sets Unrouted on every service of sdk that the overrides list as
// unrouted on purpose, so that the report of its operations says why.
func (o *Overrides) MarkUnrouted(sdk *SDKModels) {
	reasons := o.unroutedReasons()
	for i := range sdk.Services {
		sdk.Services[i].Unrouted = reasons[NormalizeServiceID(sdk.Services[i].ServiceID)]
	}
}
