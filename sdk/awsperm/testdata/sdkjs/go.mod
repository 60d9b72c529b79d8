// This folder is a module of its own only so that the frozen table of the AWS API
// models (README.md) stays out of the zip of sdk/awsperm's module, which users
// download. It holds no Go code; sdk/awsperm's tests read it from disk.
module github.com/permgen/permgen/sdk/awsperm/testdata/sdkjs

go 1.26.0
