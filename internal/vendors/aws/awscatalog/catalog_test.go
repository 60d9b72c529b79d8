package awscatalog

import (
	"strings"
	"testing"

	"github.com/permgen/permgen/internal/model"
	"github.com/permgen/permgen/templates/aws/iam"
)

func s3() *model.Service {
	return &model.Service{Kind: model.FormatAWSSAR, Source: model.Source{File: "sources/aws/list_amazons3.html"}, ShortName: "s3",
		Actions: []model.Action{
			{Name: "GetObject", AccessLevel: "Read", ConditionKeys: []string{"s3:authType"},
				ResourceTypes: []model.ActionResourceType{{Name: "object", Required: true, DependentActions: []string{"kms:Decrypt"}}}},
			{Name: "OldThing", AccessLevel: "Sideways", Deprecated: &model.Deprecation{Date: "2026-01-02", Page: "sources/aws/list_amazons3.html"}},
		},
		ResourceTypes: []model.ResourceType{{Service: "s3", Name: "object", Pattern: "arn:${Partition}:s3:::${BucketName}/${ObjectName}"}},
		ConditionKeys: []model.ConditionKey{{Name: "s3:authType", Type: "String"}, {Name: "s3:ExistingObjectTag/<key>", Type: "String"}},
	}
}

// The catalog gen policy checks against holds what the generated tables hold:
// the same ActionInfo (Action is what the emitter prints), looked up as IAM
// does, case ignored; an unknown access level stays unknown rather than
// becoming another level.
func TestCatalogIsTheBuiltActions(t *testing.T) {
	c, err := New([]*model.Service{s3(), {Kind: "tencent-cam", ShortName: "cvm", Actions: []model.Action{{Name: "RunInstances"}}}})
	if err != nil {
		t.Fatal(err)
	}
	got, ok := c.LookupAction("S3:getobject")
	want, err := Action("s3", s3().Actions[0])
	if !ok || err != nil || got != want {
		t.Fatalf("LookupAction = %+v, %v; Action = %+v, %v", got, ok, want, err)
	}
	if got.AccessLevel != iam.Read || got.ResourceTypes.Len() != 1 || got.ResourceTypes.At(0).DependentActions != "kms:Decrypt" {
		t.Errorf("built %+v", got)
	}
	old, _ := c.LookupAction("s3:OldThing")
	if old.AccessLevel != iam.UnknownAccessLevel || old.Deprecated != "removed from sources/aws/list_amazons3.html on 2026-01-02" {
		t.Errorf("deprecated action with an unknown level: %+v", old)
	}
	if _, ok := c.LookupAction("cvm:RunInstances"); ok {
		t.Error("another vendor's action is in the AWS catalog")
	}
	if p := c.Prefixes(); len(p) != 1 || p[0] != "s3" {
		t.Errorf("Prefixes = %v", p)
	}
	if typ, ok := c.KeyType("s3:ExistingObjectTag/Project"); !ok || typ != iam.TypeString {
		t.Errorf("templated key type = %v, %v", typ, ok)
	}
	if _, ok := c.KeyType("s3:nosuchkey"); ok {
		t.Error("an undefined key has a type")
	}
}

// A name an iam list cannot carry is an error naming the page and the action,
// never a row that reads back differently; no AWS page at all is an error.
func TestCatalogRefusesWhatTheRuntimeCannotCarry(t *testing.T) {
	bad := s3()
	bad.Actions[0].ConditionKeys = []string{"s3:auth Type"}
	_, err := New([]*model.Service{bad})
	if err == nil || !strings.Contains(err.Error(), "sources/aws/list_amazons3.html: action GetObject: a name in") {
		t.Errorf("err = %v", err)
	}
	if _, err := New(nil); err == nil || !strings.Contains(err.Error(), "no AWS pages") {
		t.Errorf("empty: err = %v", err)
	}
}
