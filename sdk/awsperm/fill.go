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
	// iam:PassRole is granted instead (in Requests) when the input names the role.
	Dependent []string
	// Notes are assumptions made while filling, e.g. an IAM path taken as "/".
	Notes []string
	// Context holds the service's condition keys the input sets (s3:prefix from a
	// ListObjectsV2 Prefix), as the guard passes them to the evaluator, and
	// iam:PassedToService for a role the call passes.
	Context map[string][]string
	// NoAuthorization is set, with no Requests, for an operation the SDK sends
	// unsigned that no IAM action authorizes (SSO OIDC CreateToken): the sentence
	// why. Only such a call may pass a guard without a request to check.
	NoAuthorization string
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
	svc, ok := route(serviceID)
	if !ok {
		return Call{ServiceID: serviceID, Operation: op, Region: e.region},
			&UnmappedError{ServiceID: serviceID, Operation: op, Reason: "no IAM service prefix is known for this SDK service ID"}
	}
	return resolveRoute(svc, serviceID, op, input, e)
}

// resolveRoute maps one call of a service already routed (by its ID, or by the
// signing name the SDK signed it with) to the requests it needs.
func resolveRoute(svc svcRow, serviceID, op string, input any, e env) (Call, error) {
	c := Call{ServiceID: serviceID, Operation: op, Region: e.region, Prefix: svc.prefix}
	row, ok := operation(svc.table, op)
	if ok && row.nact == 0 && row.noAuth != 0 {
		c.NoAuthorization = noAuthReasons[row.noAuth-1]
		return c, nil
	}
	if !ok || row.nact == 0 {
		return c, &UnmappedError{ServiceID: serviceID, Operation: op, Reason: "no action of " + svc.prefix + " links to this operation"}
	}
	f := &filler{in: newFields(input), e: e, op: op, row: row, notes: &c.Notes}
	actions := row.actions()
	for _, w := range row.conds() {
		if f.condition(w.field) {
			actions = w.actions()
		}
	}
	names := make([]string, 0, len(actions))
	for _, ai := range actions {
		a := actionRows[ai]
		names = append(names, a.name)
		c.Requests = append(c.Requests, f.fillAction(a)...)
		for _, d := range a.dependent() {
			c.Dependent = appendUnique(c.Dependent, d)
		}
	}
	c.Context = requestKeys(svc.prefix, names, f.in)
	f.passRole(&c)
	return c, nil
}

// filler fills the ARN templates of one call's actions from its input.
type filler struct {
	in    fields
	e     env
	op    string
	row   opRow
	notes *[]string
	res   []resRef // the resource types of the action being filled
}

// condition reports whether a conditional row applies: its field is set, or for
// "@s3-outposts" the input names an S3 on Outposts resource.
func (f *filler) condition(field string) bool {
	if field == "@s3-outposts" {
		if _, ok := f.in.str("OutpostId"); ok {
			return true
		}
		return f.in.anyString(func(s string) bool { return strings.HasPrefix(s, "arn:") && arnService(s) == "s3-outposts" })
	}
	return f.in.set(field)
}

