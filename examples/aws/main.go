// Command aws is the acceptance program of the generated AWS packages: it builds
// ARNs, looks actions up by access level and by name, and finds which resource
// type of which service an ARN is. examples_test.go runs it (it is a nested
// module, like the tree it imports) and compares its output with want.txt.
package main

import (
	"fmt"

	"github.com/permgen/permgen/generated/aws/catalog"
	"github.com/permgen/permgen/generated/aws/ec2"
	"github.com/permgen/permgen/generated/aws/global"
	"github.com/permgen/permgen/generated/aws/iam"
	"github.com/permgen/permgen/generated/aws/iamarn"
	"github.com/permgen/permgen/generated/aws/lambda"
	"github.com/permgen/permgen/generated/aws/s3"
	"github.com/permgen/permgen/generated/aws/sqs"
)

func main() {
	// ARNs from typed builders; the partition defaults to aws.
	obj := s3.ObjectARN("my-bucket", "photos/cat.png")
	fmt.Println(obj)                           // arn:aws:s3:::my-bucket/photos/cat.png
	fmt.Println(obj.In(iamarn.PartitionChina)) // arn:aws-cn:s3:::my-bucket/photos/cat.png
	fmt.Println(ec2.InstanceARN("us-east-1", "123456789012", "i-0abc"))
	fmt.Println(lambda.FunctionAliasARN("eu-west-1", "123456789012", "resize", "live"))
	fmt.Println(sqs.QueueARN("us-east-1", "123456789012", "jobs").WithRegion("us-west-2"))
	// Refused, not guessed: the error travels with the ARN.
	bad := s3.ObjectARN("", "x")
	fmt.Printf("%q %v\n", bad.String(), bad.Err())
	fmt.Println(obj.WithRegion("us-east-1").Err()) // S3 object ARNs have no region

	// Actions: names, metadata, access levels.
	a := s3.ActionGetObject
	info := a.Info()
	fmt.Println(a, info.AccessLevel, info.Operation, info.ResourceTypes.Len(), info.DocURL)
	for r := range info.ResourceTypes.All() {
		fmt.Println("  resource type", r.Name, "required:", r.Required)
	}
	fmt.Println("sqs read:", sqs.ReadActions())
	fmt.Println("sqs tagging:", sqs.TaggingActions())
	fmt.Println("sqs permissions management:", sqs.PermissionsManagementActions())
	fmt.Println("ec2 actions:", len(ec2.Actions()), "of which List:", len(ec2.ListActions()))
	if _, err := s3.ParseAction("s3:GetObjet"); err != nil {
		fmt.Println(err)
	}
	act, _ := s3.ParseAction("S3:getobject") // IAM ignores case in action names
	fmt.Println(act == s3.ActionGetObject)

	// Condition keys, typed.
	fmt.Println(s3.ConditionKeyAuthType, s3.ConditionKeyAuthType.Type())
	fmt.Println(s3.ConditionKeyExistingObjectTag("team"), s3.ConditionKeyExistingObjectTag("team").Type())
	fmt.Println(global.ConditionKeyRequestTag("owner"), global.ConditionKeyTagKeys.Type())

	// Any action or ARN met at run time, through the catalog.
	if i, ok := catalog.LookupAction("iam:PassRole"); ok {
		fmt.Println(i, i.AccessLevel, i.AccessLevel == iam.Write)
	}
	for _, s := range []string{obj.String(), "arn:aws:s3:::my-bucket", "arn:aws:lambda:eu-west-1:123456789012:function:resize:live"} {
		for _, rt := range catalog.ResourceTypesOf(s) {
			fmt.Println(s, "is", rt)
		}
	}
	fmt.Println(len(catalog.MatchActions("s3:Get*")) > 50)
	fmt.Println(iamarn.Match("arn:aws:s3:::my-bucket/*", obj.String()), iamarn.Match("arn:aws:s3:::other/*", obj.String()))
}
