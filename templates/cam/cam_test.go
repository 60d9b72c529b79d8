package cam

import (
	"encoding/json"
	"testing"
)

func TestEnumStrings(t *testing.T) {
	for _, c := range []struct {
		got, want string
	}{
		{UnknownCategory.String(), "unknown"},
		{Write.String(), "write"},
		{Read.String(), "read"},
		{List.String(), "list"},
		{Other.String(), "other"},
		{Category(9).String(), "Category(9)"},
		{UnknownGranularity.String(), "unknown"},
		{ServiceLevel.String(), "service"},
		{OperationLevel.String(), "operation"},
		{ResourceLevel.String(), "resource"},
		{Granularity(9).String(), "Granularity(9)"},
		{UnknownSupport.String(), "unknown"},
		{Supported.String(), "supported"},
		{Unsupported.String(), "unsupported"},
		{PartiallySupported.String(), "partial"},
		{Support(9).String(), "Support(9)"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}

func TestEnumJSONRoundTrip(t *testing.T) {
	in := ActionInfo{Service: "ccc", Name: "CreateStaff", Category: List, Granularity: ResourceLevel, IPRestriction: PartiallySupported}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	var out ActionInfo
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	if out.Category != List || out.Granularity != ResourceLevel || out.IPRestriction != PartiallySupported {
		t.Errorf("round trip of %s gave %+v", b, out)
	}
	var g Granularity
	if err := g.UnmarshalText([]byte("资源级")); err == nil {
		t.Error("UnmarshalText accepted an unknown granularity")
	}
	if _, err := Support(7).MarshalText(); err == nil {
		t.Error("MarshalText accepted an out-of-range Support")
	}
}

func TestActionInfoIsAnAction(t *testing.T) {
	var a Action = createStaff.Info()
	if a.String() != "ccc:CreateStaff" {
		t.Errorf("String() = %q", a.String())
	}
	for i, info := range fakeInfo {
		if fakeAction(i).String() != info.String() {
			t.Errorf("fake %d String() = %q, Info says %q", i, fakeAction(i).String(), info.String())
		}
	}
}
