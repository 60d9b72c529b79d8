package scopes

import (
	"encoding/json"
	"fmt"
)

// A token's scopes checked against what a call needs, before the call fails
// with 403.
func ExampleScopeSet_Missing() {
	token := NewScopeSet(ScopeMemberAdmin, ScopeBotSendResponses)
	need := []Scope{ScopeMemberRead, ScopeBotSendResponses, ScopeNodeRead}
	if missing := token.Missing(need...); len(missing) > 0 {
		fmt.Println("token lacks", missing)
	}
	// Output:
	// token lacks [node:read]
}

// An admin scope grants its namespace, and only that: botbuilder is not bot.
func ExampleScopeSet_Allows() {
	token := NewScopeSet(ScopeBotAdmin)
	fmt.Println(token.Has(ScopeBotSendResponses), token.Allows(ScopeBotSendResponses))
	fmt.Println(token.Allows(ScopeBotbuilderRead))
	// Output:
	// false true
	// false
}

func ExampleScope_Implies() {
	fmt.Println(ScopeMemberAdmin.Implies())
	fmt.Println(ScopeMemberRead.Namespace(), ScopeMemberRead.Verb())
	// Output:
	// [member:ToggleLiveChat member:read]
	// member read
}

// Scopes and sets travel as their names, in JSON and anywhere else text goes.
func ExampleScopeSet_MarshalText() {
	b, _ := json.Marshal(struct {
		Token ScopeSet `json:"token"`
		Need  Scope    `json:"need"`
	}{NewScopeSet(ScopeNodeRead, ScopeMemberRead), ScopeBotAdmin})
	fmt.Println(string(b))
	// Output:
	// {"token":"member:read node:read","need":"bot:admin"}
}
