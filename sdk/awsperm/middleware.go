package awsperm

import (
	"context"

	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/smithy-go/middleware"
	"github.com/permgen/permgen/generated/aws/iampolicy"
)

// observer is what the middleware hands each call to: the recorder or the guard.
type observer interface {
	// observe sees one call before it is serialized; an error stops it there.
	observe(ctx context.Context, c Call, unmapped error) error
	settings() *settings
	id() string // the middleware's ID in the stack
	// decidesEarly: a guard decides a call the table routes by ID at Initialize,
	// before credentials are fetched; a recorder records after signing, once
	// the route is checked.
	decidesEarly() bool
}

// settings are shared by the recorder and the guard; the guard's own (what it
// knows of the caller and of the resources) are ignored by the recorder.
type settings struct {
	account string
	dryRun  bool

	principal     string
	keys          map[string][]string // condition keys made known, nil values: known absent
	resPolicies   map[string]*iampolicy.Policy
	resLookup     func(resource string) *iampolicy.Policy
	optionProblem []string // what NewGuard refuses
}

// Option configures a Recorder or a Guard.
type Option func(*settings)

// Account sets the account ID filled into ARN templates (${Account}). Without it
// (and without an input that names the account, such as a queue URL) resources in
// account-scoped templates cannot be filled and are reported. AccountFromSTS finds
// it with one call the user opts into.
func Account(id string) Option { return func(s *settings) { s.account = id } }

// initialize is the Initialize middleware. alone is set on a stack without the
// SDK's Signing step (a presign client swaps it for its presigner, whose answer
// ends the stack; a hand-built stack): nothing runs after signing there, so the
// call is routed by its service ID only and decided or recorded here.
type initialize struct {
	obs   observer
	alone bool
}

func (m initialize) ID() string { return m.obs.id() }

// HandleInitialize resolves the call while its input is still typed. A call the
// table routes by its service ID is resolved now and, by a guard, decided now:
// a denial then stops it before the credentials are even fetched. A call whose
// service ID the table lacks waits for its signing name (afterSigning). Either
// way the state goes on the stack for afterSigning, which checks the signing
// name the SDK used against the route.
func (m initialize) HandleInitialize(ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler) (middleware.InitializeOutput, middleware.Metadata, error) {
	if skipped(ctx) {
		return next.HandleInitialize(ctx, in)
	}
	region := awsmiddleware.GetRegion(ctx)
	if m.alone {
		c, err := resolve(awsmiddleware.GetServiceID(ctx), awsmiddleware.GetOperationName(ctx), in.Parameters,
			env{partition: partitionOf(region), region: region, account: m.obs.settings().account})
		if err := m.obs.observe(ctx, c, err); err != nil {
			return middleware.InitializeOutput{}, middleware.Metadata{}, err
		}
		return next.HandleInitialize(ctx, in)
	}
	st := &callState{
		serviceID: awsmiddleware.GetServiceID(ctx),
		op:        awsmiddleware.GetOperationName(ctx),
		input:     in.Parameters,
		e:         env{partition: partitionOf(region), region: region, account: m.obs.settings().account},
	}
	if svc, ok := route(st.serviceID); ok {
		st.svc, st.byID = svc, true
		st.call, st.err = resolveRoute(svc, st.serviceID, st.op, st.input, st.e)
		if m.obs.decidesEarly() {
			if err := m.obs.observe(ctx, st.call, st.err); err != nil {
				return middleware.InitializeOutput{}, middleware.Metadata{}, err
			}
			st.decided = true
		}
	}
	// The observer itself is the key: one state per recorder or guard on the stack.
	ctx = middleware.WithStackValue(ctx, m.obs, st)
	return next.HandleInitialize(ctx, in)
}

// addTo inserts the middleware after the SDK's own Initialize middlewares (input
// validation, idempotency tokens: the input is then as it will be sent), its
// signing-name check right after the SDK's Signing step and, for a dry run, the
// local answer at the bottom of the stack.
func addTo(stack *middleware.Stack, obs observer) error {
	if _, ok := stack.Initialize.Get(obs.id()); ok {
		// One config may carry the same recorder or guard twice (LoadOptions and
		// APIOptions): the second would record every call twice. Two different
		// guards have different IDs and both decide.
		return nil
	}
	_, signs := stack.Finalize.Get(sdkSigningID)
	if err := stack.Initialize.Add(initialize{obs: obs, alone: !signs}, middleware.After); err != nil {
		return err
	}
	if signs {
		if err := stack.Finalize.Insert(afterSigning{obs}, sdkSigningID, middleware.After); err != nil {
			return err
		}
	}
	if obs.settings().dryRun {
		return addDryRun(stack)
	}
	return nil
}

// WithRecorder is a config.LoadDefaultConfig option that records every call of every
// client made from the config.
func WithRecorder(r *Recorder) func(*config.LoadOptions) error {
	return func(o *config.LoadOptions) error {
		o.APIOptions = append(o.APIOptions, r.APIOption())
		if r.s.dryRun && o.Credentials == nil {
			// A dry run sends nothing; it must not go looking for credentials (an
			// instance metadata call) either. Its requests are still signed, with
			// a key that exists nowhere, so that the signing name the SDK uses
			// routes and checks them as in a real run.
			o.Credentials = dryRunCredentials
		}
		return nil
	}
}

type skipKey struct{}

// skipped reports whether the call was made by awsperm itself (AccountFromSTS).
func skipped(ctx context.Context) bool {
	v, _ := ctx.Value(skipKey{}).(bool)
	return v
}
