package awsperm

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/google/go-cmp/cmp"
)

func TestRecorderRealClients(t *testing.T) {
	f := newFakeAWS(t)
	rec := NewRecorder(Account(testAccount))
	cfg := testConfig(f.URL, func(c *aws.Config) { c.APIOptions = append(c.APIOptions, rec.APIOption()) })
	if err := newClients(cfg, f.URL).program(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := f.count(); got != 8 {
		t.Errorf("server saw %d requests, want 8 (the recorder must not stop calls)", got)
	}
	if diff := cmp.Diff(programGrants, rec.Grants()); diff != "" {
		t.Errorf("grants (-want +got):\n%s", diff)
	}
	calls := rec.Calls()
	if len(calls) != 8 {
		t.Fatalf("%d calls recorded, want 8: %+v", len(calls), calls)
	}
	wantOps := []string{"S3 PutObject", "S3 GetObject", "S3 ListObjectsV2", "DynamoDB GetItem", "SQS SendMessage", "IAM GetRole", "IAM CreateUser", "Lambda Invoke"}
	for i, c := range calls {
		if got := c.ServiceID + " " + c.Operation; got != wantOps[i] {
			t.Errorf("call %d = %s, want %s", i, got, wantOps[i])
		}
	}
	// GetRole has no Path in its input: the assumption is stated, not hidden.
	if n := calls[5].Notes; len(n) != 1 || n[0] != `RoleName "app": IAM path not in the input, assumed /` {
		t.Errorf("GetRole notes = %q", n)
	}
	if u := rec.Unmapped(); len(u) != 0 {
		t.Errorf("unmapped: %v", u)
	}
}

// The Initialize step runs once per operation call; the SDK's retry loop is in the
// Finalize step below it. A call the server fails once is sent twice and recorded once.
func TestRecorderRetriesRecordedOnce(t *testing.T) {
	f := newFakeAWS(t)
	f.failFirst["GET /photos/cat.png"] = true
	rec := NewRecorder(Account(testAccount))
	cfg := testConfig(f.URL, func(c *aws.Config) { c.APIOptions = append(c.APIOptions, rec.APIOption()) })
	c := newClients(cfg, f.URL)
	if _, err := c.s3.GetObject(context.Background(), &s3.GetObjectInput{Bucket: aws.String("photos"), Key: aws.String("cat.png")}); err != nil {
		t.Fatal(err)
	}
	if got := f.count(); got != 2 {
		t.Fatalf("server saw %d requests, want 2 (one failure, one retry)", got)
	}
	calls := rec.Calls()
	if len(calls) != 1 || calls[0].Count != 1 {
		t.Fatalf("calls = %+v, want one call recorded once", calls)
	}
}

// The middleware added twice (LoadOptions and APIOptions) records each call once.
func TestRecorderAddedTwiceRecordsOnce(t *testing.T) {
	f := newFakeAWS(t)
	rec := NewRecorder(Account(testAccount))
	cfg := testConfig(f.URL, func(c *aws.Config) { c.APIOptions = append(c.APIOptions, rec.APIOption(), rec.APIOption()) })
	c := newClients(cfg, f.URL)
	if _, err := c.s3.GetObject(context.Background(), &s3.GetObjectInput{Bucket: aws.String("photos"), Key: aws.String("cat.png")}); err != nil {
		t.Fatal(err)
	}
	if calls := rec.Calls(); len(calls) != 1 || calls[0].Count != 1 {
		t.Fatalf("calls = %+v, want one call recorded once", calls)
	}
}

func TestRecorderConcurrent(t *testing.T) {
	f := newFakeAWS(t)
	rec := NewRecorder(Account(testAccount))
	cfg := testConfig(f.URL, func(c *aws.Config) { c.APIOptions = append(c.APIOptions, rec.APIOption()) })
	c := newClients(cfg, f.URL)
	const workers = 64
	var wg sync.WaitGroup
	errs := make(chan error, workers)
	for i := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := c.program(context.Background()); err != nil {
				errs <- err
				return
			}
			key := fmt.Sprintf("k%d", i%4)
			if _, err := c.s3.GetObject(context.Background(), &s3.GetObjectInput{Bucket: aws.String("photos"), Key: aws.String(key)}); err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	if got, want := f.count(), workers*9; got != want {
		t.Errorf("server saw %d requests, want %d", got, want)
	}
	total := 0
	for _, c := range rec.Calls() {
		total += c.Count
	}
	if total != workers*9 {
		t.Errorf("recorded %d calls, want %d", total, workers*9)
	}
	if got := len(rec.Grants()); got != len(programGrants)+4 {
		t.Errorf("%d distinct grants, want %d", got, len(programGrants)+4)
	}
}

// A dry run answers every call locally: no request reaches any server, every
// client gets its typed (empty) output, and the calls are recorded as usual.
func TestDryRun(t *testing.T) {
	f := newFakeAWS(t)
	rec := NewRecorder(Account(testAccount), DryRun())
	cfg := testConfig(f.URL, func(c *aws.Config) { c.APIOptions = append(c.APIOptions, rec.APIOption()) })
	if err := newClients(cfg, f.URL).program(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := f.count(); got != 0 {
		t.Errorf("server saw %d requests in a dry run, want 0: %v", got, f.seen)
	}
	if diff := cmp.Diff(programGrants, rec.Grants()); diff != "" {
		t.Errorf("grants (-want +got):\n%s", diff)
	}
}

// A resource the writer refuses for its action (an ARN of another type given in the
// input) is left out and reported; the other grants still make a policy.
func TestPolicyLeavesOutRefusedGrant(t *testing.T) {
	f := newFakeAWS(t)
	rec := NewRecorder(Account(testAccount), DryRun())
	cfg := testConfig(f.URL, func(c *aws.Config) { c.APIOptions = append(c.APIOptions, rec.APIOption()) })
	c := newClients(cfg, f.URL)
	ctx := context.Background()
	if _, err := c.s3.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("photos"), Key: aws.String("cat.png")}); err != nil {
		t.Fatal(err)
	}
	// A layer's ARN where Lambda wants a function: the filling checks it against
	// the function's template and refuses it, so the grant stays on "*", reported.
	if _, err := c.lambda.Invoke(ctx, &lambda.InvokeInput{FunctionName: aws.String("arn:aws:lambda:us-east-1:123456789012:layer:img")}); err != nil {
		t.Fatal(err)
	}
	p, err := rec.Policy()
	var ne *NarrowError
	if !errors.As(err, &ne) || len(ne.Problems) != 1 || !strings.Contains(ne.Problems[0], "lambda:InvokeFunction on *: function: FunctionName is an ARN (arn:aws:lambda:us-east-1:123456789012:layer:img) that is not of the form") {
		t.Fatalf("err = %v, want the refused grant reported", err)
	}
	if p == nil || len(p.Statement) != 2 || p.Statement[1].Action[0] != "s3:GetObject" || p.Statement[0].Resource[0] != "*" {
		t.Fatalf("policy = %+v, want the Lambda grant on * and the S3 grant", p)
	}
}

