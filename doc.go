// Package permgen turns vendor permission documentation into typed Go. The command
// is in gen/, the stages in internal/, the runtime that generated trees carry in
// templates/, and the output in generated/ (never edited by hand).
//
// Regenerate with 'go generate ./...' or 'make generate'.
package permgen

//go:generate go run ./gen generate
//go:generate go run ./internal/bundled/mkbundle -in sources -aws-pages 2026-06-14
