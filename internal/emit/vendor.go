package emit

import (
	"github.com/permgen/permgen/internal/resolve"
	"github.com/permgen/permgen/internal/write"
)

// Runtime copies one runtime template package into the tree.
func Runtime(r *resolve.Runtime) ([]write.File, error) { return runtime(r) }
