package naming

import "testing"

func TestIdent(t *testing.T) {
	for _, c := range []struct {
		parts []string
		want  string
	}{
		{[]string{"Action", "CreateStaff"}, "ActionCreateStaff"},
		{[]string{"Action", "DescibeCanSalePhoneNums"}, "ActionDescibeCanSalePhoneNums"}, // vendor typo kept
		{[]string{"Scope", "member", "read"}, "ScopeMemberRead"},
		{[]string{"Scope", "member", "ToggleLiveChat"}, "ScopeMemberToggleLiveChat"},
		{[]string{"Scope", "botbuilder", "read"}, "ScopeBotbuilderRead"},
		{[]string{"Scope", "whatsappMessageTemplates", "list"}, "ScopeWhatsappMessageTemplatesList"},
		{[]string{"Scope", "data-source", "get.doc"}, "ScopeDataSourceGetDoc"},
		{[]string{"Action", "3DSecure"}, "Action3DSecure"},   // digits first, after a prefix
		{[]string{"3DSecure"}, "X3DSecure"},                  // digits first, alone
		{[]string{"Scope", "type", "func"}, "ScopeTypeFunc"}, // keywords
		{[]string{"Scope", "ñandú", "ver"}, "ScopeÑandúVer"}, // non-ASCII letters kept
		{[]string{"Scope", "会员", "读"}, "Scope会员读"},           // letters without case
		{[]string{"会员"}, "X会员"},                              // not upper-case: prefix
		{[]string{"SdkAppId", "Resource"}, "SdkAppIdResource"},
		{[]string{"Action", "Create_Staff"}, "ActionCreate_Staff"},
	} {
		if got := Ident(c.parts...); got != c.want {
			t.Errorf("Ident(%q) = %q, want %q", c.parts, got, c.want)
		}
	}
}

func TestParam(t *testing.T) {
	for in, want := range map[string]string{
		"SdkAppId":    "sdkAppId",
		"uin":         "uin",
		"UIN":         "uin",
		"SDKAppId":    "sdkAppId",
		"InstanceId":  "instanceId",
		"type":        "type_",
		"Func":        "func_",
		"cam":         "cam_",
		"3rd":         "p3rd",
		"instance-id": "instanceId",
	} {
		if got := Param(in); got != want {
			t.Errorf("Param(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestPackageName(t *testing.T) {
	for in, want := range map[string]string{"ccc": "ccc", "Stella": "stella", "tdmq-rocket": "tdmqrocket", "3d": "p3d", "func": "pfunc", "云": "p"} {
		if got := PackageName(in); got != want {
			t.Errorf("PackageName(%q) = %q, want %q", in, got, want)
		}
	}
}
