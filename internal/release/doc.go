// Package release holds the tests that the modules of this repository can be
// published as they are: every go.mod requires released versions of its siblings
// with no replace a consumer would need, the go lines agree, go.work resolves the
// siblings during development, and a consumer module with no replace builds and
// runs against a local module proxy made from this checkout (docs/releasing.md).
package release
