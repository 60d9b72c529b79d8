package model

import "slices"

// Service is one page after resolve: values normalized (Unicode NFC, white space
// folded), mapped to closed vocabularies, checked and corrected by overrides. It is the
// record that emitters read and that diffs compare. It carries no Go names.
type Service struct {
	Kind   string `json:"kind"` // the page format: FormatTencentCAM, FormatScopeTable or FormatAWSSAR
	Source Source `json:"source"`
	// Name is the product's name as the page gives it (云呼叫中心); ShortName is the
	// CAM short name (ccc), the AWS service prefix (s3) or, for a scope table, the vendor.
	Name      string `json:"name"`
	ShortName string `json:"short_name"`

	// Tencent CAM service facts (基本信息).
	ConsoleAccess    Support     `json:"console_access,omitempty"`
	TagAuthorization Support     `json:"tag_authorization,omitempty"`
	Granularity      Granularity `json:"granularity,omitempty"`
	IPRestriction    Support     `json:"ip_restriction,omitempty"`

	Actions       []Action       `json:"actions,omitempty"`        // sorted by Name
	ResourceTypes []ResourceType `json:"resource_types,omitempty"` // sorted by Service, then Name
	Scopes        []Scope        `json:"scopes,omitempty"`         // sorted by Name

	// ConditionKeys are the condition keys an AWS page defines, sorted by Name.
	ConditionKeys []ConditionKey `json:"condition_keys,omitempty"`

	// Diagnostics are the anomalies found in this page, in page order.
	Diagnostics []Diagnostic `json:"-"`

	// Payload is the owning vendor's own value, for a vendor whose services do
	// not fit the fields above (Google Cloud's one catalog of permissions and
	// roles joined across pages). Only the vendor that owns Kind sets or reads it;
	// it is no part of the snapshot JSON, so the snapshots of vendors that use
	// the fields above keep their shape.
	Payload any `json:"-"`
}

// Granularity is how finely CAM can authorize an API (授权粒度).
type Granularity string

const (
	ServiceLevel   Granularity = "service"   // 服务级
	OperationLevel Granularity = "operation" // 操作级: only resource "*"
	ResourceLevel  Granularity = "resource"  // 资源级
)

// Support is a yes / no / partly value (支持 / 不支持 / 部分支持).
type Support string

const (
	Supported          Support = "supported"
	Unsupported        Support = "unsupported"
	PartiallySupported Support = "partial"
)

// Category is the section of the page an action is listed in.
type Category string

const (
	Write   Category = "write" // 写操作
	Read    Category = "read"  // 读操作
	List    Category = "list"  // 列表操作
	Other   Category = "other" // 其他操作
	Unknown Category = "unknown"
)

// Action is one API of a Tencent CAM page.
type Action struct {
	Name        string      `json:"name"`        // API name, vendor spelling (DescibeCanSalePhoneNums)
	Description string      `json:"description"` // verbatim after normalization; may be empty
	Category    Category    `json:"category"`
	Section     string      `json:"section"` // the section heading as found, kept for unknown categories
	Granularity Granularity `json:"granularity"`
	// Resources are the six-segment patterns the action may be restricted to; for an
	// operation-level action the single pattern "*".
	Resources     []Resource `json:"resources"`
	IPRestriction Support    `json:"ip_restriction"`
	// Deprecated is set when the action has vanished from the page but is kept so
	// that users' code still compiles; nil while the page lists it.
	Deprecated *Deprecation `json:"deprecated,omitempty"`

	// AWS (FormatAWSSAR) only. AccessLevel is one of the Access* words as written;
	// DocURL the action's documentation link; Operation the API operation the link
	// names (API_GetBucketCors.html: "GetBucketCors"), empty when it names none.
	AccessLevel string `json:"access_level,omitempty"`
	DocURL      string `json:"doc_url,omitempty"`
	Operation   string `json:"operation,omitempty"`
	// ResourceTypes are the action's resource-type rows in page order.
	ResourceTypes []ActionResourceType `json:"resource_types,omitempty"`
	// ConditionKeys and DependentActions are those of the row with no resource type
	// (request-level), in page order.
	ConditionKeys    []string `json:"condition_keys,omitempty"`
	DependentActions []string `json:"dependent_actions,omitempty"`
	// Scenarios are the action's "SCENARIO:" blocks in page order (ec2:RunInstances).
	Scenarios []ActionScenario `json:"scenarios,omitempty"`

	Pos Pos `json:"-"`
}

