package cam

import (
	"strings"
	"testing"
)

func TestParseResource(t *testing.T) {
	for _, c := range []struct {
		in   string
		want Resource
	}{
		{"qcs::ccc:ap-guangzhou:uin/100001:SdkAppId/1400001", Resource{Service: "ccc", Region: "ap-guangzhou", Account: "uin/100001", Resource: "SdkAppId/1400001"}},
		{"qcs::ccc::uin/100001:SdkAppId/1400001", Resource{Service: "ccc", Account: "uin/100001", Resource: "SdkAppId/1400001"}},
		{"qcs::cos:ap-beijing:uid/1250000000:prefix//1250000000/bucket/a:b:c", Resource{Service: "cos", Region: "ap-beijing", Account: "uid/1250000000", Resource: "prefix//1250000000/bucket/a:b:c"}},
		{"qcs::ccc::uin/:SdkAppId/${SdkAppId}", Resource{Service: "ccc", Account: "uin/", Resource: "SdkAppId/${SdkAppId}"}},
		{"qcs:::::*", Resource{Resource: "*"}},
		{"*", Resource{}},
	} {
		got, err := ParseResource(c.in)
		if err != nil {
			t.Errorf("ParseResource(%q): %v", c.in, err)
			continue
		}
		if got != c.want {
			t.Errorf("ParseResource(%q) = %+v, want %+v", c.in, got, c.want)
		}
		if got.String() != c.in {
			t.Errorf("ParseResource(%q).String() = %q", c.in, got.String())
		}
	}
}

func TestParseResourceErrors(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", `cam: resource "" has 1 segments, want 6`},
		{"qcs::ccc::uin/100001", `cam: resource "qcs::ccc::uin/100001" has 5 segments, want 6`},
		{"acs::ccc::uin/1:SdkAppId/1", `cam: resource "acs::ccc::uin/1:SdkAppId/1" starts with "acs", want "qcs"`},
		{"QCS::ccc::uin/1:SdkAppId/1", `starts with "QCS", want "qcs"`},
		{"qcs::ccc::uin/1:", `cam: resource "qcs::ccc::uin/1:" has an empty sixth segment`},
		// Issue 10 finding 3. CAM doc 598/10606: "project_id describes the project
		// information, which is only compatible with legacy CAM logic. It is not allowed
		// in the current policy syntax and can be left empty."
		{"qcs:p1:cos:ap-beijing:uid/1250000000:prefix//1250000000/bucket/a", `fills project_id ("p1")`},
		{"**", `cam: resource "**" has 1 segments`},
	} {
		_, err := ParseResource(c.in)
		if err == nil {
			t.Errorf("ParseResource(%q) succeeded, want error containing %q", c.in, c.want)
			continue
		}
		if !strings.Contains(err.Error(), c.want) {
			t.Errorf("ParseResource(%q) error %q, want it to contain %q", c.in, err, c.want)
		}
	}
}

func TestResourceAccessors(t *testing.T) {
	r := app
	if got := r.String(); got != "qcs::ccc::uin/100001:SdkAppId/1400001" {
		t.Errorf("String() = %q", got)
	}
	if got := r.WithRegion("ap-guangzhou").WithProject("0").String(); got != "qcs:0:ccc:ap-guangzhou:uin/100001:SdkAppId/1400001" {
		t.Errorf("WithRegion.WithProject = %q", got)
	}
	if r.Region != "" {
		t.Error("WithRegion changed its receiver")
	}
	if r.Type() != "SdkAppId" || r.ID() != "1400001" {
		t.Errorf("Type, ID = %q, %q", r.Type(), r.ID())
	}
	path := Resource{Service: "cos", Resource: "prefix//1250000000/bucket1/*"}
	if path.Type() != "prefix" || path.ID() != "/1250000000/bucket1/*" {
		t.Errorf("path Type, ID = %q, %q", path.Type(), path.ID())
	}
	root := Resource{Service: "cam", Account: "uin/1", Resource: "root"}
	if root.Type() != "root" || root.ID() != "" {
		t.Errorf("root Type, ID = %q, %q", root.Type(), root.ID())
	}
	if (Resource{}).String() != "*" || !(Resource{}).IsZero() || app.IsZero() {
		t.Error("zero Resource is not \"*\"")
	}
	if string(app.appendTo(nil)) != app.String() || string(Resource{}.appendTo(nil)) != "*" {
		t.Error("appendTo differs from String")
	}
}

func FuzzParseResource(f *testing.F) {
	for _, s := range []string{"qcs::ccc:ap-guangzhou:uin/100001:SdkAppId/1400001", "*", "qcs:::::x:y", "qcs::", "", "acs:a:b:c:d:e"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := ParseResource(s)
		if err != nil {
			return
		}
		if r.String() != s {
			t.Fatalf("ParseResource(%q).String() = %q", s, r.String())
		}
		again, err := ParseResource(r.String())
		if err != nil || again != r {
			t.Fatalf("reparse of %q: %+v, %v; want %+v", s, again, err, r)
		}
		if r.Type()+"/"+r.ID() != r.Resource && r.ID() != "" {
			t.Fatalf("Type %q and ID %q do not rebuild %q", r.Type(), r.ID(), r.Resource)
		}
	})
}

func BenchmarkParseResource(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseResource("qcs::ccc:ap-guangzhou:uin/100001:SdkAppId/1400001"); err != nil {
			b.Fatal(err)
		}
	}
}

func TestParseResourceNoAllocs(t *testing.T) {
	n := testing.AllocsPerRun(100, func() {
		_, _ = ParseResource("qcs::ccc:ap-guangzhou:uin/100001:SdkAppId/1400001")
	})
	if n != 0 {
		t.Errorf("ParseResource allocates %v times per call", n)
	}
}
