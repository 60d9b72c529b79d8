package gcpiam

import (
	"sync"
	"sync/atomic"
)

// The role bitsets and the permission-to-roles index are derived from the
// compact role lists on first use, so that importing the package costs nothing.

var roleSets []atomic.Pointer[[]uint64]

var roleSetsOnce sync.Once

// roleSet returns r's bitset, building it once.
func roleSet(r Role) View {
	roleSetsOnce.Do(func() { roleSets = make([]atomic.Pointer[[]uint64], len(roleRecs)) })
	slot := &roleSets[int(r)-1]
	if w := slot.Load(); w != nil {
		return View{words: *w}
	}
	s := NewSet()
	for p := range rolePermissions(r) {
		s.Add(p)
	}
	slot.CompareAndSwap(nil, &s.w)
	return View{words: *slot.Load()}
}

// rolePermissions decodes r's list: uvarint deltas of 1-based permission
// indexes.
func rolePermissions(r Role) func(func(Permission) bool) {
	return func(yield func(Permission) bool) {
		i := int(r) - 1
		start := uint32(0)
		if i > 0 {
			start = roleRecs[i-1].permsEnd
		}
		b := rolePerms[start:roleRecs[i].permsEnd]
		prev := 0
		for len(b) > 0 {
			v, shift := 0, 0
			for {
				c := b[0]
				b = b[1:]
				v |= int(c&0x7f) << shift
				shift += 7
				if c < 0x80 {
					break
				}
			}
			prev += v
			if !yield(Permission(prev)) {
				return
			}
		}
	}
}

type roleIndex struct {
	// granting lists, per permission, every role that grants it, in id order.
	granting [][]Role
}

var (
	idxOnce sync.Once
	idx     *roleIndex
)

func index() *roleIndex {
	idxOnce.Do(func() {
		x := &roleIndex{granting: make([][]Role, len(permRecs)+1)}
		for i := range roleRecs {
			r := Role(i + 1)
			for p := range rolePermissions(r) {
				x.granting[p] = append(x.granting[p], r)
			}
		}
		idx = x
	})
	return idx
}

// RolesGranting returns every role that grants all of ps, in id order:
// service-agent and basic roles included (check ServiceAgent, Basic). No
// permissions, or an invalid one, give no roles.
func RolesGranting(ps ...Permission) []Role {
	if len(ps) == 0 {
		return nil
	}
	for _, p := range ps {
		if !p.Valid() {
			return nil
		}
	}
	x := index()
	var out []Role
	for _, r := range x.granting[ps[0]] {
		v := r.Permissions()
		all := true
		for _, p := range ps[1:] {
			if !v.Contains(p) {
				all = false
				break
			}
		}
		if all {
			out = append(out, r)
		}
	}
	return out
}
