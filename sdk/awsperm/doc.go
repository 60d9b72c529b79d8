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
// operation call: a call the table routes by its service ID is resolved there and
// a guard decides it there, so a denied call never reaches serialization,
// credentials, signing or the network. A second middleware runs right after the
// SDK's Signing step in Finalize (before anything is sent; retries pass it again)
// and reads the SigV4 signing name from the signed request's credential scope:
// a client whose service ID the table lacks is routed by that name when it is an
// IAM prefix with an operation table (routeCall) and decided there; a client
// routed by ID that the SDK signed for another service is refused with a
// *SigningError naming both, unless the pair is an expected one (signingPairs,
// each with its reason); an unsigned call (anonymous credentials, the model's
// noAuth) passes a guard only where the table lists it as needing no
// authorization (or in unsignedDecided, with its reason). The recorder records
// after the same check, once per call, and reports what a guard would refuse.
// A dry run signs its requests locally with a key that exists nowhere, so that
// they are routed as in a real run. A stack without the SDK's Signing step (a
// presign client's) has no check after signing: its calls are routed by service
// ID and decided or recorded at Initialize.
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
