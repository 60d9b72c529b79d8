package diff

import (
	"fmt"
	"reflect"
	"strings"
)

// rule classifies a change of one field: Path as the field reporter names it, Name
// as the model's JSON names it.
type rule struct {
	path, name string
	class      Class
}

// applyRules turns the differing fields of x and y into changes, in the rules'
// order, taking each field it handles out of fs. Fields left over — ones the model
// gained after the rules were written — are policy changes: a change is assumed to
// matter until someone classifies it.
func applyRules(fs map[string]bool, rules []rule, x, y any) []Change {
	var out []Change
	for _, r := range rules {
		if !fs[r.path] {
			continue
		}
		delete(fs, r.path)
		out = append(out, Change{Class: r.class, Kind: Changed, Field: r.name, Old: valueAt(x, r.path), New: valueAt(y, r.path)})
	}
	for _, p := range sortedKeys(fs) {
		out = append(out, Change{Class: Policy, Kind: Changed, Field: strings.ToLower(p), Old: valueAt(x, p), New: valueAt(y, p)})
	}
	return out
}

// valueAt renders the field at a dotted path of struct v; lists are joined by ", ".
func valueAt(v any, path string) string {
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
