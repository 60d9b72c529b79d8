package tencentcloud

import (
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strings"

	"github.com/permgen/permgen/internal/vendor"
	"github.com/permgen/permgen/internal/vendors/tencentcloud/camdocs"
	"github.com/permgen/permgen/internal/vendors/tencentcloud/tccli"
)

var _ vendor.ArchiveDiffer = Vendor{}

// DiffArchives implements vendor.ArchiveDiffer: two API catalogue snapshots
// (runCatalogueDiff) or two old CAM pages archives (runDocsDiff).
func (Vendor) DiffArchives(oldPath, newPath, format string, stdout io.Writer) (bool, error) {
	switch {
	case isCatalogueArchive(oldPath) && isCatalogueArchive(newPath):
		return true, runCatalogueDiff(oldPath, newPath, format, stdout)
	case isDocsArchive(oldPath) && isDocsArchive(newPath):
		return true, runDocsDiff(oldPath, newPath, stdout)
	}
	return false, nil
}

// DiffHelp implements vendor.ArchiveDiffer.
func (Vendor) DiffHelp() string {
	return `Two API catalogue snapshots (-old/-new sources/tencentcloud/tccli/*.tar.gz)
are compared by service and action.`
}

// isCatalogueArchive reports whether a -old / -new argument is an API catalogue
// snapshot (sources/tencentcloud/tccli/*.tar.gz) rather than a model folder.
func isCatalogueArchive(p string) bool {
	return strings.HasSuffix(p, ".tar.gz") && filepath.Base(filepath.Dir(p)) == "tccli"
}

// CatalogueDiff is what gen diff prints for two API catalogue snapshots.
type CatalogueDiff struct {
	Old, New                       string
	ServicesAdded, ServicesRemoved []string
	FilesAdded, FilesRemoved       int
	FilesChanged, FilesSame        int
	ActionsAdded, ActionsRemoved   []string
	// StatusEntries counts status changes per service-version entry, by class
	// ("online→deprecated"); StatusActions per action, its versions merged.
	StatusEntries, StatusActions map[string]int
	StatusChanges                []tccli.StatusChange
}

// runCatalogueDiff compares two API catalogue snapshots: services and actions added
// and removed, api.json files, and status changes with their classes. Exit 0: no
// change; 1: changes, none breaking; 3: an action or service removed (code naming it
// stops compiling once the catalog follows).
func runCatalogueDiff(oldPath, newPath, format string, stdout io.Writer) error {
	old, err := tccli.ReadFile(oldPath)
	if err != nil {
		return err
	}
	cur, err := tccli.ReadFile(newPath)
	if err != nil {
		return err
	}
	d := tccli.Compare(old, cur)
	out := CatalogueDiff{Old: oldPath, New: newPath,
		ServicesAdded: d.AddedServices, ServicesRemoved: d.RemovedServices,
		FilesAdded: d.FilesAdded, FilesRemoved: d.FilesRemoved, FilesChanged: d.FilesChanged, FilesSame: d.FilesSame,
		ActionsAdded: d.Added, ActionsRemoved: d.Removed,
		StatusEntries: d.EntryStatusClasses, StatusActions: d.StatusClasses(), StatusChanges: d.StatusChanges}
	switch format {
	case "json":
		b, err := json.MarshalIndent(out, "", "  ")
		if err != nil {
			return err
		}
		fmt.Fprintln(stdout, string(b))
	default:
		writeCatalogueDiff(stdout, out)
	}
	switch {
	case len(d.Removed) > 0 || len(d.RemovedServices) > 0:
		return vendor.ExitCode(3)
	case len(d.Added) > 0 || len(d.AddedServices) > 0 || len(d.StatusChanges) > 0 || d.FilesChanged > 0 || d.FilesAdded > 0:
		return vendor.ExitCode(1)
	}
	return nil
}

func writeCatalogueDiff(w io.Writer, d CatalogueDiff) {
	fmt.Fprintf(w, "API catalogue %s -> %s\n", d.Old, d.New)
	fmt.Fprintf(w, "services: +%d -%d\n", len(d.ServicesAdded), len(d.ServicesRemoved))
	fmt.Fprintf(w, "api.json: +%d -%d changed %d identical %d\n", d.FilesAdded, d.FilesRemoved, d.FilesChanged, d.FilesSame)
	fmt.Fprintf(w, "actions: +%d -%d\n", len(d.ActionsAdded), len(d.ActionsRemoved))
	for _, kind := range []struct {
		what   string
		counts map[string]int
	}{{"status changes (service-version entries)", d.StatusEntries}, {"status changes (actions, versions merged)", d.StatusActions}} {
		var classes []string
		for c := range kind.counts {
			classes = append(classes, c)
		}
		sort.Strings(classes)
		fmt.Fprintf(w, "%s:", kind.what)
		for _, c := range classes {
			fmt.Fprintf(w, " %s %d", c, kind.counts[c])
		}
		fmt.Fprintln(w)
	}
	list := func(title string, xs []string) {
		for _, x := range xs {
			fmt.Fprintf(w, "%s %s\n", title, x)
		}
	}
	list("+ service", d.ServicesAdded)
	list("- service", d.ServicesRemoved)
	list("+", d.ActionsAdded)
	list("-", d.ActionsRemoved)
	for _, s := range d.StatusChanges {
		fmt.Fprintf(w, "~ %s %s\n", s.Action, s.Class())
	}
}

// isDocsArchive reports whether a -old / -new argument is an old CAM pages archive
// (sources/tencentcloud/camdocs/*-documents.tar.gz).
func isDocsArchive(p string) bool {
	return strings.HasSuffix(p, "-documents.tar.gz") && filepath.Base(filepath.Dir(p)) == "camdocs" && !strings.Contains(filepath.Base(p), "cloudaudit")
}

// runDocsDiff compares the resource-level rows of two old CAM page archives (the CN
// 2021 tree and the intl 2023 one) where they list the same action. English pages
// translate the zh ones and are left out. Exit 0: they agree; 1: they differ.
func runDocsDiff(oldPath, newPath string, stdout io.Writer) error {
	entries := func(p string) ([]camdocs.Entry, error) {
		docs, err := camdocs.ReadArchive(p)
		if err != nil {
			return nil, err
		}
		var sel []camdocs.Doc
		for _, d := range docs {
			if d.Lang != "en" {
				sel = append(sel, d)
			}
		}
		return camdocs.Entries(sel), nil
	}
	old, err := entries(oldPath)
	if err != nil {
		return err
	}
	cur, err := entries(newPath)
	if err != nil {
		return err
	}
	c := camdocs.Compare(old, cur)
	fmt.Fprintf(stdout, "old CAM pages %s -> %s\n", oldPath, newPath)
	fmt.Fprintf(stdout, "actions in both: %d; only old: %d; only new: %d; level changed: %d; patterns changed: %d\n",
		c.Both, len(c.OnlyOld), len(c.OnlyNew), len(c.LevelChanged), len(c.PatternsChanged))
	for _, l := range c.LevelChanged {
		fmt.Fprintf(stdout, "~ level %s\n", l)
	}
	for _, l := range c.PatternsChanged {
		fmt.Fprintf(stdout, "~ patterns %s\n", l)
	}
	for _, l := range c.OnlyOld {
		fmt.Fprintf(stdout, "- %s\n", l)
	}
	for _, l := range c.OnlyNew {
		fmt.Fprintf(stdout, "+ %s\n", l)
	}
	if len(c.OnlyOld)+len(c.OnlyNew)+len(c.LevelChanged)+len(c.PatternsChanged) > 0 {
		return vendor.ExitCode(1)
	}
	return nil
}
