// This folder is a module of its own only so that its 3.5 MB of frozen Google
// Cloud pages (the two snapshot archives the diff test reads) stay out of the
// module zip users download (docs/install-costs.md). It holds no Go code;
// internal/vendors/gcp reads it from disk.
module github.com/permgen/permgen/internal/vendors/gcp/testdata/snapshots

go 1.26.0
