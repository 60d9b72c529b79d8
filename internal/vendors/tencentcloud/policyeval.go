package tencentcloud

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"

	"github.com/permgen/permgen/internal/vendor"
	"github.com/permgen/permgen/templates/cam"
	"github.com/permgen/permgen/templates/campolicy"
)

// EvalOutput is what `policy eval -format json` prints for CAM (its JSON is the
// command's contract).
type EvalOutput struct {
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
func runPolicyEval(env vendor.PolicyEnv, args []string) error {
	stdout, stderr := env.Stdout, env.Stderr
	fs, in := policyFlags(env, "eval", " -request REQ.json POLICY.json...", env.Help.Eval)
	reqFile := fs.String("request", "", "request `file` (formats above)")
	boundaryFile := fs.String("boundary", "", "permission boundary policy `file` (optional)")
	format := fs.String("format", "text", "output `format`: text or json")
	files, err := env.Parse(fs, args)
	if err != nil {
		return err
	}
	if err := refuseOnly(env, fs); err != nil {
		fmt.Fprintf(stderr, "permgen policy eval: %v\n", err)
		return vendor.ExitCode(2)
	}
	if *reqFile == "" || len(files) == 0 {
		fs.Usage()
		return vendor.ExitCode(2)
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "permgen policy eval: -format %q: want text or json\n", *format)
		return vendor.ExitCode(2)
	}
	fail := func(name string, err error) error {
		fmt.Fprintf(stderr, "permgen policy eval: %s: %v\n", name, err)
		return vendor.ExitCode(2)
	}
	var policies []campolicy.Policy
	for _, name := range files {
		pol, err := readPolicyFile(env, name)
		if err != nil {
			return fail(name, err)
		}
		policies = append(policies, pol)
	}
	var boundary *campolicy.Policy
	if *boundaryFile != "" {
		b, err := readPolicyFile(env, *boundaryFile)
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
	known, err := camCatalog(env, fs, *in)
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
	out := EvalOutput{Decision: d.Outcome.Name(), ByBoundary: d.ByBoundary, Matched: d.Matched(), MissingKeys: d.Missing(), Unknowns: d.Unknowns(), Explanation: d.String()}
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
		return vendor.ExitCode(1)
	}
	return nil
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

func readPolicyFile(env vendor.PolicyEnv, name string) (campolicy.Policy, error) {
	b, err := os.ReadFile(name)
	if err != nil {
		return campolicy.Policy{}, err
	}
	if err := env.NotJSON(b); err != nil {
		return campolicy.Policy{}, err
	}
	return campolicy.Parse(b)
}
