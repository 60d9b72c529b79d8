package cam

import "testing"

func TestNewUnknownActionError(t *testing.T) {
	names := []string{"CreateIVR", "CreateStaff", "DeleteStaff"}
	at := func(i int) string { return names[i] }
	for _, c := range []struct{ in, want string }{
		{"ccc:CreateStaf", `ccc: unknown action "ccc:CreateStaf"; did you mean "ccc:CreateStaff"?`},
		{"createstaff", `ccc: unknown action "createstaff"; did you mean "ccc:CreateStaff"?`},
		{"ccc:Nothing", `ccc: unknown action "ccc:Nothing"`},
		{"", `ccc: unknown action ""`},
	} {
		if got := NewUnknownActionError("ccc", c.in, len(names), at).Error(); got != c.want {
			t.Errorf("%q: got %s, want %s", c.in, got, c.want)
		}
	}
}
