// Package awsperm records and guards the calls an aws-sdk-go-v2 program makes, in
// process: one option on the aws.Config, and every operation of every client is
// mapped to the IAM actions it needs and the resource ARNs its input names.
//
//	rec := awsperm.NewRecorder(awsperm.Account("123456789012"))
//	cfg, _ := config.LoadDefaultConfig(ctx, awsperm.WithRecorder(rec))
//	runExistingCode(cfg)
//	p, err := rec.Policy() // least privilege; err lists what could not be narrowed
//
//	g := awsperm.NewGuard([]*iampolicy.Policy{p}, awsperm.Account("123456789012"))
//	cfg, _ = config.LoadDefaultConfig(ctx, g.Option()) // denied before signing
//	// or awsperm.WithGuard(policies...), which knows no account
//
// A denial is a *DeniedError (errors.As) naming the action, the resource and the
// deciding statement; a call the table cannot map is an *UnmappedError: the guard
// fails closed.
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
