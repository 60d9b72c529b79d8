// This folder is a module of its own only so that the frozen table of the AWS API
// models (README.md) stays out of the zip of sdk/awsv2's module, which users
// download. It holds no Go code; sdk/awsv2's tests read it from disk.
module github.com/permgen/permgen/sdk/awsv2/testdata/sdkjs

go 1.26.0
