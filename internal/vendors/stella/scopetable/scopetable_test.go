package scopetable

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/PuerkitoBio/goquery"
	"github.com/google/go-cmp/cmp"

	"github.com/permgen/permgen/internal/golden"
	"github.com/permgen/permgen/internal/model"
)

// frozen is the repository's frozen copy of sources/ (testdata/README.md): the
// tests that pin rows read it, so that refreshing sources/ does not break them.
const frozen = "../../../../testdata"

func parse(t testing.TB, html []byte) *goquery.Document {
	t.Helper()
	doc, err := goquery.NewDocumentFromReader(bytes.NewReader(html))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func load(t testing.TB, path string) *goquery.Document {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return parse(t, b)
}

func stellaSource() model.Source {
	return model.Source{File: "sources/stella/access-control-list.html", Vendor: "stella", Format: model.FormatScopeTable}
}

func scrapeStella(t *testing.T) *model.Page {
	t.Helper()
	src := stellaSource()
	p, err := Scrape(src, load(t, filepath.Join(frozen, src.File)))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestGolden(t *testing.T) {
	for _, tc := range []struct {
		name, path string
		src        model.Source
	}{
		{"stella", filepath.Join(frozen, stellaSource().File), stellaSource()},
		{"english", "testdata/english.html", model.Source{File: "testdata/english.html", Vendor: "stella"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := load(t, tc.path)
			if !Detect(doc) {
				t.Error("Detect = false, want true")
			}
			p, err := Scrape(tc.src, doc)
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			enc := json.NewEncoder(&buf)
			enc.SetEscapeHTML(false) // keep "&" readable in the golden file
			enc.SetIndent("", "\t")
			if err := enc.Encode(p); err != nil {
				t.Fatal(err)
			}
			got := buf.Bytes()
			golden.File(t, filepath.Join("testdata", tc.name+".golden.json"), got)
		})
	}
}

// TestStellaSnapshot checks the facts of the real page independently of the golden
// file, so that a careless -update cannot bless a broken snapshot or scraper.
func TestStellaSnapshot(t *testing.T) {
	p := scrapeStella(t)
	if p.Title != "Access Control List" {
		t.Errorf("Title = %q", p.Title)
	}
	if len(p.Tables) != 1 {
		t.Fatalf("%d tables, want 1", len(p.Tables))
	}
	tab := p.Tables[0]
	if tab.Heading != "范围权限" {
		t.Errorf("Heading = %q, want 范围权限 without the permalink's zero-width space", tab.Heading)
	}
	if d := cmp.Diff([]string{"访问令牌类型", "描述"}, tab.Columns); d != "" {
		t.Errorf("Columns (-want +got):\n%s", d)
	}
	if len(tab.Rows) != 145 {
		t.Errorf("%d rows, want 145", len(tab.Rows))
	}
	namespaces := map[string]bool{}
	byScope := map[string]model.Row{}
	for _, r := range tab.Rows {
		s, ok := r.Field(model.KeyScope)
		if !ok {
			t.Fatalf("row %d has no scope", r.Pos.Row)
		}
		ns, _, _ := strings.Cut(s.Text, ":")
		namespaces[ns] = true
		byScope[s.Text] = r
	}
	if len(namespaces) != 32 {
		t.Errorf("%d namespaces, want 32", len(namespaces))
	}
	if len(byScope) != 145 {
		t.Errorf("%d distinct scopes, want 145", len(byScope))
	}
	for _, want := range []struct {
		scope, desc string
		row         int
	}{
		{"bot:admin", "Grant all Bot APIs access", 1},
		{"api:admin", "Grant all APIs access", 4},
		{"integration:write", "Grant permissions to create & update Integration", 6},
		{"file:waGet", "Grant permisisons to get file url by WhatsApp media ID", 10},
		{"channel:getPlatformInfo", "Grant permission to get Platform information in Channe", 93},
		{"member:ToggleLiveChat", "Grant permission to toggle Live Chat mode for member", 122},
		{"channel:getDetails", "Grant permission to get Channel details", 145},
	} {
		r, ok := byScope[want.scope]
		if !ok {
			t.Errorf("scope %s missing", want.scope)
			continue
		}
		d, _ := r.Field(model.KeyDescription)
		if d.Text != want.desc || r.Pos.Row != want.row {
			t.Errorf("%s: row %d %q, want row %d %q", want.scope, r.Pos.Row, d.Text, want.row, want.desc)
		}
		wantPos := model.Pos{File: stellaSource().File, Table: "范围权限", Row: want.row, Column: "描述"}
		if d.Pos != wantPos {
			t.Errorf("%s: description Pos = %+v, want %+v", want.scope, d.Pos, wantPos)
		}
	}
}

// TestNotCAM makes sure a Tencent CAM page is never taken for a scope table, even
// when its action cells are written ccc:CreateStaff.
func TestNotCAM(t *testing.T) {
	paths := []string{"testdata/cam.html"}
	real := filepath.Join(frozen, "sources/tencentcloud/ccc.html")
	if _, err := os.Stat(real); err == nil {
		paths = append(paths, real)
	} else {
		t.Logf("%s not present; testing the fixture only", real)
	}
	for _, path := range paths {
		doc := load(t, path)
		if Detect(doc) {
			t.Errorf("%s: Detect = true, want false", path)
		}
		_, err := Scrape(model.Source{File: path}, doc)
		if err == nil || !strings.Contains(err.Error(), "no scope table found") {
			t.Errorf("%s: Scrape error = %v, want no scope table found", path, err)
		}
	}
}

func TestBad(t *testing.T) {
	files, err := filepath.Glob("testdata/bad/*.html")
	if err != nil || len(files) == 0 {
		t.Fatalf("no bad cases: %v", err)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".html")
		t.Run(name, func(t *testing.T) {
			p, err := Scrape(model.Source{File: file}, load(t, file))
			if err == nil {
				t.Fatalf("no error; page has %d tables", len(p.Tables))
			}
			if p != nil {
				t.Error("a page was returned with the error")
			}
			var e *model.Error
			if !errors.As(err, &e) {
				t.Errorf("error %T is not a *model.Error", err)
			}
			got := err.Error() + "\n"
			golden.File(t, strings.TrimSuffix(file, ".html")+".err", []byte(got))
		})
	}
}

func TestWarnings(t *testing.T) {
	html := `<!DOCTYPE html><html><body><article><h2>Scopes</h2><table>
<thead><tr><th>Scope</th><th>Since</th><th>说明</th></tr></thead>
<tbody>
<tr><td>a:read</td><td>v1</td><td>Read a</td></tr>
<tr><td>a:write</td><td>v2</td><td>Write a</td><td>stray</td></tr>
</tbody></table></article></body></html>`
	p, err := Scrape(model.Source{File: "f.html"}, parse(t, []byte(html)))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, w := range p.Warnings {
		got = append(got, w.String())
	}
	want := []string{
		"f.html: table Scopes column Since: extra-column: column ignored: a scope table is read as scope and description",
		"f.html: table Scopes column 4: extra-column: column ignored: a scope table is read as scope and description",
		"f.html: table Scopes row 2: extra-cells: row has 4 cells, the header 3",
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("warnings (-want +got):\n%s", d)
	}
	d, _ := p.Tables[0].Rows[1].Field(model.KeyDescription)
	if d.Text != "Write a" || d.Pos.Column != "说明" {
		t.Errorf("description = %q in column %q, want the 说明 column", d.Text, d.Pos.Column)
	}
}

func TestDescriptionColumnWithoutHeader(t *testing.T) {
	// No header at all: the scope column is found by its values, the description is
	// the other column with the most text, and columns are named by number.
	html := `<!DOCTYPE html><html><body><table>
<tr><td>1</td><td>Grant permission to read nodes</td><td>node:read</td></tr>
<tr><td>2</td><td>Grant permission to create nodes</td><td>node:create</td></tr>
</table></body></html>`
	p, err := Scrape(model.Source{File: "f.html"}, parse(t, []byte(html)))
	if err != nil {
		t.Fatal(err)
	}
	r := p.Tables[0].Rows[1]
	s, _ := r.Field(model.KeyScope)
	d, _ := r.Field(model.KeyDescription)
	if s.Text != "node:create" || s.Pos.String() != "f.html: table 1 row 2 column 3" {
		t.Errorf("scope %q at %s", s.Text, s.Pos)
	}
	if d.Text != "Grant permission to create nodes" || d.Pos.Column != "2" {
		t.Errorf("description %q at column %q", d.Text, d.Pos.Column)
	}
}

func TestIsScope(t *testing.T) {
	for s, want := range map[string]bool{
		"member:read":           true,
		"member:ToggleLiveChat": true,
		"a1:b2":                 true,
		"ns.sub-x_y:v.e-r_b":    true,
		"":                      false,
		":":                     false,
		"member read":           false,
		":read":                 false,
		"member:":               false,
		"a:b:c":                 false,
		"1a:read":               false,
		"a:1read":               false,
		"member: read":          false,
		" member:read":          false,
		"成员:读":                  false,
		"10:30":                 false,
		"qcs::ccc::uin/${uin}:SdkAppId/${SdkAppId}": false,
		"https://example.com":                       false,
		"ccc:*":                                     false,
	} {
		if got := IsScope(s); got != want {
			t.Errorf("IsScope(%q) = %v, want %v", s, got, want)
		}
	}
}

func FuzzScrape(f *testing.F) {
	for _, path := range []string{filepath.Join(frozen, stellaSource().File), "testdata/english.html", "testdata/cam.html", "testdata/bad/malformed.html", "testdata/bad/missing-cells.html"} {
		b, err := os.ReadFile(path)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`<table><tr><td>a:b</td></tr></table>`))
	f.Add([]byte(`<table><thead><tr><th>x</th></tr></thead><tr><td>a:b<table><tr><td>c:d</td></tr></table></td></tr></table>`))
	f.Fuzz(func(t *testing.T, html []byte) {
		doc, err := goquery.NewDocumentFromReader(bytes.NewReader(html))
		if err != nil {
			return
		}
		detected := Detect(doc)
		p, err := Scrape(model.Source{File: "fuzz.html"}, doc)
		if err != nil {
			return
		}
		if !detected {
			t.Error("Scrape succeeded on a page Detect rejected")
		}
		if len(p.Tables) == 0 {
			t.Error("success without a table")
		}
		for _, tab := range p.Tables {
			for _, r := range tab.Rows {
				s, ok := r.Field(model.KeyScope)
				if !ok || !IsScope(s.Text) {
					t.Errorf("row %d: scope %q accepted", r.Pos.Row, s.Text)
				}
			}
		}
	})
}
