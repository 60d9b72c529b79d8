// Package modproxy writes a module proxy folder: the file layout of the GOPROXY
// protocol (go.dev/ref/mod#goproxy-protocol), holding modules of a checkout at one
// version. With GOPROXY=file://DIR a test can `go get` those modules exactly as a
// user gets the published ones — no replace, no network — so what it proves is
// what a tag of the same commit would serve. The zips are made by
// golang.org/x/mod/zip, the code the go command and proxies use (tools/modzip
// measures the same zips).
package modproxy

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"golang.org/x/mod/modfile"
	"golang.org/x/mod/module"
	"golang.org/x/mod/zip"
)

// Write adds each module folder in dirs to the proxy folder proxy at version, and
// returns the module paths in the order of dirs. The module path is read from each
// folder's go.mod; nested modules inside a folder are left out of its zip, as the
// go command leaves them out. A version already in the proxy is refused: a proxy
// serves one content per version.
func Write(proxy, version string, dirs ...string) ([]string, error) {
	info, err := json.Marshal(struct {
		Version string
		Time    time.Time
	}{version, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		return nil, err
	}
	var paths []string
	for _, dir := range dirs {
		gomod, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err != nil {
			return nil, err
		}
		path := modfile.ModulePath(gomod)
		if path == "" {
			return nil, fmt.Errorf("%s: no module line", filepath.Join(dir, "go.mod"))
		}
		mv := module.Version{Path: path, Version: version}
		if err := module.Check(path, version); err != nil {
			return nil, err
		}
		escaped, err := module.EscapePath(path)
		if err != nil {
			return nil, err
		}
		at := filepath.Join(proxy, filepath.FromSlash(escaped), "@v")
		if _, err := os.Stat(filepath.Join(at, version+".zip")); err == nil {
			return nil, fmt.Errorf("%s@%s is already in %s", path, version, proxy)
		}
		if err := os.MkdirAll(at, 0o755); err != nil {
			return nil, err
		}
		var z bytes.Buffer
		if err := zip.CreateFromDir(&z, mv, dir); err != nil {
			return nil, fmt.Errorf("%s: %w", dir, err)
		}
		list, _ := os.ReadFile(filepath.Join(at, "list"))
		for name, data := range map[string][]byte{
			version + ".zip":  z.Bytes(),
			version + ".mod":  gomod,
			version + ".info": info,
			"list":            append(list, version+"\n"...),
		} {
			if err := os.WriteFile(filepath.Join(at, name), data, 0o644); err != nil {
				return nil, err
			}
		}
		paths = append(paths, path)
	}
	return paths, nil
}
