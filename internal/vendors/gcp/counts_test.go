package gcp

import (
	"strings"
	"sync"
	"testing"
)

// The archives are read once per test binary, and each snapshot is scraped and
// joined once: the tests only read what they get.
var (
	filesOnce sync.Once
	files     = map[string][]File{}
	filesErr  error

	mu       sync.Mutex
	sources  = map[string]*Sources{}
	catalogs = map[string]*Catalog{}
)

func archive(t testing.TB, date string) []File {
	t.Helper()
	filesOnce.Do(func() {
		for _, d := range []string{"2026-05-26", "2026-05-30"} {
			fs, err := archiveFiles("testdata/snapshots/" + d + ".tar.gz")
			if err != nil {
				filesErr = err
				return
			}
			files[d] = fs
		}
	})
	if filesErr != nil {
		t.Fatal(filesErr)
	}
	return files[date]
}

// snapshot returns the frozen snapshot of that date, read but not joined.
func snapshot(t testing.TB, date string) *Sources {
	t.Helper()
	mu.Lock()
	defer mu.Unlock()
	if s := sources[date]; s != nil {
		return s
	}
	s, err := Read(archive(t, date))
	if err != nil {
		t.Fatal(err)
	}
	sources[date] = s
	return s
}

// catalogOf returns the joined catalog of that date (from its own reading:
// Build takes the pages' roles over).
func catalogOf(t testing.TB, date string) *Catalog {
	t.Helper()
	mu.Lock()
	defer mu.Unlock()
	if c := catalogs[date]; c != nil {
		return c
	}
	c, err := Load(archive(t, date))
	if err != nil {
		t.Fatal(err)
	}
	catalogs[date] = c
	return c
}

// TestPageCounts checks the scraper against the counts the snapshot's README
// measured independently.
func TestPageCounts(t *testing.T) {
	src := snapshot(t, "2026-05-30")
	var pages, withPerms, noPerms, roleRows, beta, sa, lowest, empty, pairsRoles, pairsPerms, permRows, slash int
	prefixes := map[string]bool{}
	inRoleTables := map[string]bool{}
	for _, p := range src.Pages {
		pages++
		if len(p.Perms) > 0 {
			withPerms++
		}
		if p.NoPermissions {
			noPerms++
		}
		for _, r := range p.Roles {
			roleRows++
			if r.Stage == Beta {
				beta++
			}
			if r.ServiceAgent {
				sa++
			}
			if len(r.Resources) > 0 {
				lowest++
			}
			if len(r.Permissions) == 0 {
				empty++
			}
			pairsRoles += len(r.Permissions)
			for _, n := range r.Permissions {
				inRoleTables[n] = true
			}
		}
		for _, pr := range p.Perms {
			permRows++
			pairsPerms += len(pr.Roles)
			prefixes[strings.SplitN(pr.Name, ".", 2)[0]] = true
			if strings.Contains(pr.Name, "/") {
				slash++
			}
		}
	}
	for _, c := range []struct {
		what      string
		got, want int
	}{
		{"catalog pages", pages, 347},
		{"pages with a permission table", withPerms, 302},
		{"pages saying there are no permissions", noPerms, 44},
		{"permission rows", permRows, 12347},
		{"permission prefixes", len(prefixes), 310},
		{"permissions with /", slash, 138},
		{"role rows", roleRows, 2285},
		{"Beta roles", beta, 611},
		{"service-agent roles", sa, 248},
		{"roles with lowest-level resources", lowest, 238},
		{"roles with an empty permission cell", empty, 10},
		{"role -> permission pairs", pairsRoles, 121166},
		{"permission -> role pairs", pairsPerms, 133468},
		{"distinct permissions in role tables", len(inRoleTables), 13387},
	} {
		if c.got != c.want {
			t.Errorf("%s: got %d, want %d", c.what, c.got, c.want)
		}
	}
	if len(src.Support) != 13548-0 && len(src.Support) == 0 {
		t.Errorf("support page: %d rows", len(src.Support))
	}
}

// TestCatalogCounts checks the joined catalog: the page mismatches the snapshot's
// README counts, the roles without a row, the support levels and the deny names.
func TestCatalogCounts(t *testing.T) {
	c := catalogOf(t, "2026-05-30")
	codes := map[string]int{}
	for _, n := range c.Notes {
		codes[n.Code]++
	}
	noRow, basic := 0, 0
	for _, r := range c.Roles {
		if !r.HasRow {
			noRow++
		}
		if r.Basic {
			basic++
		}
	}
	sup := map[Support]int{}
	deny, rows := 0, 0
	for _, p := range c.Permissions {
		sup[p.Support]++
		if p.Deny != "" {
			deny++
		}
		if p.Page != "" {
			rows++
		}
	}
	for _, k := range []struct {
		what      string
		got, want int
	}{
		{"roles on a page of another name", codes["role-on-other-page"], 76},
		{"permission rows on a page of another name", codes["permission-on-other-page"], 264},
		{"roles without a row", noRow, 34},
		{"basic roles", basic, 3},
		{"roles", len(c.Roles), 2285 + 34},
		{"permissions with a row", rows, 12347},
		// 12,347 rows + 1,042 compute.* named in role tables + 173 names only the
		// support page lists.
		{"permissions", len(c.Permissions), 13562},
		{"SUPPORTED", sup[Supported], 13027},
		{"TESTING", sup[Testing], 447},
		{"NOT_SUPPORTED", sup[NotSupported], 74},
		// the 11 permissions the role pages add after the support page's date, and
		// compute.hosts.{get,getVersion,list}, named only inside role tables
		{"unlisted on the support page", sup[SupportUnlisted], 14},
		// every non-wildcard entry of the deny page names a permission of the catalog
		{"permissions with a deny name", deny, 8282},
	} {
		if k.got != k.want {
			t.Errorf("%s: got %d, want %d", k.what, k.got, k.want)
		}
	}
	p := c.Permission("cloudonefs.isiloncloud.com/clusters.create")
	if p == nil || p.Prefix != "cloudonefs" || p.Resource != "isiloncloud.com/clusters" || p.Verb != "create" || p.Page != "dellemccloudonefs" {
		t.Errorf("third-party permission: %+v", p)
	}
	if p := c.Permission("serviceusage.apiKeys.regenerate"); p == nil || p.Deny != "apikeys.googleapis.com/apiKeys.regenerate" {
		t.Errorf("deny name from the page's v1 note: %+v", p)
	}
	if p := c.Permission("storage.objects.get"); p == nil || p.Deny != "storage.googleapis.com/objects.get" || p.Support != Supported {
		t.Errorf("storage.objects.get: %+v", p)
	}
	if r := c.Role("roles/storage.admin"); r == nil || r.Title != "Storage Admin" || r.Stage != GA || len(r.Resources) != 1 || r.Resources[0] != "Bucket" || !strings.HasPrefix(r.Description, "Grants full control of objects and buckets.") {
		t.Errorf("roles/storage.admin: %+v", r)
	}
	if r := c.Role("roles/owner"); r == nil || !r.Basic || r.HasRow || r.Stage != StageUnknown || len(r.Permissions) < 10000 {
		t.Errorf("roles/owner: basic, no row, permissions from the rows")
	}
}
