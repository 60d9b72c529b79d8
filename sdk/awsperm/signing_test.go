package awsperm

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/s3control"
	"github.com/aws/aws-sdk-go-v2/service/sns"
	"github.com/aws/aws-sdk-go-v2/service/ssooidc"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/permgen/permgen/generated/aws/iampolicy"
)

func TestSigningName(t *testing.T) {
	for _, tc := range []struct {
		auth   string
		name   string
		signed bool
	}{
		{"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/sns/aws4_request, SignedHeaders=host;x-amz-date, Signature=ab", "sns", true},
		{"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/s3-outposts/aws4_request,SignedHeaders=host", "s3-outposts", true},
		{"AWS4-ECDSA-P256-SHA256 Credential=AKIDEXAMPLE/20260101/s3/aws4_request, SignedHeaders=host", "s3", true}, // SigV4a: no region
		{"", "", false},
		{"Bearer abc", "", false},
		{"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/sns/other", "", false},
		{"AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1//aws4_request", "", false},
		{"AWS4-HMAC-SHA256 SignedHeaders=host", "", false},
	} {
		req := smithyhttp.NewStackRequest().(*smithyhttp.Request)
		if tc.auth != "" {
			req.Header.Set("Authorization", tc.auth)
		}
		if name, signed := signingName(req); name != tc.name || signed != tc.signed {
			t.Errorf("signingName(%q) = %q, %t; want %q, %t", tc.auth, name, signed, tc.name, tc.signed)
		}
	}
}

// renameService makes a real client look like one whose service ID the table
// lacks (a service newer than the table): it rewrites the ID on the stack before
// awsperm's middleware reads it. The request is still signed as the real client
// signs it.
func renameService(id string) func(*middleware.Stack) error {
	return func(st *middleware.Stack) error {
		return st.Initialize.Add(middleware.InitializeMiddlewareFunc("test/rename-service",
			func(ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler) (middleware.InitializeOutput, middleware.Metadata, error) {
				return next.HandleInitialize(awsmiddleware.SetServiceID(ctx, id), in)
			}), middleware.Before)
	}
}

const ordersTopic = arnPrefix + "sns:us-east-1:123456789012:orders"

func publish(ctx context.Context, c *sns.Client, topic string, opts ...func(*sns.Options)) error {
	_, err := c.Publish(ctx, &sns.PublishInput{TopicArn: aws.String(topic), Message: aws.String("hi")}, opts...)
	return err
}

// A client whose service ID the table does not know is routed by the signing name
// the SDK signed its request with: decided by the guard after signing, before
// sending, and recorded as sns.
func TestRoutedBySigningName(t *testing.T) {
	ctx := context.Background()
	const id = "Made Up Notifications"
	if _, ok := route(id); ok {
		t.Fatalf("the table routes %q by ID: the test needs an ID it lacks", id)
	}
	f := newFakeAWS(t)
	g := mustGuard(t, []*iampolicy.Policy{policyOf(t, []string{"sns:Publish " + ordersTopic}, -1)}, Account(testAccount))
	cfg := testConfig(f.URL, func(c *aws.Config) { c.APIOptions = append(c.APIOptions, g.APIOption()) })
	client := sns.NewFromConfig(cfg, func(o *sns.Options) { o.APIOptions = append(o.APIOptions, renameService(id)) })

	if err := publish(ctx, client, ordersTopic); err != nil {
		t.Fatalf("allowed call: %v", err)
	}
	if f.count() != 1 {
		t.Fatalf("server saw %d requests, want 1", f.count())
	}
	err := publish(ctx, client, arnPrefix+"sns:us-east-1:123456789012:other")
	var denied *DeniedError
	if !errors.As(err, &denied) || denied.Action != "sns:Publish" || denied.ServiceID != id {
		t.Fatalf("other topic: err = %v, want a *DeniedError for sns:Publish", err)
	}
	// Signed as a name that is no prefix: not routed, refused.
	err = publish(ctx, client, ordersTopic, sns.WithSigV4SigningName("made-up"))
	var unmapped *UnmappedError
	if !errors.As(err, &unmapped) || !strings.Contains(unmapped.Reason, `"made-up"`) {
		t.Fatalf("signed as made-up: err = %v, want an *UnmappedError naming the signing name", err)
	}
	if f.count() != 1 {
		t.Errorf("server saw %d requests after two refusals, want 1", f.count())
	}

	// The recorder routes the same way, once per call however often it is retried.
	f.failFirst["Publish"] = true
	rec := NewRecorder(Account(testAccount))
	cfg = testConfig(f.URL, func(c *aws.Config) { c.APIOptions = append(c.APIOptions, rec.APIOption()) })
	client = sns.NewFromConfig(cfg, func(o *sns.Options) { o.APIOptions = append(o.APIOptions, renameService(id)) })
	if err := publish(ctx, client, ordersTopic); err != nil {
		t.Fatal(err)
	}
	calls := rec.Calls()
	if len(calls) != 1 || calls[0].Count != 1 || calls[0].Prefix != "sns" || len(rec.Unmapped()) != 0 {
		t.Fatalf("recorded %+v, unmapped %v; want one sns call, recorded once", calls, rec.Unmapped())
	}
	if got := grantLines(rec.Grants()); len(got) != 1 || got[0] != "sns:Publish "+ordersTopic {
		t.Errorf("grants = %v", got)
	}
	if f.count() != 3 { // the failed first attempt and its retry
		t.Errorf("server saw %d requests, want 3", f.count())
	}
}

