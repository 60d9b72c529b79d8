package main

import (
	"fmt"
	"strings"

	"github.com/permgen/permgen/internal/model"
)

// quirkSummary words the vendor quirks for generate's one summary line. Pages that
// share an AWS prefix list many of the same actions again (1,810 duplicate-action
// notes on the 2026-06-14 pages, 329 of them iam's): those count once per prefix,
// so the number says how many things a reader would look at, and lint still lists
// every one.
func quirkSummary(ds []model.Diagnostic) string {
	fixed, other := 0, 0
	prefixes := map[string]int{}
	for _, d := range ds {
		if d.Fixed != "" {
			fixed++
		}
		if d.Code != "duplicate-action" {
			other++
			continue
		}
		prefixes[duplicatePrefix(d)]++
	}
	s := fmt.Sprintf("%d vendor quirks", other)
	if len(prefixes) > 0 {
		n := 0
		for _, c := range prefixes {
			n += c
		}
		s += fmt.Sprintf(" and %d AWS prefixes whose pages list the same actions again (%d actions, merged)", len(prefixes), n)
	}
	return s + fmt.Sprintf(" (%d corrected by overrides)", fixed)
}

// duplicatePrefix is the service prefix a duplicate-action note is about ("action
// iam:GetRole is listed again ..."), or its page when the message has another form.
func duplicatePrefix(d model.Diagnostic) string {
	if rest, ok := strings.CutPrefix(d.Msg, "action "); ok {
		if p, _, ok := strings.Cut(rest, ":"); ok {
			return p
		}
	}
	return d.Pos.File
}
