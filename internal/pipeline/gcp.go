package pipeline

// The Google Cloud IAM seam: until the vendor registry (issue 21) can carry a
// vendor whose model is one catalog joined across pages rather than one service
// per page, the pipeline reaches internal/vendors/gcp through this file. It, the
// Model's gcp field, loadPages in place of source.Load, and one call each in
// Load, Render and Diagnostics are all GCP touches in the pipeline; the
// registry's Vendor replaces them.

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"

	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/source"
	"github.com/permgen/permgen/internal/vendors/gcp"
	"github.com/permgen/permgen/internal/write"
)

// gcpRun is what Load read of Google Cloud IAM: the catalog, and the folder as
// generated comments cite it (sources/gcp).
type gcpRun struct {
	catalog *gcp.Catalog
	source  string
}

// loadGCP reads <in>/gcp when the sources folder has one; nil otherwise.
func loadGCP(in string) (*gcpRun, error) {
	dir := filepath.Join(in, gcp.Vendor)
	if _, err := os.Stat(dir); errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	c, err := gcp.LoadDir(dir)
	if err != nil {
		return nil, err
	}
	return &gcpRun{catalog: c, source: filepath.Base(in) + "/" + gcp.Vendor}, nil
}

// GCP returns the Google Cloud IAM catalog the run read, or nil.
func (m *Model) GCP() *gcp.Catalog {
	if m.gcp == nil {
		return nil
	}
	return m.gcp.catalog
}

// renderGCP renders generated/gcp from the catalog Load read.
func renderGCP(m *Model, importRoot string) ([]write.File, error) {
	if m.gcp == nil {
		return nil, nil
	}
	return gcp.Emit(m.gcp.catalog, importRoot, m.gcp.source)
}

// loadPages is source.Load, except that a sources folder holding nothing but
// gcp/ is valid: its Markdown pages are not the *.html pages source.Load reads,
// and its only error would be "no pages".
func loadPages(in string) ([]source.Page, error) {
	pages, err := source.Load(in)
	if err != nil && len(pages) == 0 {
		if entries, rerr := os.ReadDir(in); rerr == nil && len(entries) == 1 && entries[0].Name() == gcp.Vendor && entries[0].IsDir() {
			return nil, nil
		}
	}
	return pages, err
}

// gcpDiagnostics are the GCP catalog's notes as lint reports them: pages'
// disagreements with the prefix rule, names without a row, roles without one.
func gcpDiagnostics(m *Model) []model.Diagnostic {
	if m.gcp == nil {
		return nil
	}
	var ds []model.Diagnostic
	for _, n := range m.gcp.catalog.Notes {
		pos := model.Pos{File: n.Pos.File, Row: n.Pos.Row}
		if pos.File == "" {
			pos.File = m.gcp.source
		}
		if n.Pos.Table > 0 {
			pos.Table = strconv.Itoa(n.Pos.Table)
		}
		ds = append(ds, model.Diagnostic{Pos: pos, Code: n.Code, Msg: n.Msg})
	}
	return ds
}
