package awsperm

import (
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudwatchlogs"
	"github.com/aws/aws-sdk-go-v2/service/ec2"
	"github.com/aws/aws-sdk-go-v2/service/kms"
	"github.com/aws/aws-sdk-go-v2/service/s3control"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/ssooidc"
	"github.com/google/go-cmp/cmp"
)

var usEast1 = env{partition: "aws", region: "us-east-1", account: testAccount}

func requestLines(t *testing.T, serviceID, op string, in any) ([]string, Call) {
	t.Helper()
	c, err := resolve(serviceID, op, in, usEast1)
	if err != nil {
		t.Fatalf("%s %s: %v", serviceID, op, err)
	}
	var out []string
	for _, q := range c.Requests {
		out = append(out, q.Action+" "+q.Resource)
	}
	return out, c
}

// SQS API reference, CreateQueue: "To be able to tag a queue on creation, you must
// have the sqs:CreateQueue and sqs:TagQueue permissions."
func TestTagOnCreateNeedsTagQueue(t *testing.T) {
	queue := "arn:aws:sqs:us-east-1:123456789012:jobs"
	got, _ := requestLines(t, "SQS", "CreateQueue", &sqs.CreateQueueInput{QueueName: aws.String("jobs"), Tags: map[string]string{"team": "a"}})
	if want := []string{"sqs:CreateQueue " + queue, "sqs:TagQueue " + queue}; !cmp.Equal(got, want) {
		t.Errorf("with tags: %q, want %q", got, want)
	}
	got, _ = requestLines(t, "SQS", "CreateQueue", &sqs.CreateQueueInput{QueueName: aws.String("jobs")})
	if want := []string{"sqs:CreateQueue " + queue}; !cmp.Equal(got, want) {
		t.Errorf("without tags: %q, want %q", got, want)
	}
}

// eksCreateClusterInput stands in for the EKS client's input (the module is not a
// dependency): the fields the filling reads.
type eksCreateClusterInput struct {
	Name    *string
	RoleArn *string
}

// IAM User Guide: "To pass a role (and its permissions) to an AWS service, a user
// must have permissions to pass the role to the service." EKS's page lists no
// dependent action for CreateCluster; the override adds it, on the role named.
func TestPassRoleOnTheNamedRole(t *testing.T) {
	role := "arn:aws:iam::123456789012:role/eks-control-plane"
	got, c := requestLines(t, "EKS", "CreateCluster", &eksCreateClusterInput{Name: aws.String("prod"), RoleArn: aws.String(role)})
	// eks:CreateCluster takes no resource type on the page: "*".
	if want := []string{"eks:CreateCluster *", "iam:PassRole " + role}; !cmp.Equal(got, want) {
		t.Errorf("requests = %q, want %q", got, want)
	}
	if v := c.Context["iam:PassedToService"]; !cmp.Equal(v, []string{"eks.amazonaws.com"}) {
		t.Errorf("iam:PassedToService = %q", v)
	}
}

// S3 Control's operations are not S3's: DeletePublicAccessBlock is the account's
// (s3:PutAccountPublicAccessBlock), and an access point on Outposts (its bucket
// named by an s3-outposts ARN) is an s3-outposts action.
func TestS3ControlSeparateFromS3(t *testing.T) {
	got, _ := requestLines(t, "S3 Control", "DeletePublicAccessBlock", &s3control.DeletePublicAccessBlockInput{AccountId: aws.String(testAccount)})
	if want := []string{"s3:PutAccountPublicAccessBlock *"}; !cmp.Equal(got, want) {
		t.Errorf("DeletePublicAccessBlock: %q, want %q", got, want)
	}
	got, _ = requestLines(t, "S3", "DeletePublicAccessBlock", &struct{ Bucket *string }{aws.String("photos")})
	if want := []string{"s3:PutBucketPublicAccessBlock arn:aws:s3:::photos"}; !cmp.Equal(got, want) {
		t.Errorf("S3's bucket-level DeletePublicAccessBlock: %q, want %q", got, want)
	}
	got, _ = requestLines(t, "S3 Control", "CreateAccessPoint", &s3control.CreateAccessPointInput{AccountId: aws.String(testAccount), Name: aws.String("ap1"), Bucket: aws.String("photos")})
	if len(got) != 1 || !strings.HasPrefix(got[0], "s3:CreateAccessPoint arn:aws:s3:us-east-1:123456789012:accesspoint/ap1") {
		t.Errorf("CreateAccessPoint: %q", got)
	}
	got, _ = requestLines(t, "S3 Control", "CreateAccessPoint", &s3control.CreateAccessPointInput{AccountId: aws.String(testAccount), Name: aws.String("ap1"),
		Bucket: aws.String("arn:aws:s3-outposts:us-east-1:123456789012:outpost/op-01ac5d28a6a232904/bucket/photos")})
	if len(got) == 0 || !strings.HasPrefix(got[0], "s3-outposts:CreateAccessPoint ") {
		t.Errorf("CreateAccessPoint on Outposts: %q", got)
	}
}

