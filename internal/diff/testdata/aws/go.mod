// This folder is a module of its own only so that its 2.7 MB of frozen AWS data (the
// peer databases and changed pages) stay out of the module zip users download
// (docs/aws-layout.md). It holds no Go code; internal/diff reads it from disk.
module github.com/permgen/permgen/internal/diff/testdata/aws

go 1.26.0
