package tencentcloud

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/permgen/permgen/internal/vendors/tencentcloud/camemit"
)

// ParametersFile holds the per-action placeholder -> request parameter overrides the
// SDK transport (camhttp) fills resources with, each with its reason. It sits beside
// overrides.json and is optional.
const ParametersFile = "parameters.json"

// loadParameters reads in/parameters.json; a missing file means no overrides.
func loadParameters(in string) ([]camemit.ParameterOverride, error) {
	name := filepath.Join(in, ParametersFile)
	b, err := os.ReadFile(name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	d := json.NewDecoder(bytes.NewReader(b))
	d.DisallowUnknownFields()
	var ps []camemit.ParameterOverride
	if err := d.Decode(&ps); err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.ToSlash(name), err)
	}
	return ps, nil
}

// baseName is the sources folder's name as generated comments cite it.
func baseName(dir string) string { return filepath.Base(dir) }
