package awsperm

import (
	"context"
	"fmt"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

// sdkSigningID is the ID of the SDK's Finalize middleware that signs the request
// (every aws-sdk-go-v2 service module's auth.go names it so).
const sdkSigningID = "Signing"

// dryRunCredentials sign a dry run's requests locally; they are valid nowhere.
var dryRunCredentials = aws.CredentialsProviderFunc(func(context.Context) (aws.Credentials, error) {
	return aws.Credentials{AccessKeyID: "AKIDPERMGENDRYRUN", SecretAccessKey: "permgen-dry-run", Source: "awsperm.DryRun"}, nil
})

// callState is what the Initialize middleware learned of one call, for the check
// after signing. Retries sign the request again and are checked again; the
// observer is told once per signing name.
type callState struct {
	serviceID, op string
	input         any
	e             env

	svc     svcRow
	byID    bool  // the table routed the service ID: call and err are its answer
	call    Call  // resolved at Initialize (byID)
	err     error // unmapped at Initialize (byID)
	decided bool  // a guard allowed call at Initialize

	checked  bool // afterSigning ran for signedAs
	signedAs string
	signed   bool
	verdict  error
}

// afterSigning reads the signing name the SDK signed the request with and checks
// it against the call's route; a call the table lacks by ID is routed and decided
// here. It runs after the SDK's Signing step and before anything is sent (the
// Deserialize step sends): a refusal here reaches no server.
type afterSigning struct{ obs observer }

func (m afterSigning) ID() string { return m.obs.id() + "/signed" }

func (m afterSigning) HandleFinalize(ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler) (middleware.FinalizeOutput, middleware.Metadata, error) {
	if skipped(ctx) {
		return next.HandleFinalize(ctx, in)
	}
	st, _ := middleware.GetStackValue(ctx, m.obs).(*callState)
	if st == nil {
		// The Initialize middleware did not run for this stack: nothing was
		// decided, so nothing is allowed.
		return middleware.FinalizeOutput{}, middleware.Metadata{}, &UnmappedError{ServiceID: "?", Operation: "?",
			Reason: "awsperm's Initialize middleware did not run for this request (the stack was changed after it was added)"}
	}
	req, _ := in.Request.(*smithyhttp.Request)
	name, signed := signingName(req)
	if !st.checked || st.signedAs != name || st.signed != signed {
		st.checked, st.signedAs, st.signed = true, name, signed
		st.verdict = st.decide(ctx, m.obs, name, signed)
	}
	if st.verdict != nil {
		return middleware.FinalizeOutput{}, middleware.Metadata{}, st.verdict
	}
	return next.HandleFinalize(ctx, in)
}

// decide routes and checks the call as signed and tells the observer.
func (st *callState) decide(ctx context.Context, obs observer, name string, signed bool) error {
	c, err := st.call, st.err
	switch {
	case st.byID && err != nil:
		// Unmapped at Initialize: a guard refused it there; a recorder records it.
	case st.byID && signed:
		if why := signingDisagrees(st.serviceID, st.svc, name, c); why != "" {
			err = &SigningError{ServiceID: st.serviceID, Operation: st.op, SigningName: name, Prefix: st.svc.prefix, Reason: why}
		}
	case st.byID && obs.decidesEarly() && c.NoAuthorization == "" && !decidedUnsigned(st.serviceID, st.op):
		// Unsigned (anonymous credentials, a bearer token, the model's noAuth)
		// where the table says an IAM action authorizes the call: no IAM
		// identity exists for the guard's policy to decide about, and whatever
		// does authorize it (a bucket policy for everyone) is not the guard's
		// to grant. A recorder still records what a signed run needs.
		err = &SigningError{ServiceID: st.serviceID, Operation: st.op, Prefix: st.svc.prefix,
			Reason: "the SDK sends this call unsigned (anonymous credentials, or an auth scheme other than SigV4), but the table says " +
				actionsOf(c) + " authorizes it: a guard decides for a signed caller only; only operations the table lists as needing no authorization pass unsigned"}
	case st.byID:
	case !signed:
		err = &UnmappedError{ServiceID: st.serviceID, Operation: st.op,
			Reason: "no IAM service prefix is known for this SDK service ID, and the request is unsigned: there is no SigV4 signing name to route it by"}
	default:
		svc, ok := routeBySigningName(name)
		if !ok {
			c = Call{ServiceID: st.serviceID, Operation: st.op, Region: st.e.region}
			err = &UnmappedError{ServiceID: st.serviceID, Operation: st.op,
				Reason: fmt.Sprintf("no IAM service prefix is known for this SDK service ID, and its SigV4 signing name %q is no prefix of the Service Authorization Reference with an operation table", name)}
			break
		}
		c, err = resolveRoute(svc, st.serviceID, st.op, st.input, st.e)
		if err == nil && len(c.Requests) == 0 && c.NoAuthorization != "" {
			// Signed, yet the row says unsigned: the table's answer is for
			// another client of that prefix.
			err = &SigningError{ServiceID: st.serviceID, Operation: st.op, SigningName: name, Prefix: svc.prefix,
				Reason: "routed by its signing name to an operation the table lists as sent unsigned, but this client signed it"}
		}
	}
	if st.decided && err == nil {
		return nil // a guard allowed this very call at Initialize
	}
	return obs.observe(ctx, c, err)
}

// actionsOf names a call's actions for a message.
func actionsOf(c Call) string {
	var names []string
	for _, q := range c.Requests {
		names = appendUnique(names, q.Action)
	}
	if len(names) == 0 {
		return "an action"
	}
	return strings.Join(names, ", ")
}

// signingName returns the SigV4 (or SigV4a) signing name of a signed request, read
// from its Authorization header's credential scope:
//
//	AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/sns/aws4_request, ...
//	AWS4-ECDSA-P256-SHA256 Credential=AKID/20260101/s3/aws4_request, ...   (SigV4a: no region)
//
// signed is false for a request without a SigV4 Authorization header (anonymous
// credentials, the model's noAuth, a bearer token). The SDK's resolved auth
// scheme, which holds the same name, is private to each service module; the
// header is what the server will read.
func signingName(req *smithyhttp.Request) (name string, signed bool) {
	if req == nil {
		return "", false
	}
	auth := req.Header.Get("Authorization")
	if !strings.HasPrefix(auth, "AWS4-") {
		return "", false
	}
	_, cred, ok := strings.Cut(auth, "Credential=")
	if !ok {
		return "", false
	}
	if i := strings.IndexAny(cred, ", "); i >= 0 {
		cred = cred[:i]
	}
	scope, ok := strings.CutSuffix(cred, "/aws4_request")
	if !ok {
		return "", false
	}
	i := strings.LastIndexByte(scope, '/')
	if i < 0 || i == len(scope)-1 {
		return "", false
	}
	return scope[i+1:], true
}

// signingDisagrees says why a request signed as name is not the service the
// table routed its service ID to, or "" when it is: the name is the route's
// prefix or table, an expected pair (signingPairs), or the prefix of every
// action the call needs (S3 Control on Outposts signs as s3-outposts, and the
// table's conditional rows then ask for s3-outposts actions).
func signingDisagrees(serviceID string, svc svcRow, name string, c Call) string {
	if name == svc.prefix || name == svc.table {
		return ""
	}
	if _, ok := expectedSigning(serviceID, name); ok {
		return ""
	}
	if len(c.Requests) > 0 {
		all := true
		for _, q := range c.Requests {
			if p, _, _ := strings.Cut(q.Action, ":"); p != name {
				all = false
				break
			}
		}
		if all {
			return ""
		}
	}
	return fmt.Sprintf("the SDK signed the request for %q, but the table routes service ID %q to %s actions (%s): the service that authorizes the call is not the one the table decides it as, so the guard fails closed",
		name, serviceID, svc.prefix, actionsOf(c))
}

// SigningError is a call whose signed request does not agree with the table: the
// SDK signed it for another service than the one whose actions the table maps it
// to, or sent it unsigned where an IAM action authorizes it. A guard refuses it
// after signing and before sending: nothing reaches the server. A recorder
// reports it among Unmapped.
type SigningError struct {
	ServiceID, Operation string
	SigningName          string // the request's SigV4 signing name; "" when unsigned
	Prefix               string // the IAM prefix the table routes the service ID to
	Reason               string
}

func (e *SigningError) Error() string {
	return fmt.Sprintf("awsperm: %s %s refused before sending: %s", e.ServiceID, e.Operation, e.Reason)
}