// A client the table routes by ID whose request the SDK signs for another service
// is refused after signing and before sending, naming both; the same override
// naming the service's own signing name changes nothing.
func TestSigningNameDisagrees(t *testing.T) {
	ctx := context.Background()
	f := newFakeAWS(t)
	g := mustGuard(t, []*iampolicy.Policy{policyOf(t, []string{"* *"}, -1)})
	cfg := testConfig(f.URL, func(c *aws.Config) { c.APIOptions = append(c.APIOptions, g.APIOption()) })
	client := sns.NewFromConfig(cfg)

	err := publish(ctx, client, ordersTopic, sns.WithSigV4SigningName("sqs"))
	var se *SigningError
	if !errors.As(err, &se) || se.SigningName != "sqs" || se.Prefix != "sns" ||
		!strings.Contains(err.Error(), `"sqs"`) || !strings.Contains(err.Error(), "sns:Publish") {
		t.Fatalf("signed as sqs: err = %v, want a *SigningError naming sqs and sns", err)
	}
	if f.count() != 0 {
		t.Fatalf("a refused call reached the server (%d requests)", f.count())
	}
	if err := publish(ctx, client, ordersTopic, sns.WithSigV4SigningName("sns")); err != nil {
		t.Fatalf("signed as sns by override: %v", err)
	}
	if f.count() != 1 {
		t.Errorf("server saw %d requests, want 1", f.count())
	}

	// The recorder reports it instead of granting it.
	rec := NewRecorder(Account(testAccount), DryRun())
	cfg = testConfig(f.URL, func(c *aws.Config) { c.APIOptions = append(c.APIOptions, rec.APIOption()) })
	if err := publish(ctx, sns.NewFromConfig(cfg), ordersTopic, sns.WithSigV4SigningName("sqs")); err != nil {
		t.Fatal(err)
	}
	if u := rec.Unmapped(); len(u) != 1 || !strings.Contains(u[0].Reason, `"sqs"`) || len(rec.Grants()) != 0 {
		t.Errorf("unmapped %v, grants %v; want the disagreement reported and nothing granted", u, rec.Grants())
	}
}

