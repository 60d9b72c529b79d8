// Package camcatalog is the one builder of Tencent CAM's typed catalog from the
// model: Action turns one action of a product into the cam.ActionInfo that the
// emitter prints into the product's tables, and Actions gathers every product's
// into the catalog `gen policy` checks CAM documents against, so the two never
// disagree (the deprecation included).
package camcatalog

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/permgen/permgen/internal/emit"
	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/templates/cam"
)

// Action is a, of the product whose CAM short name is short, as the runtime
// records it. A resource pattern or type a cam.Names list cannot carry (empty,
// or holding a line break) is an error naming the action; an enum value the
// runtime does not know stays its zero value.
func Action(short string, a model.Action) (cam.ActionInfo, error) {
	res, types := a.Patterns(), a.TypeNames()
	for _, e := range append(append([]string{}, res...), types...) {
		if e == "" || strings.Contains(e, cam.NamesSep) {
			return cam.ActionInfo{}, fmt.Errorf("action %s: resource %q is empty or holds a line break", a.Name, e)
		}
	}
	info := cam.ActionInfo{Service: short, Name: a.Name, Description: a.Description, Section: a.Section,
		Resources: cam.NewNames(res...), ResourceTypes: cam.NewNames(types...)}
	// The model's values are the runtime's names; an unknown one stays zero.
	_ = info.Category.UnmarshalText([]byte(a.Category))
	_ = info.Granularity.UnmarshalText([]byte(a.Granularity))
	_ = info.IPRestriction.UnmarshalText([]byte(a.IPRestriction))
	if a.Deprecated != nil {
		info.Deprecated = emit.DeprecatedText(a.Deprecated)
	}
	return info, nil
}

// Actions returns the actions of every Tencent CAM service among services,
// sorted by service then name: the catalog the policy linter and writer check
// against. An action the runtime cannot record is an error naming its page.
func Actions(services []*model.Service) ([]cam.ActionInfo, error) {
	services = slices.Clone(services)
	key := func(s *model.Service) string { return s.Source.Vendor + "/" + s.ShortName }
	sort.SliceStable(services, func(i, j int) bool { return key(services[i]) < key(services[j]) })
	var out []cam.ActionInfo
	var errs []error
	for _, s := range services {
		if s.Kind != model.FormatTencentCAM {
			continue
		}
		for _, a := range s.Actions {
			info, err := Action(s.ShortName, a)
			if err != nil {
				errs = append(errs, fmt.Errorf("%s: %w", s.Source.File, err))
				continue
			}
			out = append(out, info)
		}
	}
	return out, errors.Join(errs...)
}
