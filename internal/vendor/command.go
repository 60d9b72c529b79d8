package vendor

import (
	"flag"
	"fmt"
	"io"

	"github.com/permgen/permgen/internal/model"
)

// Commander is a vendor with its own form of some CLI commands, chosen with
// -vendor <name>: "gen diff -vendor gcp" compares two snapshots of the vendor's
// pages, "gen policy write -vendor gcp" reads its permission names. The CLI
// finds the form by asking every vendor, so it names none; the flags -in and
// -vendor and the usage line are the CLI's, the rest is the vendor's.
type Commander interface {
	Commands() []Command
}

// Command is one vendor's form of a CLI command.
type Command struct {
	// Path are the command's words: "diff", "policy write".
	Path string
	// Args is the usage line's part after the flags: " [FILE|-]"; "" when the
	// command takes no positional arguments (the CLI then refuses any).
	Args string
	// Purpose is the help text below the usage line.
	Purpose string
	// Flags registers the command's own flags on fs and returns what runs once
	// they are parsed.
	Flags func(fs *flag.FlagSet) func(r CommandRun) error
}

// CommandRun is what a command gets from the CLI.
type CommandRun struct {
	In   string   // -in, the sources folder
	Args []string // the positional arguments
	// Input reads the one positional file, or standard input for none or "-",
	// as the CLI's other commands do, with the name errors should cite.
	Input          func() (data []byte, name string, err error)
	Stdout, Stderr io.Writer
}

// ExitCode is an error that ends the process with its code and no message: a
// diff's 1 (changes) or 3 (a breaking change).
type ExitCode int

func (e ExitCode) Error() string { return fmt.Sprintf("exit %d", int(e)) }

// Command returns the vendor command whose Path is path and which args choose
// with -vendor, if any.
func (r Registry) Command(path string, args []string) (Vendor, *Command) {
	for _, v := range r {
		c, ok := v.(Commander)
		if !ok || !VendorFlag(args, v.Name()) {
			continue
		}
		for _, cmd := range c.Commands() {
			if cmd.Path == path {
				return v, &cmd
			}
		}
	}
	return nil, nil
}

// VendorFlag reports whether args name -vendor v (or --vendor, with = or not).
func VendorFlag(args []string, v string) bool {
	for i, a := range args {
		if a == "-vendor="+v || a == "--vendor="+v || (a == "-vendor" || a == "--vendor") && i+1 < len(args) && args[i+1] == v {
			return true
		}
	}
	return false
}

// ArchiveDiffer is a vendor with files of its own, not model folders, that `gen
// diff -old A -new B` compares when both name them (Tencent Cloud's API
// catalogue snapshots). gen diff asks every ArchiveDiffer before it loads models.
type ArchiveDiffer interface {
	// DiffArchives compares old and new when both are archives of one kind of
	// the vendor's, printing in format ("text" or "json", as the diff's own
	// -format), and reports handled=false, having printed nothing, when they
	// are not. Its exit codes are the diff's: ExitCode(1) changes, none
	// breaking; ExitCode(3) a breaking change.
	DiffArchives(old, new, format string, stdout io.Writer) (handled bool, err error)
	// DiffHelp is what the diff's help says of those archives, a sentence
	// ending in ".", with its line breaks.
	DiffHelp() string
}

// Linter is a vendor with checks of its own that `gen lint` runs when a flag of
// the vendor's asks for them (AWS: -operations, what the SDK guard cannot map).
type Linter interface {
	// LintFlags registers the vendor's flags on gen lint's flag set and returns
	// what runs once the sources' anomalies are printed, given -in and the
	// services: how many more findings are open (-strict exits 1 for any). It
	// does nothing, and returns 0, when its flags do not ask.
	LintFlags(fs *flag.FlagSet) func(in string, services []*model.Service, stdout, stderr io.Writer) (open int, err error)
}

// QuirkSummarizer is a vendor that counts some of its notes its own way in
// generate's summary line (AWS: the actions a shared prefix lists again, once per
// prefix, since that is how many things a reader would look at).
type QuirkSummarizer interface {
	// SummarizeQuirks returns the clause the summary adds for the notes of ds
	// it counts (" and 2 <vendor> prefixes whose pages ..."; "" for none) and how
	// many notes that clause counts; every other note counts as one quirk.
	SummarizeQuirks(ds []model.Diagnostic) (clause string, counted int)
}

// Helper is a vendor with words of its own in the help of a CLI command that
// serves every vendor: the command leaves a place for them and puts there, in
// registry order, what each vendor returns for it. The places:
//
//   - "catalog", "service": what names a service of the vendor for -service
//     ("CAM short name");
//   - "catalog", "folder": a sentence on the folders -in may also be;
//   - "catalog", "bundled": the name of the vendor's catalog compiled into
//     permgen, when it has one ("Tencent CAM");
//   - "fetch", "pages": the vendor's pages fetched without a manifest entry, a
//     phrase of the list "each page of the manifest that has a url, ...";
//   - "fetch", "note": a sentence on fetching the vendor's pages.
//
// The text keeps the line breaks it is printed with; "" is nothing to say.
type Helper interface {
	Help(command, place string) string
}

// Help returns what each Helper vendor of r says at a place of a command's help
// (Helper), in registry order, with the vendors that said something.
func (r Registry) Help(command, place string) (texts []string, by []Vendor) {
	for _, v := range r {
		if h, ok := v.(Helper); ok {
			if t := h.Help(command, place); t != "" {
				texts = append(texts, t)
				by = append(by, v)
			}
		}
	}
	return texts, by
}
