package iam

import (
	"errors"
	"slices"
	"sort"
	"strings"
	"testing"
)

// testTable builds an ActionTable from names sorted in byte order, computing
// Index, Start and Fold here rather than with the emitter's code, so that the
// test checks the two agree on what the fields mean.
func testTable(t *testing.T, prefix string, names ...string) ActionTable {
	t.Helper()
	if !sort.StringsAreSorted(names) {
		t.Fatalf("names not sorted: %q", names)
	}
	tab := ActionTable{Prefix: prefix, Index: []uint32{0}, Start: make([]uint16, 128)}
	for _, n := range names {
		tab.Names += prefix + ":" + n
		tab.Index = append(tab.Index, uint32(len(tab.Names)))
	}
	for c := range tab.Start {
		tab.Start[c] = uint16(sort.Search(len(names), func(i int) bool { return names[i] != "" && names[i][0] >= byte(c) }))
	}
	for i := range names {
		tab.Fold = append(tab.Fold, uint16(i))
	}
	sort.SliceStable(tab.Fold, func(i, j int) bool {
		return strings.ToLower(names[tab.Fold[i]]) < strings.ToLower(names[tab.Fold[j]])
	})
	return tab
}

// s3Names mixes upper- and lower-case first letters, as real pages do
// (ec2's "createVpc"-style lower-case names sort after every upper-case one).
var s3Names = []string{"GetObject", "GetObjectAcl", "ListBucket", "PutObject", "abortUpload"}

func TestActionTableString(t *testing.T) {
	tab := testTable(t, "s3", s3Names...)
	if tab.Len() != len(s3Names) {
		t.Fatalf("Len = %d, want %d", tab.Len(), len(s3Names))
	}
	for i, n := range s3Names {
		if got := tab.String(i + 1); got != "s3:"+n {
			t.Errorf("String(%d) = %q, want %q", i+1, got, "s3:"+n)
		}
		if got := tab.Name(i); got != n {
			t.Errorf("Name(%d) = %q, want %q", i, got, n)
		}
		if b, err := tab.MarshalText(i + 1); err != nil || string(b) != "s3:"+n {
			t.Errorf("MarshalText(%d) = %q, %v", i+1, b, err)
		}
	}
	for _, a := range []int{0, -1, len(s3Names) + 1, 1 << 16} {
		want := "Action(" + itoa(a) + ")"
		if got := tab.String(a); got != want {
			t.Errorf("String(%d) = %q, want %q", a, got, want)
		}
		var unknown *UnknownActionError
		if b, err := tab.MarshalText(a); !errors.As(err, &unknown) || b != nil || unknown.Service != "s3" || unknown.Name != want {
			t.Errorf("MarshalText(%d) = %q, %v; want an *UnknownActionError for %q", a, b, err, want)
		}
	}
}

func itoa(a int) string {
	if a < 0 {
		return "-" + itoa(-a)
	}
	if a < 10 {
		return string(rune('0' + a))
	}
	return itoa(a/10) + itoa(a%10)
}

func TestActionTableParse(t *testing.T) {
	tab := testTable(t, "s3", s3Names...)
	for _, c := range []struct {
		in   string
		want int
	}{
		{"s3:GetObject", 1},
		{"GetObject", 1},
		{"S3:GetObject", 1},   // IAM ignores the case of the prefix
		{"s3:getobject", 1},   // and of the name
		{"GETOBJECTACL", 2},   // the exact search misses, the folded one finds it
		{"s3:abortUpload", 5}, // a lower-case first letter sorts after upper case
		{"AbortUpload", 5},    // found through Fold only
		{"s3:PutObject", 4},
	} {
		got, err := tab.Parse(c.in)
		if err != nil || got != c.want {
			t.Errorf("Parse(%q) = %d, %v; want %d", c.in, got, err, c.want)
		}
	}
	for _, c := range []struct{ in, suggestion string }{
		{"s3:GetObjet", "s3:GetObject"},
		{"Frobnicate", ""},
		{"", ""},
		{"s3:", ""},
		{"ec2:GetObject", "s3:GetObject"}, // another prefix is part of the name, which is unknown but near
		{"s3:Gét", ""},                    // a first byte above ASCII skips the Start run
		{"\x7fGetObject", "s3:GetObject"}, // the last byte Start covers
	} {
		got, err := tab.Parse(c.in)
		var unknown *UnknownActionError
		if got != 0 || !errors.As(err, &unknown) || unknown.Name != c.in || unknown.Suggestion != c.suggestion {
			t.Errorf("Parse(%q) = %d, %v; want 0 and an *UnknownActionError suggesting %q", c.in, got, err, c.suggestion)
		}
	}
}

// Every name round-trips through String and Parse, in exact and folded case:
// the property generated ParseAction and String promise.
func TestActionTableRoundTrip(t *testing.T) {
	tab := testTable(t, "ec2", "AcceptVpcPeeringConnection", "CreateVpc", "DescribeVpcs", "createVpcEndpoint", "describeThings", "z")
	for a := 1; a <= tab.Len(); a++ {
		for _, s := range []string{tab.String(a), strings.ToUpper(tab.String(a)), tab.Name(a - 1)} {
			if got, err := tab.Parse(s); err != nil || got != a {
				t.Errorf("Parse(%q) = %d, %v; want %d", s, got, err, a)
			}
		}
	}
}

