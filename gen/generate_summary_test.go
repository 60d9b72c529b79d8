package main

import (
	"testing"

	"github.com/permgen/permgen/internal/model"
)

// Issue 18 item 7: generate's summary counts the actions a shared AWS prefix lists
// again once per prefix, not once per action.
func TestQuirkSummaryGroupsSharedPrefixes(t *testing.T) {
	ds := []model.Diagnostic{
		{Code: "duplicate-action", Msg: "action iam:GetRole is listed again (first at x)"},
		{Code: "duplicate-action", Msg: "action iam:PutRolePolicy is listed again (first at x)"},
		{Code: "duplicate-action", Msg: "action sso:ListInstances is listed again (first at x)"},
		{Code: "empty-account", Msg: "a quirk", Fixed: "overridden"},
	}
	want := "1 vendor quirks and 2 AWS prefixes whose pages list the same actions again (3 actions, merged) (1 corrected by overrides)"
	if got := quirkSummary(ds); got != want {
		t.Errorf("quirkSummary:\n got %s\nwant %s", got, want)
	}
}
