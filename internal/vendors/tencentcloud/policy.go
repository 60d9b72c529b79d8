package tencentcloud

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/vendor"
	"github.com/permgen/permgen/internal/vendors/tencentcloud/camcatalog"
	"github.com/permgen/permgen/templates/cam"
	"github.com/permgen/permgen/templates/campolicy"
)

var _ vendor.DefaultDialect = Vendor{}

// DefaultDialect implements vendor.DefaultDialect: CAM's commands take what no
// other dialect claims, and say what is no policy at all.
func (Vendor) DefaultDialect() {}

// Claims implements vendor.PolicyDialect: a CAM document writes "version" and
// "statement" in lower case.
func (Vendor) Claims(doc []byte) bool {
	var top map[string]json.RawMessage
	if json.Unmarshal(doc, &top) != nil {
		return false
	}
	_, v := top["version"]
	_, st := top["statement"]
	return v || st
}

// PolicyCommand implements vendor.PolicyDialect: lint, eval and write of CAM
// policies, each taking every argument the other dialects left.
func (Vendor) PolicyCommand(name string) vendor.PolicyCommand {
	switch name {
	case "lint":
		return handled(runPolicyLint)
	case "eval":
		return handled(runPolicyEval)
	case "write":
		return handled(runPolicyWrite)
	}
	return nil
}

// handled adapts a command of the default dialect, which takes every argument.
func handled(run func(env vendor.PolicyEnv, args []string) error) vendor.PolicyCommand {
	return func(env vendor.PolicyEnv, args []string) (bool, error) { return true, run(env, args) }
}

// policyFlags is the flag set of a CAM command, with the flags only another
// dialect's same command reads, which refuseOnly then refuses.
func policyFlags(env vendor.PolicyEnv, command, args, help string) (*flag.FlagSet, *string) {
	fs, in := env.Flags("policy "+command, args, help, env.Stderr)
	env.OnlyFlags(command, fs)
	return fs, in
}

// refuseOnly reports a flag of another dialect given for a CAM policy.
func refuseOnly(env vendor.PolicyEnv, fs *flag.FlagSet) error {
	if err := env.RefuseOnly(fs); err != nil {
		return fmt.Errorf("%v; this is a CAM policy (\"version\": \"2.0\")", err)
	}
	return nil
}

// camCatalog loads every CAM action of -in (env.Services says which catalog).
func camCatalog(env vendor.PolicyEnv, fs *flag.FlagSet, in string) ([]cam.ActionInfo, error) {
	// Only the model is needed, never the rendered files: no import path, no go.mod.
	services, note, err := env.Services(in, model.FormatTencentCAM)
	if err != nil {
		return nil, err
	}
	noteCatalog(fs.Output(), note)
	return camcatalog.Actions(services)
}

// orStdin names the input as PolicyEnv.Input does.
func orStdin(pos []string) string {
	if len(pos) == 1 && pos[0] != "-" {
		return pos[0]
	}
	return "stdin"
}

// noteCatalog says on stderr which catalog a policy command checks against when it
// is not the one -in names.
func noteCatalog(w io.Writer, note string) {
	if note != "" {
		fmt.Fprintf(w, "permgen policy: %s\n", note)
	}
}

// unreadableJSON prints, for -format json, what a tool reading stdout needs when
// the input cannot be read: the file and the error, one object.
func unreadableJSON(w io.Writer, format, name string, err error) {
	if format != "json" {
		return
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(struct {
		File  string `json:"file"`
		Error string `json:"error"`
	}{name, err.Error()})
}

// runPolicyLint exits 0 when the policy is clean, 1 with findings, 2 when the input
// cannot be read as a policy at all.
func runPolicyLint(env vendor.PolicyEnv, args []string) error {
	stdout, stderr := env.Stdout, env.Stderr
	fs, in := policyFlags(env, "lint", " [FILE.json|-]", env.Help.Lint)
	format := fs.String("format", "text", "output `format`: text (one finding a line) or json")
	pos, err := env.Parse(fs, args)
	if err != nil {
		return err
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "permgen policy lint: -format %q: want text or json\n", *format)
		return vendor.ExitCode(2)
	}
	unreadable := func(name string, err error) error {
		fmt.Fprintf(stderr, "permgen policy lint: %s: %v\n", name, err)
		unreadableJSON(stdout, *format, name, err)
		return vendor.ExitCode(2)
	}
	data, name, err := env.Input(pos)
	if err != nil {
		return unreadable(orStdin(pos), err)
	}
	if err := env.NotJSON(data); err != nil {
		return unreadable(name, err)
	}
	if err := refuseOnly(env, fs); err != nil {
		return unreadable(name, err)
	}
	known, err := camCatalog(env, fs, *in)
	if err != nil {
		return err
	}
	findings, err := campolicy.Lint(data, known)
	if err != nil {
		return unreadable(name, err)
	}
	if *format == "json" {
		if findings == nil {
			findings = []campolicy.Finding{}
		}
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(findings); err != nil {
			return err
		}
	} else {
		for _, f := range findings {
			fmt.Fprintf(stdout, "%s: %s\n", name, f)
		}
	}
	if len(findings) > 0 {
		return vendor.ExitCode(1)
	}
	return nil
}

