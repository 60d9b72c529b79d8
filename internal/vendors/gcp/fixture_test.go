package gcp

import (
	"testing"

	"github.com/permgen/permgen/internal/golden"
	"github.com/permgen/permgen/internal/write"
)

// fixtureCatalog is the small catalog the runtime's tests run on. Each role is
// there for a test: GA and Beta twins (GA preferred), a service-agent role that
// alone grants one permission (excluded unless asked), and demo.* roles on
// which greedy set cover needs three roles where two suffice.
func fixtureCatalog() *Catalog {
	perm := func(name string, s Support, deny string) *Permission {
		p := newPermission(name)
		p.Support, p.Deny, p.Page, p.Pos = s, deny, p.Prefix, Pos{File: p.Prefix + ".md", Line: 10, Table: 2, Row: 1}
		return p
	}
	c := &Catalog{Permissions: []*Permission{
		perm("demo.x.a", Supported, ""),
		perm("demo.x.b", Supported, ""),
		perm("demo.x.c", Supported, ""),
		perm("demo.x.d", Supported, ""),
		perm("demo.x.e", Supported, ""),
		perm("demo.x.f", Supported, ""),
		perm("pubsub.topics.get", Supported, "pubsub.googleapis.com/topics.get"),
		perm("pubsub.topics.publish", Supported, "pubsub.googleapis.com/topics.publish"),
		perm("storage.buckets.create", Supported, "storage.googleapis.com/buckets.create"),
		perm("storage.buckets.get", Supported, "storage.googleapis.com/buckets.get"),
		perm("storage.buckets.list", Supported, "storage.googleapis.com/buckets.list"),
		perm("storage.buckets.unlisted", SupportUnlisted, ""),
		perm("storage.objects.get", Supported, "storage.googleapis.com/objects.get"),
		perm("storage.objects.list", Supported, "storage.googleapis.com/objects.list"),
		perm("storage.objects.restricted", Supported, ""),
		perm("storage.objects.setIamPolicy", NotSupported, "storage.googleapis.com/objects.setIamPolicy"),
		perm("storage.objects.testing", Testing, ""),
	}}
	role := func(id, title string, st Stage, sa bool, perms ...string) *Role {
		r := &Role{ID: id, Title: title, Stage: st, ServiceAgent: sa, Permissions: perms, HasRow: true, Pos: Pos{Line: 20, Table: 1, Row: 1}}
		r.Page = r.Prefix()
		return r
	}
	all := func(prefix string) []string {
		var out []string
		for _, p := range c.Permissions {
			if prefix == "" || p.Prefix == prefix {
				out = append(out, p.Name)
			}
		}
		return out
	}
	owner := role("roles/owner", "Owner", StageUnknown, false, all("")...)
	owner.HasRow, owner.Basic, owner.Page = false, true, "roles-overview"
	c.Roles = []*Role{
		role("roles/demo.left", "Demo Left", GA, false, "demo.x.a", "demo.x.b", "demo.x.c"),
		role("roles/demo.middle", "Demo Middle", GA, false, "demo.x.a", "demo.x.b", "demo.x.d", "demo.x.e"),
		role("roles/demo.right", "Demo Right", GA, false, "demo.x.d", "demo.x.e", "demo.x.f"),
		owner,
		role("roles/pubsub.editor", "Pub/Sub Editor", GA, false, "pubsub.topics.get", "pubsub.topics.publish", "storage.objects.get"),
		role("roles/pubsub.publisher", "Pub/Sub Publisher", GA, false, "pubsub.topics.publish"),
		role("roles/pubsub.viewer", "Pub/Sub Viewer", GA, false, "pubsub.topics.get"),
		role("roles/storage.admin", "Storage Admin", GA, false, "storage.buckets.create", "storage.buckets.get", "storage.buckets.list", "storage.objects.get", "storage.objects.list", "storage.objects.setIamPolicy", "storage.objects.testing"),
		role("roles/storage.betaViewer", "Storage Viewer Beta", Beta, false, "storage.buckets.get", "storage.objects.get", "storage.objects.list"),
		role("roles/storage.gaViewer", "Storage Viewer", GA, false, "storage.buckets.get", "storage.objects.get", "storage.objects.list"),
		role("roles/storage.objectViewer", "Storage Object Viewer", GA, false, "storage.objects.get", "storage.objects.list"),
		role("roles/storage.serviceAgent", "Storage Service Agent", GA, true, "storage.buckets.get", "storage.objects.get", "storage.objects.restricted"),
	}
	c.Roles[7].Resources = []string{"Bucket"}
	c.Roles[7].Description = "Grants full control of objects and buckets."
	return c
}

// TestFixtureUpToDate keeps the runtime's fixture the emitter's own rendering of
// fixtureCatalog, so that the runtime is tested on data in the generated form.
func TestFixtureUpToDate(t *testing.T) {
	_, top, err := plan(fixtureCatalog())
	if err != nil {
		t.Fatal(err)
	}
	got, err := catalogFile(fixtureCatalog(), runtimePkg, top, "internal/vendors/gcp fixtureCatalog")
	if err != nil {
		t.Fatal(err)
	}
	golden.File(t, "../../../templates/gcp/gcpiam/fixture.go", got)
	if err := gofmtCheck(writeFile("gcp/gcpiam/fixture.go", got)); err != nil {
		t.Error(err)
	}
}

func writeFile(p string, data []byte) write.File { return write.File{Path: p, Data: data} }
