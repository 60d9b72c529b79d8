package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"

	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/vendor"
	"github.com/permgen/permgen/internal/vendors/all"
	"github.com/permgen/permgen/internal/vendors/tencentcloud/camcatalog"
	"github.com/permgen/permgen/templates/cam"
	"github.com/permgen/permgen/templates/campolicy"
)

// stdin is read by "policy lint -" and "policy write"; tests replace it.
var stdin io.Reader = os.Stdin

func runPolicy(args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 && args[0] == "write" {
		if handled, err := runVendorCommand("policy write", args[1:], stdout, stderr); handled {
			return err // a vendor's own policy write, chosen with -vendor (vendorcmd.go)
		}
	}
	if handled, err := runPolicyDialects(args, stdout, stderr); handled {
		return err // a vendor's own form of the command (vendor.PolicyDialect)
	}
	if len(args) == 0 || (args[0] != "lint" && args[0] != "write" && args[0] != "eval") {
		help := len(args) > 0 && (args[0] == "-h" || args[0] == "-help" || args[0] == "--help" || args[0] == "help")
		if len(args) > 0 && !help {
			fmt.Fprintf(stderr, "permgen policy: unknown command %q; want lint, eval or write\n\n", args[0])
		}
		fmt.Fprintf(stderr, policyUsage, prog())
		if help {
			return exitError{0}
		}
		return exitError{2}
	}
	switch args[0] {
	case "lint":
		return runPolicyLint(args[1:], stdout, stderr)
	case "eval":
		return runPolicyEval(args[1:], stdout, stderr)
	}
	return runPolicyWrite(args[1:], stdout, stderr)
}

// runPolicyDialects offers "policy <command>" to every vendor with a policy
// dialect, in registry order, and reports whether one took it.
func runPolicyDialects(args []string, stdout, stderr io.Writer) (handled bool, err error) {
	if len(args) == 0 {
		return false, nil
	}
	env := policyEnv(stdout, stderr)
	for _, v := range all.Vendors {
		d, ok := v.(vendor.PolicyDialect)
		if !ok {
			continue
		}
		cmd := d.PolicyCommand(args[0])
		if cmd == nil {
			continue
		}
		if handled, err := cmd(env, args[1:]); handled {
			var code vendor.ExitCode
			if errors.As(err, &code) {
				return true, exitError{int(code)}
			}
			return true, err
		}
	}
	return false, nil
}

// policyEnv is what the CLI lends a vendor's policy command.
func policyEnv(stdout, stderr io.Writer) vendor.PolicyEnv {
	return vendor.PolicyEnv{
		Stdout: stdout,
		Stderr: stderr,
		Flags: func(name, args, help string, w io.Writer) (*flag.FlagSet, *string) {
			fs, p := newFlags(name, args, help, w)
			describePolicyIn(fs)
			return fs, &p.in
		},
		Parse:    parseFlags,
		Input:    func(pos []string) ([]byte, string, error) { return readInput(pos, stderr) },
		Unread:   func(data []byte) { stdin = bytes.NewReader(data) },
		Services: func(in, format string) ([]*model.Service, string, error) { return policyCatalogServices(in, format) },
		Help:     vendor.PolicyHelp{Lint: policyLintHelp, Eval: policyEvalHelp, Write: policyWriteHelp},
	}
}

// policyCatalogServices is where the policy commands' catalogs come from
// (policyServices); tests replace it.
var policyCatalogServices = policyServices

// camCatalog loads every CAM action of -in (policyServices says which catalog).
func camCatalog(fs *flag.FlagSet, p *paths) ([]cam.ActionInfo, error) {
	// Only the model is needed, never the rendered files: no import path, no go.mod.
	services, note, err := policyServices(p.in, model.FormatTencentCAM)
	if err != nil {
		return nil, err
	}
	noteCatalog(fs.Output(), note)
	return camcatalog.Actions(services)
}

// orStdin names the input as readInput does.
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

// readInput reads the one input file of pos, or stdin when there is none or it is
// "-". Waiting on a terminal would look like a hang, so that case says so first.
func readInput(pos []string, stderr io.Writer) ([]byte, string, error) {
	name := "-"
	if len(pos) > 1 {
		return nil, "", fmt.Errorf("one input file at most, got %d", len(pos))
	}
	if len(pos) == 1 {
		name = pos[0]
	}
	if name == "-" {
		if isTerminal(stdin) {
			fmt.Fprintln(stderr, "permgen: reading stdin (end with Ctrl-D; or give a file name)")
		}
		b, err := io.ReadAll(stdin)
		return b, "stdin", err
	}
	b, err := os.ReadFile(name)
	return b, name, err
}

// isTerminal reports whether r is a character device, such as a terminal.
func isTerminal(r io.Reader) bool {
	f, ok := r.(interface{ Stat() (os.FileInfo, error) })
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// runPolicyLint exits 0 when the policy is clean, 1 with findings, 2 when the input
// cannot be read as a policy at all.
func runPolicyLint(args []string, stdout, stderr io.Writer) error {
	fs, p := newFlags("policy lint", " [FILE.json|-]", policyLintHelp, stderr)
	describePolicyIn(fs)
	format := fs.String("format", "text", "output `format`: text (one finding a line) or json")
	awsOnlyFlags(fs, "kind")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if *format != "text" && *format != "json" {
		fmt.Fprintf(stderr, "permgen policy lint: -format %q: want text or json\n", *format)
		return exitError{2}
	}
	unreadable := func(name string, err error) error {
		fmt.Fprintf(stderr, "permgen policy lint: %s: %v\n", name, err)
		unreadableJSON(stdout, *format, name, err)
		return exitError{2}
	}
	data, name, err := readInput(pos, stderr)
	if err != nil {
		return unreadable(orStdin(pos), err)
	}
	if err := notJSON(data); err != nil {
		return unreadable(name, err)
	}
	if err := refuseAWSOnly(fs, "kind"); err != nil {
		return unreadable(name, err)
	}
	known, err := camCatalog(fs, p)
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
		return exitError{1}
	}
	return nil
}

// runPolicyWrite reads "action [resource]" lines and prints the smallest policy
// that grants them, checked by the same rules as campolicy.New.
func runPolicyWrite(args []string, stdout, stderr io.Writer) error {
	fs, p := newFlags("policy write", " [FILE|-]", policyWriteHelp, stderr)
	describePolicyIn(fs)
	vendor := fs.String("vendor", "tencentcloud", "`vendor` of the policy: tencentcloud (CAM) or aws")
	awsOnlyFlags(fs, "kind")
	pos, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if *vendor != "tencentcloud" && *vendor != "cam" {
		fmt.Fprintf(stderr, "permgen policy write: -vendor %q: want tencentcloud or aws\n", *vendor)
		return exitError{2}
	}
	if err := refuseAWSOnly(fs, "kind"); err != nil {
		fmt.Fprintf(stderr, "permgen policy write: %v\n", err)
		return exitError{2}
	}
	known, err := camCatalog(fs, p)
	if err != nil {
		return err
	}
	data, name, err := readInput(pos, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "permgen policy write: %v\n", err)
		return exitError{2}
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
