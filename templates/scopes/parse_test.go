package scopes

import (
	"errors"
	"slices"
	"testing"
)

func TestParseScope(t *testing.T) {
	for _, s := range Scopes() {
		got, err := ParseScope(s.String())
		if err != nil || got != s {
			t.Errorf("ParseScope(%q) = %v, %v", s.String(), got, err)
		}
	}
	for _, tc := range []struct{ name, err string }{
		{"", `unknown scope ""`},
		{"member:togglelivechat", `unknown scope "member:togglelivechat"; did you mean "member:ToggleLiveChat"?`},
		{"Member:Read", `unknown scope "Member:Read"; did you mean "member:read"?`},
		{"member:reed", `unknown scope "member:reed"; did you mean "member:read"?`},
		{"nope:read", `unknown scope "nope:read"; did you mean "node:read"?`},
		{"memebr:read", `unknown scope "memebr:read"; did you mean "member:read"?`},
		{"bot:sendResponse", `unknown scope "bot:sendResponse"; did you mean "bot:sendResponses"?`},
		{"member:write", `unknown scope "member:write"`}, // not "member:read": too far
		{"nope:x", `unknown scope "nope:x"`},
		{"node:read ", `unknown scope "node:read "; did you mean "node:read"?`},
		{"node", `unknown scope "node"`},
	} {
		got, err := ParseScope(tc.name)
		if got != 0 || err == nil || err.Error() != tc.err {
			t.Errorf("ParseScope(%q) = %v, %v; want 0, %s", tc.name, got, err, tc.err)
		}
		var u *UnknownScopeError
		if !errors.As(err, &u) || u.Name != tc.name {
			t.Errorf("ParseScope(%q): error %#v is not an UnknownScopeError naming it", tc.name, err)
		}
	}
}

func TestUnknownScopeError(t *testing.T) {
	for _, tc := range []struct {
		e    UnknownScopeError
		want string
	}{
		{UnknownScopeError{Name: "nope:x", Suggestion: "node:read"}, `unknown scope "nope:x"; did you mean "node:read"?`},
		{UnknownScopeError{Name: "nope:x"}, `unknown scope "nope:x"`},
		{UnknownScopeError{Name: "a\"b\n"}, `unknown scope "a\"b\n"`},
	} {
		if got := tc.e.Error(); got != tc.want {
			t.Errorf("Error() = %s, want %s", got, tc.want)
		}
	}
}

func TestParseScopes(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []Scope
	}{
		{"", nil},
		{" , ,, ", nil},
		{"member:admin", []Scope{ScopeMemberAdmin}},
		{"member:admin bot:sendResponses", []Scope{ScopeBotSendResponses, ScopeMemberAdmin}},
		{"member:admin,bot:sendResponses", []Scope{ScopeBotSendResponses, ScopeMemberAdmin}},
		{"member:admin, bot:sendResponses", []Scope{ScopeBotSendResponses, ScopeMemberAdmin}},
		{"  node:read\tnode:read\n,api:admin,", []Scope{ScopeApiAdmin, ScopeNodeRead}},
	} {
		set, err := ParseScopes(tc.in)
		if err != nil {
			t.Errorf("ParseScopes(%q): %v", tc.in, err)
			continue
		}
		if got := set.Scopes(); !slices.Equal(got, tc.want) {
			t.Errorf("ParseScopes(%q) = %v, want %v", tc.in, got, tc.want)
		}
	}
}

func TestParseScopesErrors(t *testing.T) {
	set, err := ParseScopes("member:reed, node:read nope Bot:Admin")
	want := `unknown scope "member:reed"; did you mean "member:read"?` + "\n" +
		`unknown scope "nope"` + "\n" +
		`unknown scope "Bot:Admin"; did you mean "bot:admin"?`
	if err == nil || err.Error() != want {
		t.Fatalf("error:\n%v\nwant:\n%s", err, want)
	}
	var names []string
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		var u *UnknownScopeError
		if !errors.As(e, &u) {
			t.Fatalf("%T is not an *UnknownScopeError", e)
		}
		names = append(names, u.Name)
	}
	if !slices.Equal(names, []string{"member:reed", "nope", "Bot:Admin"}) {
		t.Errorf("unknown names = %q", names)
	}
	// The known scopes are kept, for callers that go on with fewer permissions.
	if set != NewScopeSet(ScopeNodeRead) {
		t.Errorf("set with the error = %v, want node:read", set)
	}
}

func TestRoundTrip(t *testing.T) {
	// Every subset of the fixture: String must give back what ParseScopes reads.
	for mask := range 1 << scopeCount {
		var set ScopeSet
		for i := range scopeCount {
			if mask&(1<<i) != 0 {
				set.Add(Scope(i + 1))
			}
		}
		got, err := ParseScopes(set.String())
		if err != nil || got != set {
			t.Fatalf("ParseScopes(%q) = %v, %v; want %v", set.String(), got, err, set)
		}
		if got.Len() != bitsSet(mask) {
			t.Fatalf("%v.Len() = %d, want %d", got, got.Len(), bitsSet(mask))
		}
	}
}

func bitsSet(m int) int {
	n := 0
	for ; m != 0; m &= m - 1 {
		n++
	}
	return n
}
