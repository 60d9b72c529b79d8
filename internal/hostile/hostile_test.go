package hostile

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/pipeline"
	"github.com/permgen/permgen/internal/resolve"
	"github.com/permgen/permgen/internal/write"
)

// hostileProduct is a product name (and scope page title) made of several cases.
var hostileProduct = func() hostileCase {
	var c hostileCase
	for _, h := range hostileCases {
		switch h.name {
		case "comment-close", "func-init-br", "rtl-override", "bom", "invalid-utf8", "nul-raw", "backquotes", "quotes":
			c.cell += h.cell + " | "
			c.text += h.text + " | "
			c.scopeText += h.forScope() + " | "
		}
	}
	c.cell = "云呼叫中心 " + c.cell
	c.text = "云呼叫中心 " + c.text
	c.scopeText = "云呼叫中心 " + c.scopeText
	return c
}()

func actionName(i int) string { return fmt.Sprintf("Hostile%02d", i+1) }
func scopeName(i int) string  { return fmt.Sprintf("h:a%02d", i+1) }

// hostilePages puts every case into a CAM page (as a description and as the heading
// of its own section) and into a scope table (as a description); with benign set,
// the same pages with plain text, which is the baseline.
func hostilePages(benign bool) map[string]string {
	pick := func(c hostileCase) string {
		if benign {
			return "plain"
		}
		return c.cell
	}
	var tables []camTable
	var rows []scopeRow
	for i, c := range hostileCases {
		tables = append(tables, camTable{heading: pick(c), rows: []camAction{{name: actionName(i), desc: pick(c)}}})
		rows = append(rows, scopeRow{scope: scopeName(i), desc: pick(c)})
	}
	return map[string]string{
		camPath:   camPage(pick(hostileProduct), tables...),
		scopePath: scopePage(pick(hostileProduct), pick(hostileProduct), rows...),
	}
}

func run(t testing.TB, pages map[string]string) *pipeline.Result {
	t.Helper()
	res, err := pipeline.Run(writeSources(t, t.TempDir(), pages), importRoot)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// wantText is what every stage after the parser must keep: resolve.Text of the text
// the parser gave.
type wantText struct {
	actions map[string]info
	service string
	scopes  map[string]string
}

func hostileWant() wantText {
	w := wantText{actions: map[string]info{}, scopes: map[string]string{}, service: resolve.Text(hostileProduct.text)}
	for i, c := range hostileCases {
		w.actions[actionName(i)] = info{Description: resolve.Text(c.text), Section: resolve.Text(c.text)}
		w.scopes[scopeName(i)] = resolve.Text(c.forScope())
	}
	return w
}

// modelText reads the same values from the resolved model.
func modelText(res *pipeline.Result) wantText {
	w := wantText{actions: map[string]info{}, scopes: map[string]string{}}
	for _, s := range res.Services {
		switch s.Kind {
		case model.FormatTencentCAM:
			w.service = s.Name
			for _, a := range s.Actions {
				w.actions[a.Name] = info{Description: a.Description, Section: a.Section}
			}
		case model.FormatScopeTable:
			for _, sc := range s.Scopes {
				w.scopes[sc.Name] = sc.Description
			}
		}
	}
	return w
}

var cmpWant = cmp.AllowUnexported(wantText{})

// TestHostileText runs every hostile case through the whole pipeline and checks,
// without compiling, that the model holds resolve.Text of the parsed text, that the
// generated literals hold exactly that, and that the generated files declare
// nothing beyond the fixed API and the model.
func TestHostileText(t *testing.T) {
	base := run(t, hostilePages(true))
	res := run(t, hostilePages(false))
	want := hostileWant()
	if diff := cmp.Diff(want, modelText(res), cmpWant); diff != "" {
		t.Errorf("model text differs from resolve.Text of the parsed cells (-want +model):\n%s", diff)
	}
	var got wantText
	got.actions, got.service, got.scopes = literals(t, res)
	if diff := cmp.Diff(want, got, cmpWant); diff != "" {
		t.Errorf("generated literals differ from resolve.Text of the parsed cells (-want +generated):\n%s", diff)
	}
	checkTree(t, res, base, fixedDecls(t, base))
}

// TestHostileTextCompiles builds the hostile tree as a module of its own, vets it,
// and runs a program that prints every description, section, service name and
// scope description through the generated API: what users read must be exactly
// resolve.Text of what the page said.
func TestHostileTextCompiles(t *testing.T) {
	if testing.Short() {
		t.Skip("builds generated code")
	}
	res := run(t, hostilePages(false))
	dir := writeModule(t, res.Files)
	prog := `package main

import (
	"fmt"

	"example.com/out/sv"
	"example.com/out/tc/demo"
)

func main() {
	fmt.Printf("service\t-\t%q\t-\n", demo.Service.Name)
	for _, a := range demo.Actions() {
		i := a.Info()
		fmt.Printf("action\t%s\t%q\t%q\n", i.Name, i.Description, i.Section)
	}
	for _, s := range sv.Scopes() {
		fmt.Printf("scope\t%s\t%q\t-\n", s, s.Description())
	}
}
`
	if err := os.MkdirAll(filepath.Join(dir, "roundtrip"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "roundtrip", "main.go"), []byte(prog), 0o644); err != nil {
		t.Fatal(err)
	}
	goCmd(t, dir, "vet", "./...")
	out := goCmd(t, dir, "run", "./roundtrip")
	got := wantText{actions: map[string]info{}, scopes: map[string]string{}}
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if len(f) != 4 {
			t.Fatalf("bad output line %.200q", sc.Text())
		}
		unq := func(s string) string {
			if s == "-" {
				return ""
			}
			u, err := strconv.Unquote(s)
			if err != nil {
				t.Fatalf("output %.80s: %v", s, err)
			}
			return u
		}
		switch f[0] {
		case "service":
			got.service = unq(f[2])
		case "action":
			got.actions[f[1]] = info{Description: unq(f[2]), Section: unq(f[3])}
		case "scope":
			got.scopes[f[1]] = unq(f[2])
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(hostileWant(), got, cmpWant); diff != "" {
		t.Errorf("the compiled API gives back other text (-want +got):\n%s", diff)
	}
}

// writeModule writes the tree into a fresh module example.com/out; generated code
// needs nothing outside the standard library and itself.
func writeModule(t testing.TB, files []write.File) string {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte("module "+importRoot+"\n\ngo 1.22\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		full := filepath.Join(dir, filepath.FromSlash(f.Path))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func goCmd(t testing.TB, dir string, args ...string) string {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	out, err := cmd.Output()
	if err != nil {
		stderr := ""
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = string(ee.Stderr)
		}
		t.Fatalf("go %s: %v\n%s%s", strings.Join(args, " "), err, out, stderr)
	}
	return string(out)
}
