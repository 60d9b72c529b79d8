module github.com/permgen/permgen/examples/aws

go 1.26.0

require github.com/permgen/permgen/generated/aws v0.1.0

