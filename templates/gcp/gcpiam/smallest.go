package gcpiam

import (
	"errors"
	"fmt"
	"math/bits"
	"sort"
	"strings"
)

// Options say which roles SmallestRoles may pick. The zero value is the safe
// default: no service-agent roles (Google: grant them only to service agents)
// and no basic roles (owner, editor, viewer grant far more than asked).
type Options struct {
	ServiceAgents bool
	Basic         bool
}

// Grant is SmallestRoles' answer.
type Grant struct {
	// Roles cover every permission asked for, in id order.
	Roles []Role
	// Extra is the number of permissions the roles grant beyond those asked for.
	Extra int
	// Exact says the number of roles is the minimum (and, among covers of that
	// size, Extra the least); false: the greedy approximation, at most
	// H(n) = 1 + 1/2 + … + 1/n times the minimum for n permissions.
	Exact bool
}

// ExactLimit is the most permissions SmallestRoles solves exactly; beyond it, or
// when the exact search exceeds its budget, it uses greedy set cover.
const ExactLimit = 64

// searchBudget bounds the exact search's nodes so that a hard input returns the
// greedy answer rather than a late one.
const searchBudget = 200_000

// ErrNotGranted is the error SmallestRoles returns when some permission is
// granted by no role the options allow.
var ErrNotGranted = errors.New("gcpiam: no allowed predefined role grants")

// SmallestRoles returns the fewest predefined roles whose union grants every
// permission of ps; among those, the fewest extra permissions, then the fewest
// Beta roles (GA preferred), then the ids in order. A permission that no allowed
// role grants is an error naming it (errors.Is ErrNotGranted), never skipped.
func SmallestRoles(opt Options, ps ...Permission) (Grant, error) {
	need := dedupe(ps)
	for _, p := range need {
		if !p.Valid() {
			return Grant{}, fmt.Errorf("gcpiam: invalid %v", p)
		}
	}
	if len(need) == 0 {
		return Grant{Exact: true}, nil
	}
	cands, missing := candidates(opt, need)
	if len(missing) > 0 {
		names := make([]string, len(missing))
		for i, p := range missing {
			names[i] = p.String()
		}
		return Grant{}, fmt.Errorf("%w %s", ErrNotGranted, strings.Join(names, ", "))
	}
	g, solved := greedy(cands, len(need)), false
	if len(need) <= ExactLimit {
		if best, ok := exact(cands, len(need), len(g)); ok {
			g, solved = best, true
		}
	}
	return result(g, need, solved), nil
}

func dedupe(ps []Permission) []Permission {
	out := append([]Permission(nil), ps...)
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	n := 0
	for i, p := range out {
		if i == 0 || p != out[n-1] {
			out[n] = p
			n++
		}
	}
	return out[:n]
}

// cand is a role that grants at least one needed permission: which ones (bit i
// for need[i]), and how many it grants beyond them.
type cand struct {
	role  Role
	cover []uint64
	n     int // needed permissions covered
	extra int
	beta  bool
}

func candidates(opt Options, need []Permission) ([]*cand, []Permission) {
	x := index()
	w := (len(need) + 63) / 64
	byRole := map[Role]*cand{}
	var missing []Permission
	for i, p := range need {
		found := false
		for _, r := range x.granting[p] {
			if r.ServiceAgent() && !opt.ServiceAgents || r.Basic() && !opt.Basic {
				continue
			}
			found = true
			c := byRole[r]
			if c == nil {
				c = &cand{role: r, cover: make([]uint64, w), beta: r.Stage() != GA}
				byRole[r] = c
			}
			c.cover[i/64] |= 1 << (i % 64)
			c.n++
		}
		if !found {
			missing = append(missing, p)
		}
	}
	// Of roles that cover exactly the same needed permissions, only the best can
	// be in a best answer's place — keep it alone.
	best := map[string]*cand{}
	for _, c := range byRole {
		c.extra = int(c.role.rec().count) - c.n
		k := maskKey(c.cover)
		if o := best[k]; o == nil || better(c, o) {
			best[k] = c
		}
	}
	out := make([]*cand, 0, len(best))
	for _, c := range best {
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return better(out[i], out[j]) })
	return out, missing
}

func maskKey(m []uint64) string {
	b := make([]byte, 0, 8*len(m))
	for _, x := range m {
		for k := 0; k < 8; k++ {
			b = append(b, byte(x>>(8*k)))
		}
	}
	return string(b)
}

// better orders candidates: more needed permissions, fewer extra, GA, id.
func better(a, b *cand) bool {
	if a.n != b.n {
		return a.n > b.n
	}
	if a.extra != b.extra {
		return a.extra < b.extra
	}
	if a.beta != b.beta {
		return !a.beta
	}
	return a.role < b.role
}

