package awsperm

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// The peer's resource side, frozen by go run ./internal/awsops/peercheck in a
// data-only module of the repository (no module zip holds it).
const peerResourcesFile = "../../internal/awsops/peercheck/testdata/peer-iamlive-resources.tsv.gz"

// peerMapping is what the peer fills for one method's primary action: a
// placeholder from a template of parameters, a resource type's whole ARN from a
// parameter, or the whole ARN.
type peerMapping struct {
	ResourceMappings    map[string]struct{ Template string } `json:"resource_mappings"`
	ResourceARNMappings map[string]string                    `json:"resourcearn_mappings"`
	ARNOverride         *struct{ Template string }           `json:"arn_override"`
}

type peerResourceRow struct {
	method, table, op, action string
	peer                      peerMapping
}

func loadPeerResources(t *testing.T) []peerResourceRow {
	t.Helper()
	f, err := os.Open(peerResourcesFile)
	if err != nil {
		if _, statErr := os.Stat("../../go.mod"); statErr != nil {
			t.Skipf("not in the permgen repository (%v)", err)
		}
		t.Fatal(err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	var rows []peerResourceRow
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if strings.HasPrefix(text, "#") || strings.HasPrefix(text, "method\t") {
			continue
		}
		cols := strings.Split(text, "\t")
		if len(cols) != 5 {
			t.Fatalf("%s: line %d has %d columns, want 5", peerResourcesFile, line, len(cols))
		}
		r := peerResourceRow{method: cols[0], table: cols[1], op: cols[2], action: cols[3]}
		if err := json.Unmarshal([]byte(cols[4]), &r.peer); err != nil {
			t.Fatalf("%s: line %d, column peer: %v", peerResourcesFile, line, err)
		}
		rows = append(rows, r)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rows
}

var peerParamRE = regexp.MustCompile(`\$\{([^}]+)\}`)

// peerParams returns the parameters the peer fills the resource from, and the
// resource types it names (resourcearn_mappings) or whose template holds every
// placeholder it fills. arnParams are those it reads as a whole ARN.
func (p peerMapping) params(types map[string]string) (params []string, arnParams map[string]string, peerTypes map[string]bool) {
	arnParams = map[string]string{} // parameter → resource type ("" unknown)
	peerTypes = map[string]bool{}
	add := func(tmpl string) []string {
		var found []string
		for _, m := range peerParamRE.FindAllStringSubmatch(tmpl, -1) {
			switch m[1] {
			case "Partition", "Region", "Account":
				continue
			}
			found = append(found, m[1])
			params = appendUnique(params, m[1])
		}
		return found
	}
	var placeholders []string
	for ph, m := range p.ResourceMappings {
		if len(add(m.Template)) > 0 {
			placeholders = append(placeholders, ph)
		}
	}
	arnTypes := make([]string, 0, len(p.ResourceARNMappings))
	for typ := range p.ResourceARNMappings {
		arnTypes = append(arnTypes, typ)
	}
	sort.Strings(arnTypes)
	for _, typ := range arnTypes {
		// One field may be any of several types (a tagging call's
		// ResourceArn): the synthetic ARN is of the first type by name.
		for _, prm := range add(p.ResourceARNMappings[typ]) {
			if _, seen := arnParams[prm]; !seen {
				arnParams[prm] = typ
			}
		}
		peerTypes[typ] = true
	}
	if p.ARNOverride != nil {
		found := add(p.ARNOverride.Template)
		if len(found) == 1 && strings.TrimSpace(p.ARNOverride.Template) == "${"+found[0]+"}" {
			arnParams[found[0]] = ""
		}
	}
	if len(placeholders) > 0 {
		for name, pattern := range types {
			all := true
			for _, ph := range placeholders {
				if !strings.Contains(pattern, "${"+ph+"}") {
					all = false
				}
			}
			if all {
				peerTypes[name] = true
			}
		}
	}
	sort.Strings(params)
	return params, arnParams, peerTypes
}

// syntheticInput builds an input struct holding exactly the parameters, each a
// token of its own ("zq3z"), or for a parameter read as a whole ARN, the ARN of
// its type's template filled with that token. Nested ("Budget.BudgetName") and
// list ("InstanceIds[]") parameters are nested structs and slices.
func syntheticInput(params []string, arnParams map[string]string, arnOf func(param, typ, token string) string) (any, map[string]string) {
	type node struct {
		list     bool
		value    string
		children map[string]*node
		order    []string
	}
	root := &node{children: map[string]*node{}}
	tokens := map[string]string{}
	for i, prm := range params {
		token := "zq" + strconv.Itoa(i) + "z"
		tokens[prm] = token
		value := token
		lower := strings.ToLower(strings.TrimSuffix(prm, "[]"))
		if typ, ok := arnParams[prm]; ok || strings.HasSuffix(lower, "arn") {
			value = arnOf(prm, typ, token)
		} else if strings.HasSuffix(lower, "url") {
			// SQS's QueueUrl: the account and the queue's name are in its path.
			value = "https://sqs.us-east-1.amazonaws.com/" + testAccount + "/" + token
		}
		n := root
		valid := true
		segs := strings.Split(prm, ".")
		for _, seg := range segs {
			list := strings.HasSuffix(seg, "[]")
			name := strings.TrimSuffix(seg, "[]")
			if name == "" || !isIdent(name) {
				valid = false
				break
			}
			name = strings.ToUpper(name[:1]) + name[1:]
			c, ok := n.children[name]
			if !ok {
				c = &node{children: map[string]*node{}}
				n.children[name] = c
				n.order = append(n.order, name)
			}
			c.list = c.list || list
			n = c
		}
		if valid && len(n.children) == 0 {
			n.value = value
		}
	}
	var build func(n *node) reflect.Value // a pointer to the struct
	build = func(n *node) reflect.Value {
		var fields []reflect.StructField
		var values []reflect.Value
		for _, name := range n.order {
			c := n.children[name]
			var v reflect.Value
			switch {
			case len(c.children) > 0 && c.list:
				elem := build(c).Elem()
				v = reflect.MakeSlice(reflect.SliceOf(elem.Type()), 1, 1)
				v.Index(0).Set(elem)
			case len(c.children) > 0:
				v = build(c)
			case c.list:
				v = reflect.ValueOf([]string{c.value})
			default:
				s := c.value
				v = reflect.ValueOf(&s)
			}
			fields = append(fields, reflect.StructField{Name: name, Type: v.Type()})
			values = append(values, v)
		}
		st := reflect.New(reflect.StructOf(fields))
		for i, v := range values {
			st.Elem().Field(i).Set(v)
		}
		return st
	}
	return build(root).Interface(), tokens
}

func isIdent(s string) bool {
	for i, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r == '_' || i > 0 && r >= '0' && r <= '9') {
			return false
		}
	}
	return s != ""
}

