// Package gcp embeds the Google Cloud IAM runtime packages that the generated
// tree carries. Each subfolder is an ordinary package, compiled and tested in
// place; fixture.go stands in for the generated catalog and is not copied.
package gcp

import "embed"

// FS holds the template packages.
//
//go:embed gcpiam/*.go
var FS embed.FS