// fillAction returns the requests of one action: one per resource the input names
// for each resource type (several for a list field); a required type that cannot
// be filled gives "*" with the reason. An action with no resource type gives "*"
// (AWS's own rule); one whose types are all optional (S3 marks none required) and
// none could be filled gives "*" with the reasons, so that it is reported, not
// granted silently. Optional types the input names are kept: AWS checks every
// resource the request names (SSM SendCommand: the document and the instances).
func (f *filler) fillAction(a actionRow) []Request {
	var out []Request
	var optional []string
	res := a.resources()
	if f.row.rt != 0 {
		// API Gateway: the call's path names its one resource type.
		res = []resRef{{rt: f.row.rt - 1, required: true}}
	}
	f.res = res
	var failed []uint16 // optional types not filled: told to the guard only if none is
	for _, r := range res {
		rt := rtRows[r.rt]
		ft := f.fillTemplate(r.rt, r.required)
		switch {
		case ft.why == "":
			for _, arn := range ft.arns {
				out = append(out, Request{Action: a.name, Resource: arn, ResourceType: rt.name, Template: ft.tmpl, UnknownParts: ft.parts})
			}
		case r.required:
			out = append(out, Request{Action: a.name, Resource: "*", ResourceType: rt.name, Unfilled: rt.name + ": " + ft.why,
				Template: ft.tmpl, UnknownParts: ft.parts})
		default:
			optional = append(optional, rt.name+": "+ft.why)
			failed = append(failed, r.rt)
		}
	}
	if len(out) == 0 {
		why := strings.Join(optional, "; ")
		var partial []Request // optional types known in part, for the guard
		for _, idx := range failed {
			if ft := f.fillTemplate(idx, true); ft.tmpl != "" {
				partial = append(partial, Request{Action: a.name, Resource: "*", ResourceType: rtRows[idx].name, Template: ft.tmpl, UnknownParts: ft.parts})
			}
		}
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

// filled is fillTemplate's answer: the ARNs, or why not and, for the guard, what
// is known of the resource (tmpl, with the unknown parts named).
type filled struct {
	arns  []string
	why   string
	tmpl  string
	parts []string
}

// envPlaceholder reports whether a placeholder is the config's, not the input's.
func envPlaceholder(name string) bool {
	return name == "Partition" || name == "Region" || name == "Account"
}

// fillTemplate fills every ${Placeholder} of an ARN template: the ARNs (one per
// element of the list field that filled a placeholder), or why it could not.
func (f *filler) fillTemplate(idx uint16, withTmpl bool) filled {
	rt, info := rtRows[idx], &rtInfos()[idx]
	parts := info.parts
	if parts == nil {
		return filled{why: "template " + rt.pattern + " has an unclosed placeholder"}
	}
	if why := f.notThisType(rt); why != "" {
		return filled{why: why}
	}
	// A field holding the resource's whole ARN names it directly, if the ARN is
	// one of this type (checked against the template).
	if full, ok := f.wholeARN(rt, info); ok {
		return filled{arns: full}
	}
	var vbuf [16]partVal // on the stack: most templates have fewer parts
	var values []partVal
	if len(parts) <= len(vbuf) {
		values = vbuf[:len(parts)]
	} else {
		values = make([]partVal, len(parts))
	}
	var missing, missingParts []string
	var wildcard string // the first value's why that holds a wildcard character
	listAt := -1
	for i, p := range parts {
		if !p.placeholder {
			continue
		}
		pv, full, err := f.placeholder(rt, info, i)
		if err == notThisKind {
			err = "the input names no " + rt.name
		}
		if err != "" && pv.set && wildcard == "" {
			// The guard still decides on the literal ARN (unknown is not
			// absent); the recorder reports it.
			wildcard = err
		} else if err != "" {
			return filled{why: err}
		}
		if full != "" {
			if !matchParts(parts, full) {
				if svc := arnService(full); svc != arnService(rt.pattern) {
					return filled{why: p.text + " is an ARN of " + svc + " (" + full + "), not of " + arnService(rt.pattern)}
				}
				return filled{why: p.text + " is an ARN (" + full + ") that is not of the form " + rt.pattern}
			}
			if strings.ContainsAny(full, "*?$") {
				return filled{why: fmt.Sprintf("%s %q holds a character a policy reads as a wildcard or variable", p.text, full), tmpl: full}
			}
			return filled{arns: []string{full}}
		}
		if !pv.set {
			if p.text == "Account" && f.e.account == "" {
				missing = append(missing, "Account (set awsperm.Account)")
			} else {
				missing = append(missing, p.text)
			}
			missingParts = append(missingParts, p.text)
			continue
		}
		if pv.list != nil {
			if listAt >= 0 {
				return filled{why: "two list fields fill " + parts[listAt].text + " and " + p.text + ": not guessed at"}
			}
			listAt = i
		}
		values[i] = pv
	}
	if len(missing) > 0 {
		// A field holding an ARN of this type under another name (a4b's
		// SkillGroupArn for skill-group/${ResourceId}, DMS's SourceEndpointArn):
		// taken when the template's form matches, which tells the types apart.
		if arns := f.anyARNField(parts); len(arns) > 0 {
			return filled{arns: arns}
		}
		if arns := f.arnOfAnyName(idx); len(arns) > 0 {
			return filled{arns: arns}
		}
		why := "no value for " + strings.Join(missing, ", ") + " in the input or the config"
		if listAt >= 0 {
			return filled{why: why} // one template per element: not told to the guard
		}
		if !withTmpl {
			return filled{why: why}
		}
		return filled{why: why, tmpl: f.assemble(parts, values, -1, 0), parts: missingParts}
	}
	f.awsOwned(rt, parts, values)
	n := 1
	if listAt >= 0 {
		n = len(values[listAt].list)
	}
	if wildcard != "" {
		if listAt >= 0 {
			return filled{why: wildcard}
		}
		if !withTmpl {
			return filled{why: wildcard}
		}
		return filled{why: wildcard, tmpl: f.assemble(parts, values, -1, 0)}
	}
	arns := make([]string, 0, n)
	for k := range n {
		arns = append(arns, f.assemble(parts, values, listAt, k))
	}
	ft := filled{arns: arns}
	if len(arns) == 1 && secretByName(rt, parts, values) {
		// A secret named by name: the six random characters of its ARN are
		// not known. The policy's form (-??????) is the resource the recorder
		// writes; the guard decides with the suffix unknown.
		ft.tmpl = strings.TrimSuffix(arns[0], "-??????") + "-${SecretId}"
		ft.parts = []string{"SecretId"}
	}
	return ft
}

// assemble writes one ARN of a template: the list's k-th element at listAt, the
// other values, and ${Name} for a placeholder with none.
func (f *filler) assemble(parts []templatePart, values []partVal, listAt, k int) string {
	var b strings.Builder
	for i, p := range parts {
		switch {
		case !p.placeholder:
			b.WriteString(p.text)
		case i == listAt:
			b.WriteString(values[i].list[k])
		case !values[i].set:
			b.WriteString("${" + p.text + "}")
		default:
			b.WriteString(values[i].one)
		}
	}
	return b.String()
}

// secretByName reports whether a Secrets Manager secret was filled from its name
// (cleanOne appended -??????).
func secretByName(rt rtRow, parts []templatePart, values []partVal) bool {
	if rt.prefix != "secretsmanager" {
		return false
	}
	for i, p := range parts {
		if p.text == "SecretId" && strings.HasSuffix(values[i].one, "-??????") {
			return true
		}
	}
	return false
}

// rtInfo is what the filling derives from a resource type, once for all of them
// (a map or a string built per call costs allocations on every call).
type rtInfo struct {
	parts []templatePart
	camel string   // the type's name in a field's form: resolver-rule → ResolverRule
	bases []string // per part, a placeholder's base: TopicName → Topic
	// per part, the key a placeholder is matched to fields by meaning
	// (fill_names.go), and whether it is generic (ResourceId, Id, Name …)
	keys    []string
	kbounds []uint64 // where each word of a key starts
	typeKey string   // the type's name as a key: geofence-collection → geofencecollection
	generic []bool
	// acctAt is the part that is the ARN's account field when the page names it
	// ${AccountId} (Chime, DataSync, HealthLake), else -1
	acctAt int
}

// typeKeyReplacer drops the separators of a resource type's name.
var typeKeyReplacer = strings.NewReplacer("-", "", "_", "", " ", "")

var rtInfos = sync.OnceValue(func() []rtInfo {
	out := make([]rtInfo, len(rtRows))
	for i, rt := range rtRows {
		parts := splitTemplate(rt.pattern)
		bases := make([]string, len(parts))
		keys := make([]string, len(parts))
		kbounds := make([]uint64, len(parts))
		generic := make([]bool, len(parts))
		for j, p := range parts {
			if p.placeholder {
				bases[j] = trimNameSuffix(p.text)
				keys[j], generic[j] = placeholderKey(rt.name, p.text)
				_, kbounds[j] = wordKey(nameWords(p.text))
			}
		}
		out[i] = rtInfo{parts: parts, camel: camel(rt.name), bases: bases, keys: keys, kbounds: kbounds, generic: generic, acctAt: accountField(parts),
			typeKey: strings.ToLower(typeKeyReplacer.Replace(rt.name))}
	}
	return out
})

// accountField returns the index of a template's ${AccountId} placeholder when it
// is the ARN's fifth field, the account (arn:partition:service:region:account:…),
// else -1.
func accountField(parts []templatePart) int {
	colons := 0
	for i, p := range parts {
		if !p.placeholder {
			colons += strings.Count(p.text, ":")
			continue
		}
		if colons == 4 && p.text == "AccountId" && i+1 < len(parts) && strings.HasPrefix(parts[i+1].text, ":") {
			return i
		}
		if colons >= 4 {
			return -1
		}
	}
	return -1
}

// awsAccountID reports whether s has an AWS account ID's form: twelve digits.
func awsAccountID(s string) bool {
	if len(s) != 12 {
		return false
	}
	for i := range len(s) {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// templatePart is a literal or a ${Placeholder} of an ARN template.
type templatePart struct {
	text        string // the literal, or the placeholder's name
	placeholder bool
}

var templateParts sync.Map // pattern → []templatePart

func splitTemplate(pattern string) []templatePart {
	if v, ok := templateParts.Load(pattern); ok {
		return v.([]templatePart)
	}
	var parts []templatePart
	rest := pattern
	for {
		i := strings.Index(rest, "${")
		if i < 0 {
			if rest != "" {
				parts = append(parts, templatePart{text: rest})
			}
			break
		}
		j := strings.Index(rest[i:], "}")
		if j < 0 {
			return nil
		}
		if i > 0 {
			parts = append(parts, templatePart{text: rest[:i]})
		}
		parts = append(parts, templatePart{text: rest[i+2 : i+j], placeholder: true})
		rest = rest[i+j+1:]
	}
	templateParts.Store(pattern, parts)
	return parts
}

// matchTemplate reports whether arn is of the form of an ARN template: literals
// equal, ${Partition}, ${Region} and ${Account} one ARN field each (no ":"), any
// other placeholder one or more characters (names may hold "/" and ":").
func matchTemplate(pattern, arn string) bool {
	return matchParts(splitTemplate(pattern), arn)
}

func matchParts(parts []templatePart, arn string) bool {
	var match func(i int, s string) bool
	// matchLit matches what is left of the i-th part, a literal, whose "*" (DMS's
	// rep:*: the page's template names no part of the resource) stands for one
	// or more characters, as in a policy: an ARN the input names of that form is
	// one of the resources the template covers, and narrower.
	var matchLit func(i int, lit, s string) bool
	matchLit = func(i int, lit, s string) bool {
		j := strings.IndexByte(lit, '*')
		if j < 0 {
			rest, ok := strings.CutPrefix(s, lit)
			return ok && match(i+1, rest)
		}
		rest, ok := strings.CutPrefix(s, lit[:j])
		if !ok {
			return false
		}
		for k := 1; k <= len(rest); k++ {
			if matchLit(i, lit[j+1:], rest[k:]) {
				return true
			}
		}
		return false
	}
	match = func(i int, s string) bool {
		if i == len(parts) {
			return s == ""
		}
		p := parts[i]
		if !p.placeholder {
			return matchLit(i, p.text, s)
		}
		for k := 0; k <= len(s); k++ {
			if envPlaceholder(p.text) {
				if k > 0 && s[k-1] == ':' {
					return false
				}
			} else if k == 0 {
				continue
			}
			if match(i+1, s[k:]) {
				return true
			}
		}
		return false
	}
	return match(0, arn)
}

// wholeARN finds an input field that holds the resource's ARN: XArn, XARN (X the
// resource type's name or its name placeholder's base), and the generic
// ResourceArn / Arn; list fields XArns / ResourceArns give one ARN per element.
// Only ARNs of the template's form are taken.
func (f *filler) wholeARN(rt rtRow, info *rtInfo) ([]string, bool) {
	parts := info.parts
	try := func(base string) ([]string, bool) {
		for _, suffix := range [...]string{"Arn", "ARN"} {
			if s, ok := f.in.str2(base, suffix); ok {
				if s = trimLogsWildcard(s); matchParts(parts, s) && !strings.ContainsAny(s, "*?$") {
					return []string{s}, true
				}
			}
			if list, ok := f.in.strs2(base, suffix+"s"); ok && allMatch(parts, list) {
				return list, true
			}
		}
		return nil, false
	}
	if arns, ok := try(info.camel); ok {
		return arns, true
	}
	for j, p := range parts {
		if p.placeholder && !envPlaceholder(p.text) {
			if arns, ok := try(info.bases[j]); ok {
				return arns, true
			}
		}
	}
	for _, name := range [...]string{"ResourceArn", "ResourceARN", "Arn", "ARN"} {
		if s, ok := f.in.str(name); ok && matchParts(parts, s) && !strings.ContainsAny(s, "*?$") {
			return []string{s}, true
		}
	}
	if list, ok := f.in.strs("ResourceArns"); ok && allMatch(parts, list) {
		return list, true
	}
	return nil, false
}

// anyARNField returns the ARNs of the template's form held by top-level fields
// whose names end in Arn or ARN (Arns, ARNs: each element), in field order: the
// last resort when the template's parts are not in the input by name. Every
// such field is taken (a source and a target endpoint are both the call's).
func (f *filler) anyARNField(parts []templatePart) []string {
	if f.in.idx == nil {
		return nil
	}
	var out []string
	for _, i := range arnFieldsOf(f.in.v.Type()) {
		fv := f.in.v.Field(i)
		if fv.Kind() == reflect.Pointer {
			if fv.IsNil() {
				continue
			}
			fv = fv.Elem()
		}
		switch {
		case fv.Kind() == reflect.String:
			if s := trimLogsWildcard(fv.String()); matchParts(parts, s) && !strings.ContainsAny(s, "*?$") {
				out = appendUnique(out, s)
			}
		case fv.Kind() == reflect.Slice && fv.Type().Elem().Kind() == reflect.String:
			for j := range fv.Len() {
				if s := fv.Index(j).String(); matchParts(parts, s) && !strings.ContainsAny(s, "*?$") {
					out = appendUnique(out, s)
				}
			}
		}
	}
	return out
}

// arnFields caches each input type's fields named ...Arn, ...ARN, ...Arns, ...ARNs.
var arnFields sync.Map // reflect.Type → []int

func arnFieldsOf(t reflect.Type) []int {
	if v, ok := arnFields.Load(t); ok {
		return v.([]int)
	}
	var idx []int
	for i := range t.NumField() {
		sf := t.Field(i)
		n := strings.TrimSuffix(sf.Name, "s")
		if sf.IsExported() && (strings.HasSuffix(n, "Arn") || strings.HasSuffix(n, "ARN")) {
			idx = append(idx, i)
		}
	}
	v, _ := arnFields.LoadOrStore(t, idx)
	return v.([]int)
}

func allMatch(parts []templatePart, arns []string) bool {
	for _, a := range arns {
		if !matchParts(parts, a) || strings.ContainsAny(a, "*?$") {
			return false
		}
	}
	return len(arns) > 0
}

// trimLogsWildcard drops the ":*" CloudWatch Logs appends to log-group ARNs it
// returns (DescribeLogGroups' arn): the IAM resource of the group is without it.
func trimLogsWildcard(s string) string {
	if strings.HasPrefix(s, "arn:") && arnService(s) == "logs" {
		return strings.TrimSuffix(s, ":*")
	}
	return s
}

// placeholder finds the values of the i-th part of a template, a placeholder: from
// the config (Partition, Region, Account) or from the input by the rules of
// docs/sdk-resources.md. full is set when the field held a whole ARN; why when
// the value cannot be used.
func (f *filler) placeholder(rt rtRow, info *rtInfo, i int) (v partVal, full, why string) {
	parts := info.parts
	name := parts[i].text
	switch name {
	case "Partition":
		return single(f.e.partition), "", ""
	case "Region":
		return single(f.e.region), "", ""
	case "Account":
		// An input that names the account beats the config's: a queue URL, S3
		// Control's AccountId.
		if u, ok := f.in.str("QueueUrl"); ok {
			if acct, _, ok := queueURL(u); ok {
				return single(acct), "", ""
			}
		}
		if a, ok := f.in.str("AccountId"); ok && rt.prefix == "s3" {
			return single(a), "", ""
		}
		return single(f.e.account), "", ""
	}
	if i == info.acctAt {
		// The page's ${AccountId} in the ARN's account field is the account
		// that owns the resource, as ${Account} is: the input's AccountId
		// where it is an AWS account ID (twelve digits; Chime's AccountId is
		// a Chime account's UUID, never in an ARN's account field), else the
		// config's.
		if a, ok := f.in.str("AccountId"); ok && awsAccountID(a) {
			return single(a), "", ""
		}
		return single(f.e.account), "", ""
	}
	if rt.prefix == "sqs" && name == "QueueName" {
		if u, ok := f.in.str("QueueUrl"); ok {
			if _, q, ok := queueURL(u); ok {
				return single(q), "", ""
			}
		}
	}
	for _, b := range f.row.binds() {
		if b.placeholder == name {
			s, ok := f.in.str(b.field)
			if !ok {
				return partVal{}, "", ""
			}
			return f.cleanOne(rt, name, s)
		}
	}
	if base, ok := strings.CutSuffix(name, "WithPath"); ok {
		return f.iamPath(base)
	}
	var cbuf [16]cand
	cands := f.candidates(cbuf[:0], rt, info, i)
	for _, c := range cands {
		if s, ok := f.in.str2(c.base, c.suffix); ok {
			if isARN(s) {
				return partVal{}, trimLogsWildcard(s), ""
			}
			return f.cleanOne(rt, name, s)
		}
	}
	for _, c := range cands {
		if list, ok := f.in.strs2(c.base, plural(c.suffix)); ok {
			for _, s := range list {
				if isARN(s) {
					return partVal{}, "", name + " list " + c.base + plural(c.suffix) + " holds an ARN (" + s + "): not split into names"
				}
			}
			out := make([]string, 0, len(list))
			for _, s := range list {
				pv, _, why := f.cleanOne(rt, name, s)
				if why != "" && why != notThisKind {
					return partVal{}, "", why
				}
				if pv.set {
					out = append(out, pv.one)
				}
			}
			if len(out) == 0 {
				return partVal{}, "", "the input names no " + rt.name
			}
			if len(out) == 1 {
				return single(out[0]), "", ""
			}
			return partVal{list: out, set: true}, "", ""
		}
	}
	if s, why, ok := f.byMeaning(info, i); ok {
		if isARN(s) {
			return partVal{}, trimLogsWildcard(s), ""
		}
		return f.cleanOne(rt, name, s)
	} else if why != "" {
		return partVal{}, "", why
	}
	return partVal{}, "", ""
}

// partVal is the value of one placeholder: one string, or a list (one ARN per
// element).
type partVal struct {
	one  string
	list []string
	set  bool
}

func single(s string) partVal { return partVal{one: s, set: s != ""} }

// cand is a candidate field's name, base+suffix, kept in two parts so that
// looking it up builds no string.
type cand struct{ base, suffix string }

// plural is the list field's suffix of a candidate's: InstanceId → InstanceIds.
func plural(suffix string) string {
	switch suffix {
	case "Name":
		return "Names"
	case "Id":
		return "Ids"
	case "Identifier":
		return "Identifiers"
	case "Key":
		return "Keys"
	}
	return suffix + "s"
}

// candidates are the input fields that may fill a placeholder, most specific first
// (docs/sdk-resources.md):
//  1. aliases of the service (s3 ObjectName ← Key; kms KeyId ← TargetKeyId);
//  2. the placeholder's name; its base with Name, Id, Identifier (TopicName:
//     TopicName, Topic, TopicId …);
//  3. a generic placeholder (ResourceId, Id, ResourceName, Name) by the resource
//     type's name (route53resolver resolver-rule/${ResourceId} ← ResolverRuleId),
//     never by the bare field, which names another resource (a VPC);
//  4. the bare Name, Id, Identifier, when the placeholder is the last of the
//     template (the resource's own name) and the operation is named after the
//     resource type or the placeholder's base (CreateTopic's Name → ${TopicName};
//     PutParameter's Name → ${ParameterNameWithoutLeadingSlash}; PutRule's Name →
//     ${RuleName}).
func (f *filler) candidates(out []cand, rt rtRow, info *rtInfo, i int) []cand {
	parts := info.parts
	name := parts[i].text
	if rt.prefix == "s3" || rt.prefix == "kms" || rt.prefix == "rds" {
		for _, a := range aliases[rt.prefix+":"+name] {
			out = append(out, cand{a, ""})
		}
	}
	generic := name == "ResourceId" || name == "ResourceName" || name == "Id" || name == "Name" || name == "Identifier"
	base := info.bases[i]
	if generic {
		base = info.camel
	} else {
		out = append(out, cand{name, ""})
	}
	if base != "" {
		out = append(out, cand{base, "Name"}, cand{base, "Id"}, cand{base, "Identifier"}, cand{base, ""})
	}
	last := true
	for _, p := range parts[i+1:] {
		if p.placeholder {
			last = false
		}
	}
	if last && (containsFold(f.op, info.camel) || !generic && base != "" && containsFold(f.op, base)) {
		out = append(out, cand{"", "Name"}, cand{"", "Id"}, cand{"", "Identifier"})
	}
	return out
}

// notThisKind is cleanOne's why for a value that is not of this resource type (an
// SSM managed node where the type is an EC2 instance): left out of a list.
const notThisKind = "not of this resource type"

// cleanOne turns an input value into a placeholder value by the service's
// documented forms; why is set when it cannot be used.
func (f *filler) cleanOne(rt rtRow, name, v string) (pv partVal, full, why string) {
	if rt.prefix == "ssm" && name == "InstanceId" && strings.HasPrefix(v, "mi-") != (rt.name == "managed-instance") {
		// SSM: "mi-" IDs are managed (hybrid) nodes, arn:…:managed-instance/mi-…;
		// EC2 instances are arn:…:ec2:…:instance/i-…. A call names one kind.
		return partVal{}, "", notThisKind
	}
	if strings.ContainsAny(v, "*?$") {
		// A policy's Resource reads * and ? as wildcards (and ${ as a
		// variable): an ARN holding them would grant more than this call. The
		// value is kept for the guard, which decides on the literal ARN.
		return single(v), "", fmt.Sprintf("%s %q holds a character a policy reads as a wildcard or variable", name, v)
	}
	switch {
	case strings.HasSuffix(name, "WithoutLeadingSlash"):
		// SSM: a parameter "/app/db" is arn:…:parameter/app/db.
		v = strings.TrimPrefix(v, "/")
	case rt.prefix == "kms" && name == "Alias":
		// An alias is "alias/app" in the API and alias/app in the ARN, whose
		// template already has "alias/".
		v = strings.TrimPrefix(v, "alias/")
	case rt.prefix == "kms" && name == "KeyId" && strings.HasPrefix(v, "alias/"):
		return partVal{}, "", fmt.Sprintf("KeyId %q is an alias: the key it points to is not in the input (AWS authorizes the key)", v)
	case rt.prefix == "secretsmanager" && name == "SecretId":
		// Secrets Manager appends six random characters to a secret's name in
		// its ARN; a secret named by name is any of them. Secrets Manager User
		// Guide: "arn:aws:secretsmanager:Region:AccountId:secret:SecretName-6RandomCharacters".
		*f.notes = appendUnique(*f.notes, fmt.Sprintf("secret %q named by name: its ARN ends in six random characters, written -??????", v))
		v += "-??????"
	case rt.prefix == "lambda" && strings.Contains(v, ":"):
		// A partial ARN ("123456789012:function:name") or a qualified name:
		// not guessed at.
		return partVal{}, "", ""
	}
	return single(v), "", ""
}

// iamPath fills IAM's ${RoleNameWithPath}: arn:aws:iam::123456789012:role/division/name.
// The path is in the input only when the call sets it (CreateRole); elsewhere "/"
// is assumed and noted.
func (f *filler) iamPath(base string) (v partVal, full, why string) {
	n, ok := f.in.first(base, strings.TrimSuffix(base, "Name"))
	if !ok {
		return partVal{}, "", ""
	}
	if isARN(n) {
		return partVal{}, n, ""
	}
	p, ok := f.in.str("Path")
	if !ok {
		p = "/"
		*f.notes = appendUnique(*f.notes, fmt.Sprintf("%s %q: IAM path not in the input, assumed /", base, n))
	}
	return single(strings.TrimPrefix(p, "/") + n), "", ""
}

// notThisType says why a resource type is not the one the call names, where two
// types differ by what the input sets: EventBridge rules on the default bus
// (rule/NAME) and on a custom bus (rule/BUS/NAME); an unset EventBusName is the
// default bus (EventBridge API reference, PutRule: "If you omit this, the default
// event bus is used").
func (f *filler) notThisType(rt rtRow) string {
	if rt.prefix != "events" {
		return ""
	}
	bus, set := f.in.str("EventBusName")
	custom := set && bus != "default" && !isARN(bus)
	switch rt.name {
	case "rule-on-default-event-bus":
		if custom {
			return "the call names the event bus " + bus
		}
	case "rule-on-custom-event-bus":
		if !custom {
			return "the call names the default event bus"
		}
	}
	return ""
}

// awsOwned empties the account of a resource AWS owns, as AWS writes its ARN: SSM
// documents named AWS-… or Amazon… (AWS Systems Manager User Guide: documents
// owned by Amazon have no account ID in their ARN, e.g.
// arn:aws:ssm:us-east-2::document/AWS-RunShellScript).
func (f *filler) awsOwned(rt rtRow, parts []templatePart, values []partVal) {
	if rt.prefix != "ssm" || rt.name != "document" {
		return
	}
	for i, p := range parts {
		if v := values[i].one; p.text == "DocumentName" && values[i].list == nil && (strings.HasPrefix(v, "AWS") || strings.HasPrefix(v, "Amazon")) {
			for j, q := range parts {
				if q.placeholder && q.text == "Account" {
					values[j] = partVal{set: true}
				}
			}
		}
	}
}

// roleFields are the input fields that name a role a call passes to a service.
var roleFields = [...]string{"Role", "RoleArn", "RoleARN", "ExecutionRoleArn", "ServiceRole", "ServiceRoleArn", "IamRoleArn", "DataAccessRoleArn"}

// passedTo are the service principals of the services whose calls pass a role
// (iam:PassedToService), by prefix: the principal each service's PassRole
// documentation names.
var passedTo = map[string]string{
	"lambda": "lambda.amazonaws.com", "states": "states.amazonaws.com", "glue": "glue.amazonaws.com",
	"events": "events.amazonaws.com", "elasticmapreduce": "elasticmapreduce.amazonaws.com",
	"eks": "eks.amazonaws.com", "codebuild": "codebuild.amazonaws.com", "cloudformation": "cloudformation.amazonaws.com",
	"sagemaker": "sagemaker.amazonaws.com", "scheduler": "scheduler.amazonaws.com", "pipes": "pipes.amazonaws.com",
}

// passRole grants iam:PassRole on the role the input names, when the actions list
// it as dependent (IAM User Guide: "To pass a role (and its permissions) to an AWS
// service, a user must have permissions to pass the role to the service"), with
// iam:PassedToService where the service's principal is known; the role then is no
// longer only reported as dependent.
func (f *filler) passRole(c *Call) {
	defer passedToService(c)
	dep := -1
	for i, d := range c.Dependent {
		if d == "iam:PassRole" {
			dep = i
		}
	}
	if dep < 0 {
		return
	}
	var role string
	for _, name := range roleFields {
		if s, ok := f.in.str(name); ok {
			role = s
			break
		}
	}
	if role == "" {
		return
	}
	if !isARN(role) {
		if f.e.account == "" || strings.ContainsAny(role, "*?$") {
			return
		}
		*f.notes = appendUnique(*f.notes, fmt.Sprintf("role %q named by name: IAM path assumed /", role))
		role = "arn:" + f.e.partition + ":iam::" + f.e.account + ":role/" + role
	} else if arnService(role) != "iam" || strings.ContainsAny(role, "*?$") {
		return
	}
	c.Requests = append(c.Requests, Request{Action: "iam:PassRole", Resource: role, ResourceType: "role"})
	c.Dependent = append(c.Dependent[:dep:dep], c.Dependent[dep+1:]...)
	if len(c.Dependent) == 0 {
		c.Dependent = nil
	}
}

// passedToService sets iam:PassedToService for a call that passes a role (a
// dependent granted above, or an override's iam:PassRole: EKS CreateCluster),
// where the service's principal is known.
func passedToService(c *Call) {
	p, ok := passedTo[c.Prefix]
	if !ok {
		return
	}
	for _, q := range c.Requests {
		if q.Action == "iam:PassRole" {
			if c.Context == nil {
				c.Context = map[string][]string{}
			}
			c.Context["iam:PassedToService"] = []string{p}
			return
		}
	}
}

// containsFold reports whether s holds sub, without case (an operation's name and
// a resource type's or placeholder's, both letters and digits).
func containsFold(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}

// trimNameSuffix returns a placeholder's base: TopicName → Topic, ClusterId →
// Cluster, ParameterNameWithoutLeadingSlash → Parameter.
func trimNameSuffix(name string) string {
	name = strings.TrimSuffix(name, "WithoutLeadingSlash")
	for _, s := range [...]string{"Name", "Identifier", "Id", "Arn", "ARN"} {
		if b, ok := strings.CutSuffix(name, s); ok && b != "" {
			return b
		}
	}
	return name
}

// camel turns a resource type's name into a field name's form: resolver-rule →
// ResolverRule, log-group → LogGroup.
func camel(s string) string {
	var b strings.Builder
	up := true
	for _, r := range s {
		switch {
		case r == '-' || r == '_' || r == ' ':
			up = true
		case up && r >= 'a' && r <= 'z':
			b.WriteRune(r - 'a' + 'A')
			up = false
		default:
			b.WriteRune(r)
			up = false
		}
	}
	return b.String()
}

// aliases are input fields whose name differs from the placeholder they fill, by
// "prefix:Placeholder"; the generic rules cover the rest.
var aliases = map[string][]string{
	"s3:ObjectName": {"Key"},
	"kms:KeyId":     {"KeyId", "TargetKeyId"},
	"kms:Alias":     {"AliasName"},
	// RDS page, cluster: arn:${Partition}:rds:${Region}:${Account}:cluster:${DbClusterInstanceName};
	// the API names the cluster DBClusterIdentifier (DocumentDB and Neptune too).
	"rds:DbClusterInstanceName": {"DBClusterIdentifier"},
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

// fields reads the top-level fields of an SDK input struct by name.
type fields struct {
	v   reflect.Value  // the struct, or invalid
	idx map[string]int // field name → index
}

// newFields dereferences an input once and loads its field index.
func newFields(input any) fields {
	v := reflect.ValueOf(input)
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			return fields{}
		}
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct {
		return fields{}
	}
	return fields{v: v, idx: fieldIndexOf(v.Type())}
}

// field returns the value of a set (non-nil) field, dereferenced.
func (f fields) field(name string) (reflect.Value, bool) {
	if f.idx == nil {
		return reflect.Value{}, false
	}
	i, ok := f.idx[name]
	if !ok {
		return reflect.Value{}, false
	}
	fv := f.v.Field(i)
	if fv.Kind() == reflect.Pointer {
		if fv.IsNil() {
			return reflect.Value{}, false
		}
		fv = fv.Elem()
	}
	return fv, true
}

// str returns the non-empty value of a string or *string field (or of a named
// string type: the SDK's enums).
func (f fields) str(name string) (string, bool) {
	fv, ok := f.field(name)
	if !ok || fv.Kind() != reflect.String || fv.String() == "" {
		return "", false
	}
	return fv.String(), true
}

// str2 is str of the field base+suffix: the name is built where it cannot
// escape, so the lookup allocates nothing.
func (f fields) str2(base, suffix string) (string, bool) {
	if f.idx == nil {
		return "", false
	}
	i, ok := f.idx[base+suffix]
	if !ok {
		return "", false
	}
	return f.strAt(i)
}

// strs2 is strs of the field base+suffix.
func (f fields) strs2(base, suffix string) ([]string, bool) {
	if f.idx == nil {
		return nil, false
	}
	if _, ok := f.idx[base+suffix]; !ok {
		return nil, false
	}
	return f.strs(base + suffix)
}

func (f fields) strAt(i int) (string, bool) {
	fv := f.v.Field(i)
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

// strs returns the non-empty elements of a []string field, in order; ok only
// when there is at least one.
func (f fields) strs(name string) ([]string, bool) {
	fv, ok := f.field(name)
	if !ok || fv.Kind() != reflect.Slice || fv.Type().Elem().Kind() != reflect.String || fv.Len() == 0 {
		return nil, false
	}
	out := make([]string, 0, fv.Len())
	for j := range fv.Len() {
		if s := fv.Index(j).String(); s != "" {
			out = append(out, s)
		}
	}
	return out, len(out) > 0
}

// set reports whether a field is set: a non-empty string, list or map, a non-nil
// pointer (SQS CreateQueue's Tags, S3 GetObject's VersionId).
func (f fields) set(name string) bool {
	if f.idx == nil {
		return false
	}
	i, ok := f.idx[name]
	if !ok {
		return false
	}
	fv := f.v.Field(i)
	switch fv.Kind() {
	case reflect.Pointer, reflect.Interface:
		if fv.IsNil() {
			return false
		}
		if e := fv.Elem(); e.Kind() == reflect.String {
			return e.String() != ""
		}
		return true
	case reflect.String, reflect.Slice, reflect.Map:
		return fv.Len() > 0
	case reflect.Bool:
		return fv.Bool()
	}
	return !fv.IsZero()
}

// anyString reports whether some top-level string field satisfies ok.
func (f fields) anyString(ok func(string) bool) bool {
	if f.idx == nil {
		return false
	}
	for _, i := range f.idx {
		fv := f.v.Field(i)
		if fv.Kind() == reflect.Pointer && !fv.IsNil() {
			fv = fv.Elem()
		}
		if fv.Kind() == reflect.String && ok(fv.String()) {
			return true
		}
	}
	return false
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

// fieldIndexes caches each input type's exported top-level fields by name:
// reflect's FieldByName searches (and allocates) every time, and most names asked
// for are absent.
var fieldIndexes sync.Map // reflect.Type → map[string]int

func fieldIndexOf(t reflect.Type) map[string]int {
	if m, ok := fieldIndexes.Load(t); ok {
		return m.(map[string]int)
	}
	m := map[string]int{}
	for i := range t.NumField() {
		if sf := t.Field(i); sf.IsExported() {
			m[sf.Name] = i
		}
	}
	v, _ := fieldIndexes.LoadOrStore(t, m)
	return v.(map[string]int)
}
