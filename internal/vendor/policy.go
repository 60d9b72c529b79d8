package vendor

import (
	"flag"
	"io"

	"github.com/permgen/permgen/internal/model"
)

// PolicyDialect is a vendor whose policy language `gen policy` reads and writes.
// gen policy asks Registry.Dialect which vendor's language a document is in, and
// offers each command to the dialects (PolicyCommand): in registry order, the
// DefaultDialect last, whose commands take whatever the others left and report
// what is no policy at all.
type PolicyDialect interface {
	// Name is the vendor's (Vendor.Name).
	Name() string
	// Claims reports whether a policy document is in this vendor's language.
	Claims(doc []byte) bool
	// PolicyCommand returns the vendor's form of "policy <name>" ("lint",
	// "eval", "write"), or nil for none.
	PolicyCommand(name string) PolicyCommand
	// PolicyWords are the dialect's part in the commands' help and messages,
	// which the CLI assembles from every dialect so that it names none.
	PolicyWords() PolicyWords
}

// DefaultDialect is the policy dialect whose commands run when no other
// dialect took the arguments: a document of no dialect, a flag error. A
// registry has at most one (Registry.PolicyDialects).
type DefaultDialect interface {
	PolicyDialect
	// DefaultDialect marks the dialect; it does nothing.
	DefaultDialect()
}

// PolicyWords are how a dialect is named in the policy commands' help and in
// the messages every dialect shares. The CLI lists the dialects the default
// first, then in registry order.
type PolicyWords struct {
	// Language names the policy language in the help: "AWS IAM".
	Language string
	// Short names it in a message: "want a X or Y policy".
	Short string
	// Pages names the vendor's pages in catalog notes: "holds no X pages",
	// "the X catalog compiled into permgen".
	Pages string
	// Keys are the top-level keys that tell its documents apart, in the
	// usage's "A policy is read as <Language>'s <Keys>".
	Keys string
	// Usage is a clause the usage's paragraph adds ("policy write takes -vendor
	// x"), or "".
	Usage string
	// EvalAlso is what else of the dialect lets an allow through, besides the
	// boundary ("for X, a resource policy"), or "".
	EvalAlso string
	// Request is the eval help's block describing its request file; Write the
	// write help's block describing its input lines.
	Request, Write string
	// OnlyFlags registers on fs, the flag set of the default dialect's command
	// (lint, eval, write), the flags only this dialect's same command reads,
	// worded so that its -h says whose they are, and returns their names; nil
	// for none. The default dialect refuses them (PolicyEnv.RefuseOnly).
	OnlyFlags func(command string, fs *flag.FlagSet) []string
	// Bundled is what the catalog note adds about the catalog compiled into
	// permgen, given the bundle's date of this vendor's pages ("" when it has
	// none): " (X pages of 2026-01-01)", or "".
	Bundled func(date string) string
}

// PolicyCommand runs one policy command with the arguments after its name. It
// reports handled=false, and leaves no output and stdin as it found it
// (PolicyEnv.Unread), for arguments that are not its vendor's: a document it
// does not Claim, no flag of its own; the next dialect, and at last the CLI,
// then runs. A usage error of arguments it took is its own, with handled=true.
type PolicyCommand func(env PolicyEnv, args []string) (handled bool, err error)

// PolicyEnv is what the CLI lends a policy command: its streams, its flag
// conventions, stdin, where catalogs come from and the commands' help, so that a
// vendor's command looks and behaves as the CLI's others. An error that should
// end the process with a code and no message is an ExitCode.
type PolicyEnv struct {
	Stdout, Stderr io.Writer
	// Flags returns the command's flag set as the CLI makes every command's:
	// -in, and on -h the usage line "<prog> <name> [flags]<args>" with help
	// below it, written to w; in points to -in's value once parsed.
	Flags func(name, args, help string, w io.Writer) (fs *flag.FlagSet, in *string)
	// Parse parses args into fs, flags allowed after the positional
	// arguments, and returns those; -h and a bad flag are errors ending the
	// process (0 and 2).
	Parse func(fs *flag.FlagSet, args []string) ([]string, error)
	// Input reads the one file pos names, or stdin for none or "-", with the
	// name errors cite.
	Input func(pos []string) (data []byte, name string, err error)
	// Unread gives data, read from stdin, back to the next dialect.
	Unread func(data []byte)
	// Services returns the services of a format a catalog is built from: those
	// of the sources folder or generated tree in, or the catalog compiled into
	// the binary, with a note for stderr saying so.
	Services func(in, format string) (services []*model.Service, note string, err error)
	// Help is the help text of the commands, which serve every dialect.
	Help PolicyHelp
	// Others are the names of the other dialects, in registry order.
	Others []string
	// VendorFlag registers policy write's -vendor on fs, naming every dialect,
	// the default dialect's name its default.
	VendorFlag func(fs *flag.FlagSet) *string
	// OnlyFlags registers on fs the flags only other dialects' command reads
	// (PolicyWords.OnlyFlags); RefuseOnly then reports those of them given, as
	// an error naming whose they are.
	OnlyFlags  func(command string, fs *flag.FlagSet)
	RefuseOnly func(fs *flag.FlagSet) error
	// NotJSON reports input that is no JSON at all, with its line and column,
	// as a policy of any dialect gone wrong; nil for JSON.
	NotJSON func(data []byte) error
}

// PolicyHelp is the help text of the policy commands below their usage lines.
type PolicyHelp struct {
	Lint, Eval, Write string
}
