package diff

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Formats are the names Write accepts.
var Formats = []string{"text", "markdown", "json"}

// Write renders the report in one of Formats.
func (r *Report) Write(w io.Writer, format string) error {
	switch format {
	case "text":
		return r.WriteText(w)
	case "markdown":
		return r.WriteMarkdown(w)
	case "json":
		return r.WriteJSON(w)
	}
	return fmt.Errorf("unknown format %q; known: %s", format, strings.Join(Formats, ", "))
}

// WriteText writes one line per change, grouped by service, the class in brackets,
// then a count per class.
func (r *Report) WriteText(w io.Writer) error {
	var b strings.Builder
	for _, s := range r.Services {
		fmt.Fprintf(&b, "%s (%s)\n", s.ID(), oneLine(s.Name))
		for _, c := range s.Changes {
			fmt.Fprintf(&b, "  %-10s %s\n", "["+string(c.Class)+"]", oneLine(sentence(c, strconv.Quote, plain)))
		}
	}
	b.WriteString(r.summary() + "\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteMarkdown writes a section per service and, in it, a bullet list per class,
// breaking first: a changelog entry or a pull request's description.
func (r *Report) WriteMarkdown(w io.Writer) error {
	var b strings.Builder
	b.WriteString("# Permission changes\n\n" + r.summary() + "\n")
	for _, s := range r.Services {
		fmt.Fprintf(&b, "\n## %s — %s\n", mdEscape(s.ID()), mdEscape(oneLine(s.Name)))
		for _, class := range Classes {
			first := true
			for _, c := range s.Changes {
				if c.Class != class {
					continue
				}
				if first {
					fmt.Fprintf(&b, "\n### %s\n\n", strings.ToUpper(string(class[:1]))+string(class[1:]))
					first = false
				}
				b.WriteString("- " + oneLine(sentence(c, codeSpan, mdEscape)) + "\n")
			}
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteJSON writes the Report as indented JSON, the schema its Go type documents.
func (r *Report) WriteJSON(w io.Writer) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(r); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

func (r *Report) summary() string {
	n := r.Len()
	if n == 0 {
		return "No changes."
	}
	var parts []string
	for _, c := range Classes {
		parts = append(parts, fmt.Sprintf("%d %s", r.Counts[c], c))
	}
	return fmt.Sprintf("%s in %s: %s.", count(n, "change"), count(len(r.Services), "service"), strings.Join(parts, ", "))
}

func count(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

var subjectWords = map[Subject]string{
	SubjectService:      "service",
	SubjectResourceType: "resource type",
	SubjectAction:       "action",
	SubjectScope:        "scope",
	SubjectConditionKey: "condition key",
}

// sentence says what a change is; quote marks names and values, text escapes free
// text (details) for the output format.
func sentence(c Change, quote, text func(string) string) string {
	s := subjectWords[c.Subject]
	if s == "" {
		s = strings.ReplaceAll(string(c.Subject), "_", " ")
	}
	if c.Name != "" {
		s += " " + quote(c.Name)
	}
	switch c.Kind {
	case Added, Removed:
		s += " " + string(c.Kind)
	case Renamed:
		s += " renamed to " + quote(c.NewName)
	case Deprecated:
		s += " deprecated"
		if c.NewName != "" {
			s += ", replaced by " + quote(c.NewName)
		}
	case Restored:
		s += " restored"
	case Changed:
		if c.Field == "implies" {
			s += " implies"
			var parts []string
			if c.Old != "" {
				parts = append(parts, "no longer grants "+quote(c.Old))
			}
			if c.New != "" {
				parts = append(parts, "now grants "+quote(c.New))
			}
			s += ": " + strings.Join(parts, "; ")
		} else {
			s += " " + c.Field + ": " + quote(c.Old) + " -> " + quote(c.New)
		}
	default:
		s += " " + string(c.Kind)
	}
	if c.Detail != "" {
		s += " (" + text(c.Detail) + ")"
	}
	return s
}

func plain(s string) string { return s }

// oneLine keeps a change on its line whatever a page's text holds.
func oneLine(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}

// codeSpan renders s as Markdown code, with a fence longer than any run of
// backquotes inside it. An empty value (a description the page left blank) would be
// an invisible span, so it is named.
func codeSpan(s string) string {
	if s == "" {
		return "(empty)"
	}
	longest, run := 0, 0
	for _, r := range s {
		if r == '`' {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	fence := strings.Repeat("`", longest+1)
	if strings.HasPrefix(s, "`") || strings.HasSuffix(s, "`") {
		s = " " + s + " "
	}
	return fence + s + fence
}

// mdEscape makes page text literal in the middle of a Markdown line: only the
// characters that open emphasis, code, links or HTML there are escaped, so that a
// pattern's ${uin} stays readable in the source too.
func mdEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune("\\`*_[]<", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}
