package awsperm_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/feature/ec2/imds"
	"github.com/aws/aws-sdk-go-v2/service/s3"
	"github.com/aws/aws-sdk-go-v2/service/sqs"
	"github.com/aws/smithy-go/logging"
	"github.com/permgen/permgen/sdk/awsperm"
)

// runExistingCode is a program written against aws-sdk-go-v2 that knows nothing of
// awsperm.
func runExistingCode(ctx context.Context, cfg aws.Config) error {
	if _, err := s3.NewFromConfig(cfg).GetObject(ctx, &s3.GetObjectInput{Bucket: aws.String("photos"), Key: aws.String("cat.png")}); err != nil {
		return err
	}
	q := "https://sqs.eu-west-1.amazonaws.com/123456789012/jobs"
	_, err := sqs.NewFromConfig(cfg).SendMessage(ctx, &sqs.SendMessageInput{QueueUrl: &q, MessageBody: aws.String("resize cat.png")})
	return err
}

// One option on the config records every call; a dry run answers them locally, so
// this runs with no AWS account and no network.
func ExampleWithRecorder() {
	ctx := context.Background()
	rec := awsperm.NewRecorder(awsperm.Account("123456789012"), awsperm.DryRun())
	cfg, err := config.LoadDefaultConfig(ctx, awsperm.WithRecorder(rec), config.WithRegion("eu-west-1"),
		// only so that the example reads no file of this machine and asks no
		// instance metadata endpoint
		config.WithSharedConfigFiles([]string{}), config.WithSharedCredentialsFiles([]string{}),
		config.WithEC2IMDSClientEnableState(imds.ClientDisabled), config.WithLogger(logging.Nop{}))
	if err != nil {
		panic(err)
	}
	if err := runExistingCode(ctx, cfg); err != nil {
		panic(err)
	}
	p, err := rec.Policy()
	if err != nil {
		panic(err)
	}
	b, _ := json.MarshalIndent(p, "", "  ")
	fmt.Println(strings.ReplaceAll(string(b), "\t", "  "))
	// Output:
	// {
	//   "Version": "2012-10-17",
	//   "Statement": [
	//     {
	//       "Sid": "S3ReadObject",
	//       "Effect": "Allow",
	//       "Action": "s3:GetObject",
	//       "Resource": "arn:aws:s3:::photos/cat.png"
	//     },
	//     {
	//       "Sid": "SqsWriteQueue",
	//       "Effect": "Allow",
	//       "Action": "sqs:SendMessage",
	//       "Resource": "arn:aws:sqs:eu-west-1:123456789012:jobs"
	//     }
	//   ]
	// }
}
