package awsperm

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	ddbtypes "github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/smithy-go/logging"
)

const testAccount = "123456789012"

// fakeAWS is a local endpoint that answers every protocol the five clients speak with
// an empty success, and counts what reached it. failFirst makes the first request
// of a given path fail with 500, so that the SDK retries it.
type fakeAWS struct {
	*httptest.Server
	mu        sync.Mutex
	hits      int
	seen      []string
	failFirst map[string]bool
}

func newFakeAWS(t *testing.T) *fakeAWS {
	t.Helper()
	f := &fakeAWS{failFirst: map[string]bool{}}
	f.Server = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.Close)
	return f
}

func (f *fakeAWS) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	op := r.Header.Get("X-Amz-Target") // JSON protocols: "DynamoDB_20120810.GetItem"
	ct := r.Header.Get("Content-Type")
	if strings.HasPrefix(ct, "application/x-www-form-urlencoded") {
		v, _ := url.ParseQuery(string(body))
		op = v.Get("Action")
	}
	if op == "" {
		op = r.Method + " " + r.URL.Path
	}
	f.mu.Lock()
	f.hits++
	f.seen = append(f.seen, op)
	fail := f.failFirst[op]
	delete(f.failFirst, op)
	f.mu.Unlock()
	if fail {
		w.WriteHeader(http.StatusInternalServerError)
		return
	}
	switch {
	case strings.Contains(ct, "json"):
		w.Header().Set("Content-Type", ct)
		io.WriteString(w, "{}")
	case strings.HasPrefix(ct, "application/x-www-form-urlencoded"):
		w.Header().Set("Content-Type", "text/xml")
		io.WriteString(w, "<"+op+"Response><"+op+"Result></"+op+"Result></"+op+"Response>")
	default:
		w.WriteHeader(http.StatusOK)
	}
}

func (f *fakeAWS) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.hits
}

// testConfig is a config for the fake endpoint: static credentials, a region, and no
// file or environment consulted.
func testConfig(endpoint string, apiOptions ...func(*aws.Config)) aws.Config {
	cfg := aws.Config{
		Region:           "us-east-1",
		Credentials:      credentials.NewStaticCredentialsProvider("AKIDEXAMPLE", "secret", ""),
		BaseEndpoint:     aws.String(endpoint),
		HTTPClient:       http.DefaultClient,
		Logger:           logging.Nop{},
		RetryMaxAttempts: 3,
	}
	for _, o := range apiOptions {
		o(&cfg)
	}
	return cfg
}

// clients are the five real SDK clients the tests call.
type clients struct {
	s3     *s3.Client
	ddb    *dynamodb.Client
	sqs    *sqs.Client
	iam    *iam.Client
	lambda *lambda.Client
	queue  string
}

func newClients(cfg aws.Config, endpoint string) clients {
	return clients{
		s3:     s3.NewFromConfig(cfg, func(o *s3.Options) { o.UsePathStyle = true }),
		ddb:    dynamodb.NewFromConfig(cfg),
		sqs:    sqs.NewFromConfig(cfg),
		iam:    iam.NewFromConfig(cfg),
		lambda: lambda.NewFromConfig(cfg),
		queue:  endpoint + "/" + testAccount + "/jobs",
	}
}

// program is "the existing code": one call of each kind, as a program would make.
func (c clients) program(ctx context.Context) error {
	steps := []func() error{
		func() error {
			_, err := c.s3.PutObject(ctx, &s3.PutObjectInput{Bucket: aws.String("photos"), Key: aws.String("cat.png"), Body: strings.NewReader("meow")})
			return err
		},
		func() error {
			_, err := c.s3.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("photos"), Key: aws.String("cat.png")})
			return err
		},
		func() error {
			_, err := c.s3.ListObjectsV2(ctx, &s3.ListObjectsV2Input{Bucket: aws.String("photos")})
			return err
		},
		func() error {
			_, err := c.ddb.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String("users"),
				Key: map[string]ddbtypes.AttributeValue{"id": &ddbtypes.AttributeValueMemberS{Value: "1"}}})
			return err
		},
		func() error {
			_, err := c.sqs.SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: aws.String(c.queue), MessageBody: aws.String("hi")})
			return err
		},
		func() error {
			_, err := c.iam.GetRole(ctx, &iam.GetRoleInput{RoleName: aws.String("app")})
			return err
		},
		func() error {
			_, err := c.iam.CreateUser(ctx, &iam.CreateUserInput{UserName: aws.String("bob"), Path: aws.String("/eng/")})
			return err
		},
		func() error {
			_, err := c.lambda.Invoke(ctx, &lambda.InvokeInput{FunctionName: aws.String("resize")})
			return err
		},
	}
	for _, s := range steps {
		if err := s(); err != nil {
			return err
		}
	}
	return nil
}

// programGrants is what program needs, as the pages and its inputs say.
var programGrants = []Grant{
	{Action: "dynamodb:GetItem", Resource: "arn:aws:dynamodb:us-east-1:123456789012:table/users"},
	{Action: "iam:CreateUser", Resource: "arn:aws:iam::123456789012:user/eng/bob"},
	{Action: "iam:GetRole", Resource: "arn:aws:iam::123456789012:role/app"},
	{Action: "lambda:InvokeFunction", Resource: "arn:aws:lambda:us-east-1:123456789012:function:resize"},
	{Action: "s3:GetObject", Resource: "arn:aws:s3:::photos/cat.png"},
	{Action: "s3:ListBucket", Resource: "arn:aws:s3:::photos"},
	{Action: "s3:PutObject", Resource: "arn:aws:s3:::photos/cat.png"},
	{Action: "sqs:SendMessage", Resource: "arn:aws:sqs:us-east-1:123456789012:jobs"},
}
