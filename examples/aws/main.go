// Command aws is the acceptance program of the generated AWS packages: it builds
// ARNs, looks actions up by access level and by name, and finds which resource
// type of which service an ARN is. examples_test.go runs it (it is a nested
// module, like the tree it imports) and compares its output with want.txt.
package main

import (
	"fmt"
	"slices"

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

	// Actions: names, metadata, access levels. (What it prints stays true when
	// the pages are refreshed: no counts, no whole lists.)
	a := s3.ActionGetObject
	info := a.Info()
	fmt.Println(a, info.AccessLevel, info.Operation, info.DocURL)
	if r, ok := info.ResourceTypes.Find("object"); ok {
		fmt.Println("  acts on", r.Name, "required:", r.Required)
	}
	fmt.Println("sqs:ReceiveMessage is Read:", slices.Contains(sqs.ReadActions(), sqs.ActionReceiveMessage))
	fmt.Println("sqs:TagQueue is Tagging:", slices.Contains(sqs.TaggingActions(), sqs.ActionTagQueue))
	fmt.Println("sqs:AddPermission is Permissions management:", slices.Contains(sqs.PermissionsManagementActions(), sqs.ActionAddPermission))
	allList := true
	for _, a := range ec2.ListActions() {
		allList = allList && a.Info().AccessLevel == iam.List
	}
	fmt.Println("ec2 List actions are all List:", allList, len(ec2.ListActions()) > 100)
	if _, err := s3.ParseAction("s3:GetObjet"); err != nil {
		fmt.Println(err)
	}
	act, _ := s3.ParseAction("S3:getobject") // IAM ignores case in action names
	fmt.Println(act == s3.ActionGetObject)

	// Condition keys, typed.
	fmt.Println(s3.ConditionKeyAuthType, s3.ConditionKeyAuthType.Type())
	fmt.Println(s3.ConditionKeyExistingObjectTag("team"), s3.ConditionKeyExistingObjectTag("team").Type())
	fmt.Println(global.ConditionKeyRequestTag("owner"), global.ConditionKeyRequestTag("owner").Type(), global.ConditionKeyTagKeys, global.ConditionKeyTagKeys.Type())

	// Any action or ARN met at run time, through the catalog.
	if i, ok := catalog.LookupAction("iam:PassRole"); ok {
		fmt.Println(i, i.AccessLevel, i.AccessLevel == iam.Write)
	}
	for _, s := range []string{obj.String(), "arn:aws:s3:::my-bucket", "arn:aws:lambda:eu-west-1:123456789012:function:resize:live"} {
		var names []string
		for _, rt := range catalog.ResourceTypesOf(s) {
			names = append(names, rt.String())
		}
		// Several templates can fit one ARN (a Lambda alias and a version look alike).
		fmt.Println(s, "is", names[0], "among", len(names))
	}
	fmt.Println(len(catalog.MatchActions("s3:Get*")) > 50)
	fmt.Println(iamarn.Match("arn:aws:s3:::my-bucket/*", obj.String()), iamarn.Match("arn:aws:s3:::other/*", obj.String()))
}
