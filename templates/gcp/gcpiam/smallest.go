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

// ErrNotGranted is the error SmallestRoles returns when some permission is
// granted by no role the options allow.
var ErrNotGranted = errors.New("gcpiam: no allowed predefined role grants")

// SmallestRoles returns the fewest predefined roles whose union grants every
// permission of ps; among those, the fewest extra permissions, then the fewest
// Beta roles (GA preferred), then the ids in order. A permission that no allowed
// role grants is an error naming it (errors.Is ErrNotGranted), never skipped.
// Exact up to ExactLimit permissions (see Cover).
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
	x := index()
	at := map[Role]int{}
	var roles []Role
	var cands []Candidate
	var missing []string
	for i, p := range need {
		found := false
		for _, r := range x.granting[p] {
			if r.ServiceAgent() && !opt.ServiceAgents || r.Basic() && !opt.Basic {
				continue
			}
			found = true
			k, ok := at[r]
			if !ok {
				k = len(cands)
				at[r] = k
				roles = append(roles, r)
				cands = append(cands, Candidate{Grants: make([]uint64, (len(need)+63)/64), Extra: int(r.rec().count), Beta: r.Stage() != GA, Order: int(r)})
			}
			cands[k].Grants[i/64] |= 1 << (i % 64)
			cands[k].Extra--
		}
		if !found {
			missing = append(missing, p.String())
		}
	}
	if len(missing) > 0 {
		return Grant{}, fmt.Errorf("%w %s", ErrNotGranted, strings.Join(missing, ", "))
	}
	u := NewSet()
	unionExtra := func(picked []int) int {
		clear(u.w)
		for _, k := range picked {
			u.Union(roles[k].Permissions())
		}
		return u.Len() - len(need)
	}
	picked, exact := Cover(cands, len(need), unionExtra)
	g := Grant{Exact: exact}
	for _, k := range picked {
		g.Roles = append(g.Roles, roles[k])
	}
	sort.Slice(g.Roles, func(i, j int) bool { return g.Roles[i] < g.Roles[j] })
	g.Extra = unionExtra(picked)
	return g, nil
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

// Candidate is one role offered to Cover.
type Candidate struct {
	// Grants has bit i set when the role grants the i-th needed permission.
	Grants []uint64
	// Extra is how many permissions the role grants beyond the needed ones.
	Extra int
	// Beta is set for a role that is not GA.
	Beta bool
	// Order breaks the last tie: lower first (the role's place in the catalog).
	Order int
}

// ExactLimit is the most permissions Cover solves exactly; beyond it, or when
// the exact search exceeds searchBudget, it returns the greedy answer.
const ExactLimit = 64

// searchBudget bounds the exact search's nodes, so that a hard input returns the
// greedy answer rather than a late one.
const searchBudget = 200_000