// actionTypes returns an action's resource types: name → ARN template.
func actionTypes(action string) map[string]string {
	out := map[string]string{}
	for _, a := range actionRows {
		if strings.EqualFold(a.name, action) {
			for _, r := range a.resources() {
				out[rtRows[r.rt].name] = rtRows[r.rt].pattern
			}
			return out
		}
	}
	return out
}

// peerResourceOutcome is one method as both fill it.
type peerResourceOutcome struct {
	class   string
	example string
}

// comparePeerResource runs the guard's resolver over the parameters the peer
// names and classifies how the two fill the primary action's resource.
func comparePeerResource(r peerResourceRow) peerResourceOutcome {
	svc, ok := route(r.table)
	if !ok || svc.table != r.table {
		return peerResourceOutcome{class: "no-table", example: r.method + ": table " + r.table}
	}
	types := actionTypes(r.action)
	params, arnParams, peerTypes := r.peer.params(types)
	prefix, _, _ := strings.Cut(r.action, ":")
	arnOf := func(param, typ, token string) string {
		if pattern, ok := types[typ]; ok {
			// A template's literal * (DMS's rep:*) stands for the resource's
			// own part: the token goes there too.
			pattern = strings.ReplaceAll(pattern, "*", "${Token}")
			return peerParamRE.ReplaceAllStringFunc(pattern, func(m string) string {
				switch m {
				case "${Partition}":
					return "aws"
				case "${Region}":
					return "us-east-1"
				case "${Account}":
					return testAccount
				}
				return token
			})
		}
		return "arn:aws:" + prefix + ":us-east-1:" + testAccount + ":" + token
	}
	input, tokens := syntheticInput(params, arnParams, arnOf)
	c, err := resolveRoute(svc, r.table, r.op, input, env{partition: "aws", region: "us-east-1", account: testAccount})
	if err != nil {
		return peerResourceOutcome{class: "unmapped", example: r.method + ": " + err.Error()}
	}
	var filled, unfilled []string
	oursTypes := map[string]bool{}
	read := map[string]bool{}
	for _, q := range c.Requests {
		if !strings.EqualFold(q.Action, r.action) {
			continue
		}
		if q.Resource == "*" {
			if q.Unfilled != "" {
				unfilled = append(unfilled, q.Unfilled)
			}
			continue
		}
		filled = append(filled, q.Resource)
		oursTypes[q.ResourceType] = true
		for prm, tok := range tokens {
			if strings.Contains(q.Resource, tok) {
				read[prm] = true
			}
		}
	}
	peerFills := len(params) > 0
	ours := "*"
	if len(filled) > 0 {
		ours = strings.Join(filled, " ")
	} else if len(unfilled) > 0 {
		ours = "* (" + strings.Join(unfilled, "; ") + ")"
	}
	peerSpec, _ := json.Marshal(r.peer)
	ex := fmt.Sprintf("%s: peer %s; permgen %s", r.method, compactPeer(string(peerSpec)), ours)
	out := peerResourceOutcome{example: ex}
	if lit := r.peer.literalARN(); lit != "" && !peerFills {
		// The peer writes a whole ARN that needs nothing from the input
		// (API Gateway's arn:aws:apigateway:us-east-1::/apikeys).
		out.class = "peer-literal-arn-differs"
		for _, f := range filled {
			if f == lit {
				out.class = "same-literal-arn"
			}
		}
		return out
	}
	switch {
	case !peerFills && len(filled) == 0:
		out.class = "neither-fills"
	case peerFills && len(filled) == 0:
		out.class = "peer-fills-permgen-star/" + r.peer.kind()
	case !peerFills:
		out.class = "permgen-fills-peer-star"
	default:
		overlap := len(peerTypes) == 0
		for t := range oursTypes {
			if peerTypes[t] {
				overlap = true
			}
		}
		all, some := true, false
		for _, prm := range params {
			if read[prm] {
				some = true
			} else {
				all = false
			}
		}
		switch {
		case !overlap:
			out.class = "different-resource-type"
		case all:
			out.class = "same-parameters"
		case some:
			out.class = "permgen-reads-fewer-parameters"
		default:
			out.class = "permgen-reads-other-parameters"
		}
	}
	return out
}

