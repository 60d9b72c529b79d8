package gcp

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/permgen/permgen/internal/vendor"
	"github.com/permgen/permgen/templates/gcp/gcpiam"
)

// Commands implements vendor.Commander: `gen diff -vendor gcp` and `gen policy
// write -vendor gcp`.
func (Vendor) Commands() []vendor.Command {
	return []vendor.Command{
		{Path: "diff", Purpose: diffPurpose, Flags: diffFlags},
		{Path: "policy write", Args: " [FILE|-]", Purpose: policyWritePurpose, Flags: policyWriteFlags},
	}
}

const diffPurpose = `Compare two Google Cloud IAM snapshots and classify each change: a permission
added is additive, one removed breaking; a role gaining a permission is a policy
change, a role losing one breaking for its holders. A side is a snapshot archive
(.tar.gz), a sources folder with gcp/, or a folder of pages. Exit 0 no change,
1 changes none breaking, 3 a breaking change.`

// loadSide reads one side of a diff: a snapshot archive (.tar.gz, as the mirror
// keeps them), a sources folder with a gcp/ folder, or a folder of pages.
func loadSide(p string) (*Catalog, error) {
	if strings.HasSuffix(p, ".tar.gz") || strings.HasSuffix(p, ".tgz") {
		return LoadArchive(p)
	}
	if fi, err := os.Stat(filepath.Join(p, VendorName)); err == nil && fi.IsDir() {
		p = filepath.Join(p, VendorName)
	}
	return LoadDir(p)
}

func diffFlags(fs *flag.FlagSet) func(vendor.CommandRun) error {
	oldSide := fs.String("old", "", "old snapshot: `archive or folder` (required)")
	newSide := fs.String("new", "", "new snapshot (default: -in)")
	format := fs.String("format", "text", "output `format`: text or json (one change a line)")
	return func(r vendor.CommandRun) error {
		if *oldSide == "" {
			return errors.New("diff -vendor gcp: give the old snapshot with -old")
		}
		if *format != "text" && *format != "json" {
			return fmt.Errorf("unknown -format %q; known: text, json", *format)
		}
		if *newSide == "" {
			*newSide = r.In
		}
		old, err := loadSide(*oldSide)
		if err != nil {
			return fmt.Errorf("old snapshot: %w", err)
		}
		cur, err := loadSide(*newSide)
		if err != nil {
			return fmt.Errorf("new snapshot: %w", err)
		}
		changes := Diff(old, cur)
		w := bufio.NewWriter(r.Stdout)
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		for _, c := range changes {
			if *format == "json" {
				if err := enc.Encode(c); err != nil {
					return err
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
			return err
		}
		switch Worst(changes) {
		case "":
			return nil
		case Breaking:
			return vendor.ExitCode(3)
		}
		return vendor.ExitCode(1)
	}
}

const policyWritePurpose = `Read Google Cloud IAM permission names (one a line; # starts a comment) and print
the fewest predefined roles that grant them all (fewest extra permissions, GA
before Beta; no service-agent or basic roles unless asked), or with -custom-role a
custom role definition for "gcloud iam roles create ROLE_ID --file FILE": NOT_SUPPORTED
permissions are refused, TESTING ones warned about.`

// policyWriteFlags is `gen policy write -vendor gcp`: permission names in (one a
// line), the smallest set of predefined roles out, or a custom role definition
// that `gcloud iam roles create ROLE_ID --file FILE` accepts.
func policyWriteFlags(fs *flag.FlagSet) func(vendor.CommandRun) error {
	title := fs.String("custom-role", "", "write a custom role with this `title` instead of choosing predefined roles")
	desc := fs.String("description", "", "the custom role's `text`")
	stage := fs.String("stage", "GA", "the custom role's launch `stage`")
	format := fs.String("format", "yaml", "custom role `format`: yaml or json")
	agents := fs.Bool("service-agents", false, "allow service-agent roles")
	basic := fs.Bool("basic", false, "allow the basic roles owner, editor, viewer")
	unlisted := fs.Bool("allow-unlisted", false, "accept permissions the custom-role support page does not list")
	return func(r vendor.CommandRun) error {
		if *format != "yaml" && *format != "json" {
			return fmt.Errorf("unknown -format %q; known: yaml, json", *format)
		}
		data, name, err := r.Input()
		if err != nil {
			return err
		}
		var names []string
		for _, l := range strings.Split(string(data), "\n") {
			l, _, _ = strings.Cut(l, "#")
			if l = strings.TrimSpace(l); l != "" {
				names = append(names, l)
			}
		}
		if len(names) == 0 {
			return fmt.Errorf("%s: no permission names", name)
		}
		c, err := loadSide(r.In)
		if err != nil {
			return err
		}
		if *title != "" {
			role, warns, err := c.CustomRole(gcpiam.CustomRole{Title: *title, Description: *desc, Stage: *stage}, names, *unlisted)
			for _, w := range warns {
				fmt.Fprintf(r.Stderr, "warning: %s\n", w)
			}
			if err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
			out := role.YAML()
			if *format == "json" {
				if out, err = role.JSON(); err != nil {
					return err
				}
				out = append(out, '\n')
			}
			_, err = r.Stdout.Write(out)
			return err
		}
		g, err := c.SmallestRoles(names, gcpiam.Options{ServiceAgents: *agents, Basic: *basic})
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		for _, role := range g.Roles {
			fmt.Fprintf(r.Stdout, "%s\t%s\t%s\n", role.ID, role.Stage, role.Title)
		}
		how := "exact"
		if !g.Exact {
			how = "greedy: at most H(n) times the fewest roles"
		}
		fmt.Fprintf(r.Stderr, "%d roles grant the %d permissions with %d extra (%s)\n", len(g.Roles), len(names), g.Extra, how)
		return nil
	}
}
