module github.com/permgen/permgen/examples/aws

go 1.26

require github.com/permgen/permgen/generated/aws v0.0.0

// The AWS tree is its own module (docs/aws-layout.md); in this repository the
// example uses the copy beside it.
replace github.com/permgen/permgen/generated/aws => ../../generated/aws
