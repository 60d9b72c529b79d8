// Command peercheck compares the SDK guard's operation table with a peer's map of
// SDK calls to IAM actions (iamlive's map.json, ../shared/aws-sdk-peer/) and writes
// the comparison as a frozen test table, internal/awsops/peercheck/testdata/peer-iamlive.tsv.gz:
// one row per method of the peer (method, table, operation, the peer's primary
// action, the table's actions, class) and, per class, its count and verdict. The
// peer's data is read here and in no product code; the test
// (TestPeerTableFrozen) reads only the frozen table, so a change of the table
// that moves any row is seen.
//
// It also writes the peer's resource side, testdata/peer-iamlive-resources.tsv.gz:
// for every method whose primary action the table agrees on, the peer's mapping
// of that action's resource (which parameter fills which placeholder or whole
// ARN). sdk/awsperm's TestPeerResources runs the guard's resolver over the same
// parameters and classifies where the two fill differently. testdata is a
// data-only module, so the peer's data is in no module zip.
//
//	go run ./internal/awsops/peercheck -peer ../shared/aws-sdk-peer/iamlive-map-2022-08-19.json.gz
package main

import (
	"compress/gzip"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/permgen/permgen/internal/awsops"
	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/snapshot"
)

func main() {
	peer := flag.String("peer", "../shared/aws-sdk-peer/iamlive-map-2022-08-19.json.gz", "the peer's map (gzip JSON)")
	tree := flag.String("tree", "generated/aws", "generated AWS tree")
	overrides := flag.String("overrides", "sdk/awsperm/operations.json", "overrides file")
	sdkModels := flag.String("sdk", "sdk/awsperm/sdkmodels.json", "sdkscan's output")
	out := flag.String("o", "internal/awsops/peercheck/testdata/peer-iamlive.tsv.gz", "frozen table to write (gzip)")
	resOut := flag.String("resources", "internal/awsops/peercheck/testdata/peer-iamlive-resources.tsv.gz", "frozen resource side to write (gzip)")
	flag.Parse()
	if err := run(*peer, *tree, *overrides, *sdkModels, *out, *resOut); err != nil {
		fmt.Fprintln(os.Stderr, "peercheck:", err)
		os.Exit(1)
	}
}

type peerMap struct {
	Methods        map[string][]peerAction `json:"sdk_method_iam_mappings"`
	Services       map[string]string       `json:"sdk_service_mappings"`
	Permissionless []string                `json:"sdk_permissionless_actions"`
}

// peerAction is one action of a peer's method: the action and, as the peer wrote
// them, the mappings that fill its resource (kept raw for the frozen table).
type peerAction struct {
	Action              string          `json:"action"`
	ResourceMappings    json.RawMessage `json:"resource_mappings,omitempty"`
	ResourceARNMappings json.RawMessage `json:"resourcearn_mappings,omitempty"`
	ARNOverride         json.RawMessage `json:"arn_override,omitempty"`
}

func run(peerFile, tree, overrides, sdkModels, out, resOut string) error {
	f, err := os.Open(peerFile)
	if err != nil {
		return err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return fmt.Errorf("%s: %w", peerFile, err)
	}
	var pm peerMap
	if err := json.NewDecoder(zr).Decode(&pm); err != nil {
		return fmt.Errorf("%s: %w", peerFile, err)
	}
	services, err := snapshot.LoadTree(tree)
	if err != nil {
		return err
	}
	ov, err := awsops.LoadOverrides(overrides)
	if err != nil {
		return err
	}
	sdk, err := awsops.LoadSDKModels(sdkModels)
	if err != nil {
		return err
	}
	primary := map[string][]struct{ Action string }{}
	for m, acts := range pm.Methods {
		for _, a := range acts {
			primary[m] = append(primary[m], struct{ Action string }{a.Action})
		}
	}
	rows := Compare(services, ov, sdk, primary, pm.Services, pm.Permissionless)
	if err := writeGzip(out, Format(rows)); err != nil {
		return err
	}
	text, err := FormatResources(rows, pm.Methods)
	if err != nil {
		return err
	}
	return writeGzip(resOut, text)
}

