package vendor

import (
	"errors"
	"fmt"

	"github.com/permgen/permgen/internal/model"
)

// Registry is the list of vendors, in detection order. internal/vendor/all holds
// the one list; everything else receives it.
type Registry []Vendor

// Names returns the vendors' names, in registry order.
func (r Registry) Names() []string {
	names := make([]string, len(r))
	for i, v := range r {
		names[i] = v.Name()
	}
	return names
}

// FormatNames returns every format's name, vendors in registry order, each
// vendor's formats in detection order.
func (r Registry) FormatNames() []string {
	var names []string
	for _, v := range r {
		for _, f := range v.Formats() {
			names = append(names, f.Name())
		}
	}
	return names
}

// Format returns the vendor and format of a format name.
func (r Registry) Format(name string) (Vendor, Format, bool) {
	for _, v := range r {
		for _, f := range v.Formats() {
			if f.Name() == name {
				return v, f, true
			}
		}
	}
	return nil, nil, false
}

// Owner returns the vendor of a service's Kind: the vendor whose format it names.
func (r Registry) Owner(kind string) (Vendor, bool) {
	v, _, ok := r.Format(kind)
	return v, ok
}

// Vendor returns the vendor of a name.
func (r Registry) Vendor(name string) (Vendor, bool) {
	for _, v := range r {
		if v.Name() == name {
			return v, true
		}
	}
	return nil, false
}

// Check refuses a registry in which two vendors share a name or two formats share
// a name: a Kind must name one vendor.
func (r Registry) Check() error {
	var errs []error
	vendors, formats := map[string]bool{}, map[string]string{}
	defaults := 0
	for _, v := range r {
		if _, ok := v.(DefaultDialect); ok {
			if defaults++; defaults == 2 {
				errs = append(errs, fmt.Errorf("vendor %q is a second default policy dialect", v.Name()))
			}
		}
		if vendors[v.Name()] {
			errs = append(errs, fmt.Errorf("vendor %q is listed twice", v.Name()))
		}
		vendors[v.Name()] = true
		for _, f := range v.Formats() {
			if prev, dup := formats[f.Name()]; dup {
				errs = append(errs, fmt.Errorf("format %q belongs to vendors %q and %q", f.Name(), prev, v.Name()))
			}
			formats[f.Name()] = v.Name()
		}
	}
	return errors.Join(errs...)
}

// Snapshotted returns the services of which the generated tree keeps a model
// snapshot: all but those of an Unsnapshotted vendor.
func (r Registry) Snapshotted(services []*model.Service) []*model.Service {
	var out []*model.Service
	for _, s := range services {
		if v, ok := r.Owner(s.Kind); ok {
			if _, no := v.(Unsnapshotted); no {
				continue
			}
		}
		out = append(out, s)
	}
	return out
}

// Dialect returns the first vendor whose policy language claims doc
// (PolicyDialect), in registry order.
func (r Registry) Dialect(doc []byte) (Vendor, bool) {
	for _, v := range r {
		if d, ok := v.(PolicyDialect); ok && d.Claims(doc) {
			return v, true
		}
	}
	return nil, false
}

// PolicyDialects returns the default policy dialect (DefaultDialect; nil for
// none) and the others, in registry order. gen policy offers a command to the
// others first and to the default last; its help names the default first.
func (r Registry) PolicyDialects() (def PolicyDialect, others []PolicyDialect) {
	for _, v := range r {
		d, ok := v.(PolicyDialect)
		if !ok {
			continue
		}
		if _, isDefault := d.(DefaultDialect); isDefault && def == nil {
			def = d
			continue
		}
		others = append(others, d)
	}
	return def, others
}
