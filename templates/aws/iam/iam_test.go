package iam

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

func TestAccessLevel(t *testing.T) {
	for _, l := range AccessLevels() {
		got, err := ParseAccessLevel(l.String())
		if err != nil || got != l {
			t.Errorf("ParseAccessLevel(%q) = %v, %v", l.String(), got, err)
		}
	}
	if PermissionsManagement.String() != "Permissions management" || Tagging.String() != "Tagging" {
		t.Errorf("names: %q %q", PermissionsManagement, Tagging)
	}
	if _, err := ParseAccessLevel("read"); err == nil {
		t.Error(`"read" accepted: the reference writes "Read"`)
	}
	var v struct{ L AccessLevel }
	if err := json.Unmarshal([]byte(`{"L":"Permissions management"}`), &v); err != nil || v.L != PermissionsManagement {
		t.Errorf("unmarshal: %v %v", v.L, err)
	}
	if b, err := json.Marshal(v); err != nil || string(b) != `{"L":"Permissions management"}` {
		t.Errorf("marshal: %s %v", b, err)
	}
	if _, err := json.Marshal(struct{ L AccessLevel }{}); err == nil {
		t.Error("the unknown level marshalled")
	}
	if AccessLevel(9).String() != "AccessLevel(9)" || AccessLevel(9).Valid() {
		t.Error("invalid level")
	}
}

func TestConditionType(t *testing.T) {
	for tp := TypeString; tp < numConditionTypes; tp++ {
		got, err := ParseConditionType(tp.String())
		if err != nil || got != tp {
			t.Errorf("ParseConditionType(%q) = %v, %v", tp, got, err)
		}
	}
	if !TypeArrayOfARN.IsArray() || TypeARN.IsArray() || TypeArrayOfARN.Elem() != TypeARN || TypeString.Elem() != TypeString || TypeNull.IsArray() {
		t.Error("IsArray/Elem")
	}
	if got, _ := ParseConditionType("Boolean"); got != TypeBool {
		t.Errorf("Boolean = %v", got)
	}
	if _, err := ParseConditionType("Strng"); err == nil {
		t.Error("Strng accepted")
	}
}

func TestConditionKey(t *testing.T) {
	for k, want := range map[ConditionKey]ConditionType{
		"s3:authType":                 TypeString,
		"S3:AUTHTYPE":                 TypeString, // IAM ignores case in key names
		"aws:SourceIp":                TypeIPAddress,
		"aws:TagKeys":                 TypeArrayOfString,
		"aws:RequestTag/team":         TypeString,
		"s3:ExistingObjectTag/owner":  TypeString,
		"s3:max-keys":                 TypeNumeric,
		"s3:nope":                     UnknownConditionType,
		"aws:RequestTag/":             UnknownConditionType, // the template's variable part is missing
		"aws:CurrentTime":             TypeDate,
		"aws:MultiFactorAuthPresent":  TypeBool,
		"aws:multifactorauthpresentX": UnknownConditionType,
	} {
		if got := k.Type(); got != want {
			t.Errorf("%s.Type() = %v, want %v", k, got, want)
		}
		if k.Known() != (want != UnknownConditionType) {
			t.Errorf("%s.Known() = %v", k, k.Known())
		}
	}
	k := ConditionKey("aws:SourceIp")
	if k.Service() != "aws" || !k.Global() || !k.Equal("AWS:sourceip") || ConditionKey("s3:x").Global() {
		t.Error("Service/Global/Equal")
	}
}

