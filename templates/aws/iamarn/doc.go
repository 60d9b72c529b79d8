// Package iamarn reads, builds and matches Amazon Resource Names:
//
//	arn:partition:service:region:account:resource
//
// Parse reads an ARN strictly; Template builds one from a resource type's ARN
// template ("arn:${Partition}:s3:::${BucketName}/${ObjectName}") and tells whether
// a concrete ARN is an instance of it; Match tells whether an ARN matches a policy's
// Resource pattern with IAM's wildcards.
//
// Builders keep a single return value, so that s3.ObjectARN("b", "k") can be used in
// an expression. A value that cannot make a valid ARN (an empty placeholder, a
// colon in a region) does not panic and is not silently dropped: the ARN carries
// the error, Err reports it, String returns "" (which IAM rejects in a policy
// rather than reading as anything), Match is false for it, and MarshalText and the
// policy builders return the error. Check Err where the values come from outside.
package iamarn
