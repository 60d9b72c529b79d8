// Package awsops maps AWS API operations to the IAM actions they need, from the
// links of the Service Authorization Reference pages (an action's documentation link
// names its API operation: API_GetBucketCors.html → GetBucketCors) corrected by an
// overrides file where a link is missing or wrong. The SDK guard (sdk/awsperm) prints its
// table from here and `gen lint -operations` lists what it cannot map, so the two
// cannot disagree.
package awsops

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/permgen/permgen/internal/model"
)

// Overrides is the data file of corrections (sdk/awsperm/operations.json). Every entry
// carries the reason a maintainer can check.
type Overrides struct {
	// Services maps an SDK service ID whose letters differ from its IAM prefix
	// ("CloudWatch Logs" → "logs"); the others are matched by letters alone.
	Services []ServiceOverride `json:"services"`
	// Operations set the actions of one operation, replacing what the links say.
	Operations []OperationOverride `json:"operations"`
	// Unrouted are the SDK service IDs that route to no prefix on purpose, each
	// with why: a service no IAM action authorizes (NoIAM: its calls carry
	// another credential), or one no page of the Service Authorization Reference
	// covers. The guard refuses their calls all the same (it fails closed);
	// the list is what the coverage figures and gen lint -operations explain them by.
	Unrouted []UnroutedService `json:"unrouted"`
}

// UnroutedService is one SDK service ID that maps to no IAM prefix, and why.
type UnroutedService struct {
	ServiceID string `json:"service_id"`
	NoIAM     bool   `json:"no_iam,omitempty"`
	Reason    string `json:"reason"`
}

// ServiceOverride maps one SDK service ID to an IAM service prefix.
type ServiceOverride struct {
	ServiceID string `json:"service_id"`
	Prefix    string `json:"prefix"`
	Reason    string `json:"reason"`
}

// OperationOverride sets the actions one API operation needs. With When, the
// actions replace the operation's only for a call whose input sets that field
// (GetObject with VersionId needs s3:GetObjectVersion instead of s3:GetObject).
type OperationOverride struct {
	Prefix    string   `json:"prefix"`
	Operation string   `json:"operation"`
	When      string   `json:"when,omitempty"`
	Actions   []string `json:"actions"` // "s3:ListBucket"
	Reason    string   `json:"reason"`
}

// LoadOverrides reads and checks an overrides file. A missing file is no overrides.
func LoadOverrides(path string) (*Overrides, error) {
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return &Overrides{}, nil
	}
	if err != nil {
		return nil, err
	}
	return ParseOverrides(path, data)
}

// ParseOverrides decodes an overrides file; name is used in errors, which name the
// entry and the field at fault.
func ParseOverrides(name string, data []byte) (*Overrides, error) {
	var o Overrides
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&o); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	var errs []error
	for i, s := range o.Services {
		if s.ServiceID == "" || s.Prefix == "" || strings.TrimSpace(s.Reason) == "" {
			errs = append(errs, fmt.Errorf("%s: services[%d] (%q): service_id, prefix and reason are required", name, i, s.ServiceID))
		}
	}
	for i, u := range o.Unrouted {
		if u.ServiceID == "" || strings.TrimSpace(u.Reason) == "" {
			errs = append(errs, fmt.Errorf("%s: unrouted[%d] (%q): service_id and reason are required", name, i, u.ServiceID))
		}
	}
	for i, op := range o.Operations {
		if op.Prefix == "" || op.Operation == "" || strings.TrimSpace(op.Reason) == "" {
			errs = append(errs, fmt.Errorf("%s: operations[%d] (%s:%s): prefix, operation and reason are required", name, i, op.Prefix, op.Operation))
		}
		for _, a := range op.Actions {
			if p, _, ok := strings.Cut(a, ":"); !ok || p == "" {
				errs = append(errs, fmt.Errorf("%s: operations[%d] (%s:%s): action %q is not prefix:Name", name, i, op.Prefix, op.Operation, a))
			}
		}
	}
	return &o, errors.Join(errs...)
}

