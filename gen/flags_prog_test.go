package main

import "testing"

// A hint names the binary as it can be run again: make generate runs bin/permgen,
// which is on no PATH, so "permgen lint" would not run.
func TestInvokedAs(t *testing.T) {
	for exe, want := range map[string]string{
		"bin/permgen":            "bin/permgen",
		"./permgen":              "./permgen",
		"permgen":                "permgen",
		"/usr/local/bin/permgen": "permgen",
		"/home/u/go/bin/permgen": "permgen",
	} {
		if got := invokedAs(exe); got != want {
			t.Errorf("invokedAs(%q) = %q, want %q", exe, got, want)
		}
	}
}
