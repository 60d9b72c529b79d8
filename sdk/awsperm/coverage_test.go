package awsperm

import (
	"context"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/iam"
	"github.com/aws/aws-sdk-go-v2/service/lambda"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/aws-sdk-go-v2/service/sts"
)

// sdkOperations lists the operations of a client type: its methods shaped
// func(ctx, *XInput, ...func(*Options)) (*XOutput, error).
func sdkOperations(client any) []string {
	t := reflect.TypeOf(client)
	ctxType := reflect.TypeOf((*context.Context)(nil)).Elem()
	var ops []string
	for i := range t.NumMethod() {
		m := t.Method(i)
		ft := m.Type
		if ft.NumIn() == 4 && ft.In(1) == ctxType && ft.In(2).Kind() == reflect.Pointer &&
			ft.In(2).Elem().Name() == m.Name+"Input" && ft.IsVariadic() {
			ops = append(ops, m.Name)
		}
	}
	sort.Strings(ops)
	return ops
}

// TestSDKOperationsMapped checks every operation of the six clients the module
// tests with against the table, and lists those it cannot map (go test -v -run
// SDKOperations). The count is pinned so that a change in the table or the SDK is
// seen; the operations that matter most are pinned by name.
func TestSDKOperationsMapped(t *testing.T) {
	clients := map[string]any{
		"S3": &s3.Client{}, "DynamoDB": &dynamodb.Client{}, "SQS": &sqs.Client{},
		"IAM": &iam.Client{}, "Lambda": &lambda.Client{}, "STS": &sts.Client{},
	}
	ids := []string{"DynamoDB", "IAM", "Lambda", "S3", "SQS", "STS"}
	total, unmapped := 0, 0
	for _, id := range ids {
		prefix, ok := prefixOf(id)
		if !ok {
			t.Errorf("service ID %q maps to no prefix", id)
			continue
		}
		var missing []string
		for _, op := range sdkOperations(clients[id]) {
			total++
			if _, ok := operation(prefix, op); !ok {
				missing = append(missing, op)
			}
		}
		unmapped += len(missing)
		if len(missing) > 0 {
			t.Logf("%s (%s): %d operations not mapped: %s", id, prefix, len(missing), strings.Join(missing, ", "))
		}
	}
	t.Logf("%d of %d operations mapped", total-unmapped, total)
	// 24 when measured (S3 CopyObject and annotations, DynamoDB PartiQL, ...; 27 before
	// issue 20): more means a mapping was lost.
	if unmapped > 24 {
		t.Errorf("%d operations not mapped, was 24", unmapped)
	}
	if total < 400 {
		t.Errorf("only %d operations found on the clients: the method filter is broken", total)
	}
	for _, must := range []struct{ id, op string }{
		{"S3", "GetObject"}, {"S3", "PutObject"}, {"S3", "ListObjectsV2"}, {"S3", "HeadObject"}, {"S3", "HeadBucket"},
		{"S3", "DeleteObject"}, {"S3", "GetBucketCors"}, {"S3", "ListBuckets"},
		{"DynamoDB", "GetItem"}, {"DynamoDB", "PutItem"}, {"DynamoDB", "Query"}, {"DynamoDB", "Scan"},
		{"SQS", "SendMessage"}, {"SQS", "ReceiveMessage"}, {"SQS", "DeleteMessage"}, {"SQS", "GetQueueUrl"},
		{"IAM", "GetRole"}, {"IAM", "CreateUser"}, {"IAM", "ListUsers"},
		{"Lambda", "Invoke"}, {"Lambda", "GetFunction"}, {"Lambda", "ListFunctions"},
		{"STS", "GetCallerIdentity"}, {"STS", "AssumeRole"},
	} {
		prefix, _ := prefixOf(must.id)
		if _, ok := operation(prefix, must.op); !ok {
			t.Errorf("%s %s is not mapped", must.id, must.op)
		}
	}
}
