package aws

import (
	"fmt"
	"strings"

	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/internal/vendor"
)

var _ vendor.QuirkSummarizer = Vendor{}

// SummarizeQuirks implements vendor.QuirkSummarizer. Pages that share an AWS
// prefix list many of the same actions again (1,810 duplicate-action notes on the
// 2026-06-14 pages, 329 of them iam's): those count once per prefix, so the
// number says how many things a reader would look at, and lint still lists every
// one.
func (Vendor) SummarizeQuirks(ds []model.Diagnostic) (string, int) {
	prefixes := map[string]int{}
	n := 0
	for _, d := range ds {
		if d.Code == "duplicate-action" {
			prefixes[duplicatePrefix(d)]++
			n++
		}
	}
	if n == 0 {
		return "", 0
	}
	return fmt.Sprintf(" and %d AWS prefixes whose pages list the same actions again (%d actions, merged)", len(prefixes), n), n
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