func TestLists(t *testing.T) {
	n, ok := NewNames("s3:GetObject", "s3:PutObject")
	if !ok || n.Len() != 2 || n.At(1) != "s3:PutObject" || !n.Contains("s3:GetObject") || n.Contains("s3:Get") {
		t.Errorf("Names: %q", n)
	}
	if _, ok := NewNames("a b"); ok {
		t.Error("a name with a space accepted")
	}
	if Names("").Len() != 0 || Names("").Strings() != nil {
		t.Error("empty list")
	}
	s := n.Strings()
	s[0] = "changed"
	if n.At(0) != "s3:GetObject" {
		t.Error("Strings shares the list")
	}
	keys := ConditionKeys("s3:authType aws:SourceIp")
	if !keys.Contains("S3:AuthType") || keys.At(1) != "aws:SourceIp" || len(keys.Keys()) != 2 {
		t.Error("ConditionKeys")
	}
	defer func() {
		if recover() == nil {
			t.Error("At out of range did not panic")
		}
	}()
	n.At(2)
}

func TestActionResourceTypes(t *testing.T) {
	rows := []ActionResourceType{
		{Name: "object", Required: true, ConditionKeys: "s3:authType", DependentActions: "kms:Decrypt"},
		{Name: "accesspoint"},
	}
	enc, ok := EncodeActionResourceTypes(rows...)
	if !ok {
		t.Fatal("encode")
	}
	if enc.Len() != 2 || !slices.Equal(enc.Slice(), rows) || enc.At(1) != rows[1] {
		t.Errorf("round trip: %q -> %+v", enc, enc.Slice())
	}
	if r, ok := enc.Find("object"); !ok || !r.Required {
		t.Error("Find")
	}
	if _, ok := EncodeActionResourceTypes(ActionResourceType{Name: "a\x1eb"}); ok {
		t.Error("separator in a name accepted")
	}
	if enc, ok := EncodeActionResourceTypes(ActionResourceType{Name: "durable execution", Required: true}); !ok || enc.At(0).Name != "durable execution" {
		t.Error("a resource type name with a space (Lambda's) refused")
	}
	info := ActionInfo{Service: "s3", Name: "GetObject", ResourceTypes: enc}
	if info.String() != "s3:GetObject" || info.WildcardOnly() || !(ActionInfo{Service: "s3", Name: "ListAllMyBuckets"}).WildcardOnly() {
		t.Error("ActionInfo")
	}
	var a Action = info
	if a.Info().Name != "GetObject" {
		t.Error("Action")
	}
}

func TestUnknownActionError(t *testing.T) {
	names := []string{"GetObject", "GetObjectAcl", "PutObject"}
	at := func(i int) string { return names[i] }
	e := NewUnknownActionError("s3", "s3:GetObjet", len(names), at)
	if e.Suggestion != "s3:GetObject" || !strings.Contains(e.Error(), `unknown action "s3:GetObjet"; did you mean s3:GetObject?`) {
		t.Errorf("%v", e)
	}
	if e := NewUnknownActionError("s3", "Frobnicate", len(names), at); e.Suggestion != "" {
		t.Errorf("suggested %q for Frobnicate", e.Suggestion)
	}
	if CompareFold("getobject", "GetObject") != 0 || CompareFold("a", "B") >= 0 {
		t.Error("CompareFold")
	}
}

func TestFixtureSorted(t *testing.T) {
	for _, tab := range [][]conditionKeyEntry{conditionKeyTable[:], conditionKeyTemplates[:]} {
		for i := range tab {
			if strings.ToLower(tab[i].name) != tab[i].name || i > 0 && tab[i-1].name >= tab[i].name {
				t.Errorf("table not sorted lower-case at %q", tab[i].name)
			}
		}
	}
}

func BenchmarkConditionKeyType(b *testing.B) {
	k := ConditionKey("s3:authType")
	for b.Loop() {
		_ = k.Type()
	}
}

func BenchmarkResourceTypesAll(b *testing.B) {
	enc, _ := EncodeActionResourceTypes(ActionResourceType{Name: "object", Required: true, ConditionKeys: "s3:authType"}, ActionResourceType{Name: "accesspoint"})
	b.ReportAllocs()
	for b.Loop() {
		for r := range enc.All() {
			_ = r
		}
	}
}
