package pipeline

// The Google Cloud IAM seam: until the vendor registry (issue 21) can carry a
// vendor whose model is one catalog joined across pages rather than one service
// per page, Load and Render reach internal/vendors/gcp through these two
// functions and the Model's gcp field. This file, that field and one call each in
// Load and Render are everything GCP touches outside its own packages; the
// registry's Vendor replaces them.

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/permgen/permgen/internal/vendors/gcp"
	"github.com/permgen/permgen/internal/write"
)

// loadGCP reads <in>/gcp when the sources folder has one; nil otherwise.
func loadGCP(in string) (*gcp.Catalog, error) {
	dir := filepath.Join(in, gcp.Vendor)
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	return gcp.LoadDir(dir)
}

// GCP returns the Google Cloud IAM catalog the run read, or nil.
func (m *Model) GCP() *gcp.Catalog { return m.gcp }

// renderGCP renders generated/gcp from the catalog Load read.
func renderGCP(m *Model, importRoot string) ([]write.File, error) {
	if m.gcp == nil {
		return nil, nil
	}
	return gcp.Emit(m.gcp, importRoot, m.sourcesBase+"/"+gcp.Vendor)
}
