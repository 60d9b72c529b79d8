package vendor

import (
	"fmt"
	"reflect"
	"sort"
	"strings"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// The helpers below are what a vendor's EntryKind.Fields and Differ.ServiceFields
// are written with: find the fields in which two values differ, classify those a
// rule names, and report the rest as policy changes.

// FieldRule classifies a change of one field: Path as DifferingFields names it
// ("Description", "Source.URL"), Name as the model's JSON names it.
type FieldRule struct {
	Path, Name string
	Class      Class
}

// EquateEmpty is in every comparison: a snapshot read back from JSON has nil where
// a fresh scrape may have an empty slice, and that is no change.
var EquateEmpty = cmpopts.EquateEmpty()

// DifferingFields returns the set of fields in which x and y differ under opts: the
// chain of struct field names from the root down to the first step that is not a
// field ("Granularity", "Source.URL", "Resources" for any difference inside the
// slice), the grain at which changes are classified; "" stands for the values
// themselves when they are not structs.
func DifferingFields(x, y any, opts ...cmp.Option) map[string]bool {
	r := &fieldReporter{fields: map[string]bool{}}
	cmp.Equal(x, y, append(opts, EquateEmpty, cmp.Reporter(r))...)
	return r.fields
}

type fieldReporter struct {
	path   cmp.Path
	fields map[string]bool
}

func (r *fieldReporter) PushStep(ps cmp.PathStep) { r.path = append(r.path, ps) }
func (r *fieldReporter) PopStep()                 { r.path = r.path[:len(r.path)-1] }

func (r *fieldReporter) Report(res cmp.Result) {
	if res.Equal() {
		return
	}
	var names []string
	// path[0] is go-cmp's root step, which names no field.
	for _, ps := range r.path[1:] {
		sf, ok := ps.(cmp.StructField)
		if !ok {
			break
		}
		names = append(names, sf.Name())
	}
	r.fields[strings.Join(names, ".")] = true
}

// ApplyRules turns the differing fields fs of x and y into changes, in the rules'
// order, taking each field it handles out of fs. With rest, fields left over — ones
// the model gained after the rules were written — are policy changes: a change is
// assumed to matter until someone classifies it.
func ApplyRules(fs map[string]bool, rules []FieldRule, x, y any, rest bool) []Change {
	var out []Change
	for _, r := range rules {
		if !fs[r.Path] {
			continue
		}
		delete(fs, r.Path)
		out = append(out, Change{Class: r.Class, Field: r.Name, Old: ValueAt(x, r.Path), New: ValueAt(y, r.Path)})
	}
	if !rest {
		return out
	}
	left := make([]string, 0, len(fs))
	for p := range fs {
		left = append(left, p)
	}
	sort.Strings(left)
	for _, p := range left {
		delete(fs, p)
		out = append(out, Change{Class: Policy, Field: strings.ToLower(p), Old: ValueAt(x, p), New: ValueAt(y, p)})
	}
	return out
}

// ValueAt renders the field at a dotted path of struct v; lists are joined by ", ".
func ValueAt(v any, path string) string {
	rv := reflect.ValueOf(v)
	if path != "" {
		for _, name := range strings.Split(path, ".") {
			for rv.Kind() == reflect.Pointer {
				if rv.IsNil() {
					return ""
				}
				rv = rv.Elem()
			}
			rv = rv.FieldByName(name)
		}
	}
	return render(rv)
}

func render(rv reflect.Value) string {
	if !rv.IsValid() {
		return ""
	}
	switch rv.Kind() {
	case reflect.Slice, reflect.Array:
		parts := make([]string, rv.Len())
		for i := range parts {
			parts[i] = render(rv.Index(i))
		}
		return strings.Join(parts, ", ")
	case reflect.Pointer:
		if rv.IsNil() {
			return ""
		}
		return render(rv.Elem())
	}
	return fmt.Sprint(rv.Interface())
}
