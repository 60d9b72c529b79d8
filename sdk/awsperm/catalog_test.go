package awsperm

import (
	"sort"
	"testing"
)

// The generator keyed svcRows with internal/awsops.NormalizeServiceID; the runtime
// looks them up with normalizeID. Every key must be its own normal form, the rows
// sorted, and each SDK service ID of the test clients found.
func TestServiceIDs(t *testing.T) {
	if !sort.SliceIsSorted(svcRows[:], func(i, j int) bool { return svcRows[i].key < svcRows[j].key }) {
		t.Fatal("svcRows not sorted")
	}
	for _, r := range svcRows {
		if normalizeID(r.key) != r.key {
			t.Errorf("key %q is not normalized", r.key)
		}
	}
	for id, want := range map[string]string{
		"S3": "s3", "DynamoDB": "dynamodb", "SQS": "sqs", "IAM": "iam", "Lambda": "lambda", "STS": "sts",
		"CloudWatch Logs": "logs", "SFN": "states", "Bedrock Runtime": "bedrock", "SageMaker Runtime": "sagemaker", "Cognito Identity Provider": "cognito-idp", "S3 Control": "s3",
		"EC2": "ec2", "KMS": "kms", "Secrets Manager": "secretsmanager",
	} {
		if got, ok := prefixOf(id); !ok || got != want {
			t.Errorf("prefixOf(%q) = %q, %t; want %q", id, got, ok, want)
		}
	}
}

func TestTablesSorted(t *testing.T) {
	if !sort.SliceIsSorted(opRows[:], func(i, j int) bool {
		a, b := opRows[i], opRows[j]
		return a.prefix < b.prefix || a.prefix == b.prefix && a.op < b.op
	}) {
		t.Fatal("opRows not sorted by prefix, operation")
	}
	for _, r := range opRows {
		if int(r.act)+int(r.nact) > len(opActions) || int(r.when)+int(r.nwhen) > len(whenRows) {
			t.Fatalf("%s:%s: list out of range", r.prefix, r.op)
		}
		for _, a := range r.actions() {
			if int(a) >= len(actionRows) {
				t.Fatalf("%s:%s: action index %d out of range", r.prefix, r.op, a)
			}
		}
	}
	for _, a := range actionRows {
		for _, rr := range a.resources() {
			if int(rr.rt) >= len(rtRows) {
				t.Fatalf("%s: resource type index %d out of range", a.name, rr.rt)
			}
		}
	}
}

func TestPartitionOf(t *testing.T) {
	for region, want := range map[string]string{
		"us-east-1": "aws", "eu-west-3": "aws", "cn-north-1": "aws-cn", "cn-northwest-1": "aws-cn",
		"us-gov-west-1": "aws-us-gov", "us-iso-east-1": "aws-iso", "us-isob-east-1": "aws-iso-b", "": "aws",
	} {
		if got := partitionOf(region); got != want {
			t.Errorf("partitionOf(%q) = %q, want %q", region, got, want)
		}
	}
}
