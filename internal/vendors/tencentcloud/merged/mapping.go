package merged

import "strings"

// Mapping is one place where a source's service name is not the CAM prefix.
type Mapping struct {
	Source, From, To string // source kind ("api", "doc"), name as found, CAM prefix
	Reason           string
}

// apiMappings are the API catalogue services whose actions CAM authorizes under
// another prefix (README §4 of the source data, each measured).
var apiMappings = []Mapping{
	{"api", "autoscaling", "as", "the tccli folder is autoscaling; its serviceShortName and the CAM prefix (支持CAM的产品: 弹性伸缩 as) are as"},
	{"api", "cbs", "cvm", "CBS has no CAM product of its own: its APIs are authorized under cvm, with resources qcs::cvm:…:volume/… (云硬盘 可授权的资源类型: cvm:AttachDisks)"},
	{"api", "apigateway", "apigw", "the API service is apigateway, the CAM prefix of API 网关 is apigw (支持CAM的产品, CloudAudit's API 网关 list)"},
	{"api", "cmq", "cmqqueue", "CMQ's CAM prefixes are cmqqueue and cmqtopic (TDMQ CMQ 访问管理 CAM); topic and subscription APIs go to cmqtopic, the rest to cmqqueue"},
}

// docMappings rename prefixes of the old pages.
var docMappings = []Mapping{
	{"doc", "ccs", "tke", "TKE's old tables write qcs::ccs: (TKE集群资源级权限接口列表); today's prefix of 容器服务 is tke"},
}

// apiPrefix returns the CAM prefix of an API service's action and the mapping used.
func apiPrefix(service, shortName, action string) (string, *Mapping) {
	for i, m := range apiMappings {
		if m.From != service {
			continue
		}
		if service == "cmq" && (strings.Contains(action, "Topic") || strings.Contains(action, "Subscri")) {
			return "cmqtopic", &apiMappings[i]
		}
		return m.To, &apiMappings[i]
	}
	if shortName != "" {
		return shortName, nil
	}
	return service, nil
}

// docPrefix maps an old page's prefix.
func docPrefix(p string) string {
	for _, m := range docMappings {
		if m.From == p {
			return m.To
		}
	}
	return p
}
