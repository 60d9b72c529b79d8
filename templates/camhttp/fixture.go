package camhttp

import "github.com/permgen/permgen/templates/cam"

// catalogLookup and catalogParameter stand for the generated tree's catalog, which
// Options use when they leave Lookup and Parameter nil. Here, where there is no tree,
// they know nothing; the emitter does not copy this file but writes tree.go, which
// binds them to <vendor>/catalog.
var (
	catalogLookup    = func(string) (cam.Action, bool) { return nil, false }
	catalogParameter = func(string, string) (string, bool) { return "", false }
)
