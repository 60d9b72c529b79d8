package awsperm

import (
	"context"
	"errors"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	ddbtypes "github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/smithy-go/logging"
	"github.com/permgen/permgen/generated/aws/iampolicy"
)

// hermetic keeps config.LoadDefaultConfig from reading this machine's files or
// environment, and from asking an instance metadata endpoint.
func hermetic(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("AWS_CONFIG_FILE", filepath.Join(dir, "config"))
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", filepath.Join(dir, "credentials"))
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
	for _, k := range []string{"AWS_PROFILE", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_REGION", "AWS_DEFAULT_REGION", "AWS_ENDPOINT_URL"} {
		t.Setenv(k, "")
	}
}

// The example: one option to LoadDefaultConfig records; the recorded policy,
// given back as a guard option, lets the same calls through.
func TestLoadDefaultConfigOptions(t *testing.T) {
	hermetic(t)
	f := newFakeAWS(t)
	ctx := context.Background()
	load := func(opt func(*config.LoadOptions) error) aws.Config {
		cfg, err := config.LoadDefaultConfig(ctx, opt,
			config.WithRegion("us-east-1"),
			config.WithBaseEndpoint(f.URL),
			config.WithCredentialsProvider(credentials.NewStaticCredentialsProvider("AKIDEXAMPLE", "secret", "")),
			config.WithLogger(logging.Nop{}))
		if err != nil {
			t.Fatal(err)
		}
		return cfg
	}
	rec := NewRecorder(Account(testAccount))
	if err := newClients(load(WithRecorder(rec)), f.URL).program(ctx); err != nil {
		t.Fatal(err)
	}
	p, err := rec.Policy()
	if err != nil {
		t.Fatal(err)
	}
	if got := len(rec.Grants()); got != len(programGrants) {
		t.Fatalf("%d grants, want %d", got, len(programGrants))
	}
	guarded := newClients(load(mustGuard(t, []*iampolicy.Policy{p}, Account(testAccount)).Option()), f.URL)
	if err := guarded.program(ctx); err != nil {
		t.Fatal(err)
	}
	before := f.count()
	_, err = guarded.s3.ListBuckets(ctx, &s3.ListBucketsInput{})
	var d *DeniedError
	if !errors.As(err, &d) || d.Action != "s3:ListAllMyBuckets" || d.Resource != "*" {
		t.Fatalf("err = %v, want s3:ListAllMyBuckets on * denied", err)
	}
	if f.count() != before {
		t.Error("a denied call reached the server")
	}
	// WithGuard(policies...) knows no account: the same program passes its S3
	// calls (S3 ARNs name no account) and is denied at its first account-scoped
	// call: the recorded Allow names one account, and with the account unknown it
	// does not hold for every account. The denial names the unknown and the option.
	noAccount := newClients(load(WithGuard(p)), f.URL)
	if _, err := noAccount.s3.GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("photos"), Key: aws.String("cat.png")}); err != nil {
		t.Errorf("S3 GetObject under WithGuard: %v", err)
	}
	_, err = noAccount.ddb.GetItem(ctx, &dynamodb.GetItemInput{TableName: aws.String("users"),
		Key: map[string]ddbtypes.AttributeValue{"id": &ddbtypes.AttributeValueMemberS{Value: "1"}}})
	if !errors.As(err, &d) || d.Action != "dynamodb:GetItem" || d.Resource != "arn:aws:dynamodb:us-east-1:${Account}:table/users" ||
		strings.Join(d.Unknowns, ",") != "Account" || !strings.Contains(err.Error(), "awsperm.Account(id)") {
		t.Fatalf("GetItem under WithGuard: err = %v, want denied for want of the account", err)
	}
}

// A call the table cannot map is refused by the guard (fail closed) and reported by
// the recorder's Policy.
func TestUnmappedOperation(t *testing.T) {
	f := newFakeAWS(t)
	ctx := context.Background()
	rec := NewRecorder(Account(testAccount))
	cfg := testConfig(f.URL, func(c *aws.Config) { c.APIOptions = append(c.APIOptions, rec.APIOption()) })
	c := newClients(cfg, f.URL)
	copyIn := &s3.CopyObjectInput{Bucket: aws.String("photos"), Key: aws.String("b.png"), CopySource: aws.String("photos/a.png")}
	if _, err := c.s3.CopyObject(ctx, copyIn); err != nil {
		t.Fatal(err)
	}
	_, err := rec.Policy()
	var ne *NarrowError
	if !errors.As(err, &ne) || len(ne.Problems) != 1 || !strings.Contains(ne.Problems[0], "cannot map S3 CopyObject") {
		t.Fatalf("Policy error = %v, want CopyObject reported as unmapped", err)
	}

	g := mustGuard(t, []*iampolicy.Policy{{Version: iampolicy.Version2012, Statement: []iampolicy.Statement{
		{Effect: iampolicy.EffectAllow, Action: []string{"*"}, Resource: []string{"*"}}}}})
	cfg = testConfig(f.URL, func(c *aws.Config) { c.APIOptions = append(c.APIOptions, g.APIOption()) })
	before := f.count()
	_, err = newClients(cfg, f.URL).s3.CopyObject(ctx, copyIn)
	var ue *UnmappedError
	if !errors.As(err, &ue) || ue.Operation != "CopyObject" {
		t.Fatalf("err = %v, want *UnmappedError even under Allow *:*", err)
	}
	if f.count() != before {
		t.Error("an unmapped call reached the server")
	}
}