// SSO OIDC's CreateToken is sent unsigned (the SDK's model: no auth) and no action
// authorizes it: it maps to no request, with the reason.
func TestUnsignedOperationPasses(t *testing.T) {
	c, err := resolve("SSO OIDC", "CreateToken", &ssooidc.CreateTokenInput{}, usEast1)
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Requests) != 0 || !strings.Contains(c.NoAuthorization, "unsigned") {
		t.Errorf("call = %+v", c)
	}
	// A signed operation of the same client still needs its action.
	if _, err := resolve("SSO OIDC", "CreateTokenWithIAM", &ssooidc.CreateTokenWithIAMInput{}, usEast1); err != nil {
		t.Errorf("CreateTokenWithIAM: %v", err)
	}
}

// KMS: a key named by alias is not the key; a key named by alias ARN is not a key
// ARN. Both are reported, not written as key/alias/….
func TestKMSAliasIsNotAKey(t *testing.T) {
	for _, id := range []string{"alias/app", "arn:aws:kms:us-east-1:123456789012:alias/app"} {
		_, c := requestLines(t, "KMS", "Encrypt", &kms.EncryptInput{KeyId: aws.String(id)})
		if len(c.Requests) != 1 || c.Requests[0].Resource != "*" || c.Requests[0].Unfilled == "" {
			t.Errorf("KeyId %s: %+v", id, c.Requests)
		}
	}
}

// A log group's ARN as DescribeLogGroups returns it ends in ":*", which is not part
// of the group's IAM resource.
func TestLogGroupARNWithoutWildcard(t *testing.T) {
	got, _ := requestLines(t, "CloudWatch Logs", "DeleteLogGroup", &cloudwatchlogs.DeleteLogGroupInput{LogGroupName: aws.String("/aws/lambda/fn")})
	if want := []string{"logs:DeleteLogGroup arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/fn"}; !cmp.Equal(got, want) {
		t.Errorf("by name: %q, want %q", got, want)
	}
	got, _ = requestLines(t, "CloudWatch Logs", "TagResource", &cloudwatchlogs.TagResourceInput{ResourceArn: aws.String("arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/fn:*")})
	if len(got) == 0 || strings.Contains(got[0], ":*") {
		t.Errorf("by ARN: %q", got)
	}
}

func TestMatchTemplate(t *testing.T) {
	for _, c := range []struct {
		pattern, arn string
		want         bool
	}{
		{"arn:${Partition}:logs:${Region}:${Account}:log-group:${LogGroupName}", "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/fn", true},
		{"arn:${Partition}:secretsmanager:${Region}:${Account}:secret:${SecretId}", "arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-AbCdEf", true},
		{"arn:${Partition}:lambda:${Region}:${Account}:function:${FunctionName}", "arn:aws:lambda:us-east-1:123456789012:layer:img", false},
		{"arn:${Partition}:sns:${Region}:${Account}:${TopicName}", "arn:aws:sqs:us-east-1:123456789012:jobs", false},
		// A name may hold "/" (and ":"); the region and account may not be empty of fields.
		{"arn:${Partition}:ssm:${Region}:${Account}:parameter/${ParameterNameWithoutLeadingSlash}", "arn:aws:ssm:us-east-1:123456789012:parameter/app/db", true},
		{"arn:${Partition}:ssm:${Region}:${Account}:parameter/${ParameterNameWithoutLeadingSlash}", "arn:aws:ssm:us-east-1:parameter/app/db", false},
		{"arn:${Partition}:kms:${Region}:${Account}:key/${KeyId}", "arn:aws:kms:us-east-1:123456789012:alias/app", false},
	} {
		if got := matchTemplate(c.pattern, c.arn); got != c.want {
			t.Errorf("matchTemplate(%s, %s) = %t, want %t", c.pattern, c.arn, got, c.want)
		}
	}
}

