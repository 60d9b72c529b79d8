package pipeline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// awsSubset are the AWS pages the whole-tree tests keep: the largest service
// (ec2), the examples (s3, IAM, whose prefix meets the runtime's package
// name), a resource type name with a space (lambda), and two small ones. The
// generated tree of all 533 pages (57 MB) made each whole-tree run cost tens of
// seconds, and these tests run it five times; `make test`'s check covers the full
// tree once.
var awsSubset = map[string]bool{
	"list_amazonec2.html": true, "list_amazons3.html": true, "list_awsidentityandaccessmanagementiam.html": true,
	"list_awslambda.html": true, "list_amazonsqs.html": true, "list_amazondynamodb.html": true,
}

// liveSources returns a copy of ../../sources with only the awsSubset pages of
// sources/aws.
func liveSources(t *testing.T) string {
	t.Helper()
	in := filepath.Join(t.TempDir(), "sources")
	src := filepath.Join("..", "..", "sources")
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(in, rel), 0o755)
		}
		if dir, base := filepath.Split(filepath.ToSlash(rel)); strings.TrimSuffix(dir, "/") == "aws" && !awsSubset[base] {
			return nil
		}
		// The API catalogue (80 MB of JSON, 271 more packages) is left out as most AWS
		// pages are: the merged catalog has its own tests on the real archives
		// (internal/vendors/tencentcloud/merged) and, end to end, on small ones
		// (tencentcatalog_test.go); TestLoadIsTheModelRenderPrints loads it whole.
		if dir, _ := filepath.Split(filepath.ToSlash(rel)); strings.TrimSuffix(dir, "/") == "tencentcloud/tccli" {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(filepath.Join(in, rel), data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	return in
}
