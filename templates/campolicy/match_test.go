package campolicy

import "testing"

func TestMatchPattern(t *testing.T) {
	for _, c := range []struct {
		pattern, name string
		want          bool
	}{
		{"*", "", true},
		{"*", "ccc:CreateStaff", true},
		{"", "", true},
		{"", "x", false},
		{"ccc:*", "ccc:CreateStaff", true},
		{"ccc:*", "cvm:RunInstances", false},
		{"ccc:Describe*", "ccc:DescribeTelCdr", true},
		{"ccc:Describe*", "ccc:CreateStaff", false},
		{"ccc:Describe*", "ccc:Describe", true},
		{"ccc:describe*", "ccc:DescribeTelCdr", false}, // case-sensitive
		{"*:Describe*", "cvm:DescribeInstances", true},
		{"ccc:*Staff", "ccc:CreateStaff", true},
		{"ccc:*Staff", "ccc:CreateStaffX", false},
		{"ccc:*Staff*List", "ccc:DescribeStaffInfoList", true},
		{"a*b*c", "aXbYbZc", true},
		{"a*b*c", "aXbYbZ", false},
		{"a**b", "ab", true},
		{"qcs::ccc::uin/*", "qcs::ccc::uin/100001:SdkAppId/1400001", true}, // '*' crosses ':' and '/'
		{"qcs::ccc::uin/100001:SdkAppId/*", "qcs::ccc::uin/100001:SdkAppId/1400001", true},
		{"qcs::ccc::uin/100001:SdkAppId/*", "qcs::ccc::uin/100002:SdkAppId/1400001", false},
		{"云*中心", "云呼叫中心", true},
		{"ccc:CreateStaff", "ccc:CreateStaff", true},
		{"ccc:CreateStaff", "ccc:CreateStaf", false},
	} {
		if got := MatchPattern(c.pattern, c.name); got != c.want {
			t.Errorf("MatchPattern(%q, %q) = %v, want %v", c.pattern, c.name, got, c.want)
		}
		if got := match(c.pattern, []byte(c.name)); got != c.want {
			t.Errorf("match(%q, []byte(%q)) = %v, want %v", c.pattern, c.name, got, c.want)
		}
	}
}

func TestMatchPatternNoAllocs(t *testing.T) {
	n := testing.AllocsPerRun(100, func() {
		MatchPattern("qcs::ccc::uin/*:SdkAppId/*", "qcs::ccc::uin/100001:SdkAppId/1400001")
	})
	if n != 0 {
		t.Errorf("MatchPattern allocates %v times per call", n)
	}
}

func TestCovers(t *testing.T) {
	for _, c := range []struct {
		outer, inner string
		want         bool
	}{
		{"*", "ccc:*", true},
		{"ccc:*", "ccc:Describe*", true},
		{"ccc:D*", "ccc:Describe*", true},
		{"ccc:Describe*", "ccc:*", false},
		{"ccc:CreateStaff", "ccc:Create*", false},
		{"ccc:*Staff", "ccc:Create*", false},
	} {
		if got := covers(c.outer, c.inner); got != c.want {
			t.Errorf("covers(%q, %q) = %v, want %v", c.outer, c.inner, got, c.want)
		}
	}
}

func FuzzMatchPattern(f *testing.F) {
	f.Add("ccc:Describe*", "ccc:DescribeTelCdr")
	f.Add("a*b*c", "aXbYbZc")
	f.Fuzz(func(t *testing.T, pattern, name string) {
		got := MatchPattern(pattern, name)
		// A pattern without '*' is an equality test, and name always covers itself.
		if !hasWildcard(pattern) && got != (pattern == name) {
			t.Errorf("MatchPattern(%q, %q) = %v without wildcards", pattern, name, got)
		}
		if !MatchPattern(name, name) && !hasWildcard(name) {
			t.Errorf("MatchPattern(%q, itself) = false", name)
		}
		if !MatchPattern("*", name) {
			t.Errorf("MatchPattern(\"*\", %q) = false", name)
		}
	})
}
