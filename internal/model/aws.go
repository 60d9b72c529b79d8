package model

// FormatAWSSAR is AWS's Service Authorization Reference page, "Actions, resources,
// and condition keys for <service>": one table of actions, one of resource types and
// one of condition keys.
const FormatAWSSAR = "aws-sar"

// AWS access levels, as the pages write them. They are kept as written (not mapped to
// Category) because they are the words IAM users search for.
const (
	AccessRead        = "Read"
	AccessWrite       = "Write"
	AccessList        = "List"
	AccessTagging     = "Tagging"
	AccessPermissions = "Permissions management"
)

// AccessLevels are the five access levels in the order AWS documents them.
var AccessLevels = []string{AccessList, AccessRead, AccessWrite, AccessPermissions, AccessTagging}

// ActionResourceType is one row of an AWS action: a resource type the action can be
// scoped to, whether a policy must name it (the page's trailing "*"), and the
// condition keys and dependent actions of that row.
type ActionResourceType struct {
	Name             string   `json:"name"`
	Required         bool     `json:"required"`
	ConditionKeys    []string `json:"condition_keys,omitempty"`
	DependentActions []string `json:"dependent_actions,omitempty"`
}

// ConditionKey is one condition key a service defines: its name as written
// ("s3:ExistingObjectTag/<key>", "aws:ResourceTag/${TagKey}"), its description and its
// type as written (String, ARN, Numeric, Date, Bool, IPAddress, Binary, ArrayOfString,
// ArrayOfARN, ...).
type ConditionKey struct {
	Name        string `json:"name"`
	Description string `json:"description,omitempty"`
	Type        string `json:"type,omitempty"`
	Pos         Pos    `json:"-"` // the row that defines it, for lint
}

// ActionScenario is one "SCENARIO:" block of an AWS action (ec2:RunInstances has
// EC2-Classic-EBS, EC2-VPC-EBS, ...): a named set of resource types that a request of
// that shape touches. Kept apart from the action's own rows because it is an
// alternative, not an addition.
type ActionScenario struct {
	Name          string               `json:"name"`
	ResourceTypes []ActionResourceType `json:"resource_types,omitempty"`
}

// Field keys of AWS Service Authorization Reference tables and facts.
const (
	KeyAction           = "action"            // actions table: the action name
	KeyDocURL           = "doc_url"           // actions table: the action's documentation link
	KeyAccessLevel      = "access_level"      // actions table
	KeyResourceTypes    = "resource_types"    // actions table: one part per resource type, "object*"
	KeyConditionKeys    = "condition_keys"    // actions and resource types tables: one part per key
	KeyDependentActions = "dependent_actions" // actions table: one part per action
	KeyResourceType     = "resource_type"     // resource types table: the name
	KeyARN              = "arn"               // resource types table: the ARN template
	KeyConditionKey     = "condition_key"     // condition keys table: the name
	KeyType             = "type"              // condition keys table: the value type

	FactServicePrefix = "service_prefix" // "(service prefix: s3)"
	FactServiceName   = "service_name"   // the name in the page's title, "Amazon S3"
)
