// This folder is a module of its own only so that the peer's data frozen here
// (iamlive's map, as the comparison tables peercheck writes) stays out of the
// root module's zip: peer data never ships. It holds no Go code; the tests read
// it from disk.
module github.com/permgen/permgen/internal/awsops/peercheck/testdata

go 1.26.0
