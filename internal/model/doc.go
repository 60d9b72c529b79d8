// Package model holds permgen's language-neutral data: what a scraper read from a
// documentation page (Page, text exactly as found, with positions) and what resolve
// made of it (Service, normalized and validated). Nothing here knows about Go: the Go
// names live in package resolve, so the same model could feed another emitter.
//
// Every type is JSON-serializable; slices are kept in a defined order so that two
// runs over the same input give the same bytes.
package model