// literalARN is the peer's arn_override when it reads no parameter, with the
// partition, region and account of the synthetic call.
func (p peerMapping) literalARN() string {
	if p.ARNOverride == nil || strings.Contains(p.ARNOverride.Template, "%%") {
		return ""
	}
	r := strings.NewReplacer("${Partition}", "aws", "${Region}", "us-east-1", "${Account}", testAccount)
	lit := r.Replace(p.ARNOverride.Template)
	if strings.Contains(lit, "${") || lit == "*" {
		return "" // "*" is no ARN: the peer fills nothing
	}
	return lit
}

// kind says how the peer fills a resource permgen leaves "*": from a whole-ARN
// field, from a field of the placeholder's own name, from a field of another
// name, from a nested or list field, or through a transformation (regex, one of
// several fields, a condition).
func (p peerMapping) kind() string {
	var tmpls []string
	for _, t := range p.ResourceARNMappings {
		tmpls = append(tmpls, t)
	}
	if p.ARNOverride != nil {
		tmpls = append(tmpls, p.ARNOverride.Template)
	}
	if len(tmpls) > 0 {
		return "arn-field"
	}
	// The first kind in this order that any mapping has decides.
	has := map[string]bool{}
	for ph, m := range p.ResourceMappings {
		t := m.Template
		switch {
		case t == "*":
			// The peer fills some parts and writes * for the others
			// (stackset/NAME:*): broader than the call, narrower than "*".
			has["partial-wildcard"] = true
		case !strings.Contains(t, "${"):
		case strings.Contains(t, "%%"):
			has["transformed"] = true
		case strings.ContainsAny(t, ".[") && strings.HasPrefix(t, "${") && strings.HasSuffix(t, "}"):
			has["nested-or-list-field"] = true
		case !strings.EqualFold(t, "${"+ph+"}"):
			has["other-name-field"] = true
		}
	}
	for _, k := range []string{"transformed", "nested-or-list-field", "partial-wildcard", "other-name-field"} {
		if has[k] {
			return k
		}
	}
	return "same-name-field"
}

