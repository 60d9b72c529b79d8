package gcp

import (
	"fmt"
	"math/bits"
	"sort"
	"strings"
	"sync"

	"github.com/permgen/permgen/templates/gcp/gcpiam"
)

// The CLI answers from the catalog it read, with the runtime's own solver and
// checks (gcpiam.Cover, gcpiam.CheckCustomRole), so that `gen policy write
// -vendor gcp` and generated code answer alike.

// Grant is SmallestRoles' answer over a catalog.
type Grant struct {
	Roles []*Role
	Extra int
	Exact bool
}

// SmallestRoles is gcpiam.SmallestRoles over c: the fewest predefined roles
// granting every named permission. An unknown name is an error with a
// suggestion; a permission no allowed role grants is an error naming it.
func (c *Catalog) SmallestRoles(names []string, opt gcpiam.Options) (Grant, error) {
	idx := c.permIndex()
	var need []int
	seen := map[int]bool{}
	var errs []string
	for _, n := range names {
		i, ok := idx[n]
		if !ok {
			errs = append(errs, c.unknown(n))
			continue
		}
		if !seen[i] {
			seen[i] = true
			need = append(need, i)
		}
	}
	if len(errs) > 0 {
		return Grant{}, fmt.Errorf("%s", strings.Join(errs, "; "))
	}
	sort.Ints(need)
	if len(need) == 0 {
		return Grant{Exact: true}, nil
	}
	at := map[*Role]int{}
	var roles []*Role
	var cands []gcpiam.Candidate
	var missing []string
	for i, pi := range need {
		found := false
		for _, id := range c.Permissions[pi].Roles {
			r := c.Role(id)
			if r == nil || r.ServiceAgent && !opt.ServiceAgents || r.Basic && !opt.Basic {
				continue
			}
			found = true
			k, ok := at[r]
			if !ok {
				k = len(cands)
				at[r] = k
				roles = append(roles, r)
				ri := sort.Search(len(c.Roles), func(j int) bool { return c.Roles[j].ID >= r.ID })
				cands = append(cands, gcpiam.Candidate{Grants: make([]uint64, (len(need)+63)/64), Extra: len(r.Permissions), Beta: r.Stage != GA, Order: ri})
			}
			cands[k].Grants[i/64] |= 1 << (i % 64)
			cands[k].Extra--
		}
		if !found {
			missing = append(missing, c.Permissions[pi].Name)
		}
	}
	if len(missing) > 0 {
		return Grant{}, fmt.Errorf("no allowed predefined role grants %s", strings.Join(missing, ", "))
	}
	words := (len(c.Permissions) + 63) / 64
	sets := make([][]uint64, len(roles))
	union := make([]uint64, words)
	unionExtra := func(picked []int) int {
		clear(union)
		for _, k := range picked {
			if sets[k] == nil {
				sets[k] = make([]uint64, words)
				for _, n := range roles[k].Permissions {
					j := idx[n]
					sets[k][j/64] |= 1 << (j % 64)
				}
			}
			for w, x := range sets[k] {
				union[w] |= x
			}
		}
		n := 0
		for _, x := range union {
			n += bits.OnesCount64(x)
		}
		return n - len(need)
	}
	picked, exact := gcpiam.Cover(cands, len(need), unionExtra)
	g := Grant{Exact: exact, Extra: unionExtra(picked)}
	for _, k := range picked {
		g.Roles = append(g.Roles, roles[k])
	}
	sort.Slice(g.Roles, func(i, j int) bool { return g.Roles[i].ID < g.Roles[j].ID })
	return g, nil
}

// CustomRole checks a custom role definition against c's support levels, as
// gcpiam's builder does against the generated catalog.
func (c *Catalog) CustomRole(role gcpiam.CustomRole, names []string, allowUnlisted bool) (gcpiam.CustomRole, []gcpiam.Warning, error) {
	var errs []string
	for _, n := range names {
		if c.Permission(n) == nil {
			errs = append(errs, c.unknown(n))
		}
	}
	if len(errs) > 0 {
		return gcpiam.CustomRole{}, nil, fmt.Errorf("%s", strings.Join(errs, "; "))
	}
	return gcpiam.CheckCustomRole(role, names, func(n string) gcpiam.Support {
		switch c.Permission(n).Support {
		case Supported:
			return gcpiam.Supported
		case Testing:
			return gcpiam.Testing
		case NotSupported:
			return gcpiam.NotSupported
		}
		return gcpiam.SupportUnlisted
	}, allowUnlisted)
}

// unknown is the error text for a name the catalog lacks, with the nearest
// name when one is near.
func (c *Catalog) unknown(name string) string {
	best, bestD := "", -1
	lower := strings.ToLower(name)
	for _, p := range c.Permissions {
		limit := max(1, min(len(lower), len(p.Name))/4)
		if d := len(lower) - len(p.Name); d > limit || -d > limit {
			continue
		}
		if d := editDistance(lower, strings.ToLower(p.Name)); d <= limit && (bestD < 0 || d < bestD) {
			best, bestD = p.Name, d
		}
	}
	if best != "" {
		return fmt.Sprintf("unknown permission %q; did you mean %q?", name, best)
	}
	return fmt.Sprintf("unknown permission %q", name)
}

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

var permIndexes sync.Map // *Catalog -> map[string]int

func (c *Catalog) permIndex() map[string]int {
	if m, ok := permIndexes.Load(c); ok {
		return m.(map[string]int)
	}
	m := make(map[string]int, len(c.Permissions))
	for i, p := range c.Permissions {
		m[p.Name] = i
	}
	permIndexes.Store(c, m)
	return m
}
