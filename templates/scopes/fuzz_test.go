package scopes

import "testing"

func FuzzParseScopes(f *testing.F) {
	for _, s := range []string{
		"", "member:admin bot:sendResponses", "member:admin,bot:sendResponses", "a, b",
		"member:togglelivechat", "api:admin api:admin", " ,\t\n", "node:read\xff", "ñode:read",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		set, err := ParseScopes(s)
		if err != nil {
			return
		}
		again, err := ParseScopes(set.String())
		if err != nil || again != set {
			t.Fatalf("ParseScopes(%q) = %v; reading its String %q back gave %v, %v", s, set, set.String(), again, err)
		}
		for _, x := range set.Scopes() {
			if !set.Has(x) || !set.Allows(x) {
				t.Fatalf("%v listed but not held", x)
			}
		}
	})
}
