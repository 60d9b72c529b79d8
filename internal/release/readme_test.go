package release

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/permgen/permgen/internal/modproxy"
)

// recipeSection is the README section whose commands TestReadmeRecipe (gen/) runs,
// in a module that holds page snapshots; this test leaves it to that one.
const recipeSection = "Running permgen in your own module"

// readmeStep is one fenced block of the README with what the line before it says
// about it: "<!-- file: PATH -->" (write the block to PATH) or "<!-- output -->"
// (the block is what the sh block before it prints).
type readmeStep struct {
	section, lang, marker, body string
	line                        int
}

func readmeSteps(t *testing.T) []readmeStep {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repo, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	var steps []readmeStep
	var cur *readmeStep
	section, prev := "", ""
	for i, line := range strings.SplitAfter(string(data), "\n") {
		switch {
		case cur == nil && strings.HasPrefix(line, "## "):
			section = strings.TrimSpace(line[3:])
		case cur == nil && strings.HasPrefix(line, "```"):
			cur = &readmeStep{section: section, lang: strings.TrimSpace(line[3:]), line: i + 1}
			if strings.HasPrefix(prev, "<!-- file: ") || prev == "<!-- output -->" {
				cur.marker = prev
			}
		case cur != nil && strings.HasPrefix(line, "```"):
			steps = append(steps, *cur)
			cur = nil
		case cur != nil:
			cur.body += line
		}
		if strings.TrimSpace(line) != "" {
			prev = strings.TrimSpace(line)
		}
	}
	return steps
}

// withoutDownloads drops the go command's "go: downloading M V" lines: they depend
// on what the module cache held before, not on the command.
func withoutDownloads(out string) string {
	var keep []string
	for _, l := range strings.SplitAfter(out, "\n") {
		if !strings.HasPrefix(l, "go: downloading ") {
			keep = append(keep, l)
		}
	}
	return strings.Join(keep, "")
}

// TestReadmeRunsAsPrinted follows the README as a user would, in one empty folder:
// every sh block runs exactly as printed, in order (those of recipeSection run in
// TestReadmeRecipe), files marked "<!-- file: PATH -->" are written first, and each
// "<!-- output -->" block must be what the sh block before it printed, stdout and
// stderr together. The modules come from a local module proxy made from this
// checkout at the release version, so `go get …@latest` is tested as printed, and
// the rest from this machine's module cache: offline, with no replace.
func TestReadmeRunsAsPrinted(t *testing.T) {
	if testing.Short() {
		t.Skip("builds every program of the README in a module of its own")
	}
	version := releaseVersion(t)
	tmp := t.TempDir()
	proxy := filepath.Join(tmp, "proxy")
	root, err := filepath.Abs(repo)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := modproxy.Write(proxy, version, publishedModules(root)...); err != nil {
		t.Fatal(err)
	}
	gomodcache, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		t.Fatal(err)
	}
	downloads := filepath.Join(strings.TrimSpace(string(gomodcache)), "cache", "download")
	dir := filepath.Join(tmp, "demo")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	// What a user's machine has: the default GOFLAGS (none), a checksum database
	// that knows nothing of an unpublished version (so none), no workspace.
	env := append(os.Environ(),
		"GOPROXY=file://"+filepath.ToSlash(proxy)+",file://"+filepath.ToSlash(downloads),
		"GOSUMDB=off", "GONOSUMDB=", "GOPRIVATE=", "GOFLAGS=-modcacherw",
		"GOWORK=off", "GOTOOLCHAIN=local", "GOMODCACHE="+filepath.Join(tmp, "modcache"))
	ran, last := 0, ""
	var lastCmd readmeStep
	for _, s := range readmeSteps(t) {
		switch {
		case strings.HasPrefix(s.marker, "<!-- file: "):
			name := strings.TrimSuffix(strings.TrimPrefix(s.marker, "<!-- file: "), " -->")
			write(t, dir, name, s.body)
		case s.marker == "<!-- output -->":
			if lastCmd.body == "" {
				t.Fatalf("README.md:%d: an output block with no sh block before it", s.line)
			}
			if last != s.body {
				t.Errorf("README.md:%d: the sh block at line %d printed\n%s\nthe README shows\n%s", s.line, lastCmd.line, last, s.body)
			}
			lastCmd = readmeStep{}
		case s.lang == "sh" && s.section != recipeSection:
			cmd := exec.Command("sh", "-c", s.body)
			cmd.Dir, cmd.Env = dir, env
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("README.md:%d (%s): %v\n%s\n%s", s.line, s.section, err, s.body, out)
			}
			last, lastCmd = withoutDownloads(string(out)), s
			ran++
		}
	}
	if ran < 10 {
		t.Errorf("ran %d sh blocks of the README; it has more", ran)
	}
}
