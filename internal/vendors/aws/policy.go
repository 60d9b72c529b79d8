package aws

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/vendor"
	"github.com/permgen/permgen/internal/vendors/aws/awscatalog"
	"github.com/permgen/permgen/templates/aws/iam"
	"github.com/permgen/permgen/templates/aws/iampolicy"
)

// PolicyCommand implements vendor.PolicyDialect: "lint" of a document in the AWS
// grammar, "eval" of AWS policies or an AWS request, and "write -vendor aws".
// Each leaves everything else, with stdin given back, to the default dialect's (CAM's) commands.
func (Vendor) PolicyCommand(name string) vendor.PolicyCommand {
	switch name {
	case "lint":
		return runPolicyLintAWS
	case "eval":
		return runPolicyEvalAWS
	case "write":
		return func(env vendor.PolicyEnv, args []string) (bool, error) {
			if !vendor.VendorFlag(args, "aws") {
				return false, nil
			}
			return true, runPolicyWriteAWS(env, args)
		}
	}
	return nil
}

// isAWSPolicy reports whether data is an AWS policy document (Claims).
func isAWSPolicy(data []byte) bool { return Vendor{}.Claims(data) }

// loadCatalog builds the catalog of -in (env.Services says which), and the note
// for stderr when it is not -in's; tests of the CLI replace env.Services.
func loadCatalog(env vendor.PolicyEnv, in string) (*awscatalog.Catalog, string, error) {
	services, note, err := env.Services(in, model.FormatAWSSAR)
	if err != nil {
		return nil, "", err
	}
	c, err := awscatalog.New(services)
	return c, note, err
}

// noteCatalog says on stderr which catalog a policy command checks against when it
// is not the one -in names.
func noteCatalog(w io.Writer, note string) {
	if note != "" {
		fmt.Fprintf(w, "permgen policy: %s\n", note)
	}
}

// ParsePolicyKind reads the -kind flag of the policy commands.
func ParsePolicyKind(s string) (iampolicy.Kind, error) { return parseKind(s) }

func parseKind(s string) (iampolicy.Kind, error) {
	switch s {
	case "managed", "identity":
		return iampolicy.ManagedPolicy, nil
	case "role":
		return iampolicy.RoleInlinePolicy, nil
	case "user":
		return iampolicy.UserInlinePolicy, nil
	case "group":
		return iampolicy.GroupInlinePolicy, nil
	case "boundary":
		return iampolicy.BoundaryPolicy, nil
	case "resource":
		return iampolicy.ResourceBasedPolicy, nil
	case "trust":
		return iampolicy.RoleTrustPolicy, nil
	case "scp":
		return iampolicy.ServiceControlPolicy, nil
	}
	return 0, fmt.Errorf("-kind %q: want managed, role, user, group, boundary, resource, trust or scp", s)
}

