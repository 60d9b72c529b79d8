package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/permgen/permgen/internal/model"
)

// catalogLine is one action (or scope) of the catalog, as users query it
// (policy_sentry's "query action-table"). The AWS fields are always present for an
// AWS action, empty lists as [], so that a line is read the same way every time;
// the top-level keys and dependent actions are those of the request-level row.
type catalogLine struct {
	Vendor  string `json:"vendor"`
	Service string `json:"service"`
	Action  string `json:"action"`

	AccessLevel      string                 `json:"access_level,omitempty"`
	ResourceTypes    *[]catalogRT           `json:"resource_types,omitempty"`
	ConditionKeys    *[]string              `json:"condition_keys,omitempty"`
	DependentActions *[]string              `json:"dependent_actions,omitempty"`
	Scenarios        []model.ActionScenario `json:"scenarios,omitempty"`
	Operation        string                 `json:"operation,omitempty"`
	DocURL           string                 `json:"doc_url,omitempty"`

	// Tencent CAM.
	Category    model.Category    `json:"category,omitempty"`
	Granularity model.Granularity `json:"granularity,omitempty"`
	Resources   []string          `json:"resources,omitempty"`

	Description string `json:"description"`
}

// catalogRT is model.ActionResourceType with its lists always present.
type catalogRT struct {
	Name             string   `json:"name"`
	Required         bool     `json:"required"`
	ConditionKeys    []string `json:"condition_keys"`
	DependentActions []string `json:"dependent_actions"`
}

// runCatalog prints the resolved catalog of every vendor, one action per line.
func runCatalog(args []string, stdout, stderr io.Writer) error {
	fs, p := newFlags("catalog", "", `Print the resolved catalog of every vendor, one action (or scope) a line: text
"prefix:action<TAB>access level or category<TAB>resource types<TAB>description", or
one JSON object a line. -in may also be a folder whose aws/ holds AWS pages as
fetched, with no manifest. Reads only the sources folder: no go.mod needed. Without
the default sources/ (a module of your own), the AWS and Tencent CAM catalog
compiled into permgen, said on stderr.`, stderr)
	service := fs.String("service", "", "only the service with this `prefix` (AWS prefix, CAM short name or vendor of a scope table)")
	format := fs.String("format", "text", "output `format`: text or json (one JSON object per line)")
	if err := p.parse(fs, args); err != nil {
		return err
	}
	if *format != "text" && *format != "json" {
		return fmt.Errorf("unknown -format %q; known: text, json", *format)
	}
	services, err := catalogServices(p.in, stderr)
	if err != nil {
		return err
	}
	if *service != "" {
		if *service, err = findService(services, *service, p.in); err != nil {
			return err
		}
	}
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
				if err := enc.Encode(l); err != nil {
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

func catalogLines(s *model.Service) []catalogLine {
	var out []catalogLine
	for _, a := range s.Actions {
		l := catalogLine{Vendor: s.Source.Vendor, Service: s.ShortName, Action: a.Name, Description: a.Description}
		if s.Kind == model.FormatAWSSAR {
			keys, deps := nonNil(a.ConditionKeys), nonNil(a.DependentActions)
			rts := []catalogRT{}
			for _, rt := range a.ResourceTypes {
				rts = append(rts, catalogRT{rt.Name, rt.Required, nonNil(rt.ConditionKeys), nonNil(rt.DependentActions)})
			}
			l.AccessLevel, l.ResourceTypes, l.ConditionKeys, l.DependentActions = a.AccessLevel, &rts, &keys, &deps
			l.Scenarios, l.Operation, l.DocURL = a.Scenarios, a.Operation, a.DocURL
		} else {
			l.Category, l.Granularity = a.Category, a.Granularity
			for _, r := range a.Resources {
				l.Resources = append(l.Resources, r.Pattern)
			}
		}
		out = append(out, l)
	}
	for _, sc := range s.Scopes {
		out = append(out, catalogLine{Vendor: s.Source.Vendor, Service: s.ShortName, Action: sc.Name, Description: sc.Description})
	}
	return out
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return append([]T(nil), s...)
}

// writeText prints a line as "service:action<TAB>level<TAB>resource types<TAB>description".
func writeText(w io.Writer, l catalogLine) {
	name := l.Action
	if !strings.Contains(name, ":") {
		name = l.Service + ":" + l.Action
	}
	level := l.AccessLevel
	if level == "" {
		level = string(l.Category)
	}
	var rts []string
	if l.ResourceTypes != nil {
		for _, rt := range *l.ResourceTypes {
			n := rt.Name
			if rt.Required {
				n += "*"
			}
			rts = append(rts, n)
		}
	} else {
		rts = l.Resources
	}
	fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", name, level, strings.Join(rts, ","), l.Description)
}