// greedy picks, until all is covered, the candidate that covers the most
// still-uncovered permissions (ties: fewer extra, GA, id): the classic greedy
// set cover, within H(n) of the minimum.
func greedy(cands []*cand, n int) []*cand {
	left := make([]uint64, (n+63)/64)
	for i := range n {
		left[i/64] |= 1 << (i % 64)
	}
	var pick []*cand
	for anyBit(left) {
		var best *cand
		bestN := 0
		for _, c := range cands {
			k := 0
			for i, x := range c.cover {
				k += bits.OnesCount64(x & left[i])
			}
			if k > bestN || k == bestN && k > 0 && better2(c, best) {
				best, bestN = c, k
			}
		}
		if best == nil {
			return nil // cannot happen: candidates covers every permission
		}
		pick = append(pick, best)
		for i, x := range best.cover {
			left[i] &^= x
		}
	}
	return pick
}

// better2 breaks a tie in greedy: fewer extra, GA, id.
func better2(a, b *cand) bool {
	if a.extra != b.extra {
		return a.extra < b.extra
	}
	if a.beta != b.beta {
		return !a.beta
	}
	return a.role < b.role
}

func anyBit(m []uint64) bool {
	for _, x := range m {
		if x != 0 {
			return true
		}
	}
	return false
}

// exact searches every cover of at most limit roles (n ≤ 64: one mask word) by
// branching on the uncovered permission with the fewest candidates, and keeps
// the best by (roles, extra, Beta count, ids). ok is false when the budget ran
// out: the caller keeps the greedy answer.
func exact(cands []*cand, n, limit int) (best []*cand, ok bool) {
	full := uint64(1)<<n - 1
	if n == 64 {
		full = ^uint64(0)
	}
	// by[i]: candidates covering permission i, best first.
	by := make([][]*cand, n)
	for _, c := range cands {
		for i := range n {
			if c.cover[0]&(1<<i) != 0 {
				by[i] = append(by[i], c)
			}
		}
	}
	nodes := 0
	var bestCost cost
	var stack []*cand
	var walk func(covered uint64)
	walk = func(covered uint64) {
		nodes++
		if nodes > searchBudget {
			return
		}
		if covered == full {
			if c := costOf(stack); best == nil || c.less(bestCost) {
				best, bestCost = append([]*cand(nil), stack...), c
				limit = len(best) // a larger cover can no longer win
			}
			return
		}
		if len(stack) >= limit {
			return
		}
		// the uncovered permission with the fewest candidates
		pick, pickN := -1, 0
		for i := range n {
			if covered&(1<<i) == 0 && (pick < 0 || len(by[i]) < pickN) {
				pick, pickN = i, len(by[i])
			}
		}
		for _, c := range by[pick] {
			stack = append(stack, c)
			walk(covered | c.cover[0])
			stack = stack[:len(stack)-1]
		}
	}
	walk(0)
	if nodes > searchBudget {
		return nil, false
	}
	return best, best != nil
}

// cost ranks covers: fewer roles, fewer extra permissions in the union, fewer
// Beta roles, then the ids.
type cost struct {
	roles, extra, beta int
	ids                []Role
}

func costOf(cs []*cand) cost {
	u := NewSet()
	c := cost{roles: len(cs)}
	for _, x := range cs {
		u.Union(x.role.Permissions())
		if x.beta {
			c.beta++
		}
		c.ids = append(c.ids, x.role)
	}
	sort.Slice(c.ids, func(i, j int) bool { return c.ids[i] < c.ids[j] })
	c.extra = u.Len() // the needed ones are subtracted by the caller's comparison: all covers hold them
	return c
}

func (a cost) less(b cost) bool {
	if a.roles != b.roles {
		return a.roles < b.roles
	}
	if a.extra != b.extra {
		return a.extra < b.extra
	}
	if a.beta != b.beta {
		return a.beta < b.beta
	}
	for i := range a.ids {
		if a.ids[i] != b.ids[i] {
			return a.ids[i] < b.ids[i]
		}
	}
	return false
}

func result(cs []*cand, need []Permission, exact bool) Grant {
	g := Grant{Exact: exact}
	u := NewSet()
	for _, c := range cs {
		g.Roles = append(g.Roles, c.role)
		u.Union(c.role.Permissions())
	}
	sort.Slice(g.Roles, func(i, j int) bool { return g.Roles[i] < g.Roles[j] })
	g.Extra = u.Len() - len(need)
	return g
}