// An ARN of another service is not the resource: reported, not used.
func TestARNOfAnotherServiceNotUsed(t *testing.T) {
	c, err := resolve("Lambda", "Invoke", &lambda.InvokeInput{FunctionName: aws.String("arn:aws:sqs:us-east-1:123456789012:jobs")},
		env{partition: "aws", region: "us-east-1", account: testAccount})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Requests) != 1 || c.Requests[0].Resource != "*" || !strings.Contains(c.Requests[0].Unfilled, "FunctionName is an ARN of sqs") {
		t.Errorf("requests = %+v", c.Requests)
	}
}

// An object key holding * would be a wildcard in the policy: reported, not written.
func TestWildcardInInputNotWritten(t *testing.T) {
	c, err := resolve("S3", "GetObject", &s3.GetObjectInput{Bucket: aws.String("photos"), Key: aws.String("a*.png")},
		env{partition: "aws", region: "us-east-1", account: testAccount})
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Requests) != 1 || c.Requests[0].Resource != "*" || !strings.Contains(c.Requests[0].Unfilled, `ObjectName "a*.png" holds a character a policy reads as a wildcard`) {
		t.Errorf("requests = %+v", c.Requests)
	}
	// The guard still decides on the literal object (unknown is not absent).
	if q := c.Requests[0]; q.Template != "arn:aws:s3:::photos/a*.png" || len(q.UnknownParts) != 0 {
		t.Errorf("template = %q %v", q.Template, q.UnknownParts)
	}
}
