package iampolicy

import (
	"fmt"
	"strings"
)

// Request is one call to decide.
type Request struct {
	// Principal is the caller's ARN, e.g. "arn:aws:iam::111122223333:user/alice";
	// resource-based policies match their Principal element against it.
	Principal string
	// Action is "service:Name", e.g. "s3:GetObject".
	Action string
	// Resource is the ARN the call touches, or "*" for actions that take no resource.
	Resource string
	// Context holds the condition keys of the request (aws:username, aws:SourceIp, ...).
	Context Context
}

// Outcome is the final answer. The zero value is an implicit deny, so a Decision
// that nobody filled in denies.
type Outcome uint8

// Outcomes.
const (
	ImplicitDeny Outcome = iota
	Allowed
	ExplicitDeny
)

// String returns "Allowed", "ExplicitlyDenied" or "ImplicitlyDenied".
func (o Outcome) String() string {
	switch o {
	case Allowed:
		return "Allowed"
	case ExplicitDeny:
		return "ExplicitlyDenied"
	}
	return "ImplicitlyDenied"
}

// PolicyKind says which role a policy plays in an evaluation.
type PolicyKind uint8

// Policy kinds.
const (
	IdentityPolicy PolicyKind = iota
	PermissionsBoundary
	ResourcePolicy
)

