package diff

import (
	"strings"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// fieldReporter collects, from go-cmp's walk, the struct fields in which two values
// differ: the chain of field names from the root down to the first step that is not
// a field ("Granularity", "Source.URL", "Resources" for any difference inside the
// slice). That is the grain at which changes are classified.
type fieldReporter struct {
	path   cmp.Path
	fields map[string]bool
}

func (r *fieldReporter) PushStep(ps cmp.PathStep) { r.path = append(r.path, ps) }
func (r *fieldReporter) PopStep()                 { r.path = r.path[:len(r.path)-1] }

func (r *fieldReporter) Report(res cmp.Result) {
	if res.Equal() {
		return
	}
	var names []string
	// path[0] is go-cmp's root step, which names no field.
	for _, ps := range r.path[1:] {
		sf, ok := ps.(cmp.StructField)
		if !ok {
			break
		}
		names = append(names, sf.Name())
	}
	r.fields[strings.Join(names, ".")] = true
}

// equateEmpty is in every comparison: a snapshot read back from JSON has nil where
// a fresh scrape may have an empty slice, and that is no change.
var equateEmpty = cmpopts.EquateEmpty()

// differingFields returns the set of fields (as the reporter names them) in which x
// and y differ under opts; "" stands for the values themselves when they are not
// structs.
func differingFields(x, y any, opts ...cmp.Option) map[string]bool {
	r := &fieldReporter{fields: map[string]bool{}}
	cmp.Equal(x, y, append(opts, equateEmpty, cmp.Reporter(r))...)
	return r.fields
}
