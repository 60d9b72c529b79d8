package resolve

import (
	"fmt"

	"github.com/permgen/permgen/internal/model"
)

// Override is model.Override, kept here so that callers of Service need not
// import the model for it.
type Override = model.Override

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
