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
// nothing kept from earlier runs. Only the model is built (pipeline.Model): no Go
// is rendered to be thrown away.
func LoadSources(dir string) (Side, error) {
	services, err := pipeline.Model(dir)
	if err != nil {
		return Side{}, err
	}
	return Side{Services: services, Scraped: true}, nil
}

// LoadSnapshots reads the snapshots of a generated tree: the model it was generated
// from. A missing tree has none.
func LoadSnapshots(dir string) (Side, error) {
	ss, err := snapshot.LoadTree(dir)
	return Side{Services: ss}, err
}

// IsSources reports whether dir is a sources folder, which has a manifest or a
// folder of AWS pages as fetched.
func IsSources(dir string) bool {
	_, err := os.Stat(filepath.Join(dir, source.ManifestFile))
	return err == nil || source.HasAWSPages(dir)
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
		return Side{}, errors.New(dir + ": neither a sources folder (no " + source.ManifestFile + ") nor a generated tree (no snapshots)")
	}
	return s, nil
}