// Cover picks the fewest candidates whose Grants together cover all n needed
// permissions; among covers of that size, the least unionExtra (the permissions
// the union grants beyond the needed ones), then the fewest Beta, then by Order.
// It returns the indexes of the picked candidates and whether the answer is
// exact. The caller guarantees that the candidates cover all n.
//
// The exact search branches on the uncovered permission with the fewest
// candidates, bounded by the best cover found (greedy's, to start). Greedy takes,
// until all is covered, the candidate that covers most of what is left (ties:
// fewer Extra, GA, Order): the classic approximation, at most H(n) times the
// minimum number of roles, H(n) = 1 + 1/2 + … + 1/n (H(200) ≈ 5.9).
//
// SmallestRoles calls it with the generated catalog; permgen's CLI with the one
// it read from the pages, so that the two answer alike.
func Cover(cands []Candidate, n int, unionExtra func(picked []int) int) (picked []int, exact bool) {
	// Of candidates that grant exactly the same needed permissions, only the one
	// with the fewest Extra (then GA, Order) can be in a best answer's place.
	best := map[string]int{}
	for k, c := range cands {
		key := maskKey(c.Grants)
		if o, ok := best[key]; !ok || lessCand(c, cands[o]) {
			best[key] = k
		}
	}
	keep := make([]int, 0, len(best))
	for _, k := range best {
		keep = append(keep, k)
	}
	sort.Slice(keep, func(i, j int) bool { return lessCand(cands[keep[i]], cands[keep[j]]) })
	g := greedy(cands, keep, n)
	if n > ExactLimit {
		return g, false
	}
	if e, ok := exactCover(cands, keep, n, len(g), unionExtra); ok {
		return e, true
	}
	return g, false
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

// lessCand orders candidates for greedy ties and duplicates: fewer Extra, GA,
// Order.
func lessCand(a, b Candidate) bool {
	if a.Extra != b.Extra {
		return a.Extra < b.Extra
	}
	if a.Beta != b.Beta {
		return !a.Beta
	}
	return a.Order < b.Order
}

func greedy(cands []Candidate, keep []int, n int) []int {
	left := make([]uint64, (n+63)/64)
	for i := range n {
		left[i/64] |= 1 << (i % 64)
	}
	var pick []int
	for anyBit(left) {
		bestK, bestN := -1, 0
		for _, k := range keep {
			m := 0
			for i, x := range cands[k].Grants {
				m += bits.OnesCount64(x & left[i])
			}
			// keep is sorted by lessCand: the first of equal coverage wins the tie.
			if m > bestN {
				bestK, bestN = k, m
			}
		}
		if bestK < 0 {
			return pick // the caller's guarantee was broken; the answer covers less
		}
		pick = append(pick, bestK)
		for i, x := range cands[bestK].Grants {
			left[i] &^= x
		}
	}
	return pick
}

func anyBit(m []uint64) bool {
	for _, x := range m {
		if x != 0 {
			return true
		}
	}
	return false
}

// cost ranks covers: fewer roles, fewer extra permissions in the union, fewer
// Beta roles, then the Orders in sequence.
type cost struct {
	roles, extra, beta int
	order              []int
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
	for i := range a.order {
		if a.order[i] != b.order[i] {
			return a.order[i] < b.order[i]
		}
	}
	return false
}

// exactCover searches every cover of at most limit candidates (n ≤ 64: one mask
// word). ok is false when the budget ran out.
func exactCover(cands []Candidate, keep []int, n, limit int, unionExtra func([]int) int) (best []int, ok bool) {
	full := ^uint64(0)
	if n < 64 {
		full = uint64(1)<<n - 1
	}
	by := make([][]int, n) // by[i]: candidates granting permission i, best first
	for _, k := range keep {
		for i := range n {
			if cands[k].Grants[0]&(1<<i) != 0 {
				by[i] = append(by[i], k)
			}
		}
	}
	nodes := 0
	var bestCost cost
	var stack []int
	var walk func(covered uint64)
	walk = func(covered uint64) {
		if nodes++; nodes > searchBudget {
			return
		}
		if covered == full {
			c := cost{roles: len(stack), extra: unionExtra(stack)}
			for _, k := range stack {
				if cands[k].Beta {
					c.beta++
				}
				c.order = append(c.order, cands[k].Order)
			}
			sort.Ints(c.order)
			if best == nil || c.less(bestCost) {
				best, bestCost = append([]int(nil), stack...), c
				limit = len(best) // a larger cover can no longer win
			}
			return
		}
		if len(stack) >= limit {
			return
		}
		pick := -1
		for i := range n {
			if covered&(1<<i) == 0 && (pick < 0 || len(by[i]) < len(by[pick])) {
				pick = i
			}
		}
		for _, k := range by[pick] {
			stack = append(stack, k)
			walk(covered | cands[k].Grants[0])
			stack = stack[:len(stack)-1]
		}
	}
	walk(0)
	if nodes > searchBudget {
		return nil, false
	}
	return best, best != nil
}
