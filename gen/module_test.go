package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeFile writes data to dir/name, creating folders.
func writeFile(t *testing.T, dir, name, data string) {
	t.Helper()
	p := filepath.Join(dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// scopePage is the Stella snapshot, a scope table any vendor could publish.
func scopePage(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(frozenSources, "stella", "access-control-list.html"))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// Item 4: a comment on the module line is not part of the module path.
func TestModuleLineCommentIsNotInImports(t *testing.T) {
	mod := t.TempDir()
	writeFile(t, mod, "go.mod", "module example.com/team // our module\n\ngo 1.26\n")
	for _, c := range []struct{ gomod, want string }{
		{"module example.com/team // our module\n", "example.com/team/internal/perms"},
		{"module \"example.com/quoted\"\n", "example.com/quoted/internal/perms"},
		{"// header\nmodule example.com/spaced   // trailing\n", "example.com/spaced/internal/perms"},
	} {
		writeFile(t, mod, "go.mod", c.gomod+"\ngo 1.26\n")
		got, err := importPathOf(filepath.Join(mod, "internal", "perms"))
		if err != nil || got != c.want {
			t.Errorf("go.mod %q: import path %q, %v; want %q", c.gomod, got, err, c.want)
		}
	}
	writeFile(t, mod, "go.mod", "module example.com/team // our module\n\ngo 1.26\n")
	copyTree(t, frozenSources, filepath.Join(mod, "sources"))
	t.Chdir(mod)
	if code, _, stderr := runGen(t, "generate", "-out", "internal/perms"); code != 0 {
		t.Fatalf("generate: exit %d\n%s", code, stderr)
	}
	data, err := os.ReadFile(filepath.Join(mod, "internal/perms/tencentcloud/ccc/ccc_actions.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(data), `"example.com/team/internal/perms/tencentcloud/cam"`) {
		t.Errorf("ccc does not import cam as example.com/team/internal/perms/tencentcloud/cam:\n%s", head(string(data)))
	}
}

func head(s string) string { return s[:min(len(s), 600)] }

// Item 8: a vendor's second scope page would move the first page's package; that is
// refused without -force, naming the imports that break, and nothing is written.
func TestSecondScopePageDoesNotMoveTheFirst(t *testing.T) {
	dir := t.TempDir()
	in, out := filepath.Join(dir, "sources"), filepath.Join(dir, "out")
	writeFile(t, in, "acme/scopes.html", scopePage(t))
	args := []string{"-in", in, "-out", out, "-import", "example.com/x/out"}
	if code, _, stderr := runGen(t, append([]string{"generate"}, args...)...); code != 0 {
		t.Fatalf("first generate: exit %d\n%s", code, stderr)
	}
	first := filepath.Join(out, "acme", "acme_scopes.go")
	if _, err := os.Stat(first); err != nil {
		t.Fatalf("first page not generated in out/acme: %v", err)
	}
	writeFile(t, in, "acme/more.html", scopePage(t))
	before := snapshot(t, out)
	for _, cmd := range []string{"generate", "check"} {
		code, _, stderr := runGen(t, append([]string{cmd}, args...)...)
		if code != 2 {
			t.Errorf("%s with a second page: exit %d, want 2\n%s", cmd, code, stderr)
		}
		for _, want := range []string{"acme/scopes.html: its package would move from " + filepath.Join(out, "acme") + " to " + filepath.Join(out, "acme", "scopes"),
			`imports of "example.com/x/out/acme" break`, `"package": "acme"`, "-force"} {
			if !strings.Contains(stderr, want) {
				t.Errorf("%s: stderr lacks %q:\n%s", cmd, want, stderr)
			}
		}
	}
	if after := snapshot(t, out); len(after) != len(before) {
		t.Errorf("a refused run changed the tree: %d files -> %d", len(before), len(after))
	}
	// gen diff accepts the layout generate accepts: the new page is an addition.
	code, stdout, stderr := runGen(t, "diff", "-in", in, "-out", out)
	if code != 1 || !strings.Contains(stdout, "[additive] service added (145 scopes)") {
		t.Errorf("diff with two scope pages of one vendor: exit %d, want 1 and one service added\n%s%s", code, stdout, stderr)
	}
	// Keeping the package where it was is one manifest entry.
	writeFile(t, in, "manifest.json", `{"pages": [{"path": "acme/scopes.html", "vendor": "acme", "format": "scope-table", "package": "acme"}]}`)
	if code, _, stderr := runGen(t, append([]string{"generate"}, args...)...); code != 0 {
		t.Fatalf("generate with package kept: exit %d\n%s", code, stderr)
	}
	if _, err := os.Stat(first); err != nil {
		t.Errorf("the first page's package moved: %v", err)
	}
	// Moving it is allowed when asked for.
	writeFile(t, in, "manifest.json", `{}`)
	if code, _, stderr := runGen(t, append([]string{"generate", "-force"}, args...)...); code != 0 {
		t.Fatalf("generate -force: exit %d\n%s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(out, "acme", "scopes", "scopes_scopes.go")); err != nil {
		t.Errorf("-force did not move the package: %v", err)
	}
}

// Item 9: no manifest, an empty one or {} mean no entries; lint says what the entry
// would hold; lint and diff work with no go.mod anywhere above.
func TestManifestIsOptional(t *testing.T) {
	for name, manifest := range map[string]*string{"missing": nil, "empty": ptr(""), "braces": ptr("{}\n")} {
		t.Run(name, func(t *testing.T) {
			page := scopePage(t)
			dir := t.TempDir() // below the system temp folder: no go.mod above
			t.Chdir(dir)
			writeFile(t, dir, "sources/acme/scopes.html", page)
			if manifest != nil {
				writeFile(t, dir, "sources/manifest.json", *manifest)
			}
			if code, _, stderr := runGen(t, "generate", "-out", "out", "-import", "example.com/x/out"); code != 0 {
				t.Fatalf("generate: exit %d\n%s", code, stderr)
			}
			code, stdout, stderr := runGen(t, "lint")
			if code != 0 {
				t.Fatalf("lint: exit %d\n%s", code, stderr)
			}
			want := `sources/acme/scopes.html: no-manifest-entry: page is not in the manifest (format detected from its content); its entry would be {"path":"acme/scopes.html","vendor":"acme","format":"scope-table"}`
			if !strings.Contains(stdout, want) {
				t.Errorf("lint lacks %q:\n%s", want, stdout)
			}
			if code, stdout, stderr := runGen(t, "diff", "-out", "out"); code != 0 {
				t.Errorf("diff: exit %d, want 0\n%s%s", code, stdout, stderr)
			}
		})
	}
}

func ptr(s string) *string { return &s }

// Item 11: messages name what is wrong and the command as invoked, never this
// repository's go run ./gen or make targets.
func TestMessagesFitTheUsersModule(t *testing.T) {
	mod := t.TempDir()
	writeFile(t, mod, "go.mod", "module example.org/team\n\ngo 1.26\n")
	copyTree(t, frozenSources, filepath.Join(mod, "sources"))
	t.Chdir(mod)
	check := func(what, stderr string, want ...string) {
		t.Helper()
		for _, bad := range []string{"go run ./gen", "make generate", "make lint"} {
			if strings.Contains(stderr, bad) {
				t.Errorf("%s names %q in a user's module:\n%s", what, bad, stderr)
			}
		}
		for _, w := range want {
			if !strings.Contains(stderr, w) {
				t.Errorf("%s lacks %q:\n%s", what, w, stderr)
			}
		}
	}
	code, _, stderr := runGen(t, "check", "-out", "perms")
	if code != 1 {
		t.Errorf("check of a missing -out: exit %d, want 1", code)
	}
	check("check of a missing -out", stderr, "output folder perms does not exist", prog()+" generate")
	if strings.Contains(stderr, "created") {
		t.Errorf("a missing -out is reported as files created:\n%s", stderr)
	}
	code, stdout, stderr := runGen(t, "diff", "-out", "perms")
	if code != 2 || strings.Contains(stdout, "added") {
		t.Errorf("diff against a missing -out: exit %d, want 2 and no service added\n%s", code, stdout)
	}
	check("diff of a missing -out", stderr, "output folder perms")
	code, _, stderr = runGen(t, "generate", "-in", "nosuch", "-out", "perms")
	if code != 2 || strings.Contains(stderr, "manifest") {
		t.Errorf("generate -in nosuch: exit %d, want 2, without a word of the manifest:\n%s", code, stderr)
	}
	check("a missing -in", stderr, "sources folder nosuch does not exist")

	if code, _, stderr := runGen(t, "generate", "-out", "perms"); code != 0 {
		t.Fatalf("generate: exit %d\n%s", code, stderr)
	} else {
		check("generate", stderr, prog()+" lint")
	}
	edited := filepath.Join(mod, "perms", "stella", "stella_scopes.go")
	data, _ := os.ReadFile(edited)
	os.WriteFile(edited, append(data, "// hand edit\n"...), 0o644)
	code, _, stderr = runGen(t, "check", "-out", "perms")
	if code != 1 {
		t.Errorf("check of a stale tree: exit %d, want 1", code)
	}
	check("check of a stale tree", stderr, "is stale", prog()+" generate")
}

// Item 11: policy lint says it is reading a terminal, and takes flags after the file.
func TestPolicyLintStdinAndFlagOrder(t *testing.T) {
	tty, err := os.Open(os.DevNull) // a character device, as a terminal is
	if err != nil {
		t.Fatal(err)
	}
	defer tty.Close()
	saved := stdin
	stdin = tty
	defer func() { stdin = saved }()
	_, _, stderr := runGen(t, "policy", "lint", "-in", frozenSources)
	if !strings.Contains(stderr, "reading stdin") {
		t.Errorf("policy lint on a terminal does not say it reads stdin:\n%s", stderr)
	}
	code, stdout, stderr := runGen(t, "policy", "lint", filepath.Join("testdata", "clean.json"), "-in", frozenSources, "-format", "json")
	if code != 0 || strings.TrimSpace(stdout) != "[]" {
		t.Errorf("flags after the file: exit %d, stdout %q\n%s", code, stdout, stderr)
	}
}

// Item 15: help exits 0, lists every command with one line, and each command's help
// says what it does and lists only the flags it reads.
func TestHelp(t *testing.T) {
	for _, h := range []string{"-h", "--help", "help"} {
		code, stdout, _ := runGen(t, h)
		if code != 0 {
			t.Errorf("%s: exit %d, want 0", h, code)
		}
		for _, c := range commands {
			if n := strings.Count(stdout, "\n  "+c.name+" "); n != 1 {
				t.Errorf("%s: command %s listed %d times:\n%s", h, c.name, n, stdout)
			}
		}
	}
	for _, c := range []struct {
		args    []string
		purpose string
		flags   []string
		not     []string
	}{
		{[]string{"generate"}, "Regenerate the output folder", []string{"-in", "-out", "-import", "-force", "-prune", "-max-loss", "-today"}, nil},
		{[]string{"check"}, "Write nothing", []string{"-in", "-out", "-import", "-force"}, nil},
		{[]string{"lint"}, "Print every anomaly", []string{"-in", "-strict"}, []string{"-out", "-import"}},
		{[]string{"diff"}, "Compare two models", []string{"-in", "-out", "-old", "-new-rev", "-format"}, []string{"-import"}},
		{[]string{"fetch"}, "Download each page", []string{"-in", "-rate", "-timeout"}, []string{"-out", "-import"}},
		{[]string{"policy", "lint"}, "Check a Tencent Cloud CAM or AWS IAM policy", []string{"-in", "-format", "-kind"}, []string{"-out", "-import"}},
		{[]string{"policy", "write"}, "least-privilege", []string{"-in", "-vendor", "-kind"}, []string{"-out", "-import", "-format"}},
		{[]string{"policy", "eval"}, "Decide a request", []string{"-in", "-request", "-boundary", "-format", "-resource-policy", "-resource-account"}, []string{"-out", "-import"}},
	} {
		code, _, stderr := runGen(t, append(c.args, "-h")...)
		name := strings.Join(c.args, " ")
		if code != 0 {
			t.Errorf("%s -h: exit %d, want 0", name, code)
		}
		if !strings.Contains(stderr, c.purpose) {
			t.Errorf("%s -h does not say what it does (%q):\n%s", name, c.purpose, stderr)
		}
		for _, f := range c.flags {
			if !hasFlag(stderr, f) {
				t.Errorf("%s -h lacks flag %s:\n%s", name, f, stderr)
			}
		}
		for _, f := range c.not {
			if hasFlag(stderr, f) {
				t.Errorf("%s -h lists %s, which does nothing for it", name, f)
			}
		}
	}
}

// hasFlag reports whether a flag set's help lists flag f.
func hasFlag(help, f string) bool {
	return strings.Contains(help, "\n  "+f+" ") || strings.Contains(help, "\n  "+f+"\n")
}
