package diff

import (
	"fmt"
	"strings"

	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/vendor"
	"github.com/permgen/permgen/internal/vendors/all"
)

// key identifies a service across two models. The short name is in it because it
// is the prefix of every action ("ccc:CreateStaff") and names the package. Where
// that is not enough (several scope tables share their vendor as short name), the
// vendor says what else is (vendor.Differ's Identity, the page).
type key struct{ kind, vendor, short, page string }

func keyOf(s *model.Service) key {
	k := key{kind: s.Kind, vendor: s.Source.Vendor, short: s.ShortName}
	if d, ok := differ(s); ok {
		k.page = d.Identity(s)
	}
	return k
}

// owner is the vendor of a service's kind.
func owner(s *model.Service) (vendor.Vendor, error) {
	v, ok := all.Vendors.Owner(s.Kind)
	if !ok {
		return nil, fmt.Errorf("%s: no vendor reads services of kind %q (known: %s)", s.Source.Path, s.Kind, strings.Join(all.Vendors.FormatNames(), ", "))
	}
	return v, nil
}

func differ(s *model.Service) (vendor.Differ, bool) {
	v, ok := all.Vendors.Owner(s.Kind)
	if !ok {
		return nil, false
	}
	d, ok := v.(vendor.Differ)
	return d, ok
}

func (k key) String() string {
	if k.page != "" {
		return fmt.Sprintf("%s %s/%s (%s)", k.kind, k.vendor, k.short, k.page)
	}
	return fmt.Sprintf("%s %s/%s", k.kind, k.vendor, k.short)
}

// Side is one of the two models compared.
type Side struct {
	Services []*model.Service
	// Scraped is set when the services were read from a sources folder rather than
	// from snapshots. A page lists only what exists, so a scraped model records no
	// deprecation: an entry deprecated in the old model and absent from a scraped
	// new one is still gone from the page, which is no change. (Against snapshots,
	// the same absence means the entry was dropped from the code: breaking.)
	Scraped bool
}

// Compare returns what changed from the old model to the new one. Services are
// matched by kind, vendor and short name; one left over on each side with the same
// page is a renamed service. The inputs are not modified.
func Compare(oldSide, newSide Side) (*Report, error) {
	old, new := oldSide.Services, newSide.Services
	// Against snapshots, a scraped side leaves out what no snapshot can hold
	// (vendor.Unsnapshotted): it would always read as added.
	if oldSide.Scraped && !newSide.Scraped {
		old = all.Vendors.Snapshotted(old)
	}
	if newSide.Scraped && !oldSide.Scraped {
		new = all.Vendors.Snapshotted(new)
	}
	for _, s := range append(append([]*model.Service{}, old...), new...) {
		if _, err := owner(s); err != nil {
			return nil, err
		}
	}
	olds, err := index(old, "old")
	if err != nil {
		return nil, err
	}
	news, err := index(new, "new")
	if err != nil {
		return nil, err
	}
	c := comparer{newScraped: newSide.Scraped}
	r := &Report{}
	var gone, came []*model.Service
	for _, o := range old {
		if n, ok := news[keyOf(o)]; ok {
			r.Services = append(r.Services, entry(n, c.service(o, n)))
		} else {
			gone = append(gone, o)
		}
	}
	for _, n := range new {
		if _, ok := olds[keyOf(n)]; !ok {
			came = append(came, n)
		}
	}
	for _, o := range gone {
		n := samePage(o, came)
		if n == nil {
			r.Services = append(r.Services, entry(o, []Change{{Class: Breaking, Kind: Removed, Subject: SubjectService, Detail: contents(o)}}))
			continue
		}
		came = remove(came, n)
		// The short name prefixes every action and names the package: everything a
		// user wrote against the old service is gone, whatever else stayed.
		ch := Change{Class: Breaking, Kind: Renamed, Subject: SubjectService, Field: "short_name", Name: o.ShortName, NewName: n.ShortName}
		r.Services = append(r.Services, entry(n, append([]Change{ch}, c.service(o, n)...)))
	}
	for _, n := range came {
		r.Services = append(r.Services, entry(n, []Change{{Class: Additive, Kind: Added, Subject: SubjectService, Detail: contents(n)}}))
	}
	r.finish()
	return r, nil
}

