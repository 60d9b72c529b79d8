package diff

import (
	"strings"

	"github.com/permgen/permgen/internal/model"
)

// Builders for small models; only what the diff reads is filled in.

var sections = map[model.Category]string{model.Write: "写操作", model.Read: "读操作", model.List: "列表操作", model.Other: "其他操作"}

func act(name, desc string, cat model.Category, gran model.Granularity, patterns ...string) model.Action {
	a := model.Action{Name: name, Description: desc, Category: cat, Section: sections[cat], Granularity: gran, IPRestriction: model.Supported}
	if gran == model.OperationLevel && len(patterns) == 0 {
		patterns = []string{"*"}
	}
	for _, p := range patterns {
		a.Resources = append(a.Resources, model.Resource{Pattern: p})
	}
	return a
}

func deprecated(a model.Action) model.Action {
	a.Deprecated = &model.Deprecation{Date: "2025-01-02", Page: "sources/tencentcloud/" + "cvm.html"}
	return a
}

func rtype(service, name, pattern string, placeholders ...string) model.ResourceType {
	return model.ResourceType{Service: service, Name: name, Pattern: pattern, Placeholders: placeholders}
}

func camService(short, name string, actions []model.Action, rts ...model.ResourceType) *model.Service {
	return &model.Service{
		Kind:   model.FormatTencentCAM,
		Source: model.Source{Path: "tencentcloud/" + short + ".html", Vendor: "tencentcloud", Format: model.FormatTencentCAM, URL: "https://example.com/" + short},
		Name:   name, ShortName: short,
		ConsoleAccess: model.Supported, TagAuthorization: model.Unsupported, Granularity: model.ResourceLevel, IPRestriction: model.Supported,
		Actions: actions, ResourceTypes: rts,
	}
}

func scope(name, desc string, implies ...string) model.Scope {
	ns, verb, _ := strings.Cut(name, ":")
	return model.Scope{Name: name, Namespace: ns, Verb: verb, Description: desc, Implies: implies}
}

func scopeService(vendor string, scopes ...model.Scope) *model.Service {
	return &model.Service{
		Kind:   model.FormatScopeTable,
		Source: model.Source{Path: vendor + "/scopes.html", Vendor: vendor, Format: model.FormatScopeTable},
		Name:   "Access Control List", ShortName: vendor,
		Scopes: scopes,
	}
}

const (
	instance = "qcs::cvm:${region}:uin/${uin}:instance/${InstanceId}"
	image    = "qcs::cvm:${region}:uin/${uin}:image/${ImageId}"
)

// goldenOld and goldenNew differ in one way per rule the diff knows, so the goldens
// show every kind of line.
func goldenOld() []*model.Service {
	cvm := camService("cvm", "云服务器", []model.Action{
		act("AllocateAddresses", "创建弹性公网IP", model.Other, model.OperationLevel),
		act("DescribeZones", "查询可用区", model.Read, model.OperationLevel),
		act("InquiryPrice", "询价", model.Read, model.OperationLevel),
		act("ModifyImage", "修改镜像", model.Write, model.ResourceLevel, instance),
		act("OldApi", "旧接口", model.Write, model.OperationLevel),
		act("ResetPassword", "重置密码", model.Write, model.ResourceLevel, instance),
		act("StopInstance", "关闭实例", model.Write, model.ResourceLevel, instance),
		act("TerminateInstances", "退还实例", model.Write, model.ResourceLevel, instance),
	},
		rtype("cvm", "eip", "qcs::cvm:${region}:uin/${uin}:eip/${EipId}", "region", "uin", "EipId"),
		rtype("cvm", "image", "qcs::cvm:${region}:uin/${uin}:image/${ImageId}", "region", "uin", "ImageId"),
		rtype("cvm", "instance", instance, "region", "uin", "InstanceId"),
	)
	stella := scopeService("stella",
		scope("bot:read", "Grant permission to read Bot"),
		scope("file:admin", "Grant all File APIs access", "file:read"),
		scope("file:read", "Grant permission to read File"),
		scope("member:ToggleLiveChat", "Grant permission to toggle live chat"),
		scope("member:admin", "Grant all Member APIs access", "member:ToggleLiveChat", "member:read"),
		scope("member:read", "Grant permission to read Member"),
	)
	cbs := camService("cbs", "云硬盘", []model.Action{act("CreateDisks", "创建云硬盘", model.Write, model.OperationLevel)})
	return []*model.Service{cbs, cvm, stella}
}

func goldenNew() []*model.Service {
	inquiry := act("InquiryPrice", "询价", model.Read, model.OperationLevel)
	inquiry.IPRestriction = model.PartiallySupported
	cvm := camService("cvm", "云服务器", []model.Action{
		act("AllocateAddresses", "创建弹性公网IP", model.Write, model.OperationLevel),
		act("DescribeZones", "查询可用区列表", model.Read, model.OperationLevel),
		inquiry,
		act("ModifyImage", "修改镜像", model.Write, model.ResourceLevel, image),
		act("NewApi", "旧接口", model.Write, model.OperationLevel),
		deprecated(act("OldApi", "旧接口", model.Write, model.OperationLevel)),
		act("ResetPassword", "重置密码", model.Write, model.OperationLevel),
		act("RunInstances", "创建实例", model.Write, model.ResourceLevel, instance),
		act("StopInstances", "关闭实例", model.Write, model.ResourceLevel, instance),
	},
		rtype("cvm", "image", "qcs::cvm::uin/${uin}:image/${ImageId}", "uin", "ImageId"),
		rtype("cvm", "instance", "qcs::cvm:${region}:uin/${uin}:instance/${InstanceId}", "region", "uin", "InstanceId"),
		rtype("cvm", "snapshot", "qcs::cvm:${region}:uin/${uin}:snapshot/${SnapshotId}", "region", "uin", "SnapshotId"),
	)
	cvm.TagAuthorization = model.Supported
	cvm.Source.URL = "https://example.com/cvm-v2"
	stella := scopeService("stella",
		scope("bot:read", "Grant permission to read Bots"),
		scope("file:admin", "Grant all files access"),
		scope("file:read", "Grant permission to read File"),
		scope("member:admin", "Grant all Member APIs access", "member:read", "member:toggleLiveChat"),
		scope("member:read", "Grant permission to read Member"),
		scope("member:toggleLiveChat", "Grant permission to toggle live chat"),
	)
	tag := camService("tag", "标签", []model.Action{act("AddResourceTag", "添加资源标签", model.Write, model.OperationLevel)})
	return []*model.Service{cvm, stella, tag}
}
