// Command mkops prints sdk/awsperm/operations_gen.go, the SDK guard's operation
// table, from the snapshots of a generated AWS tree (internal/awsops/opsgen).
// `gen generate` runs the same stage on the tree it renders, and `gen check`
// compares the file, so this command is only for a tree made some other way.
package main

import "github.com/permgen/permgen/internal/awsops/opsgen"

func main() { opsgen.Main() }
