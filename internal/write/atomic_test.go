package write

import (
	"os"
	"path/filepath"
	"testing"
)

func TestAtomic(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a", "p.html")
	if err := Atomic(file, []byte("one")); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(file, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := Atomic(file, []byte("two")); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(file)
	if err != nil {
		t.Fatal(err)
	}
	if got := string(must(os.ReadFile(file))); got != "two" || info.Mode().Perm() != 0o600 {
		t.Errorf("content %q mode %v, want \"two\" and the old mode 0600", got, info.Mode().Perm())
	}
	// A folder where the file should be: the rename fails and no temporary is left.
	blocked := filepath.Join(dir, "a", "dir.html")
	if err := os.Mkdir(blocked, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := Atomic(blocked, []byte("x")); err == nil {
		t.Error("writing over a folder succeeded")
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "a"))
	if len(entries) != 2 {
		t.Errorf("folder holds %d entries, want p.html and dir.html only", len(entries))
	}
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}