// The guard lets an unsigned call through only when the table says so, with the
// reason; a call that maps to nothing otherwise is refused.
func TestGuardPassesOnlyUnsignedCalls(t *testing.T) {
	g := mustGuard(t, nil)
	c, err := resolve("SSO OIDC", "CreateToken", &ssooidc.CreateTokenInput{}, usEast1)
	if err != nil {
		t.Fatal(err)
	}
	if err := g.Check(c); err != nil {
		t.Errorf("unsigned CreateToken: %v", err)
	}
	c.NoAuthorization = ""
	if err := g.Check(c); err == nil {
		t.Error("a call with no request and no reason passed")
	}
}

// An ARN field under another name than the type's fills it when its value is of
// the template's form (a4b's page: skill-group is
// arn:${Partition}:a4b:${Region}:${Account}:skill-group/${ResourceId}); an ARN of
// another type in such a field does not (a contact is no skill group).
func TestARNFieldOfAnyName(t *testing.T) {
	group := "arn:aws:a4b:us-east-1:123456789012:skill-group/g1"
	contact := "arn:aws:a4b:us-east-1:123456789012:contact/c1"
	book := "arn:aws:a4b:us-east-1:123456789012:address-book/b1"
	got, _ := requestLines(t, "a4b", "AssociateSkillWithSkillGroup", &struct{ SkillGroupArn, SkillId *string }{aws.String(group), aws.String("s1")})
	if want := []string{"a4b:AssociateSkillWithSkillGroup " + group}; !cmp.Equal(got, want) {
		t.Errorf("SkillGroupArn: %q, want %q", got, want)
	}
	got, c := requestLines(t, "a4b", "AssociateSkillWithSkillGroup", &struct{ ContactArn *string }{aws.String(contact)})
	if len(got) != 1 || !strings.HasSuffix(got[0], " *") || c.Requests[0].Unfilled == "" {
		t.Errorf("a contact's ARN for a skill group: %q, want * with the reason", got)
	}
	// Two ARN fields, two types: each field fills its own.
	got, _ = requestLines(t, "a4b", "AssociateContactWithAddressBook", &struct{ ContactArn, AddressBookArn *string }{aws.String(contact), aws.String(book)})
	for _, want := range []string{book, contact} {
		found := false
		for _, g := range got {
			found = found || strings.HasSuffix(g, " "+want)
		}
		if !found {
			t.Errorf("AssociateContactWithAddressBook: %q lacks %s", got, want)
		}
	}
}

// A specific placeholder no field names exactly is filled from the one field whose
// name ends in it (RDS page: pg is arn:${Partition}:rds:${Region}:${Account}:pg:${ParameterGroupName};
// the API's field is DBParameterGroupName); two such fields are not guessed
// between, and a Source… field of a call in another region is not this region's.
func TestFieldEndingInPlaceholder(t *testing.T) {
	got, _ := requestLines(t, "rds", "ModifyDBParameterGroup", &struct{ DBParameterGroupName *string }{aws.String("pg1")})
	if want := []string{"rds:ModifyDBParameterGroup arn:aws:rds:us-east-1:123456789012:pg:pg1"}; !cmp.Equal(got, want) {
		t.Errorf("DBParameterGroupName: %q, want %q", got, want)
	}
	fs := "arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/fs-1"
	got, _ = requestLines(t, "elasticfilesystem", "DeleteReplicationConfiguration", &struct{ SourceFileSystemId *string }{aws.String("fs-1")})
	if want := []string{"elasticfilesystem:DeleteReplicationConfiguration " + fs}; !cmp.Equal(got, want) {
		t.Errorf("SourceFileSystemId: %q, want %q", got, want)
	}
	got, _ = requestLines(t, "elasticfilesystem", "DeleteReplicationConfiguration", &struct{ SourceFileSystemId, DestinationFileSystemId *string }{aws.String("fs-1"), aws.String("fs-2")})
	if len(got) != 1 || !strings.HasSuffix(got[0], " *") {
		t.Errorf("two fields ending in FileSystemId: %q, want * (not guessed)", got)
	}
	got, _ = requestLines(t, "EC2", "CopySnapshot", &ec2.CopySnapshotInput{SourceSnapshotId: aws.String("snap-1"), SourceRegion: aws.String("eu-west-1")})
	for _, g := range got {
		if strings.Contains(g, "snap-1") {
			t.Errorf("CopySnapshot from eu-west-1 filled this region's snapshot: %q", got)
		}
	}
}
