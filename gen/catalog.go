package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/pipeline"
	"github.com/permgen/permgen/internal/vendor"
	"github.com/permgen/permgen/internal/vendors/all"
)

func runCatalog(args []string, stdout, stderr io.Writer) error {
	fs, p := newFlags("catalog", "", `Print the resolved catalog of every vendor, one action (or scope) a line: text
"prefix:action<TAB>access level or category<TAB>resource types<TAB>description", or
one JSON object a line. -in may also be a folder whose aws/ holds AWS pages as
fetched, with no manifest. Reads only the sources folder: no go.mod needed.`, stderr)
	service := fs.String("service", "", "only the service with this `short name` (the prefix of its actions, or the vendor of a scope table)")
	format := fs.String("format", "text", "output `format`: text or json (one JSON object per line)")
	if err := p.parse(fs, args); err != nil {
		return err
	}
	if *format != "text" && *format != "json" {
		return fmt.Errorf("unknown -format %q; known: text, json", *format)
	}
	m, err := pipeline.Load(pipeline.Options{In: p.in})
	if err != nil {
		return err
	}
	services := m.Services
	w := bufio.NewWriter(stdout)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	found := false
	for _, s := range services {
		if *service != "" && s.ShortName != *service {
			continue
		}
		found = true
		for _, l := range catalogLines(s) {
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

// writeText prints a line's columns separated by tabs.
func writeText(w io.Writer, l vendor.CatalogLine) {
	fmt.Fprintln(w, strings.Join(l.Text, "\t"))
}
