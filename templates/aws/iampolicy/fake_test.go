package iampolicy

import (
	"sort"
	"strings"

	"github.com/permgen/permgen/templates/aws/iam"
)

// fakeCatalog stands in for the generated catalog package: a few real rows of
// s3, iam and ec2 as the Service Authorization Reference gives them.
type fakeCatalog struct{}

func rows(rs ...iam.ActionResourceType) iam.ActionResourceTypes {
	l, ok := iam.EncodeActionResourceTypes(rs...)
	if !ok {
		panic("bad rows")
	}
	return l
}

var fakeActions = []iam.ActionInfo{
	{Service: "ec2", Name: "DescribeInstances", AccessLevel: iam.List},
	{Service: "ec2", Name: "RunInstances", AccessLevel: iam.Write, ResourceTypes: rows(iam.ActionResourceType{Name: "instance", Required: true}),
		ConditionKeys: "aws:RequestTag/${TagKey} aws:TagKeys"},
	{Service: "ec2", Name: "StartInstances", AccessLevel: iam.Write, ResourceTypes: rows(iam.ActionResourceType{Name: "instance", Required: true})},
	{Service: "iam", Name: "GetUser", AccessLevel: iam.Read, ResourceTypes: rows(iam.ActionResourceType{Name: "user", Required: true})},
	{Service: "iam", Name: "PassRole", AccessLevel: iam.Write, ResourceTypes: rows(iam.ActionResourceType{Name: "role", Required: true}),
		ConditionKeys: "iam:AssociatedResourceArn iam:PassedToService"},
	{Service: "s3", Name: "DeleteObject", AccessLevel: iam.Write, ResourceTypes: rows(iam.ActionResourceType{Name: "object", Required: true}),
		ConditionKeys: "s3:authType"},
	{Service: "s3", Name: "GetObject", AccessLevel: iam.Read, ResourceTypes: rows(iam.ActionResourceType{Name: "object", Required: true}),
		ConditionKeys: "s3:ExistingObjectTag/<key> s3:authType"},
	{Service: "s3", Name: "GetObjectAcl", AccessLevel: iam.Read, ResourceTypes: rows(iam.ActionResourceType{Name: "object", Required: true}),
		ConditionKeys: "s3:ExistingObjectTag/<key> s3:authType"},
	{Service: "s3", Name: "GetObjectTagging", AccessLevel: iam.Read, ResourceTypes: rows(iam.ActionResourceType{Name: "object", Required: true})},
	{Service: "s3", Name: "ListAllMyBuckets", AccessLevel: iam.List},
	{Service: "s3", Name: "ListBucket", AccessLevel: iam.List, ResourceTypes: rows(iam.ActionResourceType{Name: "bucket", Required: true}),
		ConditionKeys: "s3:max-keys s3:prefix s3:authType"},
	{Service: "s3", Name: "PutObject", AccessLevel: iam.Write, ResourceTypes: rows(iam.ActionResourceType{Name: "object", Required: true}),
		ConditionKeys: "aws:RequestTag/${TagKey} aws:TagKeys s3:authType", DependentActions: "s3:PutObjectTagging"},
	{Service: "s3", Name: "PutObjectTagging", AccessLevel: iam.Tagging, ResourceTypes: rows(iam.ActionResourceType{Name: "object", Required: true})},
}

var fakeResourceTypes = []iam.ResourceTypeInfo{
	{Service: "ec2", Name: "instance", ARN: "arn:${Partition}:ec2:${Region}:${Account}:instance/${InstanceId}", ConditionKeys: "aws:ResourceTag/${TagKey} ec2:InstanceType"},
	{Service: "iam", Name: "role", ARN: "arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}"},
	{Service: "iam", Name: "user", ARN: "arn:${Partition}:iam::${Account}:user/${UserNameWithPath}"},
	{Service: "s3", Name: "bucket", ARN: "arn:${Partition}:s3:::${BucketName}"},
	{Service: "s3", Name: "object", ARN: "arn:${Partition}:s3:::${BucketName}/${ObjectName}"},
}

func (fakeCatalog) LookupAction(name string) (iam.ActionInfo, bool) {
	for _, a := range fakeActions {
		if strings.EqualFold(a.String(), name) {
			return a, true
		}
	}
	return iam.ActionInfo{}, false
}

func (fakeCatalog) ServiceActions(prefix string) []iam.ActionInfo {
	var out []iam.ActionInfo
	for _, a := range fakeActions {
		if a.Service == prefix {
			out = append(out, a)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

func (fakeCatalog) LookupResourceType(prefix, name string) (iam.ResourceTypeInfo, bool) {
	for _, r := range fakeResourceTypes {
		if r.Service == prefix && r.Name == name {
			return r, true
		}
	}
	return iam.ResourceTypeInfo{}, false
}

// act looks up an action of the fake catalog, as a generated constant would be.
func act(name string) iam.ActionInfo {
	a, ok := fakeCatalog{}.LookupAction(name)
	if !ok {
		panic("no fake action " + name)
	}
	return a
}

var objectARN = iamARNTemplate("arn:${Partition}:s3:::${BucketName}/${ObjectName}")
