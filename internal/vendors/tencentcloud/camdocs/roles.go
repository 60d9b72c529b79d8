package camdocs

import "strings"

// Role is what a column of a CAM table holds.
type Role uint8

// Column roles.
const (
	RoleNone         Role = iota
	RoleAction            // API name: 接口名, API 操作, API Name, Action, 操作名称 …
	RoleDescription       // 接口描述, API 描述, 说明, Description …
	RoleResource          // 资源六段式, 资源路径, 资源描述, Resource Path …
	RoleResourceType      // 资源类型, Resource Type
	RoleCondition         // 条件密钥, 条件, Condition Key
	RoleGranularity       // 授权粒度, 是否支持资源级, Authorization Granularity …
	// RoleGranularityProse is TKE's 权限控制资源级别, which holds sentences
	// ("需要集群的资源权限"), not a level.
	RoleGranularityProse
)

var roleNames = [...]string{"none", "action", "description", "resource", "resource-type", "condition", "granularity", "granularity-prose"}

func (r Role) String() string { return roleNames[r] }

// roleOf classifies a header cell. The order of the tests matters: "资源描述" is a
// resource column and "API 描述" a description, so resource words are tested before
// description words and those before action words.
func roleOf(header string) Role {
	h := strings.ToLower(strings.Join(strings.Fields(header), ""))
	has := func(words ...string) bool {
		for _, w := range words {
			if strings.Contains(h, w) {
				return true
			}
		}
		return false
	}
	switch {
	case has("权限控制资源级别", "resourcelevelforpermission"):
		return RoleGranularityProse
	case has("授权粒度", "是否支持资源级", "granularity", "resource-levelpermission"):
		return RoleGranularity
	case has("资源类型", "resourcetype") && !has("六段式", "路径", "segment", "path"):
		return RoleResourceType
	case has("资源", "resource", "resouce", "六段式", "segment", "鉴权参数"):
		return RoleResource
	case has("条件", "condition"):
		return RoleCondition
	case has("描述", "说明", "description", "功能", "备注", "介绍", "注意事项"):
		return RoleDescription
	case has("api", "action", "接口", "操作", "operation"):
		return RoleAction
	}
	return RoleNone
}
