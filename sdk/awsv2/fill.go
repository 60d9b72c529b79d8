package awsperm

import (
	"fmt"
	"net/url"
	"reflect"
	"strings"
	"sync"
)

// Request is one action on one resource that a call needs.
type Request struct {
	Action string // "s3:GetObject"
	// Resource is the ARN filled from the call's input, or "*" when the action
	// takes no resource type, or when a required one could not be filled: then
	// Unfilled says why.
	Resource     string
	ResourceType string // "object"; empty for "*"
	Unfilled     string
	// Template is the resource as far as the input tells it, for the guard
	// (unknown is not absent): the ARN with each part it could not fill left as
	// its ${Name} placeholder (UnknownParts names them), or the literal ARN when a
	// value holds a character a policy reads as a wildcard. Empty when Resource is
	// the whole answer, or when nothing of the resource is known.
	Template     string
	UnknownParts []string
}

// Call is one operation invocation: what it is and what it needs.
type Call struct {
	ServiceID string // the SDK's, "S3"
	Operation string // "GetObject"
	Prefix    string // the IAM service prefix, "s3"
	Region    string // the config's region, "us-east-1"
	Requests  []Request
	// Dependent are the actions the pages list as dependent for the actions called
	// (needed only in some cases, e.g. with a KMS key): reported, not granted.
	Dependent []string
	// Notes are assumptions made while filling, e.g. an IAM path taken as "/".
	Notes []string
	// Context holds the service's condition keys the input sets (s3:prefix from a
	// ListObjectsV2 Prefix), as the guard passes them to the evaluator.
	Context map[string][]string
}

// env is what the config knows: where the call goes and for which account.
type env struct {
	partition, region, account string
}

// partitionOf returns the partition of a region by its documented name prefix.
func partitionOf(region string) string {
	switch {
	case strings.HasPrefix(region, "cn-"):
		return "aws-cn"
	case strings.HasPrefix(region, "us-gov-"):
		return "aws-us-gov"
	case strings.HasPrefix(region, "us-isob-"):
		return "aws-iso-b"
	case strings.HasPrefix(region, "us-isof-"), strings.HasPrefix(region, "eu-isof-"):
		return "aws-iso-f"
	case strings.HasPrefix(region, "eu-isoe-"):
		return "aws-iso-e"
	case strings.HasPrefix(region, "us-iso-"):
		return "aws-iso"
	case strings.HasPrefix(region, "eusc-"):
		return "aws-eusc"
	}
	return "aws"
}

// resolve maps one call to the requests it needs. It returns an *UnmappedError when
// the service or operation is not in the table.
func resolve(serviceID, op string, input any, e env) (Call, error) {
	c := Call{ServiceID: serviceID, Operation: op, Region: e.region}
	prefix, ok := prefixOf(serviceID)
	if !ok {
		return c, &UnmappedError{ServiceID: serviceID, Operation: op, Reason: "no IAM service prefix is known for this SDK service ID"}
	}
	c.Prefix = prefix
	row, ok := operation(prefix, op)
	if !ok || row.nact == 0 {
		return c, &UnmappedError{ServiceID: serviceID, Operation: op, Reason: "no action of " + prefix + " links to this operation"}
	}
	in := fields{v: reflect.ValueOf(input)}
	actions := row.actions()
	for _, w := range row.conds() {
		if _, set := in.str(w.field); set {
			actions = w.actions()
		}
	}
	names := make([]string, 0, len(actions))
	for _, ai := range actions {
		a := actionRows[ai]
		names = append(names, a.name)
		c.Requests = append(c.Requests, fillAction(a, in, e, &c.Notes)...)
		for _, d := range a.dependent() {
			c.Dependent = appendUnique(c.Dependent, d)
		}
	}
	c.Context = requestKeys(prefix, names, in)
	return c, nil
}

