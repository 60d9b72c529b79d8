package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"strings"

	"github.com/permgen/permgen/internal/vendor"
	"github.com/permgen/permgen/internal/vendors/all"
)

// The help of the policy commands. Each command serves every policy dialect
// (vendor.PolicyDialect): the policy's own keys say which, so -h describes them
// all, from each dialect's PolicyWords, the default dialect first, and the flags
// that concern one dialect only say so. A paragraph naming every dialect is
// filled to the width it was first written at, so that the help reads as
// typed. The README's CLI table repeats these lines
// (TestReadmeCLITableMatchesHelp).

// policyDialectWords returns the dialects' words, the default first.
func policyDialectWords() []vendor.PolicyWords {
	def, others := all.Vendors.PolicyDialects()
	var words []vendor.PolicyWords
	if def != nil {
		words = append(words, def.PolicyWords())
	}
	for _, d := range others {
		words = append(words, d.PolicyWords())
	}
	return words
}

// policyUsage is the usage of "policy", a format of prog().
func policyUsage() string {
	var langs, notes []string
	for _, w := range policyDialectWords() {
		langs = append(langs, w.Language+"'s "+w.Keys)
		if w.Usage != "" {
			notes = append(notes, "; "+w.Usage)
		}
	}
	return `usage: %[1]s policy lint [flags] [FILE.json|-]
       %[1]s policy eval [flags] -request REQ.json POLICY.json...
       %[1]s policy write [flags] [FILE|-]

` + fill("A policy is read as "+strings.Join(langs, " or ")+", told apart by its keys"+strings.Join(notes, "")+
		". Run '%[1]s policy <command> -h' for its flags and formats.", 81) + "\n"
}

// policyHelp is the help of each policy command below its usage line.
func policyHelp() vendor.PolicyHelp {
	var langs, also, requests, writes []string
	def, _ := all.Vendors.PolicyDialects()
	for _, w := range policyDialectWords() {
		langs = append(langs, w.Language)
		if w.EvalAlso != "" {
			also = append(also, w.EvalAlso)
		}
		requests = append(requests, "Request file, "+w.Language+":\n"+w.Request)
	}
	for i, w := range policyDialectWords() {
		how := "(the default)"
		if i > 0 || def == nil {
			how = "(-vendor " + policyDialectName(w) + ")"
		}
		writes = append(writes, w.Language+" "+how+": "+w.Write)
	}
	boundary := "the boundary"
	if len(also) > 0 {
		boundary += " (and, " + strings.Join(also, ", and ") + ")"
	}
	return vendor.PolicyHelp{
		Lint: fill("Check a "+strings.Join(langs, " or ")+` policy against the vendor's catalog: unknown `+
			`actions (with "did you mean"), resources and condition keys the actions do not take, `+
			`wildcards, size quotas. No file or "-" reads stdin.`, 84) + `

Catalog: the pages in -in, or the generated tree -in names; when -in holds no page
of the policy's vendor (a module of your own has no permgen sources/), the catalog
compiled into permgen, said on stderr with the date of its pages.

Exit 0 clean, 1 findings, 2 unreadable (the file is missing, is not JSON, or is no
policy of either vendor; with -format json, stdout then holds {"file", "error"}).`,
		Eval: fill("Decide a request against the caller's policies as the vendor does: an explicit deny "+
			"wins, else an allow that "+boundary+" lets through, "+
			"else an implicit deny. The vendor is the first policy's.", 85) + "\n\n" +
			strings.Join(requests, "\n") + `

Exit 0 allow, 1 deny (explicit or implicit), 2 a policy or request it cannot read.`,
		Write: `Print the least-privilege policy for what a program needs, one grant a line (#
starts a comment). No file or "-" reads stdin. Notes (what was widened or added,
and why) go to stderr.

` + strings.Join(writes, "\n"),
	}
}

