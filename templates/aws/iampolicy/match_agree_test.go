package iampolicy

import (
	"testing"

	"github.com/permgen/permgen/templates/aws/iamarn"
)

// The evaluator matches Resource patterns with its own matchARN (variables, a
// fail-closed "ok", the request ARN split once per evaluation); iamarn.Match is what
// users and the builder call. Without variables both read the IAM User Guide's
// wildcard rules, so they must agree: this holds the two together.
func TestMatchARNAgreesWithIamarn(t *testing.T) {
	patterns := []string{
		"*", "arn:aws:s3:::b/*", "arn:aws:s3:::b*", "arn:aws:s3:::*/x", "arn:*:s3:::b/k",
		"arn:aws:ec2:*", "arn:aws:ec2:us-east-1:*", "arn:aws:*",
		"arn:aws:ec2:*:*:instance/*", "arn:aws:ec2:us-*:123:instance/i-?",
		"arn:aws:iam::*:role/x", "arn:aws:sqs:us-east-2:*:q",
		"arn:aws:lambda:*:*:function:f", "arn:aws:lambda:*:*:function:f:*",
	}
	arns := []string{
		"arn:aws:s3:::b/k", "arn:aws:s3:::b", "arn:aws:s3:::bx/k", "arn:aws:s3:::a/x", "arn:aws-cn:s3:::b/k",
		"arn:aws:ec2:us-east-1:123:instance/i-1", "arn:aws:ec2:us-east-1:123:instance/i-12",
		"arn:aws:iam::123:role/x", "arn:aws:sqs:us-east-2:123:q",
		"arn:aws:lambda:us-east-1:1:function:f", "arn:aws:lambda:us-east-1:1:function:f:2",
	}
	for _, p := range patterns {
		for _, a := range arns {
			got, ok := matchARN(p, a, false, nil)
			if want := iamarn.Match(p, a); got != want || !ok {
				t.Errorf("%s against %s: evaluator %v (decidable %v), iamarn.Match %v", p, a, got, ok, want)
			}
		}
	}
}