// compactPeer drops the empty mappings from the peer's JSON for an example.
func compactPeer(s string) string {
	for _, empty := range []string{`"ResourceMappings":null,`, `"ResourceMappings":{},`, `,"ResourceARNMappings":null`, `"ResourceARNMappings":null,`,
		`,"ResourceARNMappings":{}`, `"ResourceARNMappings":{},`, `,"ARNOverride":null`} {
		s = strings.ReplaceAll(s, empty, "")
	}
	return s
}

func TestPeerResourcesSurvey(t *testing.T) {
	if os.Getenv("PEER_SURVEY") == "" {
		t.Skip("PEER_SURVEY=1 prints every class with examples")
	}
	rows := loadPeerResources(t)
	byClass := map[string][]string{}
	for _, r := range rows {
		o := comparePeerResource(r)
		byClass[o.class] = append(byClass[o.class], o.example)
	}
	var classes []string
	for c := range byClass {
		classes = append(classes, c)
	}
	sort.Strings(classes)
	n, _ := strconv.Atoi(os.Getenv("PEER_SURVEY"))
	for _, c := range classes {
		ex := byClass[c]
		sort.Strings(ex)
		t.Logf("%s\t%d", c, len(ex))
		step := len(ex)/(n+1) + 1
		for i := 0; i < len(ex); i += step {
			t.Logf("\t%s", ex[i])
		}
	}
}

// peerResourceClass is one class of the resource comparison, frozen: its count,
// which way a change is a regression, the reviewed verdict, an example method, and
// the page's ARN template or sentence the verdict rests on.
type peerResourceClass struct {
	class   string
	count   int
	better  string // "up": a fall is a regression; "down": a rise is
	verdict string
	example string
	source  string
}