// MarshalText writes the name String returns.
func (k PolicyKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// String returns "identity policy", "boundary" or "resource policy".
func (k PolicyKind) String() string {
	switch k {
	case PermissionsBoundary:
		return "boundary"
	case ResourcePolicy:
		return "resource policy"
	}
	return "identity policy"
}

// StatementRef names one statement: which policy, which statement, its Sid.
type StatementRef struct {
	Kind      PolicyKind `json:"kind"`
	Policy    int        `json:"policy"` // index among the identity policies; 0 for the others
	Statement int        `json:"statement"`
	Sid       string     `json:"sid,omitempty"`
}

// String names the statement: "identity policy 0 statement 2 (Sid)".
func (r StatementRef) String() string {
	s := fmt.Sprintf("%s %d statement %d", r.Kind, r.Policy, r.Statement)
	if r.Kind != IdentityPolicy {
		s = fmt.Sprintf("%s statement %d", r.Kind, r.Statement)
	}
	if r.Sid != "" {
		s += " (" + r.Sid + ")"
	}
	return s
}

const maxRefs = 8

// Decision is the answer to a Request with what decided it. It holds no pointers
// into the heap of its own, so Evaluate allocates nothing.
type Decision struct {
	Outcome Outcome
	refs    [maxRefs]StatementRef
	nrefs   int
	missing [maxRefs]string
	nmiss   int
	// BoundaryDenied is set when an identity policy allowed but the permissions
	// boundary did not.
	BoundaryDenied bool
	// Unconditional is set for sts:GetCallerIdentity, which needs no permission.
	Unconditional bool
}

// Allowed reports whether the request is allowed.
func (d *Decision) Allowed() bool { return d.Outcome == Allowed }

// Deciding returns the statements that decided: the applying denies for an
// explicit deny, else the applying allows for an allow (up to 8).
func (d *Decision) Deciding() []StatementRef { return d.refs[:d.nrefs] }

// Missing returns the condition keys that statements matching the action and
// resource tested but the request did not carry (up to 8, first seen first).
func (d *Decision) Missing() []string { return d.missing[:d.nmiss] }

// String explains the decision on one line. A value receiver, so that a Decision
// as Evaluate returns it prints as its explanation (fmt.Println(d)).
func (d Decision) String() string {
	var b strings.Builder
	b.WriteString(d.Outcome.String())
	for i, r := range d.Deciding() {
		if i == 0 {
			b.WriteString(" by ")
		} else {
			b.WriteString(", ")
		}
		b.WriteString(r.String())
	}
	if d.Outcome == ImplicitDeny && d.BoundaryDenied {
		b.WriteString(" (the permissions boundary does not allow it)")
	}
	if len(d.Missing()) > 0 {
		b.WriteString("; missing context keys: " + strings.Join(d.Missing(), ", "))
	}
	return b.String()
}

func (d *Decision) addMissing(k string) {
	for _, m := range d.missing[:d.nmiss] {
		if strings.EqualFold(m, k) {
			return
		}
	}
	if d.nmiss < maxRefs {
		d.missing[d.nmiss] = k
		d.nmiss++
	}
}

// Policies are the policies that apply to one request besides the identity ones.
type Policies struct {
	Identity []*Policy
	// Boundary, when set, caps what identity policies can allow.
	Boundary *Policy
	// Resource is the resource-based policy of the resource, if any.
	Resource *Policy
	// ResourceAccount is the account that owns the resource; when it differs from
	// the principal's account, both the identity side and the resource policy must
	// allow. Empty means the principal's own account.
	ResourceAccount string
}

// Evaluate decides a request against identity-based policies.
func Evaluate(req *Request, identity ...*Policy) Decision {
	return EvaluateAll(req, Policies{Identity: identity})
}

// match records what one policy says about a request.
type match struct {
	allow, deny bool
}

// EvaluateAll decides a request against identity policies, a permissions boundary
// and a resource-based policy, following the IAM evaluation logic: any applying
// Deny denies explicitly; otherwise the request is allowed by an applying Allow
// from the identity side (within the boundary, when there is one) or from a
// resource policy naming the principal; otherwise it is implicitly denied.
func EvaluateAll(req *Request, ps Policies) Decision {
	var d Decision
	if strings.EqualFold(req.Action, "sts:GetCallerIdentity") {
		// STS answers GetCallerIdentity whatever the policies say, even a Deny.
		d.Outcome = Allowed
		d.Unconditional = true
		return d
	}
	var deny Decision // collects deny refs separately from allow refs
	t := newTarget(req.Resource)
	var idAllow, rpAllow, rpAccountAllow, bAllow bool
	for i, p := range ps.Identity {
		m := evalPolicy(req, &t, p, IdentityPolicy, i, &d, &deny)
		idAllow = idAllow || m.allow
	}
	if ps.Boundary != nil {
		var scratch Decision
		m := evalPolicy(req, &t, ps.Boundary, PermissionsBoundary, 0, &scratch, &deny)
		bAllow = m.allow
		for _, k := range scratch.Missing() {
			d.addMissing(k)
		}
	}
	var rpRefs Decision
	if ps.Resource != nil {
		m := evalPolicyResource(req, &t, ps.Resource, ps.Boundary != nil, &rpRefs, &deny, &rpAccountAllow)
		rpAllow = m.allow
		for _, k := range rpRefs.Missing() {
			d.addMissing(k)
		}
	}
	for _, k := range deny.Missing() {
		d.addMissing(k)
	}
	if deny.nrefs > 0 {
		d.Outcome = ExplicitDeny
		d.refs, d.nrefs = deny.refs, deny.nrefs
		return d
	}
	identitySide := idAllow && (ps.Boundary == nil || bAllow)
	crossAccount := ps.ResourceAccount != "" && principalAccount(req.Principal) != "" &&
		ps.ResourceAccount != principalAccount(req.Principal)
	allowed := false
	switch {
	case crossAccount:
		allowed = identitySide && (rpAllow || rpAccountAllow)
	case isKMSKey(req.Action, req.Resource), ps.Resource != nil && isAssumeRole(req.Action, req.Resource):
		// A KMS key is usable only when its key policy allows, and a role can be
		// assumed only when its trust policy allows: directly, or by trusting the
		// account, whose identity policies must then allow too.
		allowed = rpAllow || (rpAccountAllow && identitySide)
	default:
		allowed = identitySide || rpAllow
	}
	if allowed {
		d.Outcome = Allowed
		if rpAllow && !identitySide {
			d.refs, d.nrefs = rpRefs.refs, rpRefs.nrefs
		} else if crossAccount || (rpAllow && d.nrefs < maxRefs) {
			for _, r := range rpRefs.Deciding() {
				if d.nrefs < maxRefs {
					d.refs[d.nrefs] = r
					d.nrefs++
				}
			}
		}
		return d
	}
	d.BoundaryDenied = idAllow && ps.Boundary != nil && !bAllow
	d.nrefs = 0
	return d
}

// principalAccount returns the account ID in a principal ARN.
func principalAccount(arn string) string {
	p, ok := splitARN(arn)
	if !ok {
		return ""
	}
	return p[3]
}

// evalPolicy walks one identity policy or boundary: allow refs go to allowTo, deny
// refs to denyTo, and keys tested but missing to allowTo's list.
func evalPolicy(req *Request, t *target, p *Policy, kind PolicyKind, index int, allowTo, denyTo *Decision) match {
	var m match
	vars := p.Version == Version2012
	for si := range p.Statement {
		s := &p.Statement[si]
		if !statementApplies(req, t, s, vars, allowTo) {
			continue
		}
		ref := StatementRef{Kind: kind, Policy: index, Statement: si, Sid: s.Sid}
		if s.Effect == EffectDeny {
			m.deny = true
			denyTo.addRef(ref)
		} else {
			m.allow = true
			if kind == IdentityPolicy {
				allowTo.addRef(ref)
			}
		}
	}
	return m
}

// evalPolicyResource walks a resource-based policy; a statement applies only when
// its Principal (or NotPrincipal) covers the caller. An Allow whose principal is
// the caller's whole account (its root or ID) only vouches for the account: the
// identity side must still allow, so it sets accountAllow instead of allow.
func evalPolicyResource(req *Request, t *target, p *Policy, boundary bool, to, denyTo *Decision, accountAllow *bool) match {
	var m match
	vars := p.Version == Version2012
	for si := range p.Statement {
		s := &p.Statement[si]
		direct, account := principalMatches(s, req.Principal, boundary)
		if !direct && !account {
			continue
		}
		if !statementApplies(req, t, s, vars, to) {
			continue
		}
		ref := StatementRef{Kind: ResourcePolicy, Statement: si, Sid: s.Sid}
		if s.Effect == EffectDeny {
			m.deny = true
			denyTo.addRef(ref)
			continue
		}
		if direct {
			m.allow = true
			to.addRef(ref)
		} else {
			*accountAllow = true
		}
	}
	return m
}

func (d *Decision) addRef(r StatementRef) {
	if d.nrefs < maxRefs {
		d.refs[d.nrefs] = r
		d.nrefs++
	}
}

// principalMatches reports whether a statement's Principal covers the caller
// directly (by "*" or its own ARN) or through its account.
func principalMatches(s *Statement, caller string, boundary bool) (direct, account bool) {
	if s.Principal != nil {
		return principalCovers(s.Principal, caller)
	}
	if s.NotPrincipal != nil {
		if s.Effect != EffectDeny {
			return false, false // NotPrincipal is supported with Deny only
		}
		if boundary {
			return true, false // a Deny with NotPrincipal always denies a bounded principal
		}
		// Excepted only when both the caller and its account are listed: AWS
		// may check the account first, then the user.
		user, acct := principalCovers(s.NotPrincipal, caller)
		return !(user && acct), false
	}
	return false, false
}

// principalCovers reports whether a principal element names the caller itself
// (its ARN, or "*") and whether it names the caller's account (its ID, its root
// ARN, or "*").
func principalCovers(p *Principal, caller string) (direct, account bool) {
	if p.Wildcard {
		return true, true
	}
	acct := principalAccount(caller)
	for _, e := range p.Entries {
		if e.Kind != "AWS" {
			continue
		}
		for _, v := range e.Values {
			switch {
			case v == "*":
				direct, account = true, true
			case v == caller:
				direct = true
			case acct != "" && (v == acct || isAccountRoot(v, acct)):
				account = true
			}
		}
	}
	return direct, account
}

// statementApplies reports whether the statement's action, resource and
// conditions all cover the request.
func statementApplies(req *Request, t *target, s *Statement, vars bool, d *Decision) bool {
	if s.Action != nil {
		if !anyAction(s.Action, req.Action) {
			return false
		}
	} else if anyAction(s.NotAction, req.Action) {
		return false
	}
	if s.Resource != nil {
		if !anyResource(s.Resource, t, vars, &req.Context) {
			return false
		}
	} else if s.NotResource != nil {
		for _, p := range s.NotResource {
			// An unresolvable variable invalidates the statement rather than
			// widening NotResource to everything.
			if m, ok := matchTarget(p, t, vars, &req.Context); m || !ok {
				return false
			}
		}
	}
	holds := true
	for ci := range s.Condition {
		h, missing := evalCondition(&s.Condition[ci], &req.Context, vars)
		if missing {
			d.addMissing(s.Condition[ci].Key)
		}
		if !h {
			holds = false
		}
	}
	return holds
}

func anyAction(patterns []string, action string) bool {
	for _, p := range patterns {
		if m, _ := matchGlob(p, action, true, true, false, nil); m {
			return true
		}
	}
	return false
}

func anyResource(patterns []string, t *target, vars bool, ctx *Context) bool {
	for _, p := range patterns {
		if m, _ := matchTarget(p, t, vars, ctx); m {
			return true
		}
	}
	return false
}

// isAccountRoot reports whether v is "arn:<partition>:iam::<acct>:root".
func isAccountRoot(v, acct string) bool {
	p, ok := splitARN(v)
	return ok && p[1] == "iam" && p[3] == acct && p[4] == "root"
}

// isKMSKey reports whether a KMS operation acts on a KMS key (other services'
// actions on a key, like kinesis:StartStreamEncryption, are not governed by it).
func isKMSKey(action, resource string) bool {
	if len(action) < 4 || !strings.EqualFold(action[:4], "kms:") {
		return false
	}
	p, ok := splitARN(resource)
	return ok && p[1] == "kms" && strings.HasPrefix(p[4], "key/")
}

// isAssumeRole reports whether the request assumes an IAM role, which its trust
// policy (passed as the resource policy) must allow.
func isAssumeRole(action, resource string) bool {
	if len(action) < len("sts:AssumeRole") || !strings.EqualFold(action[:len("sts:AssumeRole")], "sts:AssumeRole") {
		return false
	}
	p, ok := splitARN(resource)
	return ok && p[1] == "iam" && strings.HasPrefix(p[4], "role/")
}
