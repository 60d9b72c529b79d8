package gcpiam

import (
	"errors"
	"fmt"
)

// TestIamPermissions (on a project, bucket, dataset, …) takes permission names
// and answers with the subset the caller holds. These helpers build the request
// and read the answer without string handling at the call site.

// MaxTestPermissions is the most permissions one TestIamPermissions call may
// ask about (Resource Manager documents 100).
const MaxTestPermissions = 100

// Names returns the names of ps, for a TestIamPermissions request; an invalid
// permission is an error, never a name that would silently be denied.
func Names(ps ...Permission) ([]string, error) {
	out := make([]string, 0, len(ps))
	for _, p := range ps {
		if !p.Valid() {
			return nil, fmt.Errorf("gcpiam: invalid %v in a TestIamPermissions request", p)
		}
		out = append(out, p.String())
	}
	return out, nil
}

// Batches splits ps into requests of at most MaxTestPermissions.
func Batches(ps []Permission) [][]Permission {
	var out [][]Permission
	for len(ps) > MaxTestPermissions {
		out = append(out, ps[:MaxTestPermissions:MaxTestPermissions])
		ps = ps[MaxTestPermissions:]
	}
	if len(ps) > 0 {
		out = append(out, ps)
	}
	return out
}

// Missing returns the permissions asked for that the response does not grant,
// in the order asked. A granted name that was not asked for means the response
// does not belong to the request: an error, and nothing is reported granted.
func Missing(asked []Permission, granted []string) ([]Permission, error) {
	held := NewSet()
	want := NewSet(asked...)
	var errs []error
	for _, n := range granted {
		p, ok := LookupPermission(n)
		if !ok || !want.Contains(p) {
			errs = append(errs, fmt.Errorf("gcpiam: TestIamPermissions answered %q, which was not asked", n))
			continue
		}
		held.Add(p)
	}
	if err := errors.Join(errs...); err != nil {
		return asked, err
	}
	var miss []Permission
	for _, p := range asked {
		if !held.Contains(p) {
			miss = append(miss, p)
		}
	}
	return miss, nil
}
