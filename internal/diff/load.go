package diff

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/permgen/permgen/internal/pipeline"
	"github.com/permgen/permgen/internal/snapshot"
	"github.com/permgen/permgen/internal/source"
)

// LoadSources scrapes and resolves a sources folder: what the pages say now, with
// nothing kept from earlier runs.
func LoadSources(dir string) (Side, error) {
	m, err := pipeline.Load(pipeline.Options{In: dir})
	if err != nil {
		return Side{}, err
	}
	return Side{Services: m.Services, Scraped: true}, nil
}

// LoadSnapshots reads the snapshots of a generated tree: the model it was generated
// from. A missing tree has none.
func LoadSnapshots(dir string) (Side, error) {
	ss, err := snapshot.LoadTree(dir)
	return Side{Services: ss}, err
}

// IsSources reports whether dir is a sources folder: it has a manifest, or page
// snapshots in vendor folders (the manifest is optional). A generated tree has
// neither.
func IsSources(dir string) bool {
	if _, err := os.Stat(filepath.Join(dir, source.ManifestFile)); err == nil {
		return true
	}
	pages, _ := filepath.Glob(filepath.Join(dir, "*", "*.html"))
	return len(pages) > 0
}

// LoadDir reads a folder that is either a sources folder (it has manifest.json) or
// a generated tree (it has snapshots).
func LoadDir(dir string) (Side, error) {
	info, err := os.Stat(dir)
	if err != nil {
		return Side{}, err
	}
	if !info.IsDir() {
		return Side{}, fmt.Errorf("%s is not a folder", dir)
	}
	if IsSources(dir) {
		return LoadSources(dir)
	}
	s, err := LoadSnapshots(dir)
	if err != nil {
		return Side{}, err
	}
	if len(s.Services) == 0 {
		return Side{}, errors.New(dir + ": neither a sources folder (no " + source.ManifestFile + ", no <vendor>/*.html) nor a generated tree (no snapshots)")
	}
	return s, nil
}
