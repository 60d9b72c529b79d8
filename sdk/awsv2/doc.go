// Package awsperm records and guards the calls an aws-sdk-go-v2 program makes, in
// process: one option on the aws.Config, and every operation of every client is
// mapped to the IAM actions it needs and the resource ARNs its input names.
//
//	rec := awsperm.NewRecorder(awsperm.Account("123456789012"))
//	cfg, _ := config.LoadDefaultConfig(ctx, awsperm.WithRecorder(rec))
//	runExistingCode(cfg)
//	p, err := rec.Policy() // least privilege; err lists what could not be narrowed
//
//	g, err := awsperm.NewGuard([]*iampolicy.Policy{p}, awsperm.Account("123456789012"))
//	cfg, _ = config.LoadDefaultConfig(ctx, g.Option()) // denied before signing
//	// or awsperm.WithGuard(policies...), which knows no account
//
// A denial is a *DeniedError (errors.As) naming the action, the resource and the
// deciding statement; a call the table cannot map is an *UnmappedError: the guard
// fails closed. NewGuard refuses a nil or invalid policy.
//
// Unknown is not absent. What the guard cannot observe (the account without
// Account, a resource part the input does not give, a key holding a wildcard
// character, the caller without Principal, every condition key the call does not
// set without ConditionKey) is passed to the evaluator as unknown, never as "*"
// or as an absent key: an Allow applies only if it holds whatever the unknown is,
// a Deny applies if it could. The *DeniedError lists the unknowns and the option
// that makes each known. KMS keys and role trust policies must allow as AWS
// requires: ResourcePolicy and ResourcePolicies give them (and bucket, queue and
// topic policies); a denial for the lack of one says "no key policy given".
//
// The middleware runs in the Initialize step of the smithy stack, where the service
// ID, the operation name and the typed input are known and which runs once per
// operation call: retries (in the Finalize step) are not seen again, and a denied
// call never reaches serialization, signing or the network.
//
// Operation → action comes from the links of the AWS Service Authorization Reference
// pages (printed into operations_gen.go by internal/awsops/mkops), corrected by
// operations.json; the resources come from the ARN templates of the same pages,
// filled from the input fields of the same meaning. What cannot be filled is
// reported, never replaced by "*" silently.
package awsperm

// The table's generator lives in the permgen module (internal/awsops/mkops), so that
// this module depends on the generated AWS tree only.
//go:generate sh -c "cd ../.. && go run ./internal/awsops/mkops"