// Operation is one API operation of one IAM service prefix and the actions it needs,
// sorted by name.
type Operation struct {
	Prefix    string
	Operation string
	Actions   []string // "s3:GetBucketCORS"
	Reason    string   // the override's reason, empty when from the page links
	// ByName is set for an operation no link names, reached through the action of
	// the same name (whose own link names another operation).
	ByName bool
	// When are the actions that replace Actions when the call's input sets a field.
	When []Conditional
	// ResourceType, when set, is the one resource type of the actions the call
	// names (API Gateway's GET names one path of the ~70 its action takes);
	// Binds fill its placeholders from input fields.
	ResourceType string
	Binds        []Bind
	// ResourcePattern is the ARN template of a ResourceType no page defines
	// (an API Gateway path the page does not list).
	ResourcePattern string
	// NoAuth is set for an operation the SDK sends unsigned that no action
	// authorizes: why a guard lets it pass.
	NoAuth string
}

// Bind fills one placeholder of an ARN template from one input field.
type Bind struct {
	Placeholder string // "RestApiId"
	Field       string // "RestApiId"
}

// Conditional is the actions an operation needs instead when its input sets Field.
type Conditional struct {
	Field   string
	Actions []string
	Reason  string
}

// Build returns every operation the pages link to, with the overrides applied, sorted
// by prefix then operation, and a diagnostic for each action no operation reaches and
// each override that names an action the pages do not have.
func Build(services []*model.Service, ov *Overrides) ([]Operation, []model.Diagnostic) {
	if ov == nil {
		ov = &Overrides{}
	}
	type key struct{ prefix, op string }
	ops := map[key]*Operation{}
	actions := map[string]bool{} // lower-cased full names: IAM matches them so
	prefixes := map[string]bool{}
	var diags []model.Diagnostic
	for _, s := range services {
		if s.Kind != model.FormatAWSSAR {
			continue
		}
		prefixes[s.ShortName] = true
		for _, a := range s.Actions {
			full := s.ShortName + ":" + a.Name
			actions[strings.ToLower(full)] = true
			table, op := LinkOperation(s.ShortName, a)
			if a.Deprecated != nil || op == "" {
				continue
			}
			k := key{table, op}
			o := ops[k]
			if o == nil {
				o = &Operation{Prefix: table, Operation: op}
				ops[k] = o
			}
			o.Actions = appendUnique(o.Actions, full)
		}
	}
	// An action whose link names another operation is also reached by the
	// operation of its own name, when no link names that one: the pages' links are
	// sometimes wrong (iam:DisableOutboundWebIdentityFederation links
	// API_AddClientIDToOpenIDConnectProvider.html, lambda:TagResource links
	// API_TagResources.html), and the same name is what 15,460 links say.
	for _, s := range services {
		if s.Kind != model.FormatAWSSAR {
			continue
		}
		for _, a := range s.Actions {
			table, op := LinkOperation(s.ShortName, a)
			if a.Deprecated != nil || op == a.Name || !isOperationName(a.Name) {
				continue
			}
			// An action whose page links no operation at all (Glue's user-guide
			// pages, MediaLive's resource paths) is reached the same way: the
			// SDK's operation of the action's name is what it authorizes.
			if table == S3Control {
				table = s.ShortName
			}
			k := key{table, a.Name}
			if _, linked := ops[k]; linked {
				continue
			}
			ops[k] = &Operation{Prefix: s.ShortName, Operation: a.Name, Actions: []string{s.ShortName + ":" + a.Name}, ByName: true}
		}
	}
	covered := map[string]string{} // action → override reason
	type pendingCond struct {
		k key
		c Conditional
	}
	type sharedOp struct {
		k      key
		others []string
	}
	var conds []pendingCond
	var shared []sharedOp
	for _, oo := range ov.Operations {
		if !prefixes[oo.Prefix] && !(oo.Prefix == S3Control && prefixes["s3"]) {
			continue // a service this run does not carry
		}
		var acts []string
		for _, a := range oo.Actions {
			if !actions[strings.ToLower(a)] {
				diags = append(diags, model.Diagnostic{Pos: model.Pos{File: "sdk/awsperm/operations.json"}, Code: "aws-operation-override-unknown-action",
					Msg: fmt.Sprintf("override of %s:%s names %s, which no page lists", oo.Prefix, oo.Operation, a)})
				continue
			}
			acts = appendUnique(acts, a)
			covered[strings.ToLower(a)] = oo.Reason
		}
		if len(acts) == 0 {
			continue // reported above; the links (if any) stand
		}
		k := key{oo.Prefix, oo.Operation}
		if oo.When != "" {
			conds = append(conds, pendingCond{k, Conditional{Field: oo.When, Actions: acts, Reason: oo.Reason}})
			continue
		}
		ops[k] = &Operation{Prefix: oo.Prefix, Operation: oo.Operation, Actions: acts, Reason: oo.Reason}
	}
	// Several actions linking one operation: where one has the operation's name it
	// is the one the call needs, the others (s3:GetObjectVersion on GetObject) are
	// for other cases of the same call, which a conditional override names. Where
	// none has its name (kms:ReEncrypt → ReEncryptFrom, ReEncryptTo) all are kept.
	for _, o := range ops {
		if o.Prefix == S3Control && o.Reason == "" {
			splitOutposts(o)
		}
		if len(o.Actions) < 2 || o.Reason != "" {
			continue
		}
		var same string
		for _, a := range o.Actions {
			if _, name, _ := strings.Cut(a, ":"); strings.EqualFold(name, o.Operation) {
				same = a
			}
		}
		if same == "" {
			diags = append(diags, model.Diagnostic{Code: "aws-operation-several-actions",
				Msg: fmt.Sprintf("%s:%s is linked from %s: a call needs all of them", o.Prefix, o.Operation, strings.Join(o.Actions, ", "))})
			continue
		}
		var others []string
		for _, a := range o.Actions {
			if a != same {
				others = append(others, a)
			}
		}
		o.Actions = []string{same}
		shared = append(shared, sharedOp{key{o.Prefix, o.Operation}, others})
	}
	for _, c := range conds {
		o := ops[c.k]
		if o == nil {
			o = &Operation{Prefix: c.k.prefix, Operation: c.k.op}
			ops[c.k] = o
		}
		o.When = append(o.When, c.c)
	}
	for _, sh := range shared {
		o := ops[sh.k]
		for _, a := range sh.others {
			fixed := ""
			for _, c := range o.When {
				for _, ca := range c.Actions {
					if strings.EqualFold(ca, a) {
						fixed = c.Reason
					}
				}
			}
			diags = append(diags, model.Diagnostic{Code: "aws-operation-shared",
				Msg:   fmt.Sprintf("%s also links %s:%s; a call is mapped to %s unless an override says when it needs %s", a, o.Prefix, o.Operation, o.Actions[0], a),
				Fixed: fixed})
		}
	}
	for _, s := range services {
		if s.Kind != model.FormatAWSSAR {
			continue
		}
		for _, a := range s.Actions {
			if _, op := LinkOperation(s.ShortName, a); op != "" || a.Deprecated != nil {
				continue
			}
			full := s.ShortName + ":" + a.Name
			fixed := covered[strings.ToLower(full)]
			if fixed == "" && isOperationName(a.Name) {
				fixed = "reached by the SDK operation of its own name"
			}
			diags = append(diags, model.Diagnostic{Pos: a.Pos, Code: "aws-no-operation",
				Msg:   fmt.Sprintf("%s links no API operation: the SDK guard cannot map a call to it", full),
				Fixed: fixed})
		}
	}
	out := make([]Operation, 0, len(ops))
	for _, o := range ops {
		sort.Strings(o.Actions)
		sort.SliceStable(o.When, func(i, j int) bool { return o.When[i].Field < o.When[j].Field })
		out = append(out, *o)
	}
	sort.SliceStable(diags, func(i, j int) bool {
		if diags[i].Code != diags[j].Code {
			return diags[i].Code < diags[j].Code
		}
		return diags[i].Msg < diags[j].Msg
	})
	sort.Slice(out, func(i, j int) bool {
		if out[i].Prefix != out[j].Prefix {
			return out[i].Prefix < out[j].Prefix
		}
		return out[i].Operation < out[j].Operation
	})
	return out, diags
}

func appendUnique(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// NormalizeServiceID is the key an SDK service ID ("DynamoDB", "Cognito Identity
// Provider") and an IAM prefix ("dynamodb", "cognito-idp") are compared by: letters
// and digits only, lower case.
func NormalizeServiceID(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}
