package badinput

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/permgen/permgen/internal/pipeline"
)

// badCase is one bad sources folder: files by path below it, and the exact text of
// the error Run must return. Messages name files as "sources/...", because Run is
// given the relative path "sources", as `go run ./gen generate` is by default.
type badCase struct {
	name  string
	files map[string]string
	want  string
	skip  string // why the case cannot run here, if it cannot
}

// runCases builds each case's folder in a temporary directory, runs the pipeline
// over it from there, and checks the error text exactly. A panic fails the case;
// so does a result, since a run that fails must hand nothing to the write stage.
func runCases(t *testing.T, cases []badCase) {
	t.Helper()
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if c.skip != "" {
				t.Skip(c.skip)
			}
			root := t.TempDir()
			writeFiles(t, filepath.Join(root, "sources"), c.files)
			t.Chdir(root)
			res, err := runNoPanic(t)
			if err == nil {
				t.Fatalf("Run succeeded on bad input; want\n%s", c.want)
			}
			if res != nil {
				t.Errorf("Run returned a result with its error: %d files could reach the write stage", len(res.Files))
			}
			if got := err.Error(); got != c.want {
				t.Errorf("error differs\ngot:  %s\nwant: %s", got, c.want)
			}
		})
	}
}

func runNoPanic(t *testing.T) (res *pipeline.Result, err error) {
	t.Helper()
	defer func() {
		if p := recover(); p != nil {
			t.Fatalf("Run panicked: %v", p)
		}
	}()
	return pipeline.Run("sources", "example.com/out")
}

// writeFiles writes files below dir; a value starting with "symlink:" makes a
// symbolic link to the rest, and "unreadable:" a folder nobody may list.
func writeFiles(t testing.TB, dir string, files map[string]string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, data := range files {
		full := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		var err error
		switch {
		case strings.HasPrefix(data, "symlink:"):
			err = os.Symlink(strings.TrimPrefix(data, "symlink:"), full)
		case data == "unreadable:":
			if err = os.Mkdir(full, 0o000); err == nil {
				t.Cleanup(func() { os.Chmod(full, 0o755) })
			}
		default:
			err = os.WriteFile(full, []byte(data), 0o644)
		}
		if err != nil {
			t.Fatal(err)
		}
	}
}

// Manifests naming one page of each format.
const (
	camManifest   = `{"pages":[{"path":"acme/demo.html","vendor":"acme","format":"tencent-cam"}]}`
	scopeManifest = `{"pages":[{"path":"acme/acl.html","vendor":"acme","format":"scope-table"}]}`
)

// page wraps content in a complete HTML document.
func page(content string) string {
	return "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>t</title></head><body>\n" + content + "\n</body></html>\n"
}

// row renders one table row of <td> cells.
func row(cells ...string) string {
	return "<tr><td>" + strings.Join(cells, "</td><td>") + "</td></tr>"
}

// header renders a header row of <th> cells.
func header(cells ...string) string {
	return "<tr><th>" + strings.Join(cells, "</th><th>") + "</th></tr>"
}

// table renders a heading and a table.
func table(heading string, rows ...string) string {
	return "<h3>" + heading + "</h3>\n<table>" + strings.Join(rows, "\n") + "</table>\n"
}