// runPolicyWrite reads "action [resource]" lines and prints the smallest policy
// that grants them, checked by the same rules as campolicy.New.
func runPolicyWrite(env vendor.PolicyEnv, args []string) error {
	stdout, stderr := env.Stdout, env.Stderr
	fs, in := policyFlags(env, "write", " [FILE|-]", env.Help.Write)
	others := strings.Join(env.Others, " or ")
	vendorName := env.VendorFlag(fs)
	pos, err := env.Parse(fs, args)
	if err != nil {
		return err
	}
	if *vendorName != "tencentcloud" && *vendorName != "cam" {
		fmt.Fprintf(stderr, "permgen policy write: -vendor %q: want tencentcloud or %s\n", *vendorName, others)
		return vendor.ExitCode(2)
	}
	if err := refuseOnly(env, fs); err != nil {
		fmt.Fprintf(stderr, "permgen policy write: %v\n", err)
		return vendor.ExitCode(2)
	}
	known, err := camCatalog(env, fs, *in)
	if err != nil {
		return err
	}
	data, name, err := env.Input(pos)
	if err != nil {
		fmt.Fprintf(stderr, "permgen policy write: %v\n", err)
		return vendor.ExitCode(2)
	}
	byName := make(map[string]cam.ActionInfo, len(known))
	names := make([]string, 0, len(known))
	for _, a := range known {
		byName[a.String()] = a
		names = append(names, a.String())
	}
	sort.Strings(names)
	var grants []campolicy.Grant
	var errs []error
	sc := bufio.NewScanner(strings.NewReader(string(data)))
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		fields := strings.Fields(text)
		if len(fields) > 2 {
			errs = append(errs, fmt.Errorf("%s:%d: want \"action [resource]\", got %d fields", name, line, len(fields)))
			continue
		}
		a, ok := byName[fields[0]]
		if !ok {
			errs = append(errs, fmt.Errorf("%s:%d: unknown action %q%s", name, line, fields[0], nearest(fields[0], names)))
			continue
		}
		g := campolicy.Grant{Action: a}
		if len(fields) == 2 {
			r, err := cam.ParseResource(fields[1])
			if err != nil {
				errs = append(errs, fmt.Errorf("%s:%d: %v", name, line, err))
				continue
			}
			g.Resource = r
		}
		grants = append(grants, g)
	}
	if err := errors.Join(errs...); err != nil {
		return err
	}
	pol, err := campolicy.LeastPrivilege(grants...)
	if err != nil {
		return err // a grant that cannot be honoured without over-granting
	}
	for _, n := range camWriteNotes(grants) {
		fmt.Fprintln(stderr, "note:", n)
	}
	b, err := json.MarshalIndent(pol, "", "  ")
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, string(b))
	return nil
}

// nearest suggests the known action closest to name, as ParseAction does.
func nearest(name string, names []string) string {
	e := cam.NewUnknownActionError("", name, len(names), func(i int) string { return names[i] })
	if e.Suggestion == "" {
		return ""
	}
	return fmt.Sprintf("; did you mean %q?", strings.TrimPrefix(e.Suggestion, ":"))
}

// PolicyWords implements vendor.PolicyDialect.
func (Vendor) PolicyWords() vendor.PolicyWords {
	return vendor.PolicyWords{
		Language: "Tencent Cloud CAM",
		Short:    "CAM",
		Pages:    "Tencent CAM",
		Keys:     `("version": "2.0")`,
		Request: `  {"action": "ccc:CreateStaff", "resource": "qcs::ccc::uin/100001:SdkAppId/1400001",
   "context": {"qcs:ip": "10.0.0.1", "qcs:tag": ["env&prod"]},
   "caller": {"uin": "100001", "owner_uin": "100001", "app_id": "1250000000"},
   "policy_owner": {"uin": "100001", "app_id": "1250000000"}, "granularity": "resource"}
  (only action is required)`,
		Write: `"action [resource]", e.g.
  ccc:CreateStaff qcs::ccc::uin/100001:SdkAppId/1400001`,
	}
}
