package opsgen

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/permgen/permgen/internal/awsops"
	"github.com/permgen/permgen/internal/snapshot"
	"github.com/permgen/permgen/internal/write"
)

// TestStageIsMkops: the stage gen generate runs on the files it is about to write
// prints what mkops prints from the same files on disk, so gen check and
// go generate in sdk/awsperm cannot disagree.
func TestStageIsMkops(t *testing.T) {
	const ovFile = "../../../sdk/awsperm/operations.json"
	var files []write.File
	err := filepath.WalkDir("testdata/tree", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel("testdata", p)
		files = append(files, write.File{Path: filepath.ToSlash(rel), Data: data})
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	// Reversed: the stage must not depend on the order the run rendered in.
	for i, j := 0, len(files)-1; i < j; i, j = i+1, j-1 {
		files[i], files[j] = files[j], files[i]
	}
	got, err := stage(files, "testdata", "tree", ovFile, true)
	if err != nil {
		t.Fatal(err)
	}
	services, err := snapshot.LoadTree("testdata/tree")
	if err != nil {
		t.Fatal(err)
	}
	ov, err := awsops.LoadOverrides(ovFile)
	if err != nil {
		t.Fatal(err)
	}
	sdk, err := awsops.LoadSDKModels("../../../sdk/awsperm/sdkmodels.json")
	if err != nil {
		t.Fatal(err)
	}
	want, err := RenderSDK(services, ov, sdk, "testdata/tree", "../../../sdk/awsperm/operations.json", true)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("the stage prints %d bytes, mkops %d; they differ", len(got), len(want))
	}
}
