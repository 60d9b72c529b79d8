package vendor

import (
	"errors"
	"strings"
	"testing"

	"github.com/permgen/permgen/internal/model"
)

// fetcher is a vendor that only names pages; a registry's FetchPages asks
// nothing else of it.
type fetcher struct {
	Vendor
	name  string
	pages []FetchPage
	err   error
}

func (f fetcher) Name() string { return f.name }

func (f fetcher) FetchPages(Sources) ([]FetchPage, error) { return f.pages, f.err }

type silent struct{ Vendor }

func (silent) Name() string { return "silent" }

// The registry asks its Fetchers in order, gives each page its vendor's name when
// the page names none, and names the vendor whose list failed.
func TestRegistryFetchPages(t *testing.T) {
	r := Registry{
		fetcher{name: "acme", pages: []FetchPage{{Source: model.Source{Path: "acme/a.html"}}, {Source: model.Source{Path: "x/b.html", Vendor: "x"}}}},
		silent{},
		fetcher{name: "zeta", pages: []FetchPage{{Source: model.Source{Path: "zeta/z.html"}}}},
	}
	pages, err := r.FetchPages(Sources{Dir: "sources"})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range pages {
		got = append(got, p.Source.Vendor+":"+p.Source.Path)
	}
	if strings.Join(got, " ") != "acme:acme/a.html x:x/b.html zeta:zeta/z.html" {
		t.Errorf("pages %v", got)
	}
	r = append(r, fetcher{name: "broken", err: errors.New("list.txt:2: bad line")})
	if _, err := r.FetchPages(Sources{}); err == nil || err.Error() != "the pages of vendor broken: list.txt:2: bad line" {
		t.Errorf("err = %v", err)
	}
}
