package main

// Google Cloud IAM in the CLI, reached from catalog, diff and policy through one
// call each until the vendor registry's optional interfaces (Cataloger,
// PolicyDialect) can carry a vendor whose model is one joined catalog.

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/permgen/permgen/internal/vendors/gcp"
	"github.com/permgen/permgen/templates/gcp/gcpiam"
)

// gcpPermissionLine and gcpRoleLine are the JSON lines of `gen catalog` for
// GCP, in issue 23's shapes. Deny is the deny-policy (v2) name, null when the
// permission cannot be denied.
type gcpPermissionLine struct {
	Vendor     string   `json:"vendor"`
	Service    string   `json:"service"`
	Permission string   `json:"permission"`
	Roles      []string `json:"roles"`
	Support    string   `json:"custom_roles_support"`
	Deny       *string  `json:"deny"`
}

type gcpRoleLine struct {
	Vendor       string   `json:"vendor"`
	Role         string   `json:"role"`
	Title        string   `json:"title"`
	Stage        string   `json:"stage"`
	ServiceAgent bool     `json:"service_agent"`
	Permissions  []string `json:"permissions"`
}

// writeGCPCatalog prints the permissions, then the roles, of c whose service
// (prefix) is service, or all when service is empty. It returns how many lines.
func writeGCPCatalog(w io.Writer, enc *json.Encoder, c *gcp.Catalog, service string, asJSON bool) (int, error) {
	if c == nil {
		return 0, nil
	}
	n := 0
	for _, p := range c.Permissions {
		if service != "" && p.Prefix != service {
			continue
		}
		n++
		if asJSON {
			l := gcpPermissionLine{Vendor: gcp.Vendor, Service: p.Prefix, Permission: p.Name, Roles: p.Roles, Support: string(p.Support)}
			if p.Deny != "" {
				l.Deny = &p.Deny
			}
			if err := enc.Encode(l); err != nil {
				return n, err
			}
			continue
		}
		deny := "no-deny"
		if p.Deny != "" {
			deny = "deny:" + p.Deny
		}
		fmt.Fprintf(w, "%s\tpermission\t%s\t%s\t%d roles\n", p.Name, p.Support, deny, len(p.Roles))
	}
	for _, r := range c.Roles {
		if service != "" && r.Prefix() != service {
			continue
		}
		n++
		if asJSON {
			if err := enc.Encode(gcpRoleLine{Vendor: gcp.Vendor, Role: r.ID, Title: r.Title, Stage: string(r.Stage), ServiceAgent: r.ServiceAgent, Permissions: r.Permissions}); err != nil {
				return n, err
			}
			continue
		}
		flags := ""
		if r.ServiceAgent {
			flags = "\tservice-agent"
		}
		fmt.Fprintf(w, "%s\trole\t%s\t%s\t%d permissions%s\n", r.ID, r.Stage, r.Title, len(r.Permissions), flags)
	}
	return n, nil
}

// vendorFlag reports whether args name -vendor v.
func vendorFlag(args []string, v string) bool {
	for i, a := range args {
		if a == "-vendor="+v || a == "--vendor="+v || (a == "-vendor" || a == "--vendor") && i+1 < len(args) && args[i+1] == v {
			return true
		}
	}
	return false
}

// loadGCPSide reads one side of a GCP diff: a snapshot archive (.tar.gz, as the
// mirror keeps them), a sources folder with a gcp/ folder, or a folder of pages.
func loadGCPSide(p string) (*gcp.Catalog, error) {
	if strings.HasSuffix(p, ".tar.gz") || strings.HasSuffix(p, ".tgz") {
		return gcp.LoadArchive(p)
	}
	if fi, err := os.Stat(filepath.Join(p, gcp.Vendor)); err == nil && fi.IsDir() {
		p = filepath.Join(p, gcp.Vendor)
	}
	return gcp.LoadDir(p)
}

