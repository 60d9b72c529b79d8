// Package gcpiam is the runtime of the generated Google Cloud IAM catalog: every
// permission and predefined role of the "roles and permissions" pages, sets of
// permissions as bitsets over the whole catalog, the roles that grant a set
// (RolesGranting, SmallestRoles), custom role definitions that gcloud accepts,
// and helpers for TestIamPermissions.
//
// The catalog is static data (strings and arrays compiled into the binary);
// nothing runs at package initialization. The role bitsets and the index from
// permission to roles are built on first use.
//
// What the pages do not say, this package does not know: the resource types a
// permission applies to, IAM conditions, and the Compute Engine page (missing
// from the snapshot, so compute.* permissions are known only by name, from
// other roles' tables and the support page).
package gcpiam
