// Package repotest holds the tests of the repository's own machinery: go.mod, the
// Makefile and the scripts under .ci. It has no code.
package repotest
