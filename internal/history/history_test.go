package history

import (
	"strings"
	"testing"

	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/vendors/all"
)

func cam(path string, names ...string) *model.Service {
	s := &model.Service{Kind: model.FormatTencentCAM, ShortName: "x", Source: model.Source{Path: path}}
	for _, n := range names {
		s.Actions = append(s.Actions, model.Action{Name: n, Section: "写操作"})
	}
	return s
}

func scopes(path string, names ...string) *model.Service {
	s := &model.Service{Kind: model.FormatScopeTable, ShortName: "acme", Source: model.Source{Path: path}}
	for _, n := range names {
		s.Scopes = append(s.Scopes, model.Scope{Name: n})
	}
	return s
}

func names(s *model.Service) string {
	var out []string
	for _, a := range s.Actions {
		n := a.Name
		if a.Deprecated != nil {
			n += "(" + a.Deprecated.Date + ")"
		}
		out = append(out, n)
	}
	for _, sc := range s.Scopes {
		n := sc.Name
		if sc.Deprecated != nil {
			n += "(" + sc.Deprecated.Date + ")"
		}
		out = append(out, n+"{"+strings.Join(sc.Implies, ",")+"}")
	}
	return strings.Join(out, " ")
}

func TestMergeKeepsAndRestores(t *testing.T) {
	old := cam("v/p.html", "A", "B", "C", "D", "E", "F")
	old.Actions[1].Deprecated = &model.Deprecation{Date: "2025-01-01", Page: "sources/v/p.html"} // B: already gone
	fresh := cam("v/p.html", "A", "B", "D", "E", "F")                                            // C vanishes, B is back
	if err := Apply([]*model.Service{old}, []*model.Service{fresh}, Options{Today: "2026-01-02", Vendors: all.Vendors}); err != nil {
		t.Fatal(err)
	}
	if got, want := names(fresh), "A B C(2026-01-02) D E F"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

// TestMergeLeavesRelationsToDerive: history only brings vanished scopes back, marked
// deprecated; what they grant is derived afterwards (the vendor's Derive), from every
// entry, so history neither drops nor invents a relation.
func TestMergeLeavesRelationsToDerive(t *testing.T) {
	old := scopes("acme/s.html", "m:admin", "m:read", "m:write", "n:read", "n:write")
	old.Scopes[0].Implies = []string{"m:read", "m:write"}
	fresh := scopes("acme/s.html", "m:read", "n:read", "n:write", "m:list")
	err := Apply([]*model.Service{old}, []*model.Service{fresh}, Options{Today: "2026-01-02", MaxLoss: share(0.5), Vendors: all.Vendors})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := names(fresh), "m:admin(2026-01-02){m:read,m:write} m:list{} m:read{} m:write(2026-01-02){} n:read{} n:write{}"; got != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
}

func share(f float64) *float64 { return &f }

func TestGuards(t *testing.T) {
	for _, c := range []struct {
		name       string
		old, fresh []*model.Service
		o          Options
		want       string // "" = accepted
	}{
		{"small loss", []*model.Service{cam("v/p.html", "A", "B", "C", "D", "E", "F")}, []*model.Service{cam("v/p.html", "A", "B", "C", "D", "E")}, Options{}, ""},
		{"big loss", []*model.Service{cam("v/p.html", "A", "B", "C", "D", "E")}, []*model.Service{cam("v/p.html", "A", "B", "C")}, Options{},
			"sources/v/p.html: 2 of 5 actions vanished at once (more than 20%)"},
		{"big loss allowed by max-loss", []*model.Service{cam("v/p.html", "A", "B", "C", "D", "E")}, []*model.Service{cam("v/p.html", "A", "B", "C")}, Options{MaxLoss: share(0.5)}, ""},
		{"max-loss 0 refuses one loss", []*model.Service{cam("v/p.html", "A", "B", "C", "D", "E", "F")}, []*model.Service{cam("v/p.html", "A", "B", "C", "D", "E")}, Options{MaxLoss: share(0)},
			"1 of 6 actions vanished at once (more than 0%)"},
		{"max-loss 0 accepts no loss", []*model.Service{cam("v/p.html", "A", "B")}, []*model.Service{cam("v/p.html", "A", "B", "C")}, Options{MaxLoss: share(0)}, ""},
		{"forced", []*model.Service{cam("v/p.html", "A", "B")}, []*model.Service{cam("v/p.html", "X")}, Options{Force: true}, ""},
		{"page gone", []*model.Service{cam("v/p.html", "A"), cam("v/q.html", "B")}, []*model.Service{cam("v/p.html", "A")}, Options{},
			"sources/v/q.html: the page is gone"},
		{"scopes lost", []*model.Service{scopes("a/s.html", "a:b", "a:c")}, []*model.Service{scopes("a/s.html", "a:b")}, Options{},
			"1 of 2 scopes vanished"},
	} {
		t.Run(c.name, func(t *testing.T) {
			c.o.Vendors = all.Vendors
			err := Apply(c.old, c.fresh, c.o)
			switch {
			case c.want == "" && err != nil:
				t.Errorf("refused: %v", err)
			case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
				t.Errorf("err = %v, want it to contain %q", err, c.want)
			}
		})
	}
}