// What cannot be filled is reported: a DeleteObjects names its keys in the body.
func TestUnfilledReported(t *testing.T) {
	f := newFakeAWS(t)
	rec := NewRecorder(Account(testAccount), DryRun())
	cfg := testConfig(f.URL, func(c *aws.Config) { c.APIOptions = append(c.APIOptions, rec.APIOption()) })
	// Virtual-hosted addressing: the endpoint rules refuse an access point ARN with
	// path-style addressing, before signing, and a call the SDK refuses itself is
	// not recorded (it never reaches AWS).
	if _, err := s3.NewFromConfig(cfg).GetObject(context.Background(), &s3.GetObjectInput{
		Bucket: aws.String("arn:aws:s3:us-east-1:123456789012:accesspoint/ap"), Key: aws.String("k")}); err != nil {
		t.Fatal(err)
	}
	g := rec.Grants()
	if len(g) != 1 || g[0].Resource != "*" || !strings.Contains(g[0].Unfilled, "object: BucketName is an ARN") ||
		!strings.Contains(g[0].Unfilled, "accesspointobject: no value for AccessPointName") {
		t.Fatalf("grants = %+v, want * with both reasons", g)
	}
	if _, err := rec.Policy(); err == nil || !strings.Contains(err.Error(), "s3:GetObject on *: ") {
		t.Errorf("Policy error = %v", err)
	}
}

// The account from STS, on the user's request: one call, not recorded.
func TestAccountFromSTS(t *testing.T) {
	var mu sync.Mutex
	hits := 0
	srv := newFakeAWS(t)
	srv.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		hits++
		mu.Unlock()
		io.ReadAll(r.Body)
		w.Header().Set("Content-Type", "text/xml")
		io.WriteString(w, `<GetCallerIdentityResponse><GetCallerIdentityResult><Account>210987654321</Account>`+
			`<Arn>arn:aws:iam::210987654321:user/ci</Arn><UserId>AIDAEXAMPLE</UserId></GetCallerIdentityResult></GetCallerIdentityResponse>`)
	})
	rec := NewRecorder()
	cfg := testConfig(srv.URL, func(c *aws.Config) { c.APIOptions = append(c.APIOptions, rec.APIOption()) })
	acct, err := AccountFromSTS(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if acct != "210987654321" || hits != 1 {
		t.Errorf("account %q after %d calls, want 210987654321 after 1", acct, hits)
	}
	if n := len(rec.Calls()); n != 0 {
		t.Errorf("AccountFromSTS was recorded (%d calls)", n)
	}
}

// 64 goroutines through one guard and one recorder on the same clients.
func TestGuardConcurrent(t *testing.T) {
	p := recordProgram(t)
	f := newFakeAWS(t)
	g := mustGuard(t, []*iampolicy.Policy{p}, Account(testAccount))
	rec := NewRecorder(Account(testAccount))
	cfg := testConfig(f.URL, func(c *aws.Config) { c.APIOptions = append(c.APIOptions, g.APIOption(), rec.APIOption()) })
	c := newClients(cfg, f.URL)
	const workers = 64
	var wg sync.WaitGroup
	var denied, failed sync.Map
	for i := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ctx := context.Background()
			if err := c.program(ctx); err != nil {
				failed.Store(i, err)
			}
			_, err := c.sqs.DeleteMessage(ctx, &sqs.DeleteMessageInput{QueueUrl: aws.String(c.queue), ReceiptHandle: aws.String("r")})
			var d *DeniedError
			if errors.As(err, &d) && d.Action == "sqs:DeleteMessage" {
				denied.Store(i, true)
			}
		}()
	}
	wg.Wait()
	failed.Range(func(k, v any) bool { t.Errorf("worker %v: %v", k, v); return true })
	n := 0
	denied.Range(func(any, any) bool { n++; return true })
	if n != workers {
		t.Errorf("%d of %d DeleteMessage calls denied", n, workers)
	}
	if got := f.count(); got != workers*8 {
		t.Errorf("server saw %d requests, want %d (the allowed ones only)", got, workers*8)
	}
}
