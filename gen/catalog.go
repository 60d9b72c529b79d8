package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/vendor"
	"github.com/permgen/permgen/internal/vendors/all"
)

func runCatalog(args []string, stdout, stderr io.Writer) error {
	folders, _ := all.Vendors.Help("catalog", "folder")
	serviceWords, _ := all.Vendors.Help("catalog", "service")
	fs, p := newFlags("catalog", "", fill(`Print the resolved catalog of every vendor, one action (or scope) a line: text `+
		`"prefix:action<TAB>access level or category<TAB>resource types<TAB>description", or `+
		`one JSON object a line. `+strings.Join(folders, " ")+` Reads only the sources folder: no go.mod needed. `+
		`Without the default sources/ (a module of your own), the `+bundledCatalogNames()+` catalog `+
		`compiled into permgen, said on stderr.`, 83), stderr)
	service := fs.String("service", "", "only the service with this `prefix` ("+orList(serviceWords)+")")
	format := fs.String("format", "text", "output `format`: text or json (one JSON object per line)")
	if err := p.parse(fs, args); err != nil {
		return err
	}
	if *format != "text" && *format != "json" {
		return fmt.Errorf("unknown -format %q; known: text, json", *format)
	}
	m, err := catalogServices(p.in, stderr)
	if err != nil {
		return err
	}
	services := m.Services
	if *service != "" && !someServiceHolds(services, *service) {
		if *service, err = findService(services, *service, p.in); err != nil {
			return err
		}
	}
	w := bufio.NewWriter(stdout)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	found := false
	for _, s := range services {
		lines := catalogLines(s)
		if *service != "" {
			// A service inside s by that name (a GCP permission prefix) before s
			// itself: GCP has a prefix "gcp" too.
			if sub, ok := serviceLines(s, *service); ok {
				lines = sub
			} else if s.ShortName != *service {
				continue
			}
		}
		found = true
		for _, l := range lines {
			if *format == "json" {
				if err := enc.Encode(l.JSON); err != nil {
					return err
				}
				continue
			}
			writeText(w, l)
		}
	}
	if err := w.Flush(); err != nil {
		return err
	}
	if *service != "" && !found {
		return fmt.Errorf("no service %q in %s", *service, p.in)
	}
	return nil
}

// catalogLines returns the lines of s, as the vendor that owns it prints them; a
// vendor with nothing to list gives none.
func catalogLines(s *model.Service) []vendor.CatalogLine {
	v, ok := all.Vendors.Owner(s.Kind)
	if !ok {
		return nil
	}
	c, ok := v.(vendor.Cataloger)
	if !ok {
		return nil
	}
	return c.Catalog(s)
}

// serviceLines returns the lines of the service name inside s, for a vendor
// whose one service holds many (vendor.ServiceCataloger), and whether s holds it.
func serviceLines(s *model.Service, name string) ([]vendor.CatalogLine, bool) {
	v, ok := all.Vendors.Owner(s.Kind)
	if !ok {
		return nil, false
	}
	sc, ok := v.(vendor.ServiceCataloger)
	if !ok {
		return nil, false
	}
	return sc.CatalogService(s, name)
}

// someServiceHolds reports whether a vendor's service holds the service name
// inside it, so that -service is not looked up (and corrected) as a short name.
func someServiceHolds(services []*model.Service, name string) bool {
	for _, s := range services {
		if _, ok := serviceLines(s, name); ok {
			return true
		}
	}
	return false
}

// writeText prints a line's columns separated by tabs.
func writeText(w io.Writer, l vendor.CatalogLine) {
	fmt.Fprintln(w, strings.Join(l.Text, "\t"))
}

// orList joins words as a list in prose: "a", "a or b", "a, b or c".
func orList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}

// andList joins words as orList does, with "and".
func andList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}