// peerResourceClasses is the frozen comparison (go test -run TestPeerResourcesSurvey
// -v with PEER_SURVEY=N lists N examples of each). Of the 11,461 methods whose
// primary action both map alike.
var peerResourceClasses = []peerResourceClass{
	{"same-parameters", 6108, "up",
		"agree: both fill the resource from the same input fields",
		"ACM.AddTagsToCertificate",
		"ACM page, certificate: arn:${Partition}:acm:${Region}:${Account}:certificate/${CertificateId}; the input's CertificateArn is that ARN"},
	{"same-literal-arn", 23, "up",
		"agree: the resource needs nothing from the input and both write the same ARN",
		"APIGateway.CreateApiKey",
		"API Gateway page, ApiKeys: arn:${Partition}:apigateway:${Region}::/apikeys"},
	{"neither-fills", 4335, "down",
		"agree on *: mostly actions with no resource type (AWS requires *); else neither reads a field for the type (the peer names none, so the synthetic input holds none and permgen's own reading is not exercised here: TestResourceFillRate does that)",
		"ACM.GetAccountConfiguration",
		"Service Authorization Reference, Actions table: \"If there is no value for this column, you must specify all resources (\"*\") to which the policy applies in the Resource element of your policy statement.\""},
	{"permgen-fills-peer-star", 75, "up",
		"permgen is right: the page's resource type needs nothing the input lacks (an account's Glue catalog, Security Hub's hub/default) or a part AWS generates, written * by permgen in an otherwise filled ARN; the peer of 2022 writes * for the whole resource",
		"Connect.ClaimPhoneNumber",
		"Amazon Connect page, phone-number: arn:${Partition}:connect:${Region}:${Account}:phone-number/${PhoneNumberId}"},
	{"peer-literal-arn-differs", 2, "down",
		"permgen writes * where the peer writes the account's every meeting or predictor (meeting/*): the page's template needs an account ID (${AccountId}) or a dataset group the input does not hold; * with the reason is the fail-closed answer, the peer's is narrower",
		"ChimeSDKMeetings.CreateMeeting",
		"Chime page, meeting: arn:${Partition}:chime:${Region}:${AccountId}:meeting/${MeetingId}"},
	{"different-resource-type", 14, "down",
		"the page of 2026 names another type or template than the peer read in 2022 (Network Manager's device/${GlobalNetworkId}/${ResourceId}, which the peer fills from the global network's ID; Greengrass definitions by path); permgen follows the page (Glue's names one level down in TableInput, ConnectionInput are now read: 3 methods moved out)",
		"NetworkManager.DeleteDevice",
		"Network Manager page, device: arn:${Partition}:networkmanager::${Account}:device/${GlobalNetworkId}/${ResourceId}"},
	{"peer-fills-permgen-star/arn-field", 40, "down",
		"a permgen miss where the ARN is two levels down (DevOpsGuru's Config.Sns.TopicArn), in a list not named …Arns (Storage Gateway's FileShareARNList, Rekognition's Datasets[].Arn), or of a type whose template needs a part the ARN does not give (Amplify UI Builder's component/${AppId}/${EnvironmentName}/${Id} from an id); a field of any name whose value is an ARN of exactly one of the action's types is taken (arnOfAnyName: RoboMaker's job, Lambda's Resource, the tagging calls' ResourceName, 100 methods moved out), and any field ending in Arn whose value has the template's form (anyARNField, 103 before)",
		"DevOpsGuru.AddNotificationChannel",
		"SNS page, topic: arn:${Partition}:sns:${Region}:${Account}:${TopicName}"},
	{"peer-fills-permgen-star/nested-or-list-field", 71, "down",
		"a permgen miss: it reads fields one level down (Budgets UpdateBudget's NewBudget.BudgetName, 16 methods moved out), not deeper nor in lists of structures (WorkSpaces' TerminateWorkspaceRequests[].WorkspaceId, DynamoDB TransactItems[].Get.TableName), nor list fields named otherwise than the placeholder (EC2 ReservedInstanceIds for ${ReservationId})",
		"WorkSpaces.TerminateWorkspaces",
		"WorkSpaces page, workspaceid: arn:${Partition}:workspaces:${Region}:${Account}:workspace/${WorkspaceId}"},
	{"peer-fills-permgen-star/other-name-field", 298, "down",
		"a permgen miss: the field means the placeholder in words no rule relates (QLDB Name for ${LedgerName}, SSM BaselineId for ${PatchBaselineIdResourceId}, CodeArtifact format for ${PackageFormat}); permgen matches by its documented rules (docs/sdk-resources.md: a field ending in the placeholder's name moved 68 methods, words by meaning — App/Application, Id/Identifier, case — 200 more, RDS's DBClusterIdentifier for ${DbClusterInstanceName} and the page's ${AccountId} as the account field 52 more, a placeholder qualified by its type's name — CollectionName for ${GeofenceCollectionName} — 77 more), the peer by a map written per method",
		"QLDB.DescribeJournalS3Export",
		"QLDB page, ledger: arn:${Partition}:qldb:${Region}:${Account}:ledger/${LedgerName}"},
	{"peer-fills-permgen-star/partial-wildcard", 182, "down",
		"the peer writes * for the parts the input lacks (stackset/NAME:*, an ID AWS generates), permgen * for the whole resource with the missing part named (the guard still decides on the partial template, Request.Template); a narrower grant is open",
		"CloudFormation.ListStackSetOperations",
		"CloudFormation page, stackset: arn:${Partition}:cloudformation:${Region}:${Account}:stackset/${StackSetName}:${Id}"},
	{"peer-fills-permgen-star/same-name-field", 105, "down",
		"mixed: the type needs a second field the peer does not name (Logs CreateLogStream's log-stream needs LogStreamName; the synthetic input holds only the peer's fields), the page no longer lists a type (GuardDuty), or a generic ${Name} not last in the template is not read from the bare Name (WAFV2 webacl, a permgen miss); fields differing in case only (EC2 LocalGatewayRouteTableId) are now matched by meaning (19 methods moved out)",
		"WAFV2.UpdateWebACL",
		"WAFV2 page, webacl: arn:${Partition}:wafv2:${Region}:${Account}:${Scope}/webacl/${Name}/${Id}"},
	{"peer-fills-permgen-star/transformed", 78, "down",
		"the peer cuts a name out of an ARN or ID by a regex, or fills from one of two fields (source and target); permgen leaves * with the reason: its rules take names and whole ARNs only",
		"ECS.DescribeServices",
		"ECS page, service: arn:${Partition}:ecs:${Region}:${Account}:service/${ClusterName}/${ServiceName}"},
	{"permgen-reads-fewer-parameters", 128, "down",
		"permgen fills fewer of the types the peer fills: an optional type named by a field of another name (EC2 TerminateClientVpnConnections' ConnectionId for ${VpnConnectionId}) or deeper than one level is a permgen miss; a type of the peer's 2022 reading the page no longer lists is not (the rules by meaning moved 42 methods out to same-parameters and 23 in from the peer-fills, too-broad and different-type classes, which now fill one type of two)",
		"EC2.TerminateClientVpnConnections",
		"EC2 page, client-vpn-endpoint: arn:${Partition}:ec2:${Region}:${Account}:client-vpn-endpoint/${ClientVpnEndpointId}"},
	{"permgen-reads-other-parameters", 3, "down",
		"the page's template names no part of the resource and the input holds no ARN of it (DMS subgrp:* named by its identifier, Amplify Backend /backend/* by an app ID): permgen writes the template, where the peer builds an ARN; where the input holds an ARN of the template's form permgen now writes it, narrower (the template's * read as a policy reads it: 30 methods moved out)",
		"DMS.DeleteReplicationSubnetGroup",
		"DMS page, ReplicationSubnetGroup: arn:${Partition}:dms:${Region}:${Account}:subgrp:*"},
}