// fillAction returns the requests of one action: one per resource type whose ARN
// could be filled; a required type that cannot be filled gives "*" with the reason.
// An action with no resource type gives "*" (AWS's own rule); one whose types are
// all optional (S3 marks none required) and none could be filled gives "*" with the
// reasons, so that it is reported, not granted silently.
func fillAction(a actionRow, in fields, e env, notes *[]string) []Request {
	var out []Request
	var optional []string
	var partial []Request // optional types known in part, for the guard
	for _, r := range a.resources() {
		rt := rtRows[r.rt]
		arn, why, tmpl, parts := fillTemplate(rt, in, e, notes)
		switch {
		case why == "":
			out = append(out, Request{Action: a.name, Resource: arn, ResourceType: rt.name})
		case r.required:
			out = append(out, Request{Action: a.name, Resource: "*", ResourceType: rt.name, Unfilled: rt.name + ": " + why,
				Template: tmpl, UnknownParts: parts})
		default:
			optional = append(optional, rt.name+": "+why)
			if tmpl != "" {
				partial = append(partial, Request{Action: a.name, Resource: "*", ResourceType: rt.name, Template: tmpl, UnknownParts: parts})
			}
		}
	}
	if len(out) == 0 {
		why := strings.Join(optional, "; ")
		if len(partial) == 0 {
			return []Request{{Action: a.name, Resource: "*", Unfilled: why}}
		}
		// A type known but for a wildcard character (the object of a key "a*.png")
		// is the one the call names; types with parts missing altogether (an
		// access point the input does not name) are then not it.
		var literal []Request
		for _, q := range partial {
			if len(q.UnknownParts) == 0 {
				literal = append(literal, q)
			}
		}
		if len(literal) > 0 {
			partial = literal
		}
		for i := range partial {
			partial[i].Unfilled = why
		}
		return partial
	}
	return out
}

// fillTemplate fills every ${Placeholder} of an ARN template; why says what was
// missing when it could not. tmpl is then what is known of the resource for the
// guard: the template with the missing placeholders kept (parts names them), or
// the literal ARN when a value holds a wildcard character; empty when nothing is.
func fillTemplate(rt rtRow, in fields, e env, notes *[]string) (arn, why, tmpl string, parts []string) {
	var b strings.Builder
	rest := rt.pattern
	var missing []string
	for {
		i := strings.Index(rest, "${")
		if i < 0 {
			b.WriteString(rest)
			break
		}
		j := strings.Index(rest[i:], "}")
		if j < 0 {
			return "", "template " + rt.pattern + " has an unclosed placeholder", "", nil
		}
		b.WriteString(rest[:i])
		name := rest[i+2 : i+j]
		rest = rest[i+j+1:]
		v, full := placeholder(rt.prefix, name, in, e, notes)
		if full != "" {
			if rest != "" {
				// An ARN where the template continues (an S3 access point ARN
				// as the Bucket of an object): not this resource type.
				return "", name + " is an ARN (" + full + ") where " + rt.pattern + " wants a name", "", nil
			}
			if svc := arnService(full); svc != arnService(rt.pattern) {
				return "", name + " is an ARN of " + svc + " (" + full + "), not of " + arnService(rt.pattern), "", nil
			}
			if strings.ContainsAny(full, "*?$") {
				return "", fmt.Sprintf("%s %q holds a character a policy reads as a wildcard or variable", name, full), full, nil
			}
			// The input named the resource by its ARN: that is the resource.
			return full, "", "", nil
		}
		if v == "" {
			missing = append(missing, name)
			b.WriteString("${" + name + "}")
			continue
		}
		if strings.ContainsAny(v, "*?$") && why == "" {
			// A policy's Resource reads * and ? as wildcards (and ${ as a
			// variable): an ARN holding them would grant more than this call.
			// The guard still decides on the literal ARN.
			why = fmt.Sprintf("%s %q holds a character a policy reads as a wildcard or variable", name, v)
		}
		b.WriteString(v)
	}
	switch {
	case len(missing) > 0:
		return "", "no value for " + strings.Join(missing, ", ") + " in the input or the config", b.String(), missing
	case why != "":
		return "", why, b.String(), nil
	}
	return b.String(), "", "", nil
}