// Deprecation records when an action or scope disappeared from its page.
type Deprecation struct {
	Date string `json:"date"` // YYYY-MM-DD of the regeneration that first missed it
	Page string `json:"page"` // the page it was removed from, "sources/tencentcloud/ccc.html"
}

// Resource is one six-segment pattern qcs:project:service:region:account:resource
// with placeholders normalized to ${name}. Pattern "*" has no segments.
type Resource struct {
	Pattern string `json:"pattern"`           // normalized, e.g. qcs::ccc::uin/${uin}:SdkAppId/${SdkAppId}
	Raw     string `json:"raw,omitempty"`     // as found, when it differs from Pattern
	Project string `json:"project,omitempty"` // usually empty
	Service string `json:"service,omitempty"`
	Region  string `json:"region,omitempty"`  // "" or "${region}"
	Account string `json:"account,omitempty"` // "uin/${uin}" or ""
	Path    string `json:"path,omitempty"`    // the sixth segment, "SdkAppId/${SdkAppId}"
	Type    string `json:"type,omitempty"`    // the sixth segment's first element, "SdkAppId"
}

// IsWildcard reports whether the pattern is the bare "*" of operation-level actions.
func (r Resource) IsWildcard() bool { return r.Pattern == "*" }

// ResourceType is one kind of resource the page's patterns name, with the
// placeholders a builder must fill, in pattern order.
type ResourceType struct {
	Service      string   `json:"service"`
	Name         string   `json:"name"`         // "SdkAppId"
	Pattern      string   `json:"pattern"`      // the pattern builders follow
	Placeholders []string `json:"placeholders"` // account and path placeholders, e.g. ["uin","SdkAppId"]
	// ConditionKeys are the keys an AWS resource type lists, in page order. For AWS,
	// Pattern is the ARN template as written after normalization and Placeholders
	// every placeholder in template order except Partition.
	ConditionKeys []string `json:"condition_keys,omitempty"`
	// Pos is the row that defines it (AWS), for lint.
	Pos Pos `json:"-"`
}

// Scope is one access-token scope "namespace:verb".
type Scope struct {
	Name        string `json:"name"`
	Namespace   string `json:"namespace"`
	Verb        string `json:"verb"`
	Description string `json:"description"`
	// Implies lists the scopes this one grants besides itself, sorted; ImpliesWhy
	// says which rule derived them from the page and where.
	Implies    []string `json:"implies,omitempty"`
	ImpliesWhy string   `json:"implies_why,omitempty"`
	// Deprecated is set when the scope vanished from the page; see Action.Deprecated.
	Deprecated *Deprecation `json:"deprecated,omitempty"`
	Pos        Pos          `json:"-"`
}

// Patterns returns the patterns of the action's resources, in page order.
func (a Action) Patterns() []string {
	ps := make([]string, 0, len(a.Resources))
	for _, r := range a.Resources {
		ps = append(ps, r.Pattern)
	}
	return ps
}

// TypeNames returns the "service/type" of each specific resource of the action, in
// page order without repeats; nil for an action authorized only on "*".
func (a Action) TypeNames() []string {
	var types []string
	for _, r := range a.Resources {
		if t := r.Service + "/" + r.Type; !r.IsWildcard() && !slices.Contains(types, t) {
			types = append(types, t)
		}
	}
	return types
}
