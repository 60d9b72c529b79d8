package main

import (
	"fmt"

	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/vendor"
	"github.com/permgen/permgen/internal/vendors/all"
)

// quirkSummary words the vendor quirks for generate's one summary line: each
// note counts as one, but for those a vendor counts its own way
// (vendor.QuirkSummarizer), which add their clause.
func quirkSummary(ds []model.Diagnostic) string {
	fixed := 0
	for _, d := range ds {
		if d.Fixed != "" {
			fixed++
		}
	}
	other, clauses := len(ds), ""
	for _, v := range all.Vendors {
		if q, ok := v.(vendor.QuirkSummarizer); ok {
			clause, counted := q.SummarizeQuirks(ds)
			clauses += clause
			other -= counted
		}
	}
	return fmt.Sprintf("%d vendor quirks", other) + clauses + fmt.Sprintf(" (%d corrected by overrides)", fixed)
}
