package gcp

// gcpiam/catalog_gen_test.go: the generated runtime checks and measures itself.

// catalogTest is the generated runtime's own check: every name parses back to
// itself and every role's permissions are valid.
func catalogTest(sourceName string) []byte {
	return []byte(header(sourceName) + `
package gcpiam

import "testing"

// TestCatalogRoundTrip checks that every name parses back to itself, in order,
// and that every role's list decodes to as many valid permissions as recorded.
func TestCatalogRoundTrip(t *testing.T) {
	if NumPermissions() != CatalogPermissions || NumRoles() != CatalogRoles {
		t.Fatalf("sizes %d, %d; want %d, %d", NumPermissions(), NumRoles(), CatalogPermissions, CatalogRoles)
	}
	prev := ""
	for i := 1; i <= NumPermissions(); i++ {
		p := Permission(i)
		name := p.String()
		if name <= prev {
			t.Fatalf("%s after %s: not in order", name, prev)
		}
		prev = name
		if q, err := ParsePermission(name); err != nil || q != p {
			t.Fatalf("ParsePermission(%q) = %v, %v", name, q, err)
		}
	}
	for i := 1; i <= NumRoles(); i++ {
		r := Role(i)
		if q, err := ParseRole(r.String()); err != nil || q != r {
			t.Fatalf("ParseRole(%q) = %v, %v", r, q, err)
		}
		n := 0
		for p := range r.Permissions().All() {
			if !p.Valid() {
				t.Fatalf("%s: invalid %v", r, p)
			}
			n++
		}
		if n != int(r.rec().count) {
			t.Fatalf("%s: %d permissions decoded, %d recorded", r, n, r.rec().count)
		}
	}
}

// spread returns n permissions spread evenly over the catalog, each granted by
// some predefined role SmallestRoles may pick: requests that cross services.
func spread(n int) []Permission {
	var all []Permission
	for i := 1; i <= NumPermissions(); i++ {
		for _, r := range Permission(i).Roles() {
			if !r.ServiceAgent() && !r.Basic() {
				all = append(all, Permission(i))
				break
			}
		}
	}
	out := make([]Permission, n)
	for i := range out {
		out[i] = all[i*len(all)/n]
	}
	return out
}

func benchmarkSmallestRoles(b *testing.B, n int) {
	ps := spread(n)
	if _, err := SmallestRoles(Options{}, ps...); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := SmallestRoles(Options{}, ps...); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSmallestRoles10 asks for 10 permissions of different services.
func BenchmarkSmallestRoles10(b *testing.B) { benchmarkSmallestRoles(b, 10) }

// BenchmarkSmallestRoles200 asks for 200: beyond ExactLimit, greedy.
func BenchmarkSmallestRoles200(b *testing.B) { benchmarkSmallestRoles(b, 200) }

// sink keeps benchmark results alive. The loops count to b.N rather than use
// b.Loop, which keeps every call's result alive by storing it: for a struct
// result, that store cost more than Info itself.
var sink int

// BenchmarkInfo reads one permission's facts.
func BenchmarkInfo(b *testing.B) {
	p := spread(1)[0]
	n := 0
	for i := 0; i < b.N; i++ {
		n += len(p.Info().Deny)
	}
	sink = n
}

// BenchmarkContains looks one permission up in a role's set.
func BenchmarkContains(b *testing.B) {
	v := spread(1)[0].Roles()[0].Permissions()
	p := spread(10)[5]
	n := 0
	for i := 0; i < b.N; i++ {
		if v.Contains(p) {
			n++
		}
	}
	sink = n
}
`)
}
