package aws

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/permgen/permgen/internal/awsops/opsgen"
	"github.com/permgen/permgen/internal/vendor"
	"github.com/permgen/permgen/internal/vendors/aws/awsresolve"
	"github.com/permgen/permgen/internal/write"
)

var _ vendor.Companion = Vendor{}

// The SDK guard's operation table and its overrides, relative to the repository
// root; a module without them has no guard to feed.
const (
	operationsFile  = "sdk/awsperm/operations_gen.go"
	operationsInput = "sdk/awsperm/operations.json"
	ownTree         = "generated" // the output folder operationsFile is built from
)

// sameDir reports whether a and b name the same folder.
func sameDir(a, b string) bool {
	x, errA := filepath.Abs(a)
	y, errB := filepath.Abs(b)
	return errA == nil && errB == nil && x == y
}

// hasAWS reports whether the tree holds an AWS package.
func hasAWS(tree []write.File) bool {
	for _, f := range tree {
		if strings.HasPrefix(f.Path, awsresolve.Dir+"/") {
			return true
		}
	}
	return false
}

// Companions implements vendor.Companion: the SDK guard's operation table, from the
// AWS snapshots of the tree being rendered.
//
// The table is the repository's own guard's, built from the repository's own tree:
// a run that writes elsewhere (-out), or whose sources hold no AWS page, leaves it
// alone rather than rewriting it from a partial or foreign tree (or refusing the run).
func (Vendor) Companions(tree []write.File, out string) ([]write.File, error) {
	if !sameDir(out, ownTree) || !hasAWS(tree) {
		return nil, nil
	}
	if _, err := os.Stat(operationsInput); errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	src, err := opsgen.Stage(tree, out, awsresolve.Dir, operationsInput)
	if err != nil {
		return nil, err
	}
	return []write.File{{Path: operationsFile, Data: src}}, nil
}
