package awsperm

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
	"github.com/permgen/permgen/generated/aws/iampolicy"
)

// BenchmarkResolve is what the middleware adds to every call before the guard or
// recorder sees it: service ID → prefix, operation → actions, ARN filled from the
// input (docs/benchmarks.md).
func BenchmarkResolve(b *testing.B) {
	in := &s3.GetObjectInput{Bucket: aws.String("photos"), Key: aws.String("cat.png")}
	e := env{partition: "aws", region: "us-east-1", account: testAccount}
	b.ReportAllocs()
	for b.Loop() {
		c, err := resolve("S3", "GetObject", in, e)
		if err != nil || len(c.Requests) != 1 {
			b.Fatal(err, c)
		}
	}
}

// BenchmarkGuardCheck decides one resolved call against a recorded policy.
func BenchmarkGuardCheck(b *testing.B) {
	p := &iampolicy.Policy{Version: iampolicy.Version2012, Statement: []iampolicy.Statement{
		{Effect: iampolicy.EffectAllow, Action: []string{"s3:GetObject", "s3:PutObject"}, Resource: []string{"arn:aws:s3:::photos/cat.png"}},
		{Effect: iampolicy.EffectAllow, Action: []string{"s3:ListBucket"}, Resource: []string{"arn:aws:s3:::photos"}},
	}}
	g := mustGuard(b, []*iampolicy.Policy{p}, Account(testAccount))
	c, err := resolve("S3", "GetObject", &s3.GetObjectInput{Bucket: aws.String("photos"), Key: aws.String("cat.png")},
		env{partition: "aws", region: "us-east-1", account: testAccount})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := g.Check(c); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkGuardMiddleware is the guard's whole per-call cost on a call the table
// routes by ID: the Initialize middleware (resolve, decide, the state on the
// stack) and the check after signing (the signing name read from the request's
// Authorization header and compared with the route). Resolve plus GuardCheck is
// what the middleware cost before the check after signing existed.
func BenchmarkGuardMiddleware(b *testing.B) {
	benchMiddleware(b, "S3")
}

// BenchmarkGuardMiddlewareBySigningName is the same call from a client whose
// service ID the table lacks: routed, resolved and decided after signing.
func BenchmarkGuardMiddlewareBySigningName(b *testing.B) {
	benchMiddleware(b, "Made Up Storage")
}

func benchMiddleware(b *testing.B, serviceID string) {
	p := &iampolicy.Policy{Version: iampolicy.Version2012, Statement: []iampolicy.Statement{
		{Effect: iampolicy.EffectAllow, Action: []string{"s3:GetObject"}, Resource: []string{"arn:aws:s3:::photos/cat.png"}},
	}}
	g := mustGuard(b, []*iampolicy.Policy{p}, Account(testAccount))
	in := &s3.GetObjectInput{Bucket: aws.String("photos"), Key: aws.String("cat.png")}
	ctx := middleware.ClearStackValues(context.Background())
	ctx = awsmiddleware.SetServiceID(ctx, serviceID)
	ctx = awsmiddleware.SetOperationName(ctx, "GetObject")
	ctx = awsmiddleware.SetRegion(ctx, "us-east-1")
	req := smithyhttp.NewStackRequest().(*smithyhttp.Request)
	req.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=abcdef")
	init, fin := initialize{obs: g}, afterSigning{g}
	sent := middleware.FinalizeHandlerFunc(func(context.Context, middleware.FinalizeInput) (middleware.FinalizeOutput, middleware.Metadata, error) {
		return middleware.FinalizeOutput{}, middleware.Metadata{}, nil
	})
	rest := middleware.InitializeHandlerFunc(func(ctx context.Context, _ middleware.InitializeInput) (middleware.InitializeOutput, middleware.Metadata, error) {
		_, md, err := fin.HandleFinalize(ctx, middleware.FinalizeInput{Request: req}, sent)
		return middleware.InitializeOutput{}, md, err
	})
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := init.HandleInitialize(ctx, middleware.InitializeInput{Parameters: in}, rest); err != nil {
			b.Fatal(err)
		}
	}
}
