// Package diff compares two permission models — two lists of resolved services, as
// read from snapshots, scraped from sources or taken from a git revision — and says
// what changed for the people who use the generated code: which changes stop their
// code compiling (breaking), which change what an existing policy or token means
// (policy), which only add (additive) and which touch text alone (cosmetic).
//
// go-cmp finds the differences between matched services, actions, scopes and
// resource types; this package matches them by name, pairs renames, and classifies.
//
// A report is written as text (a line per change, "[class] subject name what"),
// Markdown (a section per service, a list per class, breaking first) or JSON (the
// Report type; Schema says which version). Every order is fixed: services by ID,
// changes by class, subject and name.
package diff
