package awsperm

import (
	"context"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/lambda"
	lambdatypes "github.com/aws/aws-sdk-go-v2/service/lambda/types"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	sqstypes "github.com/aws/aws-sdk-go-v2/service/sqs/types"
	"github.com/google/go-cmp/cmp"
	"github.com/permgen/permgen/generated/aws/iampolicy"
)

// Each mapping below is a rule of AWS's documentation, quoted from the API reference
// (the same text is the doc comment of the SDK's operation). Recorded in a dry run,
// so that only the mapping is under test.
func TestDocumentedMappings(t *testing.T) {
	ctx := context.Background()
	b, k := aws.String("photos"), aws.String("cat.png")
	object := "arn:aws:s3:::photos/cat.png"
	for _, tc := range []struct {
		doc  string
		call func(c clients) error
		want []Grant
	}{
		{
			doc: `GetObject: "If you request the current version of an object without a specific versionId in the request header, only the s3:GetObject permission is required."`,
			call: func(c clients) error {
				_, err := c.s3.GetObject(ctx, &s3.GetObjectInput{Bucket: b, Key: k})
				return err
			},
			want: []Grant{{Action: "s3:GetObject", Resource: object}},
		},
		{
			doc: `GetObject: "If you include a versionId in your request header, you must have the s3:GetObjectVersion permission to access a specific version of an object. The s3:GetObject permission is not required in this scenario."`,
			call: func(c clients) error {
				_, err := c.s3.GetObject(ctx, &s3.GetObjectInput{Bucket: b, Key: k, VersionId: aws.String("v1")})
				return err
			},
			want: []Grant{{Action: "s3:GetObjectVersion", Resource: object}},
		},
		{
			doc: `HeadObject: "To use HEAD, you must have the s3:GetObject permission."`,
			call: func(c clients) error {
				_, err := c.s3.HeadObject(ctx, &s3.HeadObjectInput{Bucket: b, Key: k})
				return err
			},
			want: []Grant{{Action: "s3:GetObject", Resource: object}},
		},
		{
			doc: `HeadBucket: "To use this operation, you must have permissions to perform the s3:ListBucket action."`,
			call: func(c clients) error {
				_, err := c.s3.HeadBucket(ctx, &s3.HeadBucketInput{Bucket: b})
				return err
			},
			want: []Grant{{Action: "s3:ListBucket", Resource: "arn:aws:s3:::photos"}},
		},
		{
			doc: `DeleteBucketCors: "To use this operation, you must have permission to perform the s3:PutBucketCORS action."`,
			call: func(c clients) error {
				_, err := c.s3.DeleteBucketCors(ctx, &s3.DeleteBucketCorsInput{Bucket: b})
				return err
			},
			want: []Grant{{Action: "s3:PutBucketCORS", Resource: "arn:aws:s3:::photos"}},
		},
		{
			doc: `Service Authorization Reference for S3: the GetBucketCORS action's link is API_GetBucketCors.html (a different spelling of the same name).`,
			call: func(c clients) error {
				_, err := c.s3.GetBucketCors(ctx, &s3.GetBucketCorsInput{Bucket: b})
				return err
			},
			want: []Grant{{Action: "s3:GetBucketCORS", Resource: "arn:aws:s3:::photos"}},
		},
		{
			doc: `Service Authorization Reference for S3: "ListBucket: Grants permission to list some or all of the objects in an Amazon S3 bucket", linked to API_ListObjectsV2.html.`,
			call: func(c clients) error {
				_, err := c.s3.ListObjectsV2(ctx, &s3.ListObjectsV2Input{Bucket: b})
				return err
			},
			want: []Grant{{Action: "s3:ListBucket", Resource: "arn:aws:s3:::photos"}},
		},
		{
			doc: `SQS: batch actions use the permission of the single action (SendMessageBatch is authorized as sqs:SendMessage on the queue).`,
			call: func(c clients) error {
				_, err := c.sqs.SendMessageBatch(ctx, &sqs.SendMessageBatchInput{QueueUrl: aws.String(c.queue),
					Entries: []sqstypes.SendMessageBatchRequestEntry{{Id: aws.String("1"), MessageBody: aws.String("x")}}})
				return err
			},
			want: []Grant{{Action: "sqs:SendMessage", Resource: "arn:aws:sqs:us-east-1:123456789012:jobs"}},
		},
		{
			doc: `Service Authorization Reference for Lambda: "InvokeFunction: Grants permission to invoke a function", linked to API_Invoke.html; a function named by its ARN is that resource.`,
			call: func(c clients) error {
				_, err := c.lambda.Invoke(ctx, &lambda.InvokeInput{FunctionName: aws.String("arn:aws:lambda:eu-west-1:210987654321:function:resize")})
				return err
			},
			want: []Grant{{Action: "lambda:InvokeFunction", Resource: "arn:aws:lambda:eu-west-1:210987654321:function:resize"}},
		},
	} {
		f := newFakeAWS(t)
		rec := NewRecorder(Account(testAccount), DryRun())
		cfg := testConfig(f.URL, func(c *aws.Config) { c.APIOptions = append(c.APIOptions, rec.APIOption()) })
		if err := tc.call(newClients(cfg, f.URL)); err != nil {
			t.Errorf("%s\n\tcall: %v", tc.doc, err)
			continue
		}
		if diff := cmp.Diff(tc.want, rec.Grants()); diff != "" {
			t.Errorf("%s\n\tgrants (-want +got):\n%s", tc.doc, diff)
		}
	}
}

