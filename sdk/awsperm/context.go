package awsperm

import (
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/permgen/permgen/generated/aws/catalog"
)

// requestKeys returns the service's own condition keys the actions take whose
// value the input carries in a field of the same name: s3:prefix ← Prefix,
// s3:max-keys ← MaxKeys, dynamodb:Select ← Select. Keys are compared by letters and
// digits only, without case. Global (aws:) keys and templated keys
// (s3:ExistingObjectTag/<key>) are not read from inputs.
func requestKeys(prefix string, actions []string, in fields) map[string][]string {
	var out map[string][]string
	for _, a := range actions {
		info, ok := catalog.LookupAction(a)
		if !ok {
			continue
		}
		keys := info.ConditionKeys.Keys()
		for r := range info.ResourceTypes.All() {
			keys = append(keys, r.ConditionKeys.Keys()...)
		}
		for _, k := range keys {
			name := string(k)
			p, rest, ok := strings.Cut(name, ":")
			if !ok || !strings.EqualFold(p, prefix) || strings.ContainsAny(rest, "/<>${}") {
				continue
			}
			if _, done := out[name]; done {
				continue
			}
			var buf [64]byte
			if vals, ok := in.values(appendNormal(buf[:0], rest)); ok {
				if out == nil {
					out = map[string][]string{}
				}
				out[name] = vals
			}
		}
	}
	return out
}

// appendNormal appends normalizeID(s) to b: letters and digits, lower case, built
// in the caller's buffer so that a lookup by it allocates nothing.
func appendNormal(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			b = append(b, c+'a'-'A')
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
			b = append(b, c)
		}
	}
	return b
}

// byNormalName indexes the top-level fields of an input type by normalized name.
var byNormalName sync.Map // reflect.Type → map[string]int

// values returns the value of the field whose normalized name is norm, as the
// condition-key text IAM compares: a string as is, a number in decimal, a bool as
// true or false, a list of strings as a list. An unset field has no value.
func (f fields) values(norm []byte) ([]string, bool) {
	v := f.v
	for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
		if v.IsNil() {
			return nil, false
		}
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct {
		return nil, false
	}
	idx, ok := byNormalName.Load(v.Type())
	if !ok {
		m := map[string]int{}
		for i := range v.NumField() {
			if sf := v.Type().Field(i); sf.IsExported() {
				m[normalizeID(sf.Name)] = i
			}
		}
		idx, _ = byNormalName.LoadOrStore(v.Type(), m)
	}
	i, ok := idx.(map[string]int)[string(norm)] // no allocation: the compiler's map-index form
	if !ok {
		return nil, false
	}
	fv := v.Field(i)
	if fv.Kind() == reflect.Pointer {
		if fv.IsNil() {
			return nil, false
		}
		fv = fv.Elem()
	}
	switch fv.Kind() {
	case reflect.String:
		if fv.String() == "" {
			return nil, false
		}
		return []string{fv.String()}, true
	case reflect.Bool:
		return []string{strconv.FormatBool(fv.Bool())}, true
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return []string{strconv.FormatInt(fv.Int(), 10)}, true
	case reflect.Slice:
		if fv.Len() == 0 || fv.Type().Elem().Kind() != reflect.String {
			return nil, false
		}
		out := make([]string, fv.Len())
		for j := range out {
			out[j] = fv.Index(j).String()
		}
		sort.Strings(out)
		return out, true
	}
	return nil, false
}
