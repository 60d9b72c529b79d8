// sources/ is a module of its own only so that the 37 MB of page snapshots stay out of
// the module zip that users of github.com/permgen/permgen download (docs/aws-layout.md).
// It holds no Go code.
module github.com/permgen/permgen/sources

go 1.26.0
