package camemit

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/permgen/permgen/generated/stella"
	"github.com/permgen/permgen/generated/tencentcloud/cam"
	"github.com/permgen/permgen/generated/tencentcloud/campolicy"
	"github.com/permgen/permgen/generated/tencentcloud/ccc"
)

// TestGeneratedEnumsMarshalAsNames: every enum of the checked-in tree goes into JSON as
// the vendor's name, never as the integer (which changes meaning when a row is added),
// and an unknown name coming back is an error with a suggestion.
func TestGeneratedEnumsMarshalAsNames(t *testing.T) {
	type record struct {
		Action      ccc.Action
		Scope       stella.Scope
		Category    cam.Category
		Granularity cam.Granularity
		Support     cam.Support
		Unset       ccc.Action
	}
	in := record{ccc.ActionCreateStaff, stella.ScopeMemberRead, cam.Write, cam.ResourceLevel, cam.PartiallySupported, 0}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"Action":"ccc:CreateStaff","Scope":"member:read","Category":"write","Granularity":"resource","Support":"partial","Unset":""}`
	if string(b) != want {
		t.Errorf("json.Marshal = %s\nwant %s", b, want)
	}
	var out record
	if err := json.Unmarshal(b, &out); err != nil || out != in {
		t.Errorf("round trip: %+v, %v; want %+v", out, err, in)
	}
	for _, c := range []struct{ in, want string }{
		{`{"Action":"ccc:CreateStaf"}`, `did you mean "ccc:CreateStaff"?`},
		{`{"Scope":"member:reed"}`, `did you mean "member:read"?`},
		{`{"Action":21}`, "cannot unmarshal number"},
	} {
		var r record
		if err := json.Unmarshal([]byte(c.in), &r); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("json.Unmarshal(%s) = %v, want an error containing %q", c.in, err, c.want)
		}
	}
	if _, err := json.Marshal(ccc.Action(60000)); err == nil {
		t.Error("an invalid Action marshalled")
	}
}

// TestGeneratedRefusesInvalid: the checked-in ccc refuses what its doc comments call
// invalid: campolicy.New with ccc.Action(0), and a builder given empty IDs.
func TestGeneratedRefusesInvalid(t *testing.T) {
	if _, err := campolicy.New(campolicy.Allow(ccc.Action(0))); err == nil {
		t.Error("NewPolicy accepted ccc.Action(0)")
	}
	if _, err := campolicy.New(campolicy.Allow(ccc.ActionCreateStaff).On(ccc.SdkAppIdResource("", ""))); err == nil {
		t.Error(`NewPolicy accepted SdkAppIdResource("", "")`)
	}
	if r := ccc.SdkAppIdResource("100001", "1400001"); r.Err() != nil || r.String() != "qcs::ccc::uin/100001:SdkAppId/1400001" {
		t.Errorf("SdkAppIdResource(100001, 1400001) = %s, %v", r, r.Err())
	}
}
