package camcatalog

import (
	"strings"
	"testing"

	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/templates/cam"
)

func ccc() *model.Service {
	return &model.Service{Kind: model.FormatTencentCAM, Source: model.Source{Vendor: "tencentcloud", File: "sources/tencentcloud/ccc.html"}, ShortName: "ccc",
		Actions: []model.Action{
			{Name: "CreateStaff", Category: model.Write, Section: "写操作", Granularity: model.ResourceLevel, IPRestriction: model.Supported,
				Resources: []model.Resource{{Pattern: "qcs::ccc::uin/${uin}:SdkAppId/${SdkAppId}", Service: "ccc", Type: "SdkAppId"}}},
			{Name: "OldThing", Category: "sideways", Deprecated: &model.Deprecation{Date: "2026-01-02", Page: "sources/tencentcloud/ccc.html"}},
		},
	}
}

// The catalog gen policy checks CAM documents against holds what the generated
// tables hold: the same ActionInfo, deprecation included (the policy catalog
// once left it out), and an unknown enum value stays the zero value.
func TestActionsAreTheBuiltActions(t *testing.T) {
	got, err := Actions([]*model.Service{ccc(), {Kind: model.FormatAWSSAR, ShortName: "s3", Actions: []model.Action{{Name: "GetObject"}}}})
	if err != nil || len(got) != 2 {
		t.Fatalf("Actions = %v, %v", got, err)
	}
	want, _ := Action("ccc", ccc().Actions[0])
	if got[0] != want || got[0].Granularity != cam.ResourceLevel || got[0].Resources.Len() != 1 || got[0].ResourceTypes.At(0) != "ccc/SdkAppId" {
		t.Errorf("CreateStaff = %+v", got[0])
	}
	if got[1].Deprecated != "removed from sources/tencentcloud/ccc.html on 2026-01-02" || got[1].Category != 0 {
		t.Errorf("OldThing = %+v", got[1])
	}
}

// A pattern a cam.Names list cannot carry is an error naming the page and the
// action, where cam.NewNames would panic.
func TestActionsRefuseWhatTheRuntimeCannotCarry(t *testing.T) {
	bad := ccc()
	bad.Actions[0].Resources[0].Pattern = "qcs::ccc::uin/1:a\nb"
	_, err := Actions([]*model.Service{bad})
	if err == nil || !strings.Contains(err.Error(), "sources/tencentcloud/ccc.html: action CreateStaff: resource") {
		t.Errorf("err = %v", err)
	}
}
