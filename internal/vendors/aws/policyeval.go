package aws

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/permgen/permgen/internal/vendor"
	"github.com/permgen/permgen/internal/vendors/aws/awscatalog"
	"github.com/permgen/permgen/templates/aws/iampolicy"
)

// EvalOutput is what `policy eval -format json` prints for AWS (its JSON is the
// command's contract), in the shape of the CAM command's output.
type EvalOutput struct {
	Decision    string                   `json:"decision"` // allow, explicit_deny, implicit_deny
	Deciding    []iampolicy.StatementRef `json:"deciding"`
	ByBoundary  bool                     `json:"by_boundary,omitempty"`
	MissingKeys []string                 `json:"missing_context_keys"`
	// Unknowns are what the request says it does not know and the decision
	// depended on; NoResourcePolicy the key or trust policy AWS requires and the
	// command was not given.
	Unknowns         []string `json:"unknowns,omitempty"`
	NoResourcePolicy string   `json:"no_resource_policy,omitempty"`
	Explanation      string   `json:"explanation"`
}

// decisionName spells an outcome as the CAM command does.
func decisionName(o iampolicy.Outcome) string {
	switch o {
	case iampolicy.Allowed:
		return "allow"
	case iampolicy.ExplicitDeny:
		return "explicit_deny"
	}
	return "implicit_deny"
}

// isAWSRequest tells an AWS request file from a CAM one when no policy file says
// which: a principal or an ARN resource is AWS; a caller, a policy owner, a
// granularity or a qcs:: resource is CAM ("unknown" is both vendors').
func isAWSRequest(data []byte) bool {
	var top map[string]json.RawMessage
	if json.Unmarshal(data, &top) != nil {
		return false
	}
	for _, cam := range []string{"caller", "policy_owner", "granularity"} {
		if _, ok := top[cam]; ok {
			return false
		}
	}
	var res string
	_ = json.Unmarshal(top["resource"], &res)
	if strings.HasPrefix(res, "qcs:") {
		return false
	}
	_, principal := top["principal"]
	return principal || strings.HasPrefix(res, "arn:")
}

// runPolicyEvalAWS takes `policy eval` when its policies (or, with none, its
// request) are AWS's: the same flags, output and exit codes as the CAM command (0
// allow, 1 deny, 2 an input it cannot read), plus -resource-policy and
// -resource-account. No identity policy is a valid question (a bucket policy alone
// can grant; no policy at all is an implicit deny). The request file is
// {"principal": ARN, "action": "s3:GetObject", "resource": ARN or "*", "context":
// {...}, "unknown": {"resource": bool, "parts": ["Account"], "keys": [...]}}.
func runPolicyEvalAWS(env vendor.PolicyEnv, args []string) (bool, error) {
	stdout, stderr := env.Stdout, env.Stderr
	fs, in := env.Flags("policy eval", " -request REQ.json [POLICY.json...]", "Decide an AWS request against identity policies, a boundary and a resource policy.", io.Discard)
	reqFile := fs.String("request", "", "request `file`: principal, action, resource, context, unknown")
	boundary := fs.String("boundary", "", "permissions boundary policy `file`")
	resource := fs.String("resource-policy", "", "resource-based policy `file` of the resource (a role's trust policy for sts:AssumeRole, a KMS key policy)")
	account := fs.String("resource-account", "", "`account` ID owning the resource, when its ARN does not name it (S3)")
	format := fs.String("format", "text", "output `format`: text or json")
	files, err := env.Parse(fs, args)
	if err != nil || *reqFile == "" {
		return false, nil // the CAM command reports usage errors
	}
	isAWS := *resource != "" || *account != ""
	if len(files) > 0 {
		first, err := os.ReadFile(files[0])
		if err != nil {
			return false, nil
		}
		isAWS = isAWS || isAWSPolicy(first)
	}
	reqData, reqErr := os.ReadFile(*reqFile)
	if !isAWS && len(files) == 0 {
		isAWS = reqErr == nil && isAWSRequest(reqData)
	}
	if !isAWS {
		return false, nil
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "permgen policy eval: -format %q: want text or json\n", *format)
		return true, vendor.ExitCode(2)
	}
	fail := func(name string, err error) (bool, error) {
		fmt.Fprintf(stderr, "permgen policy eval: %s: %v\n", name, err)
		return true, vendor.ExitCode(2)
	}
	if reqErr != nil {
		return fail(*reqFile, reqErr)
	}
	req, err := iampolicy.ParseRequest(reqData)
	if err != nil {
		return fail(*reqFile, err)
	}
	cat, note, err := loadCatalog(env, *in)
	if err != nil {
		return true, err
	}
	noteCatalog(stderr, note)
	if err := checkAWSRequest(cat, req); err != nil {
		return fail(*reqFile, err)
	}
	readPolicy := func(name string, kind iampolicy.PolicyKind) (*iampolicy.Policy, error) {
		b, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		pol, err := iampolicy.Parse(b)
		if err != nil {
			return nil, err
		}
		return pol, pol.ValidateAs(kind)
	}
	ps := iampolicy.Policies{ResourceAccount: *account}
	for _, name := range files {
		pol, err := readPolicy(name, iampolicy.IdentityPolicy)
		if err != nil {
			return fail(name, err)
		}
		ps.Identity = append(ps.Identity, pol)
	}
	if *boundary != "" {
		if ps.Boundary, err = readPolicy(*boundary, iampolicy.PermissionsBoundary); err != nil {
			return fail(*boundary, err)
		}
	}
	if *resource != "" {
		kind := iampolicy.ResourcePolicy
		if isRoleAssumption(req) {
			kind = iampolicy.TrustPolicy
		}
		if ps.Resource, err = readPolicy(*resource, kind); err != nil {
			return fail(*resource, err)
		}
	}
	d := iampolicy.EvaluateAll(req, ps)
	if d.Outcome == iampolicy.Refused {
		return fail(*reqFile, fmt.Errorf("%s", d.Refusal()))
	}
	out := EvalOutput{Decision: decisionName(d.Outcome), Deciding: d.Deciding(), ByBoundary: d.BoundaryDenied,
		MissingKeys: d.Missing(), Unknowns: d.Unknowns(), NoResourcePolicy: d.NoResourcePolicy, Explanation: d.String()}
	if out.Deciding == nil {
		out.Deciding = []iampolicy.StatementRef{}
	}
	if out.MissingKeys == nil {
		out.MissingKeys = []string{}
	}
	if *format == "json" {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			return true, err
		}
	} else {
		fmt.Fprintln(stdout, out.Decision)
		for _, ref := range out.Deciding {
			file := ""
			if ref.Kind == iampolicy.IdentityPolicy {
				file = " (" + files[ref.Policy] + ")"
			}
			fmt.Fprintf(stdout, "deciding: %s%s\n", ref, file)
		}
		if d.BoundaryDenied {
			fmt.Fprintln(stdout, "deciding: the permissions boundary allows none of it")
		}
		if d.NoResourcePolicy != "" {
			fmt.Fprintf(stdout, "deciding: no %s given (-resource-policy); AWS requires one that allows it\n", d.NoResourcePolicy)
		}
		if len(out.Unknowns) > 0 {
			fmt.Fprintf(stdout, "decided with unknowns: %s\n", strings.Join(out.Unknowns, ", "))
		}
		fmt.Fprintf(stdout, "missing context keys: %s\n", orNone(strings.Join(out.MissingKeys, ", ")))
	}
	if !d.Allowed() {
		return true, vendor.ExitCode(1)
	}
	return true, nil
}

