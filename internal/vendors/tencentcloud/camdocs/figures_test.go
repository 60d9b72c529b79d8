package camdocs

import (
	"slices"
	"testing"
)

// resourceLevelDocs returns the archive's files of class resource-level in lang.
func resourceLevelDocs(t *testing.T, arch, lang string) []Doc {
	classes := map[string]string{}
	for _, m := range readManifest(t) {
		classes[m.archive+"|"+m.path] = m.class
	}
	var sel []Doc
	for _, d := range archive(t, arch) {
		if d.Lang == lang && classes[arch+"|"+d.Path] == "resource-level" {
			sel = append(sel, d)
		}
	}
	return sel
}

// The intl figures are the README's (../shared/tencent/README.md §2: rows 1,354,
// 资源级 / 操作级 1,275 / 79 zh and 1,274 / 80 en). For qcloud the README measured
// 1,649 rows and 1,533 资源级; this reader finds 2 more rows (the wrapped csg names it
// rejoins) and 7 more resource-level rows; the figures below are this reader's.
func TestResourceLevelFigures(t *testing.T) {
	for _, tc := range []struct {
		arch, lang             string
		rows, resource, notRes int
		distinct, prefixes     int
	}{
		{"intlcloud-documents.tar.gz", "zh", 1354, 1275, 79, 1186, 28},
		{"intlcloud-documents.tar.gz", "en", 1354, 1274, 80, 1186, 28},
		{"qcloud-documents.tar.gz", "cn", 1651, 1540, 111, 1423, 49},
	} {
		rows, res, other := 0, 0, 0
		distinct, prefixes := map[string]bool{}, map[string]bool{}
		for _, e := range Entries(resourceLevelDocs(t, tc.arch, tc.lang)) {
			rows++
			if e.Level == LevelResource {
				res++
			} else {
				other++
			}
			if e.Prefix == "" {
				t.Errorf("%s table %d row %d: %s has no prefix", e.Doc.Path, e.Table, e.Row, e.Action)
			}
			distinct[e.Prefix+":"+e.Action] = true
			prefixes[e.Prefix] = true
		}
		got := []int{rows, res, other, len(distinct), len(prefixes)}
		want := []int{tc.rows, tc.resource, tc.notRes, tc.distinct, tc.prefixes}
		if !slices.Equal(got, want) {
			t.Errorf("%s %s: rows, 资源级, other, distinct, prefixes = %v, want %v", tc.arch, tc.lang, got, want)
		}
	}
}

func entryOf(t *testing.T, arch, lang, prefix, action string) Entry {
	t.Helper()
	for _, e := range Entries(resourceLevelDocs(t, arch, lang)) {
		if e.Prefix == prefix && e.Action == action {
			return e
		}
	}
	t.Fatalf("%s %s: no entry %s:%s", arch, lang, prefix, action)
	return Entry{}
}

// Each trap of README §2, on the real page that has it.
func TestTraps(t *testing.T) {
	// Quoted-printable Excel HTML: the name split by a hidden span, "—" rows continuing it.
	e := entryOf(t, "qcloud-documents.tar.gz", "cn", "vpc", "AcceptVpcPeeringConnection")
	if !e.Doc.QuotedPrintable || !slices.Contains(e.Patterns, "qcs::vpc:$region:$account:pcx/$peeringConnectionId") || !slices.Contains(e.Patterns, "qcs::vpc:$region:$account:vpc/*") {
		t.Errorf("AcceptVpcPeeringConnection: qp=%v patterns %q", e.Doc.QuotedPrintable, e.Patterns)
	}
	if !slices.Contains(e.Conditions, "vpc:accepter_vpc") || !slices.Contains(e.Conditions, "vpc:region") {
		t.Errorf("AcceptVpcPeeringConnection conditions %q", e.Conditions)
	}
	// A name wrapped with <br>, patterns wrapped before ":".
	e = entryOf(t, "qcloud-documents.tar.gz", "cn", "csg", "ShutdownGateway")
	if !slices.Contains(e.Patterns, "qcs::csg:${Region}:uin/${OwnerUin}:gateway/${gatewayid}") {
		t.Errorf("csg:ShutdownGateway patterns %q", e.Patterns)
	}
	// EMR: type and pattern in one cell.
	e = entryOf(t, "intlcloud-documents.tar.gz", "en", "emr", "DescribeKeyTabFile")
	if len(e.Patterns) != 1 || e.Patterns[0] != "qcs::emr:${region}:uin/${uin}:emr-instance/$emrInstanceId" || e.Level != LevelResource {
		t.Errorf("emr:DescribeKeyTabFile %q %v", e.Patterns, e.Level)
	}
	// CLB: "* 只对接口进行鉴权" inside a resource-level table is operation level, and
	// the swapped 资源描述 / 接口说明 columns are read by content.
	e = entryOf(t, "intlcloud-documents.tar.gz", "zh", "clb", "DescribeLoadBalancers")
	if e.Level != LevelOperation || e.Description != "查询负载均衡实例列表" {
		t.Errorf("clb:DescribeLoadBalancers level %v description %q", e.Level, e.Description)
	}
	// CI: a granularity column saying 接口级.
	ops := 0
	for _, e := range Entries(resourceLevelDocs(t, "intlcloud-documents.tar.gz", "zh")) {
		if e.Prefix == "ci" && e.GranularityCell == "接口级" {
			ops++
			if e.Level != LevelOperation {
				t.Errorf("ci:%s says 接口级 but reads %v", e.Action, e.Level)
			}
		}
	}
	if ops == 0 {
		t.Error("no ci row says 接口级")
	}
	// name/cos: in the action cell gives the prefix.
	if _, n, ok := actionIn("name/cos:GetObject"); !ok || n != "GetObject" {
		t.Error("name/cos:GetObject not read")
	}
	// The live pages name their service ${ApiModule}: the folder override applies.
	e = entryOf(t, "qcloud-documents.tar.gz", "cn", "live", "DropLiveStream")
	if e.PrefixFrom != "product folder patterns" {
		t.Errorf("live:DropLiveStream prefix from %q", e.PrefixFrom)
	}
}

func TestRoles(t *testing.T) {
	for h, want := range map[string]Role{
		"接口名": RoleAction, "API 操作": RoleAction, "API 接口：action": RoleAction, "Action": RoleAction, "操作名称": RoleAction,
		"API Name": RoleAction, "API  名称": RoleAction, "action名称": RoleAction, "Operation Name": RoleAction,
		"接口描述": RoleDescription, "API 描述": RoleDescription, "说明": RoleDescription, "Description": RoleDescription, "权限说明": RoleDescription,
		"资源六段式": RoleResource, "资源路径": RoleResource, "资源路径：resource": RoleResource, "资源描述": RoleResource, "Resouce": RoleResource,
		"6-Segment Resource Description": RoleResource, "Six-Segment Example of Resource": RoleResource, "资源类型/资源六段式示例": RoleResource,
		"最新资源（Resource）描述方式": RoleResource, "鉴权参数": RoleResource, "六段式定义": RoleResource,
		"资源类型": RoleResourceType, "Resource Type": RoleResourceType,
		"条件密钥": RoleCondition, "Condition Key": RoleCondition, "条件": RoleCondition,
		"授权粒度": RoleGranularity, "是否支持资源级": RoleGranularity, "Authorization Granularity": RoleGranularity,
		"Resource-Level Permission Supported": RoleGranularity,
		"权限控制资源级别":                            RoleGranularityProse,
	} {
		if got := roleOf(h); got != want {
			t.Errorf("roleOf(%q) = %v, want %v", h, got, want)
		}
	}
}