func runPolicyLintAWS(env vendor.PolicyEnv, args []string) (bool, error) {
	stdout, stderr := env.Stdout, env.Stderr
	fs, in := env.Flags("policy lint", " [FILE.json|-]", env.Help.Lint, io.Discard)
	format := fs.String("format", "text", "output `format`: text (one finding a line), json or sarif (SARIF 2.1.0, for code scanning)")
	kind := fs.String("kind", "managed", "policy `kind`: managed, role, user or group (identity; quotas 6,144, 10,240, 2,048, 5,120), boundary, resource, trust or scp")
	severity := fs.String("severity", "suggestion", "report findings at this `level` and above: suggestion, warning, \"security warning\" or error")
	ignore := fs.String("ignore", "", "comma-separated lint `codes` to leave out (AWS013,AWS023)")
	suppress := fs.String("suppress", "", "suppression `file`: JSON {\"suppressions\": [{\"file\", \"code\", \"path\", \"reason\"}]}")
	sensitive := fs.String("sensitive", "", "`file` of actions on resources to report whenever allowed: JSON [{\"action\", \"resources\"}]")
	pos, err := env.Parse(fs, args)
	if err != nil || len(pos) > 1 {
		return false, nil // the CAM command reports flag errors
	}
	fs.SetOutput(stderr)
	data, name, err := env.Input(pos)
	if err != nil {
		return false, nil // let the CAM command say it
	}
	if !isAWSPolicy(data) {
		env.Unread(data)
		return false, nil
	}
	usage := func(format string, a ...any) (bool, error) {
		fmt.Fprintf(stderr, "permgen policy lint: "+format+"\n", a...)
		return true, vendor.ExitCode(2)
	}
	k, err := parseKind(*kind)
	if err != nil {
		return usage("%v", err)
	}
	if *format != "text" && *format != "json" && *format != "sarif" {
		return usage("-format %q: want text, json or sarif", *format)
	}
	opts := iampolicy.FilterOptions{File: name}
	if err := opts.MinSeverity.UnmarshalText([]byte(*severity)); err != nil {
		return usage("-severity %q: want suggestion, warning, \"security warning\" or error", *severity)
	}
	for _, c := range strings.Split(*ignore, ",") {
		if c = strings.TrimSpace(c); c != "" {
			opts.Ignore = append(opts.Ignore, c)
		}
	}
	if *suppress != "" {
		b, err := os.ReadFile(*suppress)
		if err != nil {
			return usage("%v", err)
		}
		if opts.Suppress, err = iampolicy.ParseSuppressions(b); err != nil {
			return usage("%s: %v", *suppress, err)
		}
	}
	lo := iampolicy.LintOptions{Kind: k}
	if *sensitive != "" {
		b, err := os.ReadFile(*sensitive)
		if err != nil {
			return usage("%v", err)
		}
		if err := json.Unmarshal(b, &lo.Sensitive); err != nil {
			return usage("%s: %v", *sensitive, err)
		}
	}
	cat, note, err := loadCatalog(env, *in)
	if err != nil {
		return true, err
	}
	noteCatalog(stderr, note)
	lo.Catalog = cat
	findings := iampolicy.Lint(data, lo)
	if len(findings) == 1 && findings[0].Code == iampolicy.CodeSyntax && findings[0].Path == "" {
		fmt.Fprintf(stderr, "permgen policy lint: %s: %s\n", name, findings[0].Message)
		return true, vendor.ExitCode(2)
	}
	findings = iampolicy.Filter(findings, opts)
	switch *format {
	case "json":
		if findings == nil {
			findings = []iampolicy.Finding{}
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(findings); err != nil {
			return true, err
		}
	case "sarif":
		if err := writeSARIF(stdout, name, findings); err != nil {
			return true, err
		}
	default:
		for _, f := range findings {
			fmt.Fprintf(stdout, "%s: %s\n", name, f)
		}
	}
	if len(findings) > 0 {
		return true, vendor.ExitCode(1)
	}
	return true, nil
}

// accessLevelWords are the words a CRUD line may start with.
var accessLevelWords = map[string]iam.AccessLevel{
	"read": iam.Read, "write": iam.Write, "list": iam.List, "tagging": iam.Tagging,
	"permissions-management": iam.PermissionsManagement,
}

// runPolicyWriteAWS reads lines "action [arn]" or, as policy_sentry's CRUD mode,
// "read,write arn", and prints the least-privilege policy (several, as a JSON
// list, when one would be over the quota); notes go to stderr.
func runPolicyWriteAWS(env vendor.PolicyEnv, args []string) error {
	stdout, stderr := env.Stdout, env.Stderr
	fs, in := env.Flags("policy write", " [FILE|-]", env.Help.Write, stderr)
	env.VendorFlag(fs)
	kind := fs.String("kind", "managed", "AWS only: policy `kind`, for its size quota: managed (6,144), role (10,240), user (2,048) or group (5,120); the "+
		"iampolicy constants ManagedPolicy, RoleInlinePolicy, UserInlinePolicy, GroupInlinePolicy")
	pos, err := env.Parse(fs, args)
	if err != nil {
		return err
	}
	k, err := parseKind(*kind)
	if err != nil {
		fmt.Fprintf(stderr, "permgen policy write: %v\n", err)
		return vendor.ExitCode(2)
	}
	data, name, err := env.Input(pos)
	if err != nil {
		fmt.Fprintf(stderr, "permgen policy write: %v\n", err)
		return vendor.ExitCode(2)
	}
	cat, note, err := loadCatalog(env, *in)
	if err != nil {
		return err
	}
	noteCatalog(stderr, note)
	grants, err := awsGrants(cat, data, name)
	if err != nil {
		return err
	}
	w, err := iampolicy.LeastPrivilege(cat, k, grants...)
	if err != nil {
		return err
	}
	for _, n := range w.Notes {
		fmt.Fprintln(stderr, "note:", n)
	}
	var out any = w.Policies[0]
	if len(w.Policies) > 1 {
		fmt.Fprintf(stderr, "note: split into %d policies to fit the %d characters of a %s\n", len(w.Policies), k.Quota(), k)
		out = w.Policies
	}
	b, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, string(b))
	return nil
}

// awsGrants reads the lines of a write input.
func awsGrants(cat *awscatalog.Catalog, data []byte, name string) ([]iampolicy.Grant, error) {
	var grants []iampolicy.Grant
	var errs []error
	sc := bufio.NewScanner(bytes.NewReader(data))
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		fields := strings.Fields(text)
		if len(fields) > 2 {
			errs = append(errs, fmt.Errorf("%s:%d: want \"action [arn]\" or \"level[,level] arn\", got %d fields", name, line, len(fields)))
			continue
		}
		if !strings.Contains(fields[0], ":") {
			var levels []iam.AccessLevel
			for _, w := range strings.Split(strings.ToLower(fields[0]), ",") {
				l, ok := accessLevelWords[w]
				if !ok {
					errs = append(errs, fmt.Errorf("%s:%d: %q is neither an action nor an access level (read, write, list, tagging, permissions-management)", name, line, w))
					continue
				}
				levels = append(levels, l)
			}
			if len(fields) != 2 {
				errs = append(errs, fmt.Errorf("%s:%d: an access level needs an ARN", name, line))
				continue
			}
			gs, err := iampolicy.GrantsFor(cat, fields[1], levels...)
			if err != nil {
				errs = append(errs, fmt.Errorf("%s:%d: %v", name, line, err))
				continue
			}
			grants = append(grants, gs...)
			continue
		}
		info, ok := cat.LookupAction(fields[0])
		if !ok {
			msg := fmt.Sprintf("%s:%d: unknown action %q", name, line, fields[0])
			prefix, _, _ := strings.Cut(fields[0], ":")
			if acts := cat.ServiceActions(strings.ToLower(prefix)); acts != nil {
				e := iam.NewUnknownActionError(strings.ToLower(prefix), fields[0], len(acts), func(i int) string { return acts[i].Name })
				if e.Suggestion != "" {
					msg += "; did you mean " + e.Suggestion + "?"
				}
			} else {
				msg += fmt.Sprintf("; no AWS service has the prefix %q", prefix)
			}
			errs = append(errs, errors.New(msg))
			continue
		}
		g := iampolicy.Grant{Action: info}
		if len(fields) == 2 {
			g.Resource = fields[1]
		}
		grants = append(grants, g)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	if len(grants) == 0 {
		return nil, fmt.Errorf("%s: no grants", name)
	}
	return grants, nil
}
