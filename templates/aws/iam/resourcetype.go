package iam

// ResourceTypeInfo is one resource type of a service as the reference's resource
// types table gives it. Like ActionInfo it is a value made of strings.
type ResourceTypeInfo struct {
	Service string // the service prefix of the page that defines it, "s3"
	Name    string // "object"
	// ARN is the template with ${Placeholders}, as written after normalization:
	// "arn:${Partition}:s3:::${BucketName}/${ObjectName}". Package iamarn builds
	// and matches ARNs by it.
	ARN           string
	ConditionKeys ConditionKeys
}

// String returns "<prefix>:<name>", e.g. "s3:object".
func (r ResourceTypeInfo) String() string { return r.Service + ":" + r.Name }

// Valid reports whether r describes a resource type.
func (r ResourceTypeInfo) Valid() bool { return r.Service != "" && r.Name != "" }
