package modproxy

import (
	"archive/zip"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A module folder becomes the four files of the GOPROXY protocol under the escaped
// path (upper case as !lower; the zip keeps the path as written); its nested module is left out of the zip; the same
// version twice is refused.
func TestWriteLaysOutTheProxyProtocol(t *testing.T) {
	mod := t.TempDir()
	for name, data := range map[string]string{
		"go.mod":        "module example.com/Team/lib\n\ngo 1.26.0\n",
		"lib.go":        "package lib\n",
		"sub/go.mod":    "module example.com/Team/lib/sub\n\ngo 1.26.0\n",
		"sub/sub.go":    "package sub\n",
		"inner/in.go":   "package inner\n",
		"inner/data.gz": "x",
	} {
		p := filepath.Join(mod, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	proxy := t.TempDir()
	paths, err := Write(proxy, "v0.1.0", mod)
	if err != nil || len(paths) != 1 || paths[0] != "example.com/Team/lib" {
		t.Fatalf("Write: %v, %v", paths, err)
	}
	at := filepath.Join(proxy, "example.com", "!team", "lib", "@v")
	for _, f := range []string{"list", "v0.1.0.info", "v0.1.0.mod", "v0.1.0.zip"} {
		if _, err := os.Stat(filepath.Join(at, f)); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
	if list, _ := os.ReadFile(filepath.Join(at, "list")); string(list) != "v0.1.0\n" {
		t.Errorf("list = %q", list)
	}
	z, err := zip.OpenReader(filepath.Join(at, "v0.1.0.zip"))
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	var names []string
	for _, f := range z.File {
		names = append(names, f.Name)
	}
	got := strings.Join(names, " ")
	if !strings.Contains(got, "example.com/Team/lib@v0.1.0/inner/in.go") || strings.Contains(got, "sub/") {
		t.Errorf("zip holds %s; want inner/ and not the nested module sub/", got)
	}
	if _, err := Write(proxy, "v0.1.0", mod); err == nil || !strings.Contains(err.Error(), "already in") {
		t.Errorf("writing v0.1.0 twice: %v", err)
	}
}