func TestActionTableEmpty(t *testing.T) {
	tab := testTable(t, "none")
	if tab.Len() != 0 || tab.String(1) != "Action(1)" {
		t.Errorf("Len %d, String(1) %q", tab.Len(), tab.String(1))
	}
	if got, err := tab.Parse("none:Anything"); got != 0 || err == nil {
		t.Errorf("Parse on no actions = %d, %v", got, err)
	}
	if all := Enumerate[uint16](0); all == nil || len(all) != 0 {
		t.Errorf("Enumerate(0) = %#v, want an empty, non-nil slice as before the move", all)
	}
}

// A known name is found without allocating: generated packages promise
// "lookups that allocate nothing".
func TestActionTableParseAllocs(t *testing.T) {
	tab := testTable(t, "s3", s3Names...)
	for _, s := range []string{"s3:GetObject", "s3:getobjectacl", "abortUpload"} {
		if n := testing.AllocsPerRun(100, func() { _, _ = tab.Parse(s) }); n != 0 {
			t.Errorf("Parse(%q) allocates %v times", s, n)
		}
	}
	if n := testing.AllocsPerRun(100, func() { _ = tab.String(2) }); n != 0 {
		t.Errorf("String allocates %v times", n)
	}
}

type localAction uint16

func TestUnmarshalAction(t *testing.T) {
	tab := testTable(t, "s3", s3Names...)
	parse := func(s string) (localAction, error) { i, err := tab.Parse(s); return localAction(i), err }
	a := localAction(4)
	if err := UnmarshalAction(&a, []byte("s3:getobjectacl"), parse); err != nil || a != 2 {
		t.Errorf("UnmarshalAction = %v, %v; want 2", a, err)
	}
	var unknown *UnknownActionError
	if err := UnmarshalAction(&a, []byte("s3:Nope"), parse); !errors.As(err, &unknown) || a != 2 {
		t.Errorf("UnmarshalAction(unknown) = %v, %v; want an *UnknownActionError and a unchanged", a, err)
	}
}

func TestEnumerate(t *testing.T) {
	if got := Enumerate[localAction](3); !slices.Equal(got, []localAction{1, 2, 3}) {
		t.Errorf("Enumerate(3) = %v", got)
	}
}

// The row types a generated package defines; this compiles only while
// resourceTypeRow and conditionKeyRow match ResourceTypeInfo and
// ConditionKeyInfo.
type (
	actionInfo       ActionInfo
	resourceTypeInfo ResourceTypeInfo
	conditionKeyInfo ConditionKeyInfo
)

func TestTableRows(t *testing.T) {
	acts := [...]actionInfo{
		{"s3", "GetObject", "Grants permission to retrieve objects", Read, "", "s3:ExistingObjectTag/<key>", "", "https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetObject.html", "GetObject", ""},
	}
	if got := ActionAt(acts[:], 1); got.Name != "GetObject" || got.AccessLevel != Read || got.Operation != "GetObject" || got.ConditionKeys.Len() != 1 {
		t.Errorf("ActionAt(1) = %+v", got)
	}
	for _, a := range []int{0, -1, 2} {
		if got := ActionAt(acts[:], a); got.Valid() {
			t.Errorf("ActionAt(%d) = %+v, want the zero ActionInfo", a, got)
		}
	}
	if n := testing.AllocsPerRun(100, func() { _ = ActionAt(acts[:], 1) }); n != 0 {
		t.Errorf("ActionAt allocates %v times", n)
	}
	rts := [...]resourceTypeInfo{
		{"s3", "bucket", "arn:${Partition}:s3:::${BucketName}", ""},
		{"s3", "object", "arn:${Partition}:s3:::${BucketName}/${ObjectName}", "s3:ExistingObjectTag/${Key}"},
	}
	list := ResourceTypeList(rts[:])
	if len(list) != 2 || list[1].Name != "object" || list[1].ConditionKeys.Len() != 1 {
		t.Errorf("ResourceTypeList = %+v", list)
	}
	list[0].Name = "changed"
	if rts[0].Name != "bucket" {
		t.Error("ResourceTypeList returned the table itself; a caller could change it")
	}
	if r, ok := FindResourceType(rts[:], "object"); !ok || r.ARN != rts[1].ARN {
		t.Errorf("FindResourceType(object) = %+v, %v", r, ok)
	}
	if r, ok := FindResourceType(rts[:], "Object"); ok || r.Valid() {
		t.Errorf("FindResourceType(Object) = %+v, %v; resource type names are exact", r, ok)
	}
	if got := ResourceTypeList([]resourceTypeInfo{}); got == nil || len(got) != 0 {
		t.Errorf("ResourceTypeList(empty) = %#v, want empty and non-nil as before the move", got)
	}
	keys := [...]conditionKeyInfo{{"s3:authType", "how the request was authenticated", TypeString}}
	if got := ConditionKeyList(keys[:]); len(got) != 1 || got[0].Type != TypeString || got[0].Name != "s3:authType" {
		t.Errorf("ConditionKeyList = %+v", got)
	}
}
