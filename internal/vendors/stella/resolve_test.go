package stella

import (
	"testing"

	"github.com/permgen/permgen/internal/model"
)

// TestOverrideScopeTable: a scope row's description and the table's title can be
// corrected too.
func TestOverrideScopeTable(t *testing.T) {
	pos := model.Pos{File: "sources/stella/acl.html", Table: "ACL", Row: 1}
	p := &model.Page{
		Source: model.Source{File: pos.File, Path: "stella/acl.html", Vendor: "stella", Format: model.FormatScopeTable},
		Title:  "Acess Control List",
		Tables: []model.Table{{Heading: "ACL", Pos: pos, Rows: []model.Row{{Pos: pos, Fields: []model.Field{
			{Key: model.KeyScope, Text: "file:waGet", Pos: pos},
			{Key: model.KeyDescription, Text: "Grant permisisons to get files", Pos: pos},
		}}}}},
	}
	s, err := Vendor{}.Resolve(p, []model.Override{
		{File: "stella/acl.html", Row: "file:waGet", Field: model.KeyDescription, From: "Grant permisisons to get files", To: "Grant permissions to get files", Reason: "typo"},
		{File: "stella/acl.html", Row: "", Field: "title", From: "Acess Control List", To: "Access Control List", Reason: "typo"},
	})
	if err != nil {
		t.Fatal(err)
	}
	if s.Name != "Access Control List" || s.Scopes[0].Description != "Grant permissions to get files" {
		t.Errorf("overrides not applied: %q, %q", s.Name, s.Scopes[0].Description)
	}
}
