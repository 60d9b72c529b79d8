package scopes

import (
	"flag"
	"fmt"
	"slices"
	"testing"
)

func TestAllows(t *testing.T) {
	for _, tc := range []struct {
		set     ScopeSet
		allowed []Scope // every other scope must be refused
	}{
		{ScopeSet{}, nil},
		{NewScopeSet(ScopeMemberRead), []Scope{ScopeMemberRead}},
		// An admin scope grants its namespace, and only it.
		{NewScopeSet(ScopeMemberAdmin), []Scope{ScopeMemberToggleLiveChat, ScopeMemberAdmin, ScopeMemberRead}},
		// bot:admin must not grant botbuilder:read, whose name merely starts with "bot".
		{NewScopeSet(ScopeBotAdmin), []Scope{ScopeBotAdmin, ScopeBotSendResponses}},
		// The "everything" scope grants all.
		{NewScopeSet(ScopeApiAdmin), Scopes()},
		{NewScopeSet(ScopeBotAdmin, ScopeNodeRead), []Scope{ScopeBotAdmin, ScopeBotSendResponses, ScopeNodeRead}},
	} {
		for _, x := range Scopes() {
			want := slices.Contains(tc.allowed, x)
			if got := tc.set.Allows(x); got != want {
				t.Errorf("{%v}.Allows(%v) = %v, want %v", tc.set, x, got, want)
			}
		}
		if tc.set.Allows(0) || tc.set.Allows(scopeCount+1) {
			t.Errorf("{%v} allows an invalid scope", tc.set)
		}
	}
}

func TestHas(t *testing.T) {
	set := NewScopeSet(ScopeApiAdmin, ScopeMemberToggleLiveChat)
	for _, x := range Scopes() {
		want := x == ScopeApiAdmin || x == ScopeMemberToggleLiveChat
		if got := set.Has(x); got != want {
			t.Errorf("Has(%v) = %v, want %v (Has must not count implied scopes)", x, got, want)
		}
	}
	if set.Has(0) || set.Has(scopeCount+1) {
		t.Error("Has accepts an invalid scope")
	}
}

func TestAdd(t *testing.T) {
	var set ScopeSet
	set.Add(ScopeNodeRead, 0, scopeCount+1, 65535, ScopeNodeRead)
	set.Add()
	if got := set.Scopes(); !slices.Equal(got, []Scope{ScopeNodeRead}) {
		t.Errorf("Scopes() = %v, want [node:read]: invalid scopes must be left out", got)
	}
	if NewScopeSet(0) != (ScopeSet{}) {
		t.Error("NewScopeSet(0) is not empty")
	}
}

func TestMissing(t *testing.T) {
	set, err := ParseScopes("member:admin bot:sendResponses")
	if err != nil {
		t.Fatal(err)
	}
	if got := set.Missing(ScopeMemberRead, ScopeBotSendResponses); got != nil {
		t.Errorf("Missing = %v, want nil", got)
	}
	got := set.Missing(ScopeNodeRead, ScopeMemberRead, ScopeBotAdmin, 0)
	if want := []Scope{ScopeNodeRead, ScopeBotAdmin, 0}; !slices.Equal(got, want) {
		t.Errorf("Missing = %v, want %v in argument order", got, want)
	}
	if s := fmt.Sprint(set.Missing(ScopeBotAdmin)); s != "[bot:admin]" {
		t.Errorf("printed Missing = %s, want [bot:admin]", s)
	}
	if got := set.Missing(); got != nil {
		t.Errorf("Missing() = %v, want nil", got)
	}
}

func TestSetStringAndLen(t *testing.T) {
	for _, tc := range []struct {
		set  ScopeSet
		str  string
		size int
	}{
		{ScopeSet{}, "", 0},
		{NewScopeSet(ScopeNodeRead, ScopeMemberToggleLiveChat, ScopeApiAdmin), "api:admin member:ToggleLiveChat node:read", 3},
		{NewScopeSet(Scopes()...), "api:admin bot:admin bot:sendResponses botbuilder:read member:ToggleLiveChat member:admin member:read node:read", scopeCount},
	} {
		if got := tc.set.String(); got != tc.str {
			t.Errorf("String() = %q, want %q", got, tc.str)
		}
		if got := tc.set.Len(); got != tc.size {
			t.Errorf("Len() = %d, want %d", got, tc.size)
		}
		if got := len(tc.set.Scopes()); got != tc.size {
			t.Errorf("len(Scopes()) = %d, want %d", got, tc.size)
		}
	}
	if (ScopeSet{}).Scopes() != nil {
		t.Error("empty set's Scopes() is not nil")
	}
}

func TestFlag(t *testing.T) {
	fs := flag.NewFlagSet("t", flag.ContinueOnError)
	var need Scope
	var grant ScopeSet
	fs.TextVar(&need, "need", Scope(0), "")
	fs.TextVar(&grant, "grant", ScopeSet{}, "")
	if err := fs.Parse([]string{"-need", "member:read", "-grant", "member:admin,node:read"}); err != nil {
		t.Fatal(err)
	}
	if need != ScopeMemberRead || grant != NewScopeSet(ScopeMemberAdmin, ScopeNodeRead) || !grant.Allows(need) {
		t.Errorf("flags gave need=%v grant=%v", need, grant)
	}
}
