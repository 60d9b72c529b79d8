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

// overrideFields are the fields an override may correct, per page format: every
// field a row of that format carries. The first is the row's name.
var overrideFields = map[string][]string{
	model.FormatTencentCAM: {model.KeyAPI, model.KeyDescription, model.KeyGranularity, model.KeyResource, model.KeyIP},
	model.FormatScopeTable: {model.KeyScope, model.KeyDescription},
}

// checkOverrides refuses an override of a field the page's rows do not carry: a
// misspelt field would otherwise match nothing and be reported as if the vendor had
// fixed the page.
func checkOverrides(p *model.Page, list []Override) error {
	known := overrideFields[p.Source.Format]
	if known == nil {
		return nil // no resolver: Entries says so
	}
	var errs []error
	for _, o := range list {
		if !slices.Contains(known, o.Field) {
			errs = append(errs, model.Errorf(model.Pos{File: p.Source.File}, "override %s in overrides.json: unknown field %q; known fields of a %s page: %s",
				o, o.Field, p.Source.Format, strings.Join(known, ", ")))
		}
	}
	return errors.Join(errs...)
}

// overrides finds the overrides of one page and records which were used, and what
// the page holds where an override looked, so that one matching nothing says why.
type overrides struct {
	list  []Override
	used  []bool
	found map[string][]string // row -> "field=value" of each value looked at
}

// newOverrides takes the overrides of one page (the caller matched File).
func newOverrides(list []Override) *overrides {
	return &overrides{list: list, used: make([]bool, len(list)), found: map[string][]string{}}
}

// apply returns the corrected value of one value of a field and the reason, or the
// value unchanged and "".
func (o *overrides) apply(row, field, value string) (string, string) {
	v := Text(value)
	o.found[row] = append(o.found[row], fmt.Sprintf("%s=%q", field, v))
	for i, ov := range o.list {
		if ov.Row == row && ov.Field == field && Text(ov.From) == v {
			o.used[i] = true
			return ov.To, ov.Reason
		}
	}
	return value, ""
}

// field returns f corrected by an override of row's field, with a diagnostic that
// records the correction and its reason for lint; f unchanged when none applies.
func (o *overrides) field(row, key string, f model.Field) (model.Field, []model.Diagnostic) {
	to, reason := o.apply(row, key, f.Text)
	if reason == "" {
		return f, nil
	}
	d := model.Diagnostic{Pos: f.Pos, Code: "override", Fixed: reason,
		Msg: fmt.Sprintf("%s of %s reads %q on the page", key, row, Text(f.Text))}
	f.Text, f.Parts = to, nil
	return f, []model.Diagnostic{d}
}

// unused reports overrides that matched nothing, saying what the page holds there.
func (o *overrides) unused(file string) []model.Diagnostic {
	var ds []model.Diagnostic
	for i, ov := range o.list {
		if o.used[i] {
			continue
		}
		why := fmt.Sprintf("the page has no row %q", ov.Row)
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
