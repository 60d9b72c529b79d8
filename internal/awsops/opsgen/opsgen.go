// Command mkops prints sdk/awsperm/operations_gen.go: the SDK guard's tables of
// operation → actions → resource types → ARN templates, from the model snapshots of a
// generated AWS tree (generated/aws/*/*.json) and the overrides file. The mapping
// itself is internal/awsops', which `gen lint -operations` reports from, so the two
// agree. It lives in this module, not sdk/awsperm's, so that the SDK module depends on
// the generated AWS tree only. From the repository root:
//
//	go run ./internal/awsops/mkops   (what go generate in sdk/awsperm runs)
package opsgen

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"go/format"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/permgen/permgen/internal/awsops"
	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/snapshot"
)

func Main() {
	tree := flag.String("tree", "generated/aws", "generated AWS tree whose model snapshots are read")
	overrides := flag.String("overrides", "sdk/awsperm/operations.json", "overrides file (service IDs, operations) with reasons")
	out := flag.String("o", "sdk/awsperm/operations_gen.go", "output file")
	partial := flag.Bool("partial", false, "the tree holds only some services (a test fixture): skip overrides of the others")
	sdkModels := flag.String("sdk", "sdk/awsperm/sdkmodels.json", "what the SDK's service modules say (sdkscan's output): signing names, operations")
	flag.Parse()
	if err := run(*tree, *overrides, *sdkModels, *out, *partial); err != nil {
		fmt.Fprintln(os.Stderr, "mkops:", err)
		os.Exit(1)
	}
}

func run(tree, overrides, sdkModels, out string, partial bool) error {
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
	src, err := RenderSDK(services, ov, sdk, filepath.ToSlash(tree), filepath.ToSlash(overrides), partial)
	if err != nil {
		return err
	}
	if old, err := os.ReadFile(out); err == nil && bytes.Equal(old, src) {
		return nil
	}
	tmp := out + ".tmp"
	if err := os.WriteFile(tmp, src, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, out)
}

// Render returns the formatted Go source of the tables.
// partial is for a tree of some services only: overrides that name others are
// skipped instead of refused.
func Render(services []*model.Service, ov *awsops.Overrides, treeName, ovName string, partial bool) ([]byte, error) {
	return RenderSDK(services, ov, nil, treeName, ovName, partial)
}

