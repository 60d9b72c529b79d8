// Command stella is the acceptance program of the scope-table pipeline: it checks
// token scopes with the generated stella package. examples_test.go runs it and
// compares its output with want.txt.
package main

import (
	"fmt"

	"github.com/permgen/permgen/generated/stella"
)

func main() {
	fmt.Println(stella.ScopeMemberRead, stella.ScopeMemberRead.Namespace(), stella.ScopeMemberRead.Verb()) // member:read member read
	fmt.Println(stella.ScopeMemberToggleLiveChat, len(stella.Scopes()))                                    // member:ToggleLiveChat 145
	s, err := stella.ParseScopes("member:admin bot:sendResponses")
	fmt.Println(err, s.Allows(stella.ScopeMemberDelete), s.Allows(stella.ScopeBotSendResponses), s.Allows(stella.ScopeBotRedirectMemberToNode), s.Allows(stella.ScopeBotbuilderRead))
	// <nil> true true false false
	fmt.Println(s.Missing(stella.ScopeMemberExport, stella.ScopeBotAdmin)) // [bot:admin]
	all, _ := stella.ParseScopes("api:admin")
	fmt.Println(all.Allows(stella.ScopeBillingDeleteSubscription)) // true
	_, err = stella.ParseScopes("member:read, nope:x")
	fmt.Println(err != nil)                          // true
	fmt.Println(stella.ScopeFileWaGet.Description()) // Grant permisisons to get file url by WhatsApp media ID
}
