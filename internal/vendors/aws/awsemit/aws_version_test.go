package awsemit_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/permgen/permgen/internal/vendors/aws/awsemit"
	"github.com/permgen/permgen/internal/write"
)

// TestAWSVersionMixDoesNotCompile: an AWS service package asserts the version
// stamped on the iam runtime it calls (iam.ActionTable and the rest); the same
// tree with an iam copied by an older permgen does not build, and says why.
func TestAWSVersionMixDoesNotCompile(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	dir := t.TempDir()
	files := append(awsFiles(t), write.File{Path: "go.mod", Data: []byte("module " + awsRoot + "\n\ngo 1.26\n")})
	for _, f := range files {
		full := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	stamp := filepath.Join(dir, "aws", "iam", "version.go")
	data, err := os.ReadFile(stamp)
	if err != nil {
		t.Fatal(err)
	}
	max := "MaxGenVersion = " + strconv.Itoa(awsemit.GenVersion)
	if !strings.Contains(string(data), max) {
		t.Fatalf("aws/iam/version.go lacks %q:\n%s", max, data)
	}
	older := strings.Replace(string(data), max, "MaxGenVersion = "+strconv.Itoa(awsemit.GenVersion-1), 1)
	if err := os.WriteFile(stamp, []byte(older), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "build", "./aws/s3")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	out, err := cmd.CombinedOutput()
	if err == nil || !strings.Contains(string(out), "EnforceVersion") {
		t.Fatalf("s3 built against an older iam (err %v):\n%s", err, out)
	}
}