// RenderSDK is Render with what the SDK's service modules say (nil for nothing):
// service IDs routed by signing name, API Gateway's operations from their HTTP
// bindings, unsigned operations passed.
func RenderSDK(services []*model.Service, ov *awsops.Overrides, sdk *awsops.SDKModels, treeName, ovName string, partial bool) ([]byte, error) {
	var aws []*model.Service
	for _, s := range services {
		if s.Kind == model.FormatAWSSAR {
			aws = append(aws, s)
		}
	}
	if len(aws) == 0 {
		return nil, fmt.Errorf("%s: no AWS model snapshot (kind %q) found", treeName, model.FormatAWSSAR)
	}
	ops, _ := awsops.Build(aws, ov)
	routes, _ := awsops.Routes(aws, ov, sdk)
	ops, _ = awsops.SDKOperations(ops, aws, routes, sdk)

	// Index the model: actions by lower-cased full name (IAM matches them so; an
	// override may spell them differently), resource types by prefix and name.
	type actionRef struct {
		svc *model.Service
		a   *model.Action
	}
	actions := map[string]actionRef{}
	rts := map[string]model.ResourceType{}
	prefixes := map[string]bool{}
	for _, s := range aws {
		prefixes[s.ShortName] = true
		for i := range s.Actions {
			actions[strings.ToLower(s.ShortName+":"+s.Actions[i].Name)] = actionRef{s, &s.Actions[i]}
		}
		for _, rt := range s.ResourceTypes {
			rts[s.ShortName+"\x00"+rt.Name] = rt
		}
	}

	// Service IDs: awsops.Routes; an override naming a prefix no page has is an
	// error (a typo would silently refuse every call of the client).
	var errs []error
	for _, so := range ov.Services {
		if !prefixes[so.Prefix] && !partial {
			errs = append(errs, fmt.Errorf("%s: service %q maps to prefix %q, which no page has", ovName, so.ServiceID, so.Prefix))
		}
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}

	// Only the actions and resource types some operation reaches are printed.
	var actionNames []string
	actionIdx := map[string]int{}
	var rtKeys []string
	rtIdx := map[string]int{}
	for _, o := range ops {
		all := o.Actions
		for _, c := range o.When {
			all = append(all[:len(all):len(all)], c.Actions...)
		}
		for _, a := range all {
			k := strings.ToLower(a)
			if _, ok := actionIdx[k]; ok {
				continue
			}
			ref, ok := actions[k]
			if !ok {
				continue
			}
			actionIdx[k] = 0
			actionNames = append(actionNames, k)
			for _, r := range ref.a.ResourceTypes {
				rk := ref.svc.ShortName + "\x00" + r.Name
				if _, defined := rts[rk]; !defined {
					continue // a row naming a type the page does not define: left out
				}
				if _, ok := rtIdx[rk]; !ok {
					rtIdx[rk] = 0
					rtKeys = append(rtKeys, rk)
				}
			}
		}
	}
	// Resource types of operations that name their own (API Gateway paths no page
	// lists) are printed too.
	for _, o := range ops {
		if o.ResourcePattern == "" {
			continue
		}
		rk := awsops.TablePrefix(o.Prefix) + "\x00" + o.ResourceType
		if _, ok := rts[rk]; !ok {
			rts[rk] = model.ResourceType{Name: o.ResourceType, Pattern: o.ResourcePattern}
		}
		if _, ok := rtIdx[rk]; !ok {
			rtIdx[rk] = 0
			rtKeys = append(rtKeys, rk)
		}
	}
	sort.Strings(actionNames)
	for i, k := range actionNames {
		actionIdx[k] = i
	}
	sort.Strings(rtKeys)
	for i, k := range rtKeys {
		rtIdx[k] = i
	}
	if len(actionNames) > 1<<16 || len(rtKeys) > 1<<16 {
		return nil, fmt.Errorf("%d actions, %d resource types: the uint16 indexes overflow", len(actionNames), len(rtKeys))
	}

	var b bytes.Buffer
	fmt.Fprintf(&b, "// Code generated by mkops from %s and %s. DO NOT EDIT.\n\n", treeName, ovName)
	b.WriteString("package awsperm\n\n")
	b.WriteString("// svcRows maps normalized SDK service IDs and IAM prefixes to operation tables\n")
	b.WriteString("// and IAM prefixes, sorted by key.\n")
	b.WriteString("var svcRows = [...]svcRow{\n")
	keys := make([]string, 0, len(routes))
	for k := range routes {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		r := routes[k]
		fmt.Fprintf(&b, "{%s, %s, %s},", strconv.Quote(k), strconv.Quote(r.Table), strconv.Quote(r.Prefix))
		if r.Reason != "" {
			fmt.Fprintf(&b, " // %s", oneLine(r.Reason))
		}
		b.WriteString("\n")
	}
	b.WriteString("}\n\n")

	// Lists go to flat arrays, rows hold (start, count): see catalog.go.
	var opActs []int
	var whens []string
	var errs2 []error
	list := func(actions []string) (start, n int) {
		start = len(opActs)
		for _, a := range actions {
			if i, ok := actionIdx[strings.ToLower(a)]; ok {
				opActs = append(opActs, i)
			}
		}
		return start, len(opActs) - start
	}
	var rows bytes.Buffer
	var binds, noAuth []string
	for _, o := range ops {
		act, nact := list(o.Actions)
		na := 0
		if o.NoAuth != "" && nact == 0 {
			noAuth = append(noAuth, strconv.Quote(oneLine(o.NoAuth)))
			na = len(noAuth)
		} else if nact == 0 {
			continue
		}
		rt := 0
		if o.ResourceType != "" {
			i, ok := rtIdx[awsops.TablePrefix(o.Prefix)+"\x00"+o.ResourceType]
			if !ok {
				errs2 = append(errs2, fmt.Errorf("%s:%s: resource type %s is not one its actions name", o.Prefix, o.Operation, o.ResourceType))
				continue
			}
			rt = i + 1
		}
		bind := len(binds)
		for _, bd := range o.Binds {
			binds = append(binds, fmt.Sprintf("{%s, %s},", strconv.Quote(bd.Placeholder), strconv.Quote(bd.Field)))
		}
		nbind := len(binds) - bind
		when := len(whens)
		for _, c := range o.When {
			if ca, cn := list(c.Actions); cn > 0 {
				whens = append(whens, fmt.Sprintf("{%s, %d, %d},", strconv.Quote(c.Field), ca, cn))
			}
		}
		nwhen := len(whens) - when
		if nact > 255 || nwhen > 255 {
			errs2 = append(errs2, fmt.Errorf("%s:%s: %d actions, %d conditions: more than a uint8 counts", o.Prefix, o.Operation, nact, nwhen))
		}
		if nbind > 255 || len(binds) > 1<<16 || len(noAuth) > 1<<16 {
			errs2 = append(errs2, fmt.Errorf("%s:%s: %d binds: more than the indexes count", o.Prefix, o.Operation, nbind))
		}
		fmt.Fprintf(&rows, "{%s, %s, %d, %d, %d, %d, %d, %d, %d, %d},", strconv.Quote(o.Prefix), strconv.Quote(o.Operation), act, nact, when, nwhen, rt, bind, nbind, na)
		if o.Reason != "" {
			fmt.Fprintf(&rows, " // override: %s", oneLine(o.Reason))
		}
		for _, c := range o.When {
			fmt.Fprintf(&rows, " // with %s: %s", c.Field, oneLine(c.Reason))
		}
		rows.WriteString("\n")
	}
	if len(whens) > 1<<16 {
		errs2 = append(errs2, fmt.Errorf("%d conditional rows: the uint16 index overflows", len(whens)))
	}
	b.WriteString("// opRows are the operations by prefix and name: their actions (opActions) and the\n")
	b.WriteString("// actions that replace them when an input field is set (whenRows).\n")
	b.WriteString("var opRows = [...]opRow{\n")
	b.Write(rows.Bytes())
	b.WriteString("}\n\n")
	b.WriteString("// bindRows fill placeholders of an opRow's resource type from input fields.\n")
	b.WriteString("var bindRows = [...]bindRow{\n")
	for _, w := range binds {
		b.WriteString(w + "\n")
	}
	b.WriteString("}\n\n")
	b.WriteString("// noAuthReasons say why an opRow with no action passes: the SDK sends it unsigned.\n")
	b.WriteString("var noAuthReasons = [...]string{\n")
	for _, w := range noAuth {
		b.WriteString(w + ",\n")
	}
	b.WriteString("}\n\n")
	b.WriteString("// whenRows are the conditional actions of opRows.\n")
	b.WriteString("var whenRows = [...]whenRow{\n")
	for _, w := range whens {
		b.WriteString(w + "\n")
	}
	b.WriteString("}\n\n")

	var resRefs, deps []string
	var arows bytes.Buffer
	for _, k := range actionNames {
		ref := actions[k]
		res := len(resRefs)
		for _, r := range ref.a.ResourceTypes {
			if i, ok := rtIdx[ref.svc.ShortName+"\x00"+r.Name]; ok {
				resRefs = append(resRefs, fmt.Sprintf("{%d, %t}", i, r.Required))
			}
		}
		dep := len(deps)
		seen := map[string]bool{}
		for _, r := range ref.a.ResourceTypes {
			for _, d := range r.DependentActions {
				if !seen[d] {
					seen[d] = true
					deps = append(deps, strconv.Quote(d))
				}
			}
		}
		for _, d := range ref.a.DependentActions {
			if !seen[d] {
				seen[d] = true
				deps = append(deps, strconv.Quote(d))
			}
		}
		nres, ndep := len(resRefs)-res, len(deps)-dep
		if nres > 255 || ndep > 255 {
			errs2 = append(errs2, fmt.Errorf("%s:%s: %d resource types, %d dependent actions: more than a uint8 counts", ref.svc.ShortName, ref.a.Name, nres, ndep))
		}
		fmt.Fprintf(&arows, "{%s, %d, %d, %d, %d},\n", strconv.Quote(ref.svc.ShortName+":"+ref.a.Name), res, nres, dep, ndep)
	}
	if err := errors.Join(errs2...); err != nil {
		return nil, err
	}
	b.WriteString("// actionRows are the actions some operation needs, sorted by lower-cased name:\n")
	b.WriteString("// their resource types (actionRes) and dependent actions (dependents).\n")
	b.WriteString("var actionRows = [...]actionRow{\n")
	b.Write(arows.Bytes())
	b.WriteString("}\n\n")
	writeFlat(&b, "opActions are the action lists of opRows and whenRows.", "opActions", "uint16", itoa(opActs), 16)
	writeFlat(&b, "actionRes are the resource-type lists of actionRows.", "actionRes", "resRef", resRefs, 8)
	writeFlat(&b, "dependents are the dependent-action lists of actionRows.", "dependents", "string", deps, 4)

	b.WriteString("// rtRows are the resource types some action names, sorted by prefix and name.\n")
	b.WriteString("var rtRows = [...]rtRow{\n")
	for _, k := range rtKeys {
		prefix, name, _ := strings.Cut(k, "\x00")
		fmt.Fprintf(&b, "{%s, %s, %s},\n", strconv.Quote(prefix), strconv.Quote(name), strconv.Quote(rts[k].Pattern))
	}
	b.WriteString("}\n")
	src, err := format.Source(b.Bytes())
	if err != nil {
		return nil, fmt.Errorf("formatting the tables: %w", err)
	}
	return src, nil
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

func itoa(xs []int) []string {
	out := make([]string, len(xs))
	for i, x := range xs {
		out[i] = strconv.Itoa(x)
	}
	return out
}

// writeFlat prints one flat array, perLine elements to a line.
func writeFlat(b *bytes.Buffer, doc, name, typ string, elems []string, perLine int) {
	fmt.Fprintf(b, "// %s\nvar %s = [...]%s{", doc, name, typ)
	for i, e := range elems {
		if i%perLine == 0 {
			b.WriteString("\n")
		}
		b.WriteString(e + ", ")
	}
	b.WriteString("\n}\n\n")
}