func index(list []*model.Service, side string) (map[key]*model.Service, error) {
	m := map[key]*model.Service{}
	for _, s := range list {
		k := keyOf(s)
		if prev, dup := m[k]; dup {
			return nil, fmt.Errorf("%s model has two services %s (pages %s and %s): give one a package of its own in the manifest", side, k, prev.Source.Path, s.Source.Path)
		}
		m[k] = s
	}
	return m, nil
}

// samePage finds, among the new services no old one matched, the one read from the
// same page as o.
func samePage(o *model.Service, came []*model.Service) *model.Service {
	if o.Source.Path == "" {
		return nil
	}
	for _, n := range came {
		if n.Kind == o.Kind && n.Source.Path == o.Source.Path {
			return n
		}
	}
	return nil
}

func remove(list []*model.Service, s *model.Service) []*model.Service {
	var out []*model.Service
	for _, x := range list {
		if x != s {
			out = append(out, x)
		}
	}
	return out
}

func entry(s *model.Service, changes []Change) Service {
	return Service{Kind: s.Kind, Vendor: s.Source.Vendor, ShortName: s.ShortName, Name: s.Name, Changes: changes}
}

// contents summarizes a service added or removed as a whole: the count of each
// kind of entry its vendor summarizes by, or "empty".
func contents(s *model.Service) string {
	v, _ := owner(s)
	var parts []string
	some := false
	for _, k := range v.Entries() {
		if !k.Summary {
			continue
		}
		n := len(k.List(s))
		some = some || n > 0
		if n == 1 {
			parts = append(parts, "1 "+strings.ReplaceAll(k.Name, "_", " "))
		} else {
			parts = append(parts, fmt.Sprintf("%d %s", n, k.Plural))
		}
	}
	if !some {
		return "empty"
	}
	return strings.Join(parts, ", ")
}

// comparer holds what every comparison of one Compare call needs to know.
type comparer struct {
	newScraped bool // see Side.Scraped
}

// service compares two versions of one service: its page and names, the fields
// its vendor classifies, then every kind of entry the vendor lists.
func (c comparer) service(o, n *model.Service) []Change {
	fs := vendor.DifferingFields(*o, *n,
		// Kind and short name identify the service; the lists are compared item by
		// item below; Source.File is where this run happened to read the page from.
		cmpopts.IgnoreFields(model.Service{}, "Kind", "ShortName", "Actions", "ResourceTypes", "Scopes", "ConditionKeys", "Diagnostics",
			// A vendor's payload is its own; its Differ compares what it means.
			"Payload"),
		// ETag, LastModified and Fetched are fetch's bookkeeping, not what the docs say.
		cmpopts.IgnoreFields(model.Source{}, "File", "Vendor", "Format", "ETag", "LastModified", "Fetched"))
	var vcs []vendor.Change
	if d, ok := differ(n); ok {
		vcs = d.ServiceFields(fs, o, n)
	}
	vcs = append(vcs, vendor.ApplyRules(fs, serviceRules, *o, *n, true)...)
	var changes []Change
	for _, vc := range vcs {
		changes = append(changes, Change{Class: Class(vc.Class), Kind: Changed, Subject: SubjectService, Field: vc.Field, Old: vc.Old, New: vc.New, Detail: vc.Detail})
	}
	v, _ := owner(n)
	for _, k := range v.Entries() {
		changes = append(changes, lifecycle{newScraped: c.newScraped, kind: k}.run(o, n)...)
	}
	return changes
}

// serviceRules classify the fields every service has.
var serviceRules = []vendor.FieldRule{
	{Path: "Name", Name: "name", Class: vendor.Cosmetic},
	// The package folder is the import path users wrote.
	{Path: "Source.Package", Name: "source.package", Class: vendor.Breaking},
	// The generated client calls another API version: same code, other behaviour.
	{Path: "Source.APIVersion", Name: "source.api_version", Class: vendor.Policy},
	{Path: "Source.Path", Name: "source.path", Class: vendor.Cosmetic},
	{Path: "Source.URL", Name: "source.url", Class: vendor.Cosmetic},
	{Path: "Source.Provenance", Name: "source.provenance", Class: vendor.Cosmetic},
}
