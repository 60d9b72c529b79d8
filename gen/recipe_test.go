package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/mod/modfile"

	"github.com/permgen/permgen/internal/modproxy"
)

// tencentModule is the nested module of the Tencent tree, a requirement of the root.
const tencentModule = thisModule + "/generated/tencentcloud"

// releaseVersion is the version the repository's modules require of one another
// (docs/releasing.md), read from the root's go.mod, which requires
// generated/tencentcloud (the Tencent examples import it).
func releaseVersion(t *testing.T, root string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := modfile.Parse("go.mod", data, nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range f.Require {
		if r.Mod.Path == tencentModule {
			return r.Mod.Version
		}
	}
	t.Fatal("go.mod does not require " + tencentModule)
	return ""
}

// readmeSection returns the README's section under the heading "## title".
func readmeSection(t *testing.T, title string) string {
	t.Helper()
	return docSection(t, "README.md", title)
}

// docSection returns the section under the heading "## title" of a document at the
// repository's root (README.md, CONTRIBUTING.md).
func docSection(t *testing.T, doc, title string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(repo, doc))
	if err != nil {
		t.Fatal(err)
	}
	s := string(data)
	i := strings.Index(s, "\n## "+title+"\n")
	if i < 0 {
		t.Fatalf("%s has no section %q", doc, title)
	}
	s = s[i+1:]
	if j := strings.Index(s[3:], "\n## "); j >= 0 {
		s = s[:j+3]
	}
	return s
}

// codeBlocks returns the bodies of the fenced blocks of one language ("" for
// blocks without one) in text.
func codeBlocks(text, lang string) []string {
	var out []string
	var body []string
	in, keep := false, false
	for _, line := range strings.SplitAfter(text, "\n") {
		fence := strings.HasPrefix(line, "```")
		switch {
		case fence && !in:
			in, keep, body = true, strings.TrimSpace(line[3:]) == lang, nil
		case fence && in:
			if keep {
				out = append(out, strings.Join(body, ""))
			}
			in = false
		case in:
			body = append(body, line)
		}
	}
	return out
}

// TestReadmeRecipe (issue 9 item 10) runs the README's "Running permgen in your own
// module" exactly as printed, in a fresh module: go get -tool …@latest, the
// //go:generate line, go generate, go build. It works offline and with no replace:
// the go command asks only a local module proxy holding this checkout's module zip
// at the release version (internal/modproxy) and this machine's module cache. Then
// it checks what the section states: what lands in go.mod, and that generated code
// imports only the standard library and its own packages.
func TestReadmeRecipe(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the generator in another module")
	}
	section := readmeSection(t, "Running permgen in your own module")
	sh, goBlocks := codeBlocks(section, "sh"), codeBlocks(section, "go")
	if len(sh) != 1 || len(goBlocks) != 1 {
		t.Fatalf("want one sh and one go block in the section, got %d and %d", len(sh), len(goBlocks))
	}
	root, err := filepath.Abs(repo)
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	proxy := filepath.Join(tmp, "proxy")
	// The root requires generated/tencentcloud: the go command reads its go.mod
	// while it builds the module graph of the tool.
	if _, err := modproxy.Write(proxy, releaseVersion(t, root), root, filepath.Join(root, "generated", "tencentcloud")); err != nil {
		t.Fatal(err)
	}
	gomodcache, err := exec.Command("go", "env", "GOMODCACHE").Output()
	if err != nil {
		t.Fatal(err)
	}
	downloads := filepath.Join(strings.TrimSpace(string(gomodcache)), "cache", "download")
	mod := filepath.Join(tmp, "team")
	// The module a user starts from.
	writeFile(t, mod, "go.mod", "module example.org/team\n\ngo 1.26\n")
	writeFile(t, mod, "generate.go", "// Package team is a user's module.\npackage team\n\n"+goBlocks[0])
	writeFile(t, mod, "cmd/check/main.go", checkProgram)
	copyTree(t, frozenSources, filepath.Join(mod, "sources"))
	env := append(os.Environ(), "GOPROXY=file://"+filepath.ToSlash(proxy)+",file://"+filepath.ToSlash(downloads),
		"GOSUMDB=off", "GONOSUMDB=", "GOPRIVATE=", "GOFLAGS=-modcacherw", "GOWORK=off", "GOTOOLCHAIN=local",
		"GOMODCACHE="+filepath.Join(tmp, "modcache"))
	run := func(line string) string {
		t.Helper()
		cmd := exec.Command("sh", "-c", line)
		cmd.Dir, cmd.Env = mod, env
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s: %v\n%s", line, err, out)
		}
		return string(out)
	}
	for _, line := range strings.Split(strings.TrimSpace(sh[0]), "\n") {
		run(line)
	}
	if got, want := run("go run ./cmd/check"), "ccc:CreateStaff true <nil>\n"; got != want {
		t.Errorf("program using the generated packages printed %q, want %q", got, want)
	}

	// What lands in go.mod: the tool line, and requirements the section names.
	data, err := os.ReadFile(filepath.Join(mod, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := modfile.Parse("go.mod", data, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(f.Tool) != 1 || f.Tool[0].Path != "github.com/permgen/permgen/gen" {
		t.Errorf("go.mod has tools %v, want github.com/permgen/permgen/gen", f.Tool)
	}
	for _, r := range f.Require {
		if r.Mod.Path != "github.com/permgen/permgen" && !strings.Contains(section, "`"+r.Mod.Path+"`") {
			t.Errorf("go.mod requires %s, which the README section does not name", r.Mod.Path)
		}
	}
	// What generated code imports: the standard library and its own packages.
	deps := run(`go list -deps -f '{{if not .Standard}}{{.ImportPath}}{{end}}' ./internal/perms/...`)
	for _, d := range strings.Fields(deps) {
		if !strings.HasPrefix(d, "example.org/team/internal/perms/") {
			t.Errorf("generated code depends on %s", d)
		}
	}
}

// TestReadmeDiffSample (issue 9 item 13): the sample gen diff output in the README
// is what the command prints for the edits the README describes.
func TestReadmeDiffSample(t *testing.T) {
	var sample string
	for _, b := range codeBlocks(docSection(t, "CONTRIBUTING.md", "When the docs change"), "") {
		if strings.HasPrefix(b, "tencentcloud/ccc") {
			sample = b
		}
	}
	if sample == "" {
		t.Fatal("CONTRIBUTING.md's \"When the docs change\" has no sample gen diff output")
	}
	tmp := t.TempDir()
	copyTree(t, frozenSources, filepath.Join(tmp, "sources"))
	copyTree(t, frozenGenerated(t), filepath.Join(tmp, "generated"))
	editCCC(t, filepath.Join(tmp, "sources"))
	_, stdout, stderr := diffCmd(t, "-in", filepath.Join(tmp, "sources"), "-out", filepath.Join(tmp, "generated"))
	if stdout != sample {
		t.Errorf("README sample:\n%s\ngen diff prints:\n%s%s", sample, stdout, stderr)
	}
}
