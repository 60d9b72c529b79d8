package cam

import (
	"encoding/json"
	"fmt"
	"reflect"
	"testing"
)

// TestActionInfoSharesNothingWritable: Info returns the generated table entry itself,
// so no field of ActionInfo may be a reference (slice, map, pointer) through which
// one caller could change what Guard, the linter and LeastPrivilege read next.
func TestActionInfoSharesNothingWritable(t *testing.T) {
	typ := reflect.TypeFor[ActionInfo]()
	for i := range typ.NumField() {
		switch f := typ.Field(i); f.Type.Kind() {
		case reflect.Slice, reflect.Map, reflect.Pointer, reflect.Interface, reflect.Chan, reflect.Func:
			t.Errorf("ActionInfo.%s is a %s: a caller can change the shared table through it", f.Name, f.Type.Kind())
		}
	}
	// What a caller can get out is its own.
	info := createStaff.Info()
	s := info.Resources.Slice()
	s[0] = "changed"
	if got := createStaff.Info().Resources.At(0); got != "qcs::ccc::uin/${uin}:SdkAppId/${SdkAppId}" {
		t.Errorf("after writing to a Slice() copy, Info().Resources.At(0) = %q", got)
	}
}

func TestNames(t *testing.T) {
	n := NewNames("a", "b/c", "*")
	if n.Len() != 3 || n.At(0) != "a" || n.At(2) != "*" || !n.Contains("b/c") || n.Contains("b") {
		t.Errorf("Names %q: Len %d, At(0) %q, At(2) %q", string(n), n.Len(), n.At(0), n.At(2))
	}
	if got := fmt.Sprintf("%v", n); got != "[a b/c *]" {
		t.Errorf("%%v = %s, want what a []string prints", got)
	}
	if got := n.Join(", "); got != "a, b/c, *" {
		t.Errorf("Join = %q", got)
	}
	var empty Names
	if empty.Len() != 0 || empty.Slice() != nil || empty.Contains("") {
		t.Error("the zero Names is not empty")
	}
	b, err := json.Marshal(struct{ A, B Names }{n, empty})
	if err != nil || string(b) != `{"A":["a","b/c","*"],"B":[]}` {
		t.Errorf("json = %s, %v", b, err)
	}
	var back struct{ A, B Names }
	if err := json.Unmarshal(b, &back); err != nil || back.A != n || back.B != "" {
		t.Errorf("json round trip: %+v, %v", back, err)
	}
	if err := json.Unmarshal([]byte(`["a\nb"]`), &back.A); err == nil {
		t.Error("a name holding the separator was accepted")
	}
	for _, bad := range [][]string{{""}, {"a", ""}, {"a\nb"}} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("NewNames(%q) did not panic", bad)
				}
			}()
			NewNames(bad...)
		}()
	}
	defer func() {
		if recover() == nil {
			t.Error("At out of range did not panic")
		}
	}()
	n.At(3)
}
