package awsperm

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/s3"
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
