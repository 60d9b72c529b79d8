// Package permgen turns vendor permission documentation into typed Go. The command
// is in gen/, the stages in internal/, the runtime that generated trees carry in
// templates/, and the output in generated/ (never edited by hand).
//
// Regenerate with 'go generate ./...' or 'make generate'.
package permgen

//go:generate go build -o bin/permgen ./gen
//go:generate bin/permgen generate
//go:generate go build -o bin/mkbundle ./internal/bundled/mkbundle
//go:generate bin/mkbundle -in sources -aws-pages 2026-06-14