// isRoleAssumption reports whether the request assumes an IAM role, whose trust
// policy the resource policy then is.
func isRoleAssumption(r *iampolicy.Request) bool {
	return strings.HasPrefix(strings.ToLower(r.Action), "sts:assumerole") && strings.Contains(r.Resource, ":iam::") && strings.Contains(r.Resource, ":role/")
}

// checkAWSRequest refuses a request the catalog cannot read, rather than answer a
// plausible implicit deny: an action that is not "service:Name" of a known
// service, a resource that is neither "*" nor an ARN, a principal that is neither
// an ARN nor a service.
func checkAWSRequest(cat *awscatalog.Catalog, r *iampolicy.Request) error {
	prefix, name, ok := strings.Cut(r.Action, ":")
	if !ok || prefix == "" || name == "" || strings.ContainsAny(r.Action, "*?") {
		return fmt.Errorf("action %q is not \"service:Action\" (one action, no wildcard)", r.Action)
	}
	acts := cat.ServiceActions(strings.ToLower(prefix))
	if acts == nil {
		prefixes := cat.Prefixes()
		msg := fmt.Sprintf("action %q: no AWS service has the prefix %q", r.Action, prefix)
		if near := closest(strings.ToLower(prefix), prefixes); near != "" {
			msg += fmt.Sprintf("; did you mean %s:%s?", near, name)
		}
		return fmt.Errorf("%s", msg)
	}
	if _, ok := cat.LookupAction(r.Action); !ok {
		names := make([]string, len(acts))
		for i, a := range acts {
			names[i] = a.Name
		}
		msg := fmt.Sprintf("action %q: %s has no action %q", r.Action, prefix, name)
		if near := closest(name, names); near != "" {
			msg += fmt.Sprintf("; did you mean %s:%s?", strings.ToLower(prefix), near)
		}
		return fmt.Errorf("%s", msg)
	}
	if r.Resource != "*" && !(strings.HasPrefix(r.Resource, "arn:") && strings.Count(r.Resource, ":") >= 5) {
		msg := fmt.Sprintf("resource %q is neither \"*\" nor an ARN (arn:partition:service:region:account:resource)", r.Resource)
		for _, a := range acts {
			if strings.EqualFold(a.Name, name) && a.ResourceTypes.Len() > 0 {
				if rt, ok := cat.LookupResourceType(a.Service, a.ResourceTypes.At(0).Name); ok {
					msg += "; did you mean an ARN like " + rt.ARN + "?"
				}
				break
			}
		}
		return fmt.Errorf("%s", msg)
	}
	if p := r.Principal; p != "" && !strings.HasPrefix(p, "arn:") && !strings.HasSuffix(p, ".amazonaws.com") {
		return fmt.Errorf("principal %q is neither an ARN nor a service principal (\"s3.amazonaws.com\")", p)
	}
	return nil
}

// closest returns the candidate closest to name (ASCII case ignored) when it is
// close: at most a third of the name's letters changed, and at least one allowed
// (short service prefixes: "s4" finds "s3").
func closest(name string, cands []string) string {
	limit := len(name) / 3
	if limit < 1 {
		limit = 1
	}
	best, bestD := "", limit+1
	for _, c := range cands {
		if d := editDistance(strings.ToLower(name), strings.ToLower(c)); d < bestD {
			best, bestD = c, d
		}
	}
	return best
}

// editDistance is the Levenshtein distance of a and b by bytes.
func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}
