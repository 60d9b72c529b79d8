package opsgen

import (
	"path"
	"path/filepath"
	"sort"
	"strings"

	"github.com/permgen/permgen/internal/awsops"
	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/snapshot"
	"github.com/permgen/permgen/internal/write"
)

// Stage renders the table from the snapshots of an AWS tree held in memory: the
// files a run is about to write below its output folder (out, as given), whose AWS
// packages are below awsDir. It reads what mkops reads from disk after the run, in
// the same order (by path), so both print the same bytes; generate writes the
// table in the same run and check compares it.
func Stage(files []write.File, out, awsDir, overridesFile string) ([]byte, error) {
	return stage(files, out, awsDir, overridesFile, false)
}

// stage is Stage; partial as for Render.
func stage(files []write.File, out, awsDir, overridesFile string, partial bool) ([]byte, error) {
	var paths []string
	data := map[string][]byte{}
	for _, f := range files {
		if strings.HasPrefix(f.Path, awsDir+"/") && strings.HasSuffix(f.Path, ".json") && snapshot.IsSnapshot(f.Data) {
			paths = append(paths, f.Path)
			data[f.Path] = f.Data
		}
	}
	sort.Strings(paths)
	var services []*model.Service
	for _, p := range paths {
		s, err := snapshot.Unmarshal(p, data[p])
		if err != nil {
			return nil, err
		}
		services = append(services, s)
	}
	ov, err := awsops.LoadOverrides(overridesFile)
	if err != nil {
		return nil, err
	}
	// What the SDK's service modules say is frozen beside the overrides
	// (sdk/awsperm/sdkmodels.json): signing names, operations, REST bindings.
	sdk, err := awsops.LoadSDKModels(filepath.Join(filepath.Dir(overridesFile), "sdkmodels.json"))
	if err != nil {
		return nil, err
	}
	tree := path.Join(filepath.ToSlash(out), awsDir)
	return RenderSDK(services, ov, sdk, tree, filepath.ToSlash(overridesFile), partial)
}
