package scopes

import (
	"encoding/json"
	"slices"
	"testing"
)

func TestScopeAccessors(t *testing.T) {
	for _, tc := range []struct {
		s                      Scope
		str, ns, verb, descPre string
		valid                  bool
	}{
		{ScopeApiAdmin, "api:admin", "api", "admin", "Grant all APIs", true},
		{ScopeMemberToggleLiveChat, "member:ToggleLiveChat", "member", "ToggleLiveChat", "Grant permission to toggle", true},
		{ScopeNodeRead, "node:read", "node", "read", "Grant permission to read Tree", true},
		{0, "Scope(0)", "", "", "", false},
		{scopeCount + 1, "Scope(9)", "", "", "", false},
		{65535, "Scope(65535)", "", "", "", false},
	} {
		if got := tc.s.String(); got != tc.str {
			t.Errorf("Scope(%d).String() = %q, want %q", tc.s, got, tc.str)
		}
		if got := tc.s.Namespace(); got != tc.ns {
			t.Errorf("%v.Namespace() = %q, want %q", tc.s, got, tc.ns)
		}
		if got := tc.s.Verb(); got != tc.verb {
			t.Errorf("%v.Verb() = %q, want %q", tc.s, got, tc.verb)
		}
		if got := tc.s.Description(); len(got) < len(tc.descPre) || got[:len(tc.descPre)] != tc.descPre || (tc.descPre == "") != (got == "") {
			t.Errorf("%v.Description() = %q, want it to start with %q", tc.s, got, tc.descPre)
		}
		if got := tc.s.Valid(); got != tc.valid {
			t.Errorf("%v.Valid() = %v, want %v", tc.s, got, tc.valid)
		}
	}
}

func TestImplies(t *testing.T) {
	for _, tc := range []struct {
		s    Scope
		want []Scope
	}{
		{ScopeApiAdmin, []Scope{ScopeBotAdmin, ScopeBotSendResponses, ScopeBotbuilderRead, ScopeMemberToggleLiveChat, ScopeMemberAdmin, ScopeMemberRead, ScopeNodeRead}},
		{ScopeBotAdmin, []Scope{ScopeBotSendResponses}},
		{ScopeMemberAdmin, []Scope{ScopeMemberToggleLiveChat, ScopeMemberRead}},
		{ScopeMemberRead, nil},
		{0, nil},
		{scopeCount + 1, nil},
	} {
		got := tc.s.Implies()
		if !slices.Equal(got, tc.want) || (got == nil) != (tc.want == nil) {
			t.Errorf("%v.Implies() = %v, want %v", tc.s, got, tc.want)
		}
	}
	// The caller owns the slice: changing it must not change the table.
	got := ScopeMemberAdmin.Implies()
	got[0] = ScopeNodeRead
	if again := ScopeMemberAdmin.Implies(); again[0] != ScopeMemberToggleLiveChat {
		t.Errorf("modifying Implies' result changed the table: now %v", again)
	}
}

func TestScopes(t *testing.T) {
	all := Scopes()
	if len(all) != scopeCount {
		t.Fatalf("len(Scopes()) = %d, want %d", len(all), scopeCount)
	}
	if all[0] != ScopeApiAdmin || all[len(all)-1] != ScopeNodeRead {
		t.Errorf("Scopes() = %v", all)
	}
	if !slices.IsSortedFunc(all, func(a, b Scope) int {
		switch {
		case a.String() < b.String():
			return -1
		case a.String() > b.String():
			return 1
		}
		return 0
	}) {
		t.Errorf("Scopes() not sorted by name: %v", all)
	}
	all[0] = 0
	if Scopes()[0] != ScopeApiAdmin {
		t.Error("Scopes() shares its slice between calls")
	}
}

func TestScopeText(t *testing.T) {
	type doc struct {
		Need Scope    `json:"need"`
		Set  ScopeSet `json:"set"`
	}
	in := doc{Need: ScopeMemberToggleLiveChat, Set: NewScopeSet(ScopeNodeRead, ScopeBotAdmin)}
	b, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"need":"member:ToggleLiveChat","set":"bot:admin node:read"}`; string(b) != want {
		t.Errorf("json = %s, want %s", b, want)
	}
	var out doc
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	if out != in {
		t.Errorf("round trip gave %+v, want %+v", out, in)
	}

	// The zero Scope is an unset field, not an error.
	b, err = json.Marshal(doc{})
	if err != nil || string(b) != `{"need":"","set":""}` {
		t.Errorf("zero doc = %s, %v", b, err)
	}
	if err := json.Unmarshal(b, &out); err != nil || out != (doc{}) {
		t.Errorf("zero doc read back as %+v, %v", out, err)
	}

	if _, err := Scope(scopeCount + 1).MarshalText(); err == nil {
		t.Error("an out-of-range Scope marshaled without error")
	}
	var s Scope = ScopeNodeRead
	if err := s.UnmarshalText([]byte("node:reed")); err == nil || s != ScopeNodeRead {
		t.Errorf("UnmarshalText(node:reed) = %v, scope now %v", err, s)
	}
	set := NewScopeSet(ScopeNodeRead)
	if err := set.UnmarshalText([]byte("bot:admin nope")); err == nil || set != NewScopeSet(ScopeNodeRead) {
		t.Errorf("ScopeSet.UnmarshalText with an unknown scope = %v, set now %v", err, set)
	}
}

func TestDeprecated(t *testing.T) {
	if got := ScopeNodeRead.Deprecated(); got != "removed from sources/fake/scopes.html on 2026-01-02" {
		t.Errorf("ScopeNodeRead.Deprecated() = %q", got)
	}
	if got := ScopeMemberRead.Deprecated(); got != "" {
		t.Errorf("ScopeMemberRead.Deprecated() = %q, want empty", got)
	}
	if got := Scope(0).Deprecated(); got != "" {
		t.Errorf("Scope(0).Deprecated() = %q, want empty", got)
	}
}