// An unsigned call passes a guard only where the table lists it as needing no
// authorization (or as decided by its action though unsigned, unsignedDecided).
func TestUnsignedCalls(t *testing.T) {
	ctx := context.Background()
	f := newFakeAWS(t)
	g := mustGuard(t, []*iampolicy.Policy{policyOf(t, []string{"* *"}, -1)})
	cfg := testConfig(f.URL, func(c *aws.Config) {
		c.APIOptions = append(c.APIOptions, g.APIOption())
		c.Credentials = aws.AnonymousCredentials{}
	})
	err := publish(ctx, sns.NewFromConfig(cfg), ordersTopic)
	var se *SigningError
	if !errors.As(err, &se) || se.SigningName != "" || !strings.Contains(se.Reason, "unsigned") || !strings.Contains(se.Reason, "sns:Publish") {
		t.Fatalf("anonymous Publish under Allow *: err = %v, want a *SigningError saying unsigned", err)
	}
	if f.count() != 0 {
		t.Fatalf("a refused call reached the server (%d requests)", f.count())
	}
	// SSO OIDC CreateToken: the model's noAuth, no action names it; it passes.
	if _, err := ssooidc.NewFromConfig(cfg).CreateToken(ctx, &ssooidc.CreateTokenInput{
		ClientId: aws.String("c"), ClientSecret: aws.String("s"), GrantType: aws.String("refresh_token")}); err != nil {
		t.Fatalf("CreateToken: %v", err)
	}
	if f.count() != 1 {
		t.Fatalf("server saw %d requests, want 1", f.count())
	}
	// STS AssumeRoleWithWebIdentity: unsigned, decided by its action; a guard
	// without the role's trust policy refuses it before sending, as before.
	_, err = sts.NewFromConfig(cfg).AssumeRoleWithWebIdentity(ctx, &sts.AssumeRoleWithWebIdentityInput{
		RoleArn: aws.String(arnPrefix + "iam::123456789012:role/app"), RoleSessionName: aws.String("s"), WebIdentityToken: aws.String("t")})
	var denied *DeniedError
	if !errors.As(err, &denied) || denied.Action != "sts:AssumeRoleWithWebIdentity" {
		t.Fatalf("AssumeRoleWithWebIdentity: err = %v, want a *DeniedError from the policy, not a signing refusal", err)
	}
	if f.count() != 1 {
		t.Errorf("server saw %d requests, want 1", f.count())
	}
}

// The expected pairs and the outposts rule, and every frozen module signs as the
// table routes it (or sends every operation unsigned).
func TestSigningAgreesWithRoute(t *testing.T) {
	iot, ok := route("IoT Data Plane")
	if !ok {
		t.Fatal("IoT Data Plane is not routed")
	}
	if why := signingDisagrees("IoT Data Plane", iot, "iotdata", Call{}); why != "" {
		t.Errorf("IoT Data Plane signing as iotdata: %s", why)
	}
	ctl, _ := route("S3 Control")
	outposts := Call{Requests: []Request{{Action: "s3-outposts:GetBucket"}}}
	if why := signingDisagrees("S3 Control", ctl, "s3-outposts", outposts); why != "" {
		t.Errorf("S3 Control on Outposts: %s", why)
	}
	plain := Call{Requests: []Request{{Action: "s3:GetAccessPoint"}}}
	if why := signingDisagrees("S3 Control", ctl, "s3-outposts", plain); why == "" {
		t.Error("S3 Control signing as s3-outposts for an s3: action agrees; want refused")
	}
	for _, p := range signingPairs {
		if _, ok := route(p.id); !ok || p.reason == "" {
			t.Errorf("signingPairs %q: not routed by ID, or no reason", p.id)
		}
	}
	m := loadSDKModels(t)
	for _, s := range m.Services {
		r, ok := route(s.ServiceID)
		if !ok {
			t.Errorf("%s: not routed by ID", s.ServiceID)
			continue
		}
		unsigned := 0
		for _, op := range s.Operations {
			if !op.Anonymous {
				continue
			}
			unsigned++
			row, ok := operation(r.table, op.Name)
			if !ok || row.noAuth == 0 && !decidedUnsigned(s.ServiceID, op.Name) {
				t.Errorf("%s %s: the SDK sends it unsigned, and the table neither lists it as needing no authorization nor in unsignedDecided", s.ServiceID, op.Name)
			}
		}
		if unsigned == len(s.Operations) {
			continue // SSO: nothing is signed, the signing name is never used
		}
		if why := signingDisagrees(s.ServiceID, r, s.SigningName, Call{}); why != "" {
			t.Errorf("%s (%s): %s", s.ServiceID, s.Module, why)
		}
	}
	for _, u := range unsignedDecided {
		if r, ok := route(u.id); !ok {
			t.Errorf("unsignedDecided %s: not routed", u.id)
		} else if u.op == "*" {
			if !hasTable(r.table) || u.reason == "" {
				t.Errorf("unsignedDecided %s *: no operation table, or no reason", u.id)
			}
		} else if row, ok := operation(r.table, u.op); !ok || row.nact == 0 || u.reason == "" {
			t.Errorf("unsignedDecided %s %s: no action maps it, or no reason", u.id, u.op)
		}
	}
}

