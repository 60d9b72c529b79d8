package aws

import (
	"errors"
	"io/fs"
	"os"

	"github.com/permgen/permgen/internal/awsops/opsgen"
	"github.com/permgen/permgen/internal/vendor"
	"github.com/permgen/permgen/internal/vendors/aws/awsresolve"
	"github.com/permgen/permgen/internal/write"
)

var _ vendor.Companion = Vendor{}

// The SDK guard's operation table and its overrides, relative to the repository
// root; a module without them has no guard to feed.
const (
	operationsFile  = "sdk/awsv2/operations_gen.go"
	operationsInput = "sdk/awsv2/operations.json"
)

// Companions implements vendor.Companion: the SDK guard's operation table, from the
// AWS snapshots of the tree being rendered.
func (Vendor) Companions(tree []write.File, out string) ([]write.File, error) {
	if _, err := os.Stat(operationsInput); errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	src, err := opsgen.Stage(tree, out, awsresolve.Dir, operationsInput)
	if err != nil {
		return nil, err
	}
	return []write.File{{Path: operationsFile, Data: src}}, nil
}
