package iam

import (
	"errors"
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
	tab := ActionTable{Prefix: prefix, Index: []uint32{0}, Start: new([128]uint16)}
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
	for _, s := range []string{"GetObject", "getobjectacl", "NoSuch"} {
		if n := testing.AllocsPerRun(100, func() { _ = tab.Find(s) }); n != 0 {
			t.Errorf("Find(%q) allocates %v times", s, n)
		}
	}
	if n := testing.AllocsPerRun(100, func() { _ = tab.String(2) }); n != 0 {
		t.Errorf("String allocates %v times", n)
	}
}

// Find takes the name without its prefix, as a generated ParseAction hands it
// over: exact first, then without regard to case; a prefixed name is no name.
func TestActionTableFind(t *testing.T) {
	tab := testTable(t, "s3", s3Names...)
	for in, want := range map[string]int{"GetObject": 1, "getobjectacl": 2, "AbortUpload": 5, "abortUpload": 5,
		"s3:GetObject": 0, "": 0, "GetObjet": 0} {
		if got := tab.Find(in); got != want {
			t.Errorf("Find(%q) = %d, want %d", in, got, want)
		}
	}
}