// runDiffGCP is `gen diff -vendor gcp`.
func runDiffGCP(args []string, stdout, stderr io.Writer) (bool, error) {
	if !vendorFlag(args, gcp.Vendor) {
		return false, nil
	}
	fs, p := newFlags("diff -vendor gcp", "", `Compare two Google Cloud IAM snapshots and classify each change: a permission
added is additive, one removed breaking; a role gaining a permission is a policy
change, a role losing one breaking for its holders. A side is a snapshot archive
(.tar.gz), a sources folder with gcp/, or a folder of pages. Exit 0 no change,
1 changes none breaking, 3 a breaking change.`, stderr)
	fs.String("vendor", "", "gcp")
	oldSide := fs.String("old", "", "old snapshot: `archive or folder` (required)")
	newSide := fs.String("new", "", "new snapshot (default: -in)")
	format := fs.String("format", "text", "output `format`: text or json (one change a line)")
	if err := p.parse(fs, args); err != nil {
		return true, err
	}
	if *oldSide == "" {
		return true, errors.New("diff -vendor gcp: give the old snapshot with -old")
	}
	if *format != "text" && *format != "json" {
		return true, fmt.Errorf("unknown -format %q; known: text, json", *format)
	}
	if *newSide == "" {
		*newSide = p.in
	}
	old, err := loadGCPSide(*oldSide)
	if err != nil {
		return true, fmt.Errorf("old snapshot: %w", err)
	}
	cur, err := loadGCPSide(*newSide)
	if err != nil {
		return true, fmt.Errorf("new snapshot: %w", err)
	}
	changes := gcp.Diff(old, cur)
	w := bufio.NewWriter(stdout)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, c := range changes {
		if *format == "json" {
			if err := enc.Encode(c); err != nil {
				return true, err
			}
			continue
		}
		line := string(c.Class) + "\t" + c.Kind + "\t" + c.Name
		if len(c.Items) > 0 {
			line += fmt.Sprintf("\t%d: %s", len(c.Items), strings.Join(c.Items, " "))
		}
		if c.Detail != "" {
			line += "\t" + c.Detail
		}
		fmt.Fprintln(w, line)
	}
	if err := w.Flush(); err != nil {
		return true, err
	}
	switch gcp.Worst(changes) {
	case "":
		return true, nil
	case gcp.Breaking:
		return true, exitError{3}
	}
	return true, exitError{1}
}

// runPolicyGCP is `gen policy write -vendor gcp`: permission names in (one a
// line), the smallest set of predefined roles out, or a custom role definition
// that `gcloud iam roles create ROLE_ID --file FILE` accepts.
func runPolicyGCP(args []string, stdout, stderr io.Writer) (bool, error) {
	if len(args) == 0 || args[0] != "write" || !vendorFlag(args[1:], gcp.Vendor) {
		return false, nil
	}
	fs, p := newFlags("policy write -vendor gcp", " [FILE|-]", `Read Google Cloud IAM permission names (one a line; # starts a comment) and print
the fewest predefined roles that grant them all (fewest extra permissions, GA
before Beta; no service-agent or basic roles unless asked), or with -custom-role a
custom role definition for "gcloud iam roles create ROLE_ID --file FILE": NOT_SUPPORTED
permissions are refused, TESTING ones warned about.`, stderr)
	fs.String("vendor", "", "gcp")
	title := fs.String("custom-role", "", "write a custom role with this `title` instead of choosing predefined roles")
	desc := fs.String("description", "", "the custom role's `text`")
	stage := fs.String("stage", "GA", "the custom role's launch `stage`")
	format := fs.String("format", "yaml", "custom role `format`: yaml or json")
	agents := fs.Bool("service-agents", false, "allow service-agent roles")
	basic := fs.Bool("basic", false, "allow the basic roles owner, editor, viewer")
	unlisted := fs.Bool("allow-unlisted", false, "accept permissions the custom-role support page does not list")
	pos, err := parseFlags(fs, args[1:])
	if err != nil {
		return true, err
	}
	if *format != "yaml" && *format != "json" {
		return true, fmt.Errorf("unknown -format %q; known: yaml, json", *format)
	}
	data, name, err := readInput(pos, stderr)
	if err != nil {
		return true, err
	}
	var names []string
	for _, l := range strings.Split(string(data), "\n") {
		l, _, _ = strings.Cut(l, "#")
		if l = strings.TrimSpace(l); l != "" {
			names = append(names, l)
		}
	}
	if len(names) == 0 {
		return true, fmt.Errorf("%s: no permission names", name)
	}
	c, err := loadGCPSide(p.in)
	if err != nil {
		return true, err
	}
	if *title != "" {
		role, warns, err := c.CustomRole(gcpiam.CustomRole{Title: *title, Description: *desc, Stage: *stage}, names, *unlisted)
		for _, w := range warns {
			fmt.Fprintf(stderr, "warning: %s\n", w)
		}
		if err != nil {
			return true, fmt.Errorf("%s: %w", name, err)
		}
		out := role.YAML()
		if *format == "json" {
			if out, err = role.JSON(); err != nil {
				return true, err
			}
			out = append(out, '\n')
		}
		_, err = stdout.Write(out)
		return true, err
	}
	g, err := c.SmallestRoles(names, gcpiam.Options{ServiceAgents: *agents, Basic: *basic})
	if err != nil {
		return true, fmt.Errorf("%s: %w", name, err)
	}
	for _, r := range g.Roles {
		fmt.Fprintf(stdout, "%s\t%s\t%s\n", r.ID, r.Stage, r.Title)
	}
	how := "exact"
	if !g.Exact {
		how = "greedy: at most H(n) times the fewest roles"
	}
	fmt.Fprintf(stderr, "%d roles grant the %d permissions with %d extra (%s)\n", len(g.Roles), len(names), g.Extra, how)
	return true, nil
}

// gcpHasPrefix reports whether c holds a permission of the service prefix; a nil
// catalog (no GCP pages in -in) holds none.
func gcpHasPrefix(c *gcp.Catalog, prefix string) bool {
	if c == nil {
		return false
	}
	for _, p := range c.Permissions {
		if p.Prefix == prefix {
			return true
		}
	}
	return false
}
