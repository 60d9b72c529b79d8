package main

import "os"

// readLintFile reads a configuration file of `policy lint` (-suppress,
// -sensitive).
func readLintFile(name string) ([]byte, error) { return os.ReadFile(name) }
