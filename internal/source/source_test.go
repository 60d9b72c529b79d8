package source

import (
	"os"
	"path/filepath"
	"testing"
)

// A vendor folder may be a link to pages kept elsewhere (sources/aws -> a folder of
// pages as fetched); before, the walk skipped it and gen diff said "no pages found".
func TestVendorFolderMayBeALink(t *testing.T) {
	elsewhere := t.TempDir()
	if err := os.WriteFile(filepath.Join(elsewhere, "list_amazons3.html"), []byte("<html></html>"), 0o644); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.Symlink(elsewhere, filepath.Join(dir, "aws")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "acme", "deep"), 0o755); err != nil {
		t.Fatal(err)
	}
	// A link below a vendor folder is not followed: only vendor folders may be links.
	if err := os.Symlink(elsewhere, filepath.Join(dir, "acme", "deep", "link")); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "stray.html"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := htmlFiles(dir)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"aws/list_amazons3.html": true, "stray.html": true}
	if len(got) != len(want) {
		t.Fatalf("found %v, want %v", got, want)
	}
	for p := range want {
		if !got[p] {
			t.Errorf("found %v, want %v", got, want)
		}
	}
}
