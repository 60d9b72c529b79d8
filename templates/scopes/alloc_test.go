package scopes

import "testing"

// Checking a token runs on every request: these must not allocate.
func TestNoAllocs(t *testing.T) {
	set := NewScopeSet(ScopeMemberAdmin, ScopeBotSendResponses)
	var sink bool
	for name, f := range map[string]func(){
		"ParseScope":  func() { s, _ := ParseScope("member:ToggleLiveChat"); sink = s == 0 },
		"ParseScopes": func() { s, _ := ParseScopes("member:admin, bot:sendResponses"); sink = s.Len() == 0 },
		"Has":         func() { sink = set.Has(ScopeMemberRead) },
		"Allows":      func() { sink = set.Allows(ScopeNodeRead) },
		"Missing":     func() { sink = set.Missing(ScopeMemberRead, ScopeBotSendResponses) == nil },
		"String":      func() { sink = ScopeNodeRead.String() == "" },
	} {
		if n := testing.AllocsPerRun(100, f); n != 0 {
			t.Errorf("%s: %v allocations per run, want 0", name, n)
		}
	}
	_ = sink
}

func BenchmarkParseScope(b *testing.B) {
	for b.Loop() {
		if _, err := ParseScope("member:ToggleLiveChat"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseScopes(b *testing.B) {
	for b.Loop() {
		if _, err := ParseScopes("member:admin, bot:sendResponses node:read"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkAllows(b *testing.B) {
	set := NewScopeSet(ScopeMemberAdmin, ScopeBotSendResponses)
	for b.Loop() {
		if set.Allows(ScopeNodeRead) {
			b.Fatal("node:read allowed")
		}
	}
}

func BenchmarkHas(b *testing.B) {
	set := NewScopeSet(ScopeMemberAdmin, ScopeBotSendResponses)
	for b.Loop() {
		if !set.Has(ScopeMemberAdmin) {
			b.Fatal("member:admin missing")
		}
	}
}
