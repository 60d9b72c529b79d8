package stella

import (
	"errors"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"unicode"

	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/resolve"
)

// factTitle is the field name of a scope table's title, the service's name, in an
// override of row "".
const factTitle = "title"

// overrideFields are the fields an override of a scope table may correct.
var overrideFields = resolve.OverrideFields{
	Rows:    []string{model.KeyScope, model.KeyDescription},
	Facts:   []string{factTitle},
	RowKind: "scope",
}

// scopeName is the namespace:verb grammar of access-token scopes.
var scopeName = regexp.MustCompile(`^([A-Za-z][A-Za-z0-9_.-]*):([A-Za-z][A-Za-z0-9_.-]*)$`)

// adminDescription is how a page says that a scope grants a whole namespace ("Grant
// all Member APIs access") or everything ("Grant all APIs access").
var adminDescription = regexp.MustCompile(`(?i)^grant all (?:(.+) )?apis? access\.?$`)

// resolveScopes turns a scraped scope table into a Service.
func resolveScopes(p *model.Page, ov *resolve.Overrides) (*model.Service, error) {
	title, fixed := ov.Field("", factTitle, model.Field{Key: factTitle, Text: p.Title, Pos: model.Pos{File: p.Source.File}})
	s := &model.Service{Kind: model.FormatScopeTable, Source: p.Source, Name: resolve.Text(title.Text), ShortName: p.Source.Vendor, Diagnostics: fixed}
	var errs []error
	seen := map[string]model.Pos{}
	for _, t := range p.Tables {
		for _, row := range t.Rows {
			f, _ := row.Field(model.KeyScope)
			// The row is named by its scope as found; an override may correct it.
			rowName := resolve.Text(f.Text)
			f, fixed := ov.Field(rowName, model.KeyScope, f)
			s.Diagnostics = append(s.Diagnostics, fixed...)
			name := resolve.Text(f.Text)
			m := scopeName.FindStringSubmatch(name)
			if m == nil {
				errs = append(errs, model.Errorf(f.Pos, "scope %q is not namespace:verb", name))
				continue
			}
			if prev, dup := seen[name]; dup {
				errs = append(errs, model.Errorf(row.Pos, "duplicate scope %q: already listed at %s", name, prev))
				continue
			}
			seen[name] = row.Pos
			d, _ := row.Field(model.KeyDescription)
			d, fixed = ov.Field(rowName, model.KeyDescription, d)
			s.Diagnostics = append(s.Diagnostics, fixed...)
			s.Scopes = append(s.Scopes, model.Scope{Name: name, Namespace: m[1], Verb: m[2], Description: resolve.Text(d.Text), Pos: row.Pos})
		}
	}
	if len(s.Scopes) == 0 && len(errs) == 0 {
		errs = append(errs, model.Errorf(model.Pos{File: p.Source.File}, "no scopes found"))
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	// Anomalies are reported in page order, which is how a maintainer reads the page.
	s.Diagnostics = append(s.Diagnostics, scopeAnomalies(s.Scopes)...)
	sort.Slice(s.Scopes, func(i, j int) bool { return s.Scopes[i].Name < s.Scopes[j].Name })
	return s, nil
}

// implications derives, from the page itself, which scopes grant others: an "admin"
// verb whose description says "Grant all X APIs access" grants every scope of its
// namespace, and one that says "Grant all APIs access" grants every scope. Both the
// name and the description must agree: a checker that grants too much is worse than
// one that asks for one scope more, so a doubtful admin scope grants nothing extra
// and is reported.
func implications(s *model.Service) []model.Diagnostic {
	var ds []model.Diagnostic
	hasAdmin := map[string]bool{}
	grantsAll := ""
	for i := range s.Scopes {
		sc := &s.Scopes[i]
		if sc.Verb != "admin" {
			continue
		}
		hasAdmin[sc.Namespace] = true
		m := adminDescription.FindStringSubmatch(sc.Description)
		// A deprecated scope is no longer on the page: it keeps its relations, but
		// the page has nothing left to report about it.
		report := sc.Deprecated == nil
		switch {
		case m == nil:
			if report {
				ds = append(ds, model.Diagnostic{Pos: sc.Pos, Code: "admin-description",
					Msg: fmt.Sprintf("scope %s is an admin scope but its description %q does not say it grants all %s APIs; it is given no implied scopes", sc.Name, sc.Description, sc.Namespace)})
			}
			continue
		case m[1] == "":
			grantsAll = sc.Name
			for _, o := range s.Scopes {
				if o.Name != sc.Name {
					sc.Implies = append(sc.Implies, o.Name)
				}
			}
		case resolve.Key(m[1]) == resolve.Key(sc.Namespace):
			for _, o := range s.Scopes {
				if o.Namespace == sc.Namespace && o.Name != sc.Name {
					sc.Implies = append(sc.Implies, o.Name)
				}
			}
		default:
			if report {
				ds = append(ds, model.Diagnostic{Pos: sc.Pos, Code: "admin-description",
					Msg: fmt.Sprintf("scope %s says it grants all %s APIs, which is not its namespace %q; it is given no implied scopes", sc.Name, m[1], sc.Namespace)})
			}
			continue
		}
		sc.ImpliesWhy = fmt.Sprintf("verb \"admin\" and description %q", sc.Description)
		// The place is given without the file: generated code must not depend on
		// where the sources folder was (-in), and the package doc names the page.
		at := sc.Pos
		at.File = ""
		if s := at.String(); s != "" {
			sc.ImpliesWhy += " (" + s + ")"
		}
	}
	var nss []string
	seen := map[string]bool{}
	first := map[string]model.Pos{}
	for _, sc := range s.Scopes {
		if sc.Deprecated != nil {
			continue
		}
		if !seen[sc.Namespace] {
			seen[sc.Namespace] = true
			nss = append(nss, sc.Namespace)
			first[sc.Namespace] = sc.Pos
		} else if sc.Pos.Row < first[sc.Namespace].Row {
			first[sc.Namespace] = sc.Pos
		}
	}
	wholesale := "no scope grants it wholesale"
	if grantsAll != "" {
		wholesale = "only " + grantsAll + " grants it wholesale"
	}
	for _, ns := range nss {
		if !hasAdmin[ns] {
			ds = append(ds, model.Diagnostic{Pos: first[ns], Code: "no-admin-scope",
				Msg: fmt.Sprintf("namespace %q has no admin scope: %s", ns, wholesale)})
		}
	}
	return ds
}

// scopeAnomalies reports vendor slips in scope names and descriptions.
func scopeAnomalies(scopes []model.Scope) []model.Diagnostic {
	var ds []model.Diagnostic
	lower := 0
	for _, sc := range scopes {
		if unicode.IsLower([]rune(sc.Verb)[0]) {
			lower++
		}
	}
	for _, sc := range scopes {
		if r := []rune(sc.Verb)[0]; unicode.IsUpper(r) && lower*2 > len(scopes) {
			ds = append(ds, model.Diagnostic{Pos: sc.Pos, Code: "verb-case",
				Msg: fmt.Sprintf("scope %s: verb %q starts with a capital letter while %d of %d verbs start lower-case; kept as the vendor spells it (tokens must match it exactly)", sc.Name, sc.Verb, lower, len(scopes))})
		}
	}
	var items []resolve.Item
	for _, sc := range scopes {
		items = append(items, resolve.Item{Name: sc.Name, Words: descWords(sc.Description), Pos: sc.Pos.WithColumn("")})
	}
	ds = append(ds, resolve.Typos(items, "description of")...)
	ds = append(ds, cutOff(items)...)
	return ds
}

func descWords(s string) []string {
	// An apostrophe splits too: "Builder's" is the word "Builder".
	return strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
}

// cutOff flags a description whose last word appears nowhere else on the page but is
// the start of a word that does: the text was cut off ("in Channe").
func cutOff(items []resolve.Item) []model.Diagnostic {
	freq := map[string]int{}
	for _, it := range items {
		for _, w := range it.Words {
			freq[strings.ToLower(w)]++
		}
	}
	var vocab []string
	for w := range freq {
		vocab = append(vocab, w)
	}
	sort.Strings(vocab)
	var ds []model.Diagnostic
	for _, it := range items {
		if len(it.Words) == 0 {
			continue
		}
		last := strings.ToLower(it.Words[len(it.Words)-1])
		if freq[last] != 1 || len(last) < 3 {
			continue
		}
		for _, w := range vocab {
			if len(w) > len(last) && strings.HasPrefix(w, last) {
				ds = append(ds, model.Diagnostic{Pos: it.Pos, Code: "cut-off",
					Msg: fmt.Sprintf("description of %q ends in %q, which looks cut off from %q", it.Name, it.Words[len(it.Words)-1], w)})
				break
			}
		}
	}
	return ds
}