// FormatResources writes the peer's resource side of every method whose primary
// action the table agrees on: method, table, operation, action, and the peer's
// mappings of that action as one JSON object (resource_mappings: placeholder ←
// template; resourcearn_mappings: resource type ← whole ARN; arn_override: the
// ARN). Methods the peer maps nothing for are kept with {}: the peer then
// grants "*", which is a class too.
func FormatResources(rows []Row, methods map[string][]peerAction) (string, error) {
	var b strings.Builder
	b.WriteString("# The resource side of iamlive's map (2022-08-19) for the methods whose primary action sdk/awsperm's table agrees on; written by go run ./internal/awsops/peercheck, read by sdk/awsperm's TestPeerResources.\n")
	b.WriteString("method\ttable\toperation\taction\tpeer\n")
	for _, r := range rows {
		if r.Class != "agree" {
			continue
		}
		a := methods[r.Method][0]
		spec := map[string]json.RawMessage{}
		if len(a.ResourceMappings) > 0 {
			spec["resource_mappings"] = a.ResourceMappings
		}
		if len(a.ResourceARNMappings) > 0 {
			spec["resourcearn_mappings"] = a.ResourceARNMappings
		}
		if len(a.ARNOverride) > 0 {
			spec["arn_override"] = a.ARNOverride
		}
		j, err := json.Marshal(spec) // sorted keys: the same map gives the same bytes
		if err != nil {
			return "", fmt.Errorf("%s: %w", r.Method, err)
		}
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%s\n", r.Method, r.Table, r.Operation, r.Peer, j)
	}
	return b.String(), nil
}