// placeholder finds the value of one placeholder: from the config (Partition, Region,
// Account) or from the input field of the same meaning. full is set when the field
// held a whole ARN.
func placeholder(prefix, name string, in fields, e env, notes *[]string) (v, full string) {
	switch name {
	case "Partition":
		return e.partition, ""
	case "Region":
		return e.region, ""
	case "Account":
		// An input that names the account beats the config's: a queue URL.
		if u, ok := in.str("QueueUrl"); ok {
			if acct, _, ok := queueURL(u); ok {
				return acct, ""
			}
		}
		return e.account, ""
	}
	if prefix == "sqs" && name == "QueueName" {
		if u, ok := in.str("QueueUrl"); ok {
			if _, q, ok := queueURL(u); ok {
				return q, ""
			}
		}
	}
	if base, ok := strings.CutSuffix(name, "WithPath"); ok {
		// IAM: arn:aws:iam::123456789012:role/division/name. The path is in the
		// input only when the call sets it (CreateRole); elsewhere "/" is assumed.
		n, ok := in.first(base, strings.TrimSuffix(base, "Name"))
		if !ok {
			return "", ""
		}
		if isARN(n) {
			return "", n
		}
		p, ok := in.str("Path")
		if !ok {
			p = "/"
			note := fmt.Sprintf("%s %q: IAM path not in the input, assumed /", base, n)
			*notes = appendUnique(*notes, note)
		}
		return strings.TrimPrefix(p, "/") + n, ""
	}
	cands := []string{name}
	if alias, ok := aliases[prefix+":"+name]; ok {
		cands = append(alias, cands...)
	}
	if base, ok := strings.CutSuffix(name, "Name"); ok && base != "" {
		cands = append(cands, base)
	} else {
		cands = append(cands, name+"Name")
	}
	s, ok := in.first(cands...)
	if !ok {
		return "", ""
	}
	if isARN(s) {
		return "", s
	}
	if prefix == "lambda" && strings.Contains(s, ":") {
		// A partial ARN ("123456789012:function:name") or a qualified name: not
		// guessed at.
		return "", ""
	}
	return s, ""
}

// aliases are input fields whose name differs from the placeholder they fill, by
// "prefix:Placeholder"; the generic rules (Name, Name minus "Name", plus "Name")
// cover the rest.
var aliases = map[string][]string{
	"s3:ObjectName": {"Key"},
}

func isARN(s string) bool { return strings.HasPrefix(s, "arn:") }

// arnService returns the service segment of an ARN or ARN template.
func arnService(arn string) string {
	parts := strings.SplitN(arn, ":", 4)
	if len(parts) < 4 {
		return ""
	}
	return parts[2]
}

// queueURL splits "https://sqs.us-east-1.amazonaws.com/123456789012/name" into the
// account and the queue name.
func queueURL(s string) (account, name string, ok bool) {
	u, err := url.Parse(s)
	if err != nil {
		return "", "", false
	}
	parts := strings.Split(strings.Trim(u.Path, "/"), "/")
	if len(parts) != 2 || parts[0] == "" || parts[1] == "" {
		return "", "", false
	}
	return parts[0], parts[1], true
}

// fields reads string fields of an SDK input struct by name.
type fields struct{ v reflect.Value }

// str returns the non-empty value of a string or *string field (or of a named
// string type: the SDK's enums).
func (f fields) str(name string) (string, bool) {
	v := f.v
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			return "", false
		}
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct {
		return "", false
	}
	i := fieldIndex(v.Type(), name)
	if i < 0 {
		return "", false
	}
	fv := v.Field(i)
	if fv.Kind() == reflect.Pointer {
		if fv.IsNil() {
			return "", false
		}
		fv = fv.Elem()
	}
	if fv.Kind() != reflect.String || fv.String() == "" {
		return "", false
	}
	return fv.String(), true
}

func (f fields) first(names ...string) (string, bool) {
	for _, n := range names {
		if s, ok := f.str(n); ok {
			return s, true
		}
	}
	return "", false
}

func appendUnique(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

type fieldKey struct {
	t    reflect.Type
	name string
}

// fieldIndexes caches where a field is in an input type: reflect's FieldByName
// searches (and allocates) every time, and most names asked for are absent.
var fieldIndexes sync.Map // fieldKey → int, -1 when absent

// fieldIndex returns the index of the top-level field name of struct type t, or -1.
func fieldIndex(t reflect.Type, name string) int {
	k := fieldKey{t, name}
	if i, ok := fieldIndexes.Load(k); ok {
		return i.(int)
	}
	i := -1
	if f, ok := t.FieldByName(name); ok && len(f.Index) == 1 {
		i = f.Index[0]
	}
	fieldIndexes.Store(k, i)
	return i
}
