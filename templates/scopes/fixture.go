// Package scopes is the runtime every generated scope package carries: a Scope type
// for each access-token scope of a vendor, parsing with suggestions, and a ScopeSet
// that knows which scopes grant which. It is compiled and tested here against a small
// fake data set (this file); the emitter copies the other non-test files into each
// generated package, rewriting only the package clause, and writes the real data in
// a file of its own with the same names as below.
package scopes

const scopeCount = 8

// Scopes of the fake vendor, numbered in byte-wise order of their names.
const (
	// ScopeApiAdmin is "api:admin": Grant all APIs access. It grants every scope.
	ScopeApiAdmin Scope = 1
	// ScopeBotAdmin is "bot:admin": Grant all Bot APIs access. It grants the bot
	// namespace.
	ScopeBotAdmin Scope = 2
	// ScopeBotSendResponses is "bot:sendResponses".
	ScopeBotSendResponses Scope = 3
	// ScopeBotbuilderRead is "botbuilder:read", a namespace that bot:admin must not
	// grant although its name starts with "bot".
	ScopeBotbuilderRead Scope = 4
	// ScopeMemberToggleLiveChat is "member:ToggleLiveChat": its capital T sorts it
	// before the other member scopes.
	ScopeMemberToggleLiveChat Scope = 5
	// ScopeMemberAdmin is "member:admin": Grant all Member APIs access.
	ScopeMemberAdmin Scope = 6
	// ScopeMemberRead is "member:read".
	ScopeMemberRead Scope = 7
	// ScopeNodeRead is "node:read".
	ScopeNodeRead Scope = 8
)

var scopeNames = [scopeCount]string{
	"api:admin",
	"bot:admin",
	"bot:sendResponses",
	"botbuilder:read",
	"member:ToggleLiveChat",
	"member:admin",
	"member:read",
	"node:read",
}

var scopeDescriptions = [scopeCount]string{
	"Grant all APIs access",
	"Grant all Bot APIs access",
	"Grant permissions to send responses on behalf of bot",
	"Grant permission to read Bot Builder's content",
	"Grant permission to toggle Live Chat mode for member",
	"Grant all Member APIs access",
	"Grant permissions to read Member list by externalId or memberId",
	"Grant permission to read Tree or Global Nodes",
}

var scopeImplies = [scopeCount][]Scope{
	{2, 3, 4, 5, 6, 7, 8},
	{3},
	nil,
	nil,
	nil,
	{5, 7},
	nil,
	nil,
}

var scopeGrantedBy = [scopeCount][]Scope{
	nil,
	{1},
	{1, 2},
	{1},
	{1, 6},
	{1},
	{1, 6},
	{1},
}

// scopeDeprecated says, for each scope that vanished from the page, when and where;
// "" for the others.
var scopeDeprecated = [scopeCount]string{ScopeNodeRead - 1: "removed from sources/fake/scopes.html on 2026-01-02"}
