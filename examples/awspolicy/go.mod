module github.com/permgen/permgen/examples/awspolicy

go 1.26

require github.com/permgen/permgen/generated/aws v0.0.0

// The AWS tree is its own module; in this repository the example uses the copy
// beside it, as examples/aws does.
replace github.com/permgen/permgen/generated/aws => ../../generated/aws