// S3 Control on Outposts signs as s3-outposts and its conditional rows ask for
// s3-outposts actions: the real client passes a guard that allows them.
func TestS3ControlOutpostsSigning(t *testing.T) {
	f := newFakeAWS(t)
	g := mustGuard(t, []*iampolicy.Policy{policyOf(t, []string{"s3-outposts:* *"}, -1)})
	var seen string
	cfg := testConfig(f.URL, func(c *aws.Config) { c.APIOptions = append(c.APIOptions, g.APIOption()) })
	f.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		seen, _ = signingName(&smithyhttp.Request{Request: r})
		f.serve(w, r)
	})
	bucket := arnPrefix + "s3-outposts:us-east-1:123456789012:outpost/op-01ac5d28a6a232904/bucket/logs"
	_, err := s3control.NewFromConfig(cfg).GetBucket(context.Background(), &s3control.GetBucketInput{
		AccountId: aws.String(testAccount), Bucket: aws.String(bucket)})
	if err != nil {
		t.Fatalf("GetBucket on Outposts: %v", err)
	}
	if seen != "s3-outposts" {
		t.Errorf("the server saw a request signed as %q, want s3-outposts", seen)
	}
}

// The S3 client signs a call on an Object Lambda access point as s3-object-lambda,
// whose actions IAM then checks (s3-object-lambda:GetObject), not the s3:GetObject
// the table maps S3's GetObject to: refused before sending, even under Allow *.
func TestS3ObjectLambdaRefused(t *testing.T) {
	f := newFakeAWS(t)
	g := mustGuard(t, []*iampolicy.Policy{policyOf(t, []string{"* *"}, -1)})
	cfg := testConfig(f.URL, func(c *aws.Config) { c.APIOptions = append(c.APIOptions, g.APIOption()) })
	_, err := s3.NewFromConfig(cfg).GetObject(context.Background(), &s3.GetObjectInput{
		Bucket: aws.String(arnPrefix + "s3-object-lambda:us-east-1:123456789012:accesspoint/thumbs"), Key: aws.String("k")})
	var se *SigningError
	if !errors.As(err, &se) || se.SigningName != "s3-object-lambda" || se.Prefix != "s3" {
		t.Fatalf("err = %v, want a *SigningError for s3-object-lambda", err)
	}
	if f.count() != 0 {
		t.Errorf("a refused call reached the server (%d requests)", f.count())
	}
}

// A presign client swaps the SDK's Signing step for its presigner, whose answer
// ends the stack: the call is routed by its service ID and decided or recorded at
// Initialize, as before the check after signing existed, and a client the table
// does not know by ID is refused there.
func TestPresignDecidedAtInitialize(t *testing.T) {
	ctx := context.Background()
	get := &s3.GetObjectInput{Bucket: aws.String("photos"), Key: aws.String("cat.png")}
	rec := NewRecorder(Account(testAccount))
	cfg := testConfig("http://127.0.0.1:1", func(c *aws.Config) { c.APIOptions = append(c.APIOptions, rec.APIOption()) })
	if _, err := s3.NewPresignClient(s3.NewFromConfig(cfg)).PresignGetObject(ctx, get); err != nil {
		t.Fatal(err)
	}
	if got := grantLines(rec.Grants()); len(got) != 1 || got[0] != "s3:GetObject arn:aws:s3:::photos/cat.png" {
		t.Errorf("presign recorded %v", got)
	}
	g := mustGuard(t, []*iampolicy.Policy{policyOf(t, []string{"* *"}, -1)})
	cfg = testConfig("http://127.0.0.1:1", func(c *aws.Config) { c.APIOptions = append(c.APIOptions, g.APIOption()) })
	renamed := s3.NewFromConfig(cfg, func(o *s3.Options) { o.APIOptions = append(o.APIOptions, renameService("Made Up Storage")) })
	_, err := s3.NewPresignClient(renamed).PresignGetObject(ctx, get)
	var unmapped *UnmappedError
	if !errors.As(err, &unmapped) {
		t.Fatalf("presign by a client the table lacks: err = %v, want an *UnmappedError", err)
	}
	if _, err := s3.NewPresignClient(s3.NewFromConfig(cfg)).PresignGetObject(ctx, get); err != nil {
		t.Errorf("presign under Allow *: %v", err)
	}
}
