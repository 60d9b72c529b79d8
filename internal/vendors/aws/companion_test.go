package aws

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/permgen/permgen/internal/write"
)

// The guard's operation table is the repository's own: a run into another folder,
// or over sources with no AWS page, neither rewrites it nor fails for want of AWS
// snapshots (a Tencent-only sources folder used to stop gen generate).
func TestCompanionsOnlyForTheOwnTree(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "sdk/awsperm"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, operationsInput), []byte(`{}`), 0o644); err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	tencentOnly := []write.File{{Path: "tencentcloud/ccc/ccc_actions.go", Data: []byte("package ccc\n")}}
	awsTree := []write.File{{Path: "aws/s3/s3.go", Data: []byte("package s3\n")}}
	for _, c := range []struct {
		name string
		tree []write.File
		out  string
	}{
		{"no AWS page", tencentOnly, "generated"},
		{"another output folder", awsTree, "elsewhere"},
		{"another output folder, absolute", awsTree, filepath.Join(t.TempDir(), "generated")},
	} {
		files, err := Vendor{}.Companions(c.tree, c.out)
		if err != nil || files != nil {
			t.Errorf("%s: Companions = %v, %v; want nothing", c.name, files, err)
		}
	}
	// The own tree with AWS packages is rendered: here it has no snapshot, which
	// the stage refuses, so the call reaches it.
	if _, err := (Vendor{}).Companions(awsTree, "./generated"); err == nil {
		t.Error("the own tree with AWS packages: the operation table was not rendered")
	}
}
