package vendor

import (
	"flag"
	"io"

	"github.com/permgen/permgen/internal/model"
)

// PolicyDialect is a vendor whose policy language `gen policy` reads and writes.
// gen policy asks Registry.Dialect which vendor's language a document is in, and
// offers each command to the dialects in registry order (PolicyCommand); a
// command no dialect takes is the CLI's own (today CAM's, the default).
type PolicyDialect interface {
	// Claims reports whether a policy document is in this vendor's language.
	Claims(doc []byte) bool
	// PolicyCommand returns the vendor's form of "policy <name>" ("lint",
	// "eval", "write"), or nil for none.
	PolicyCommand(name string) PolicyCommand
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
}

// PolicyHelp is the help text of the policy commands below their usage lines.
type PolicyHelp struct {
	Lint, Eval, Write string
}
