package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/permgen/permgen/templates/cam"
	"github.com/permgen/permgen/templates/campolicy"
)

// evalOutput is what `policy eval -format json` prints.
type evalOutput struct {
	Decision    string                   `json:"decision"` // allow, explicit_deny, implicit_deny
	Deciding    *campolicy.StatementRef  `json:"deciding,omitempty"`
	ByBoundary  bool                     `json:"by_boundary,omitempty"`
	Matched     []campolicy.StatementRef `json:"matched"`
	MissingKeys []string                 `json:"missing_context_keys"`
	Unknowns    []string                 `json:"unknowns,omitempty"` // the request's unknowns that decided
	Explanation string                   `json:"explanation"`
}

// runPolicyEval answers what campolicy.Evaluate answers for a request and the policies
// attached to the caller, as CAM's policy simulator would: exit 0 allow, 1 deny, 2 a
// policy or request it cannot read (CAM would refuse it).
func runPolicyEval(args []string, stdout, stderr io.Writer) error {
	fs, p := newFlags("policy eval", " -request REQ.json POLICY.json...", policyEvalHelp, stderr)
	describePolicyIn(fs)
	reqFile := fs.String("request", "", "request `file` (formats above)")
	boundaryFile := fs.String("boundary", "", "permission boundary policy `file` (optional)")
	format := fs.String("format", "text", "output `format`: text or json")
	awsOnlyFlags(fs, "resource-policy", "resource-account")
	files, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := refuseAWSOnly(fs, "resource-policy", "resource-account"); err != nil {
		fmt.Fprintf(stderr, "permgen policy eval: %v\n", err)
		return exitError{2}
	}
	if *reqFile == "" || len(files) == 0 {
		fs.Usage()
		return exitError{2}
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "permgen policy eval: -format %q: want text or json\n", *format)
		return exitError{2}
	}
	fail := func(name string, err error) error {
		fmt.Fprintf(stderr, "permgen policy eval: %s: %v\n", name, err)
		return exitError{2}
	}
	var policies []campolicy.Policy
	for _, name := range files {
		pol, err := readPolicyFile(name)
		if err != nil {
			return fail(name, err)
		}
		policies = append(policies, pol)
	}
	var boundary *campolicy.Policy
	if *boundaryFile != "" {
		b, err := readPolicyFile(*boundaryFile)
		if err != nil {
			return fail(*boundaryFile, err)
		}
		boundary = &b
	}
	data, err := os.ReadFile(*reqFile)
	if err != nil {
		return fail(*reqFile, err)
	}
	// The catalog gives each known action its granularity; only the model is needed.
	known, err := camCatalog(fs, p)
	if err != nil {
		return err
	}
	byName := map[string]cam.ActionInfo{}
	for _, a := range known {
		byName[a.String()] = a
	}
	req, err := campolicy.ParseRequest(data, func(n string) (cam.ActionInfo, bool) { a, ok := byName[n]; return a, ok })
	if err != nil {
		return fail(*reqFile, err)
	}
	d := campolicy.EvaluateAll(&req, campolicy.Policies{Identity: policies, Boundary: boundary})
	out := evalOutput{Decision: d.Outcome.Name(), ByBoundary: d.ByBoundary, Matched: d.Matched(), MissingKeys: d.Missing(), Unknowns: d.Unknowns(), Explanation: d.String()}
	if refs := d.Deciding(); len(refs) > 0 {
		out.Deciding = &refs[0]
	}
	if out.Matched == nil {
		out.Matched = []campolicy.StatementRef{}
	}
	if out.MissingKeys == nil {
		out.MissingKeys = []string{}
	}
	if *format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			return err
		}
	} else {
		fmt.Fprintln(stdout, out.Decision)
		if out.Deciding != nil {
			ref := *out.Deciding
			file := ""
			if !ref.Boundary {
				file = " (" + files[ref.Policy] + ")"
			}
			fmt.Fprintf(stdout, "deciding: %s%s\n", ref, file)
		}
		if d.ByBoundary && out.Deciding == nil {
			fmt.Fprintln(stdout, "deciding: the permission boundary allows none of it")
		}
		refs := make([]string, len(out.Matched))
		for i, r := range out.Matched {
			refs[i] = r.String()
		}
		fmt.Fprintf(stdout, "matched: %s\n", orNone(strings.Join(refs, ", ")))
		fmt.Fprintf(stdout, "missing context keys: %s\n", orNone(strings.Join(out.MissingKeys, ", ")))
		if len(out.Unknowns) > 0 {
			fmt.Fprintf(stdout, "decided with unknowns: %s\n", strings.Join(out.Unknowns, ", "))
		}
	}
	if !d.Allowed() {
		return exitError{1}
	}
	return nil
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

func readPolicyFile(name string) (campolicy.Policy, error) {
	b, err := os.ReadFile(name)
	if err != nil {
		return campolicy.Policy{}, err
	}
	if err := notJSON(b); err != nil {
		return campolicy.Policy{}, err
	}
	return campolicy.Parse(b)
}
