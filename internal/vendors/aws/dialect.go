package aws

import (
	"encoding/json"
	"flag"

	"github.com/permgen/permgen/internal/vendor"
	"github.com/permgen/permgen/templates/aws/iampolicy"
)

var _ vendor.PolicyDialect = Vendor{}

// Claims implements vendor.PolicyDialect: an AWS policy document is told from a
// CAM one by its top-level keys: AWS writes "Statement" capitalized, and
// "Version" 2012-10-17 (or 2008-10-17).
func (Vendor) Claims(doc []byte) bool {
	var top map[string]json.RawMessage
	if json.Unmarshal(doc, &top) != nil {
		return false
	}
	if _, ok := top["Statement"]; ok {
		return true
	}
	var v string
	_ = json.Unmarshal(top["Version"], &v)
	return v == iampolicy.Version2012 || v == iampolicy.Version2008
}

// PolicyWords implements vendor.PolicyDialect.
func (Vendor) PolicyWords() vendor.PolicyWords {
	return vendor.PolicyWords{
		Language: "AWS IAM",
		Short:    "AWS IAM",
		Pages:    "AWS",
		Keys:     `("Version": "2012-10-17")`,
		Usage:    "policy write takes -vendor aws for IAM",
		EvalAlso: "for AWS, a resource policy",
		Request: `  {"principal": "arn:aws:iam::111122223333:user/alice", "action": "s3:GetObject",
   "resource": "arn:aws:s3:::my-bucket/a.png", "context": {"aws:SourceIp": "10.0.0.1",
   "aws:TagKeys": ["a", "b"]}}`,
		Write: `"action [arn]", or policy_sentry's CRUD form "level[,level] arn"
with levels read, write, list, tagging, permissions-management, e.g.
  s3:GetObject arn:aws:s3:::my-bucket/*
  read,list arn:aws:dynamodb:us-east-1:111122223333:table/T`,
		OnlyFlags: onlyFlags,
		Bundled:   func(date string) string { return " (AWS pages of " + date + ")" },
	}
}

// onlyFlags registers, on another dialect's command, the flags only AWS's same
// command reads, so that -h lists every flag of the command and the other
// dialect refuses them rather than ignoring them.
func onlyFlags(command string, fs *flag.FlagSet) []string {
	switch command {
	case "lint", "write":
		fs.String("kind", "managed", "AWS only: policy `kind`, for its size quota: managed (6,144), role (10,240), user (2,048) or group (5,120); the "+
			"iampolicy constants ManagedPolicy, RoleInlinePolicy, UserInlinePolicy, GroupInlinePolicy")
		return []string{"kind"}
	case "eval":
		fs.String("resource-policy", "", "AWS only: resource-based policy `file` of the resource (bucket policy, key policy, trust policy)")
		fs.String("resource-account", "", "AWS only: `account` ID owning the resource, when not the caller's (cross-account)")
		return []string{"resource-policy", "resource-account"}
	}
	return nil
}
