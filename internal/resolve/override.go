package resolve

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/permgen/permgen/internal/model"
)

// Override is model.Override, kept here so that callers of Service need not
// import the model for it.
type Override = model.Override

// OverrideFields are the fields an override may correct in the pages of one format:
// every field a row carries (Rows; the first is the row's name), and, with row "",
// every service-wide fact (Facts). A format with neither takes no overrides, and
// says so (Refusal) rather than reporting them as matching nothing.
type OverrideFields struct {
	Rows, Facts []string
	// RowKind is what a row is ("action", "scope"), for findings on a row.
	RowKind string
	// Refusal says why the format takes no overrides; used when Rows and Facts
	// are both empty.
	Refusal string
}

// checkOverrides refuses an override of a field the page does not carry: a misspelt
// field would otherwise match nothing and be reported as if the vendor had fixed the
// page.
func checkOverrides(p *model.Page, list []Override, known OverrideFields) error {
	var errs []error
	for _, o := range list {
		if len(known.Rows) == 0 && len(known.Facts) == 0 {
			errs = append(errs, model.Errorf(model.Pos{File: p.Source.File}, "override %s in overrides.json: refused, pages of format %s take no overrides: %s",
				o, p.Source.Format, known.Refusal))
			continue
		}
		fields, what := known.Rows, "a row"
		if o.Row == "" {
			fields, what = known.Facts, `the service facts (row "")`
		}
		if !slices.Contains(fields, o.Field) {
			errs = append(errs, model.Errorf(model.Pos{File: p.Source.File}, "override %s in overrides.json: unknown field %q; known fields of %s of a %s page: %s",
				o, o.Field, what, p.Source.Format, strings.Join(fields, ", ")))
		}
	}
	return errors.Join(errs...)
}

// Facts returns the page's facts with the overrides of row "" applied; p is left
// as scraped.
func (o *Overrides) Facts(p *model.Page) ([]model.Field, []model.Diagnostic) {
	var ds []model.Diagnostic
	out := make([]model.Field, len(p.Facts))
	for i, f := range p.Facts {
		var fixed []model.Diagnostic
		out[i], fixed = o.Field("", f.Key, f)
		ds = append(ds, fixed...)
	}
	return out, ds
}

// Overrides finds the overrides of one page and records which were used, and what
// the page holds where an override looked, so that one matching nothing says why.
type Overrides struct {
	list  []Override
	used  []bool
	found map[string][]string // row -> "field=value" of each value looked at
}

// newOverrides takes the overrides of one page (the caller matched File).
func newOverrides(list []Override) *Overrides {
	return &Overrides{list: list, used: make([]bool, len(list)), found: map[string][]string{}}
}

// Apply returns the corrected value of one value of a field and the reason, or the
// value unchanged and "".
//
// What the page holds is recorded only for a row some override names, the only
// rows unused reads: normalizing and quoting every value of every page was a tenth
// of a Tencent run's CPU, for pages that mostly have no override at all.
func (o *Overrides) Apply(row, field, value string) (string, string) {
	looked, v := false, ""
	for i, ov := range o.list {
		if ov.Row != row {
			continue
		}
		if !looked {
			looked, v = true, Text(value)
			o.found[row] = append(o.found[row], fmt.Sprintf("%s=%q", field, v))
		}
		if ov.Field == field && Text(ov.From) == v {
			o.used[i] = true
			return ov.To, ov.Reason
		}
	}
	return value, ""
}

// Field returns f corrected by an override of row's field, with a diagnostic that
// records the correction and its reason for lint; f unchanged when none applies.
func (o *Overrides) Field(row, key string, f model.Field) (model.Field, []model.Diagnostic) {
	to, reason := o.Apply(row, key, f.Text)
	if reason == "" {
		return f, nil
	}
	who := row
	if row == "" {
		who = "the service"
	}
	d := model.Diagnostic{Pos: f.Pos, Code: "override", Fixed: reason,
		Msg: fmt.Sprintf("%s of %s reads %q on the page", key, who, Text(f.Text))}
	f.Text, f.Parts = to, nil
	return f, []model.Diagnostic{d}
}

// unused reports overrides that matched nothing, saying what the page holds there.
func (o *Overrides) unused(file string) []model.Diagnostic {
	var ds []model.Diagnostic
	for i, ov := range o.list {
		if o.used[i] {
			continue
		}
		why := fmt.Sprintf("the page has no row %q", ov.Row)
		if ov.Row == "" {
			why = fmt.Sprintf("the page has no fact %s", ov.Field)
		}
		if found := o.found[ov.Row]; len(found) > 0 {
			var vals []string
			for _, f := range found {
				if strings.HasPrefix(f, ov.Field+"=") {
					vals = append(vals, strings.TrimPrefix(f, ov.Field+"="))
				}
			}
			why = fmt.Sprintf("row %s field %s reads %s, not %q", ov.Row, ov.Field, strings.Join(vals, ", "), Text(ov.From))
		}
		ds = append(ds, model.Diagnostic{Pos: model.Pos{File: file}, Code: "unused-override",
			Msg: fmt.Sprintf("override %s matches nothing (%s): remove it if the vendor fixed the page", ov, why)})
	}
	return ds
}