// The pages' dependent actions are reported with the call, and the written policy
// adds them on "*" (LeastPrivilege's rule), saying so in its notes; iam:PassRole
// is granted instead on the role the input names, with iam:PassedToService. IAM
// User Guide, "Grant a user permissions to pass a role to an AWS service": "To pass
// a role (and its permissions) to an AWS service, a user must have permissions to
// pass the role to the service."
func TestDependentActionsReported(t *testing.T) {
	f := newFakeAWS(t)
	rec := NewRecorder(Account(testAccount), DryRun())
	cfg := testConfig(f.URL, func(c *aws.Config) { c.APIOptions = append(c.APIOptions, rec.APIOption()) })
	c := newClients(cfg, f.URL)
	_, err := c.lambda.CreateFunction(context.Background(), &lambda.CreateFunctionInput{FunctionName: aws.String("resize"),
		Role: aws.String("arn:aws:iam::123456789012:role/lambda"), Code: &lambdatypes.FunctionCode{ZipFile: []byte("PK")}})
	if err != nil {
		t.Fatal(err)
	}
	calls := rec.Calls()
	if len(calls) != 1 {
		t.Fatalf("calls = %+v", calls)
	}
	if want := []string{"lambda:PassCapacityProvider"}; !cmp.Equal(calls[0].Dependent, want) {
		t.Errorf("dependent = %q, want %q (the function row of lambda:CreateFunction, PassRole granted)", calls[0].Dependent, want)
	}
	wantGrants := []Grant{{Action: "iam:PassRole", Resource: "arn:aws:iam::123456789012:role/lambda"},
		{Action: "lambda:CreateFunction", Resource: "arn:aws:lambda:us-east-1:123456789012:function:resize"}}
	if diff := cmp.Diff(wantGrants, rec.Grants()); diff != "" {
		t.Errorf("grants (-want +got):\n%s", diff)
	}
	if got := calls[0].Context["iam:PassedToService"]; !cmp.Equal(got, []string{"lambda.amazonaws.com"}) {
		t.Errorf("iam:PassedToService = %q", got)
	}
	w, err := rec.Policies(iampolicy.ManagedPolicy)
	if err != nil {
		t.Fatal(err)
	}
	notes := strings.Join(w.Notes, "\n")
	if !strings.Contains(notes, "added lambda:PassCapacityProvider: lambda:CreateFunction lists it as a dependent action") {
		t.Errorf("notes lack the dependent lambda:PassCapacityProvider:\n%s", notes)
	}
}

// The S3 client calls CreateSession itself for a directory bucket: the call is an
// s3express action on the s3express bucket, under the S3 service ID.
func TestCreateSessionIsS3Express(t *testing.T) {
	// S3 API reference, CreateSession: "you grant s3express:CreateSession permission
	// to a bucket in a bucket policy or an IAM identity-based policy".
	c, err := resolve("S3", "CreateSession", &s3.CreateSessionInput{Bucket: aws.String("logs--usw2-az1--x-s3")},
		env{partition: "aws", region: "us-west-2", account: testAccount})
	if err != nil {
		t.Fatal(err)
	}
	want := []Request{{Action: "s3express:CreateSession", Resource: "arn:aws:s3express:us-west-2:123456789012:bucket/logs--usw2-az1--x-s3", ResourceType: "bucket"}}
	if diff := cmp.Diff(want, c.Requests); diff != "" {
		t.Errorf("requests (-want +got):\n%s", diff)
	}
}
