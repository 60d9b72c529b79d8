package emit

import (
	"fmt"
	"path"
	"strings"

	"github.com/permgen/permgen/internal/gowrite"
	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/resolve"
	"github.com/permgen/permgen/internal/snapshot"
	"github.com/permgen/permgen/internal/write"
)

// The exported helpers below are what a vendor's own emitter
// (internal/vendors/<name>) prints with, so that every vendor's files share one
// header, one way of rendering and checking Go, one template copier and one way of
// making page text safe in comments and Markdown.

// CopyTemplate copies templates/<dir> into outDir as package pkg.
func CopyTemplate(dir, outDir, pkg string) ([]write.File, error) {
	return copyTemplate(dir, outDir, pkg)
}

// CommentText makes page text safe inside a // comment.
func CommentText(s string) string { return commentText(s) }

// DescOrNone is a description for a comment, or says the page gave none.
func DescOrNone(d string) string { return descOrNone(d) }

// PosText names a row of p's page by its place below the sources folder.
func PosText(p *resolve.Package, pos model.Pos) string { return posText(p, pos) }

// DeprecatedText is how a vanished symbol is described.
func DeprecatedText(d *model.Deprecation) string { return deprecatedText(d) }

// SourceName is the page a package was generated from, as comments cite it.
func SourceName(p *resolve.Package) string { return sourceName(p) }

// MD makes page text safe in a Markdown table cell; Code shows a value as inline
// code.
func MD(s string) string { return md(s) }

// Code shows a value as Markdown inline code.
func Code(s string) string { return code(s) }

// Finish adds to a package's Go files what every package carries: its model
// snapshot and its README, whose vendor part body writes after the common
// heading.
func Finish(p *resolve.Package, files []write.File, body func(b *strings.Builder)) ([]write.File, error) {
	snap, err := snapshot.Marshal(p.Service, header(sourceName(p)))
	if err != nil {
		return files, fmt.Errorf("%s: %w", p.Service.Source.File, err)
	}
	return append(files, write.File{Path: path.Join(p.Dir, p.Name+".json"), Data: snap}, readmeWith(p, body)), nil
}

// Header is the generated-code line (without "// ") of a file generated from
// from.
func Header(from string) string { return header(from) }

// NewGoFile starts a file of the one writer (internal/gowrite) with the
// generated-code header that cites from.
func NewGoFile(name string, self gowrite.ImportPath, pkg, from string) *gowrite.File {
	return newGoFile(name, self, pkg, from)
}

// CopyRuntime copies templates/<dir> into outDir as package pkg ("" keeps the
// template's), rewriting the imports imports maps (copyRuntime).
func CopyRuntime(dir, outDir, pkg string, imports func(path string) (to string, ok bool, err error)) ([]write.File, error) {
	return copyRuntime(dir, outDir, pkg, imports)
}

// VersionFile is the stamp of one copied runtime package, at version.
func VersionFile(dir, pkg, from string, version int) write.File {
	return versionFile(dir, pkg, from, version)
}

// EnforceVersion is the assertion a generated package makes on the runtime it
// imports as pkg, stamped with version, in gofmt's form.
func EnforceVersion(pkg string, version int) string { return enforceVersion(pkg, version) }

// UintFor is the smallest unsigned type that holds n.
func UintFor(n int) string {
	switch {
	case n <= 0xff:
		return "uint8"
	case n <= 0xffff:
		return "uint16"
	}
	return "uint32"
}

// Plural is n and noun, with an s unless n is 1: "3 actions".
func Plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
