// Package badinput holds the catalog of bad input: for every error that the source
// loader, the scrapers and resolve can raise, a minimal sources folder that raises
// it, the exact message with its position, and the check that the run stops before
// anything is written. See the test files, one per input kind.
package badinput
