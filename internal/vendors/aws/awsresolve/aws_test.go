package awsresolve

import (
	"reflect"
	"strings"
	"testing"

	"github.com/permgen/permgen/internal/resolve"
)

// AWS, "Amazon Resource Names (ARNs)" (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html):
// "arn:partition:service:region:account-id:resource-id
// arn:partition:service:region:account-id:resource-type/resource-id
// arn:partition:service:region:account-id:resource-type:resource-id" and "Be aware
// that the ARNs for some resources omit the Region, the account ID, or both the
// Region and the account ID." The templates of the Service Authorization Reference
// follow it with ${Partition}, ${Region}, ${Account} and resource placeholders.
func TestParseARNTemplate(t *testing.T) {
	for _, c := range []struct {
		raw          string
		placeholders []string
		region, acct string
		resource     string
		err          string
	}{
		// As the pages print it: "$ <span>{</span> Partition}" folds to "$ { Partition}".
		{raw: "arn:$ { Partition}:s3:::$ { BucketName}/$ { ObjectName}", placeholders: []string{"BucketName", "ObjectName"}, resource: "${BucketName}/${ObjectName}"},
		{raw: "arn:${Partition}:ec2:${Region}:${Account}:instance/${InstanceId}", placeholders: []string{"Region", "Account", "InstanceId"}, region: "${Region}", acct: "${Account}", resource: "instance/${InstanceId}"},
		{raw: "arn:${Partition}:iam::${Account}:role/${RoleNameWithPath}", placeholders: []string{"Account", "RoleNameWithPath"}, acct: "${Account}", resource: "role/${RoleNameWithPath}"},
		// resource-type:resource-id: colons in the resource stay in it.
		{raw: "arn:${Partition}:lex:${Region}:${Account}:bot:${BotName}:${BotAlias}", placeholders: []string{"Region", "Account", "BotName", "BotAlias"}, region: "${Region}", acct: "${Account}", resource: "bot:${BotName}:${BotAlias}"},
		// A placeholder used twice is one builder parameter.
		{raw: "arn:${Partition}:x:${Region}:${Account}:a/${Id}/b/${Id}", placeholders: []string{"Region", "Account", "Id"}, region: "${Region}", acct: "${Account}", resource: "a/${Id}/b/${Id}"},
		// Real anomalies (lint): opsworks-cm's backup, identity-sync's regex anchor.
		{raw: "arn:${Partition}:opsworks-cm::${Account}:backup/${ServerName}-{Date-and-Time-Stamp-of-Backup}", err: "unbalanced brace"},
		{raw: "^arn:${Partition}:identity-sync:${Region}:${Account}:profile/${SyncProfileName}", err: "want arn:partition:service:region:account:resource"},
		{raw: "arn:${Partition}:x:${Region}:${Account}", err: "want arn:partition"},
		{raw: "arn:${Partition}:x:${Region}:${Account}:a/${Id", err: "placeholder not closed"},
		{raw: "arn:${Partition}:x:${Region}:${Account}:a/${I d}", err: ""}, // spaces are the page's layout: ${Id}
	} {
		got, err := ParseARNTemplate(c.raw)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("%s: error %v, want %q", c.raw, err, c.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", c.raw, err)
			continue
		}
		if c.placeholders == nil {
			continue
		}
		if !reflect.DeepEqual(got.Placeholders, c.placeholders) || got.Region != c.region || got.Account != c.acct || got.Resource != c.resource || strings.Contains(got.Pattern, " ") {
			t.Errorf("%s: %+v", c.raw, got)
		}
	}
}

func TestOperation(t *testing.T) {
	for url, want := range map[string]string{
		"https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketCors.html":                      "GetBucketCors",
		"https://docs.aws.amazon.com/AmazonS3/latest/API/API_control_CreateAccessPoint.html":          "CreateAccessPoint",
		"https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/permissions.html#iam-OpenTunnel":         "",
		"https://docs.aws.amazon.com/bedrock/latest/APIReference/API_agent_UpdateDataSource.html?x=1": "UpdateDataSource",
		"https://docs.aws.amazon.com/x/API_data-automation_GetBlueprint.html":                         "GetBlueprint",
		"https://docs.aws.amazon.com/x/API_Get_Thing.html":                                            "Get_Thing",
		"https://docs.aws.amazon.com/apigateway/latest/api/API_Operations.html":                       "",
		"https://docs.aws.amazon.com/bedrock/latest/APIReference/API_Operations_Data_Automation.html": "",
		"": "",
	} {
		if got := Operation(url); got != want {
			t.Errorf("Operation(%q) = %q, want %q", url, got, want)
		}
	}
}

// AWS, on every reference page: "The Access level column of the Actions table
// describes how the action is classified (List, Read, Permissions management, or
// Tagging)"; Write is the fifth level the tables use. Kept as written; case and
// spacing are forgiven, another word is not.
func TestAccessLevels(t *testing.T) {
	for in, want := range map[string]string{
		"Read": "Read", "List": "List", "Write": "Write", "Tagging": "Tagging",
		"Permissions management": "Permissions management", "permissions  Management": "Permissions management",
		"Reads": "", "Permission management": "",
	} {
		if got := accessLevels[resolve.Key(in)]; got != want {
			t.Errorf("%q -> %q, want %q", in, got, want)
		}
	}
}