// TestPeerResources compares, for every method whose primary action the table and
// the peer agree on, which input fields each fills the action's resource from:
// the guard's resolver runs over an input holding exactly the fields the peer
// names. A class growing the wrong way (more methods where the peer fills and
// permgen writes *, or fewer where both agree) fails; so does a class not
// reviewed.
func TestPeerResources(t *testing.T) {
	rows := loadPeerResources(t)
	if len(rows) < 11000 {
		t.Fatalf("%s holds %d methods, want the 11,461 the primary actions agree on", peerResourcesFile, len(rows))
	}
	counts := map[string]int{}
	classOf := map[string]string{}
	for _, r := range rows {
		o := comparePeerResource(r)
		counts[o.class]++
		classOf[r.method] = o.class
	}
	frozen := map[string]bool{}
	for _, c := range peerResourceClasses {
		frozen[c.class] = true
		got := counts[c.class]
		switch {
		case c.better == "up" && got < c.count, c.better == "down" && got > c.count:
			t.Errorf("%s: %d methods, frozen %d: a regression (%s)", c.class, got, c.count, c.verdict)
		case got != c.count:
			t.Logf("%s: %d methods, frozen %d: better; update peerResourceClasses and docs/sdk-coverage.md", c.class, got, c.count)
		}
		if c.verdict == "" || c.source == "" {
			t.Errorf("%s: no verdict or source", c.class)
		}
		if cl, ok := classOf[c.example]; !ok {
			t.Errorf("%s: example %s is not in the frozen peer table", c.class, c.example)
		} else if cl != c.class {
			t.Logf("%s: example %s is now %s: choose another", c.class, c.example, cl)
		}
	}
	for c, n := range counts {
		if !frozen[c] {
			t.Errorf("class %s (%d methods) is not reviewed: add it to peerResourceClasses with its verdict", c, n)
		}
	}
}