// policyDialectName is the vendor name of the dialect whose words are w.
func policyDialectName(w vendor.PolicyWords) string {
	def, others := all.Vendors.PolicyDialects()
	for _, d := range append([]vendor.PolicyDialect{def}, others...) {
		if d != nil && d.PolicyWords().Language == w.Language {
			return d.Name()
		}
	}
	return ""
}

// fill breaks text into lines of at most width characters, at spaces.
func fill(text string, width int) string {
	var b strings.Builder
	n := 0
	for i, word := range strings.Fields(text) {
		switch {
		case i == 0:
		case n+1+len(word) > width:
			b.WriteByte('\n')
			n = 0
		default:
			b.WriteByte(' ')
			n++
		}
		b.WriteString(word)
		n += len(word)
	}
	return b.String()
}

// refuseOnly reports the flags of fs that only another dialect reads (only:
// flag name to dialect) and were given, naming whose they are.
func refuseOnly(fs *flag.FlagSet, only map[string]vendor.PolicyDialect) error {
	var set []string
	var whose vendor.PolicyDialect
	fs.Visit(func(f *flag.Flag) {
		if d, ok := only[f.Name]; ok {
			set = append(set, "-"+f.Name)
			whose = d
		}
	})
	if len(set) == 0 {
		return nil
	}
	return fmt.Errorf("%s: for %s policies only", strings.Join(set, ", "), whose.PolicyWords().Short)
}

// policySummary is the policy command's line in the CLI's usage, naming every
// dialect and the -vendor of those not the default.
func policySummary() string {
	_, others := all.Vendors.PolicyDialects()
	var names []string
	for _, d := range others {
		names = append(names, d.Name())
	}
	write := "policy write"
	if len(names) > 0 {
		write += " [-vendor " + strings.Join(names, "|") + "]"
	}
	return "lint a " + policyShorts() + " policy (policy lint FILE), write the least-privilege one (" + write + "), or decide a request (policy eval)"
}

// policyVendorFlag registers policy write's -vendor: the default dialect with
// its policies' name, then the others.
func policyVendorFlag(fs *flag.FlagSet) *string {
	def, others := all.Vendors.PolicyDialects()
	var names []string
	value := ""
	if def != nil {
		value = def.Name()
		names = append(names, def.Name()+" ("+def.PolicyWords().Short+")")
	}
	for _, d := range others {
		names = append(names, d.Name())
	}
	return fs.String("vendor", value, "`vendor` of the policy: "+strings.Join(names, " or "))
}

// policyShorts names every dialect's policies, as "a X or Y policy" does.
func policyShorts() string {
	var shorts []string
	for _, w := range policyDialectWords() {
		shorts = append(shorts, w.Short)
	}
	return strings.Join(shorts, " or ")
}

// notJSON reports input that is no JSON at all with its line and column, naming no
// vendor: it could be a policy of any dialect gone wrong.
func notJSON(data []byte) error {
	if json.Valid(data) {
		return nil
	}
	var v any
	err := json.Unmarshal(data, &v)
	var se *json.SyntaxError
	if !errors.As(err, &se) {
		if len(strings.TrimSpace(string(data))) == 0 {
			return fmt.Errorf("empty: want a %s policy in JSON", policyShorts())
		}
		return fmt.Errorf("not JSON: %v", err)
	}
	line, col := lineCol(data, se.Offset)
	return fmt.Errorf("line %d column %d: not JSON (%v); want a %s policy", line, col, se, policyShorts())
}

// lineCol turns a byte offset (the one past the error, as encoding/json gives it)
// into a 1-based line and column.
func lineCol(data []byte, off int64) (line, col int) {
	line, col = 1, 0
	for i := int64(0); i < off && i < int64(len(data)); i++ {
		if data[i] == '\n' {
			line, col = line+1, 0
			continue
		}
		col++
	}
	return line, max(col, 1)
}

// describePolicyIn words -in as the policy commands read it.
func describePolicyIn(fs *flag.FlagSet) {
	fs.Lookup("in").Usage = "sources `folder` (<vendor>/*.html) or a generated tree; without pages of the policy's vendor, the catalog compiled into permgen"
}
