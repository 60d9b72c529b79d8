package scopes

import (
	"errors"
	"fmt"
)

func ExampleParseScopes() {
	granted, err := ParseScopes("member:admin, bot:sendResponses")
	if err != nil {
		panic(err)
	}
	fmt.Println(granted.Allows(ScopeMemberRead))
	fmt.Println(granted.Missing(ScopeMemberRead, ScopeBotAdmin))
	// Output:
	// true
	// [bot:admin]
}

func ExampleUnknownScopeError() {
	_, err := ParseScopes("member:reed node:read")
	var u *UnknownScopeError
	if errors.As(err, &u) {
		fmt.Println(u.Name, "->", u.Suggestion)
	}
	fmt.Println(err)
	// Output:
	// member:reed -> member:read
	// unknown scope "member:reed"; did you mean "member:read"?
}
