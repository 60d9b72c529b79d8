package main

import (
	"errors"
	"fmt"
	"io/fs"
	"os"

	"github.com/permgen/permgen/internal/bundled"
	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/pipeline"
	modelsnapshot "github.com/permgen/permgen/internal/snapshot"
	"github.com/permgen/permgen/internal/vendor"
	"github.com/permgen/permgen/internal/vendors/all"
)

// defaultIn is -in's default; only this folder may be missing without an error,
// since a user's module has no sources/ of permgen's.
const defaultIn = "sources"

// pagesWords names the pages of a format's vendor as the notes say it
// (vendor.PolicyWords.Pages), and what the note adds about the compiled-in
// catalog given the bundle's date of those pages.
func pagesWords(kind string) (pages string, bundledNote func(date string) string) {
	pages, bundledNote = kind, func(string) string { return "" }
	if v, ok := all.Vendors.Owner(kind); ok {
		if d, ok := v.(vendor.PolicyDialect); ok {
			w := d.PolicyWords()
			pages = w.Pages
			if w.Bundled != nil {
				bundledNote = w.Bundled
			}
		}
	}
	return pages, bundledNote
}

// policyServices returns the services of one format (that of a policy
// dialect's vendor) that the policy commands check against, and a note for
// stderr when they are not the ones -in names. In order:
//
//   - -in is a generated tree (it holds model snapshots, <pkg>/<pkg>.json): its
//     services, as the user's own `gen generate` resolved them;
//   - -in is a sources folder: its pages; a page that cannot be read is an error,
//     never a reason to check against something else;
//   - -in holds no page of the vendor, or is the default sources/ and does not
//     exist (a user's module): the catalog compiled into this binary, said on
//     stderr with the date of its pages.
//
// A missing folder other than the default is an error: a typo must not pass.
func policyServices(in, kind string) ([]*model.Service, string, error) {
	info, err := os.Stat(in)
	switch {
	case err == nil && !info.IsDir():
		return nil, "", fmt.Errorf("-in %s is a file; want a sources folder or a generated tree", in)
	case errors.Is(err, fs.ErrNotExist) && in != defaultIn:
		return nil, "", fmt.Errorf("sources folder %s does not exist", in)
	case err != nil && !errors.Is(err, fs.ErrNotExist):
		return nil, "", err
	case err == nil:
		tree, err := modelsnapshot.LoadTree(in)
		if err != nil {
			return nil, "", err
		}
		from := "generated tree " + in
		if len(tree) == 0 {
			m, err := pipeline.Load(pipeline.Options{In: in})
			if err != nil {
				return nil, "", err
			}
			tree, from = m.Services, "sources folder "+in
		}
		if own := ofKind(tree, kind); len(own) > 0 {
			return own, "", nil
		}
		pages, _ := pagesWords(kind)
		return bundledServices(kind, fmt.Sprintf("%s holds no %s pages", from, pages))
	}
	return bundledServices(kind, "no sources folder "+in)
}

func bundledServices(kind, why string) ([]*model.Service, string, error) {
	b, err := bundled.Load()
	if err != nil {
		return nil, "", err
	}
	pages, bundledNote := pagesWords(kind)
	own := b.Of(kind)
	if len(own) == 0 {
		return nil, "", fmt.Errorf("%s, and this binary has no %s catalog compiled in", why, pages)
	}
	date := ""
	if d := b.Date(kind); d != "" {
		date = bundledNote(d)
	}
	return own, fmt.Sprintf("%s; checking against the %s catalog compiled into permgen%s", why, pages, date), nil
}

func ofKind(services []*model.Service, kind string) []*model.Service {
	var out []*model.Service
	for _, s := range services {
		if s.Kind == kind {
			out = append(out, s)
		}
	}
	return out
}
