package resolve

import (
	"fmt"

	"github.com/permgen/permgen/internal/model"
)

// Override corrects one known error in a vendor page. It is never applied silently:
// it must say why, the corrected anomaly is still reported by lint (with the reason),
// and an override that matches nothing is reported so that it is removed once the
// vendor fixes its page.
type Override struct {
	File   string `json:"file"`   // page path below the sources folder, "tencentcloud/ccc.html"
	Row    string `json:"row"`    // the row's name: API name or scope
	Field  string `json:"field"`  // a model.Key* constant
	From   string `json:"from"`   // the value as found (after Text), or one part of a multi-value cell
	To     string `json:"to"`     // the corrected value
	Reason string `json:"reason"` // why, for the reader of lint and of the generated docs
}

func (o Override) String() string {
	return fmt.Sprintf("%s row %s field %s: %q -> %q", o.File, o.Row, o.Field, o.From, o.To)
}

// overrides finds the overrides of one page and records which were used.
type overrides struct {
	list []Override
	used []bool
}

// newOverrides takes the overrides of one page (the caller matched File).
func newOverrides(list []Override) *overrides {
	return &overrides{list: list, used: make([]bool, len(list))}
}

// apply returns the corrected value of one value of a field and the reason, or the
// value unchanged and "".
func (o *overrides) apply(row, field, value string) (string, string) {
	v := Text(value)
	for i, ov := range o.list {
		if ov.Row == row && ov.Field == field && Text(ov.From) == v {
			o.used[i] = true
			return ov.To, ov.Reason
		}
	}
	return value, ""
}

// unused reports overrides that matched nothing.
func (o *overrides) unused(file string) []model.Diagnostic {
	var ds []model.Diagnostic
	for i, ov := range o.list {
		if !o.used[i] {
			ds = append(ds, model.Diagnostic{Pos: model.Pos{File: file}, Code: "unused-override",
				Msg: fmt.Sprintf("override %s matches nothing: remove it if the vendor fixed the page", ov)})
		}
	}
	return ds
}
