// Package templates holds the runtime Go code that every generated tree carries. Each
// subfolder is an ordinary package, compiled and tested in place; the emitter copies
// its files (not its tests, not fixture.go, which stands in for generated data) into
// the generated tree, renaming the package. Embedding them makes permgen work from
// any folder, including inside another module.
package templates

import "embed"

// FS holds the template packages.
//
//go:embed cam/*.go campolicy/*.go camguard/*.go camhttp/*.go scopes/*.go aws/*/*.go
var FS embed.FS