// writeGzip writes text gzipped, with no name or time in the header, so that the
// same table gives the same bytes.
func writeGzip(path, text string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	zw := gzip.NewWriter(f)
	if _, err := zw.Write([]byte(text)); err != nil {
		f.Close()
		return err
	}
	if err := zw.Close(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// Row is one method of the peer as the table answers it.
type Row struct {
	Method, Table, Operation string
	Peer                     string // the peer's primary action
	Ours                     string // the table's actions, comma-separated; "-" for none
	Class                    string
}

// Compare answers every method of the peer from the table.
func Compare(services []*model.Service, ov *awsops.Overrides, sdk *awsops.SDKModels, methods map[string][]struct{ Action string }, svcMap map[string]string, permissionless []string) []Row {
	var aws []*model.Service
	onPage := map[string]bool{}
	for _, s := range services {
		if s.Kind != model.FormatAWSSAR {
			continue
		}
		aws = append(aws, s)
		for _, a := range s.Actions {
			onPage[strings.ToLower(s.ShortName+":"+a.Name)] = true
		}
	}
	ops, _ := awsops.Build(aws, ov)
	routes, _ := awsops.Routes(aws, ov, sdk)
	ops, _ = awsops.SDKOperations(ops, aws, routes, sdk)
	table := map[string]awsops.Operation{}
	folded := map[string][]awsops.Operation{} // as the guard's lookup falls back: without case, one match only
	for _, o := range ops {
		table[o.Prefix+"\x00"+o.Operation] = o
		k := strings.ToLower(o.Prefix + "\x00" + o.Operation)
		folded[k] = append(folded[k], o)
	}
	free := map[string]bool{}
	for _, m := range permissionless {
		free[m] = true
	}
	var rows []Row
	for method, acts := range methods {
		svc, op, ok := strings.Cut(method, ".")
		if !ok || len(acts) == 0 {
			continue
		}
		r := Row{Method: method, Operation: op, Peer: acts[0].Action, Ours: "-"}
		if rt, ok := routes[awsops.NormalizeServiceID(svc)]; ok {
			r.Table = rt.Table
		} else if rt, ok := routes[awsops.NormalizeServiceID(svcMap[svc])]; ok {
			r.Table = rt.Table
		}
		o, mapped := table[r.Table+"\x00"+op]
		if f := folded[strings.ToLower(r.Table+"\x00"+op)]; !mapped && len(f) == 1 {
			o, mapped = f[0], true
		}
		if mapped && len(o.Actions) > 0 {
			r.Ours = strings.Join(o.Actions, ",")
		}
		r.Class = classify(r, o, mapped && len(o.Actions) > 0, free[method], onPage)
		rows = append(rows, r)
	}
	sort.Slice(rows, func(i, j int) bool { return rows[i].Method < rows[j].Method })
	return rows
}

func classify(r Row, o awsops.Operation, mapped, free bool, onPage map[string]bool) string {
	peerOnPage := onPage[strings.ToLower(r.Peer)]
	switch {
	case r.Table == "":
		return "no-route"
	case mapped:
		for _, a := range o.Actions {
			if strings.EqualFold(a, r.Peer) {
				return "agree"
			}
		}
		if r.Table == awsops.S3Control {
			return "differ-s3control"
		}
		if !peerOnPage {
			return "differ-peer-stale"
		}
		return "differ"
	case o.NoAuth != "":
		return "unsigned"
	case !peerOnPage:
		return "peer-only-stale"
	}
	return "peer-only"
}

// verdicts are the reviewed reading of each class: why the table is right, or
// what it misses. A class not here prints "not reviewed".
var verdicts = map[string]string{
	"agree":             "same primary action",
	"differ-peer-stale": "the table is right: the peer's action is on no page of 2026 (renamed or removed since 2022, e.g. Lex V2, SQS batch, Detective)",
	"differ-s3control":  "the table is right where the page links API_control_ (s3:PutAccountPublicAccessBlock, s3-outposts:*); S3 Control now has its own table",
	"differ":            "the table is right: it follows the page's link to the operation where the peer of 2022 names an older or a coarser action (Lex V2 lex:CreateBot where the peer has V1's lex:PutBot; glue:GetColumnStatisticsForTable, which the page has since added; kendra:StartDataSourceSyncJob, not kendra:Query)",
	"peer-only-stale":   "not a miss: the peer's action is on no page of 2026 (the operation was removed or renamed)",
	"peer-only":         "a miss of the table, listed by gen lint -operations: the page has the peer's action but links no operation of this name and no override names it (DynamoDB PartiQL transactions need the action of each statement; S3 CopyObject needs s3:GetObject on the source and s3:PutObject on the target, which the input names in two fields; S3's v1 lifecycle calls; Mobile Hub)",
	"unsigned":          "the SDK sends the call unsigned and no action authorizes it: passed as unauthenticated",
	"no-route":          "the peer's service (JavaScript SDK name) routes to no table: a service the Go SDK does not have under that name, or retired",
}

// Format writes the frozen table: the class counts with their verdicts, then the rows.
func Format(rows []Row) string {
	counts := map[string]int{}
	for _, r := range rows {
		counts[r.Class]++
	}
	var classes []string
	for c := range counts {
		classes = append(classes, c)
	}
	sort.Strings(classes)
	var b strings.Builder
	b.WriteString("# Frozen comparison of sdk/awsperm's operation table with iamlive's map (2022-08-19); written by go run ./internal/awsops/peercheck.\n")
	b.WriteString("# class\tcount\tverdict\n")
	for _, c := range classes {
		v := verdicts[c]
		if v == "" {
			v = "not reviewed"
		}
		fmt.Fprintf(&b, "#\t%s\t%d\t%s\n", c, counts[c], v)
	}
	b.WriteString("method\ttable\toperation\tpeer\tours\tclass\n")
	for _, r := range rows {
		fmt.Fprintf(&b, "%s\t%s\t%s\t%s\t%s\t%s\n", r.Method, r.Table, r.Operation, r.Peer, r.Ours, r.Class)
	}
	return b.String()
}
