package iampolicy

import (
	"fmt"
	"strings"
)

// Request is one call to decide.
type Request struct {
	// Principal is the caller's ARN, e.g. "arn:aws:iam::111122223333:user/alice",
	// "arn:aws:sts::111122223333:assumed-role/R/session", or a service
	// ("s3.amazonaws.com"); resource-based policies match their Principal element
	// against it. Empty means unknown: a resource-based Deny naming anyone may
	// apply, an Allow naming someone does not.
	Principal string
	// Action is "service:Name", e.g. "s3:GetObject".
	Action string
	// Resource is the ARN the call touches, or "*" for actions that take no resource.
	Resource string
	// Context holds the condition keys of the request (aws:username, aws:SourceIp, ...).
	Context Context
	// Unknown says what the caller could not tell: the resource or parts of it, and
	// condition keys it could not observe. Unknown is not absent.
	Unknown Unknown
}

// Outcome is the final answer. The zero value is an implicit deny, so a Decision
// that nobody filled in denies.
type Outcome uint8

// Outcomes.
const (
	ImplicitDeny Outcome = iota
	Allowed
	ExplicitDeny
	// Refused means a policy was nil or broke the grammar of its role, so nothing was
	// decided (Decision.Refusal says why). It is not an allow.
	Refused
)

// String returns "Allowed", "ExplicitlyDenied", "ImplicitlyDenied" or "Refused".
func (o Outcome) String() string {
	switch o {
	case Allowed:
		return "Allowed"
	case ExplicitDeny:
		return "ExplicitlyDenied"
	case Refused:
		return "Refused"
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
	// TrustPolicy is a role's trust policy: the resource-based policy of an
	// sts:AssumeRole* request on the role.
	TrustPolicy
)

// MarshalText writes the name String returns.
func (k PolicyKind) MarshalText() ([]byte, error) { return []byte(k.String()), nil }

// String returns "identity policy", "boundary", "resource policy" or "trust policy".
func (k PolicyKind) String() string {
	switch k {
	case PermissionsBoundary:
		return "boundary"
	case ResourcePolicy:
		return "resource policy"
	case TrustPolicy:
		return "trust policy"
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
	Outcome  Outcome
	refs     [maxRefs]StatementRef
	nrefs    int
	missing  [maxRefs]string
	nmiss    int
	unknowns [maxRefs]string
	nunk     int
	refusal  refusal
	// BoundaryDenied is set when an identity policy allowed but the permissions
	// boundary did not.
	BoundaryDenied bool
	// Unconditional is set for sts:GetCallerIdentity, which needs no permission.
	Unconditional bool
	// NoResourcePolicy names the resource-based policy AWS requires for the
	// request and the evaluation was not given: "key policy" (a KMS key) or
	// "trust policy" (sts:AssumeRole on a role). The request is then denied.
	NoResourcePolicy string
}

// refusal is why the policies were refused, without allocating.
type refusal struct {
	kind            PolicyKind
	policy, stmt    int
	elem, msg       string
	nilPolicy, none bool
}

// Allowed reports whether the request is allowed.
func (d *Decision) Allowed() bool { return d.Outcome == Allowed }

// Deciding returns the statements that decided: the applying denies for an
// explicit deny, else the applying allows for an allow (up to 8).
func (d *Decision) Deciding() []StatementRef { return d.refs[:d.nrefs] }

// Missing returns the condition keys that statements matching the action and
// resource tested but the request did not carry (up to 8, first seen first).
func (d *Decision) Missing() []string { return d.missing[:d.nmiss] }

// Refusal says why the outcome is Refused: which policy, which statement and
// element, what is wrong ("" for another outcome).
func (d *Decision) Refusal() string {
	if d.Outcome != Refused {
		return ""
	}
	r := d.refusal
	switch {
	case r.none:
		return "no request"
	case r.nilPolicy:
		return fmt.Sprintf("%s %d is nil", r.kind, r.policy)
	}
	where := r.kind.String()
	if r.kind == IdentityPolicy {
		where += fmt.Sprintf(" %d", r.policy)
	}
	if r.stmt >= 0 {
		where += fmt.Sprintf(" Statement[%d]", r.stmt)
	}
	return fmt.Sprintf("%s.%s: %s (ValidateAs(%s) says more)", where, r.elem, r.msg, kindName[r.kind])
}

var kindName = [...]string{"IdentityPolicy", "PermissionsBoundary", "ResourcePolicy", "TrustPolicy"}

// String explains the decision on one line.
func (d *Decision) String() string {
	var b strings.Builder
	b.WriteString(d.Outcome.String())
	if d.Outcome == Refused {
		b.WriteString(": " + d.Refusal())
		return b.String()
	}
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
	if d.NoResourcePolicy != "" {
		b.WriteString(" (no " + d.NoResourcePolicy + " given: AWS requires one that allows it)")
	}
	if u := d.Unknowns(); len(u) > 0 {
		b.WriteString("; decided with unknowns: " + strings.Join(u, ", "))
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
	// Resource is the resource-based policy of the resource, if any: for
	// sts:AssumeRole* on a role, the role's trust policy; for a KMS key, its key
	// policy (both required: without one the request is denied).
	Resource *Policy
	// ResourceAccount is the account that owns the resource; when it differs from
	// the principal's account, both the identity side and the resource policy must
	// allow. Empty means the account the resource ARN names, or, for ARNs without
	// one (S3), the principal's own account.
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
// resource policy naming the principal; otherwise it is implicitly denied. A nil
// request or policy, or one that breaks the grammar of its role, is Refused.
func EvaluateAll(req *Request, ps Policies) Decision {
	var d Decision
	if req == nil {
		d.Outcome, d.refusal.none = Refused, true
		return d
	}
	if strings.EqualFold(req.Action, "sts:GetCallerIdentity") {
		// STS answers GetCallerIdentity whatever the policies say, even a Deny.
		d.Outcome = Allowed
		d.Unconditional = true
		return d
	}
	t := newTarget(req)
	trust := isAssumeRole(req.Action, &t)
	rkind := ResourcePolicy
	if trust {
		rkind = TrustPolicy
	}
	for i, p := range ps.Identity {
		if d.refuse(p, IdentityPolicy, i) {
			return d
		}
	}
	if ps.Boundary != nil && d.refuse(ps.Boundary, PermissionsBoundary, 0) {
		return d
	}
	if ps.Resource != nil && d.refuse(ps.Resource, rkind, 0) {
		return d
	}
	e := env{ctx: &req.Context, unknown: &req.Unknown, d: &d}
	var deny Decision // collects deny refs separately from allow refs
	var idAllow, bAllow bool
	for i, p := range ps.Identity {
		m := evalPolicy(req, &t, p, IdentityPolicy, i, &d, &deny, &e)
		idAllow = idAllow || m.allow
	}
	if ps.Boundary != nil {
		var scratch Decision
		m := evalPolicy(req, &t, ps.Boundary, PermissionsBoundary, 0, &scratch, &deny, &e)
		bAllow = m.allow
		for _, k := range scratch.Missing() {
			d.addMissing(k)
		}
	}
	var rpRefs Decision
	var rp resourceMatch
	if ps.Resource != nil {
		rp = evalPolicyResource(req, &t, ps.Resource, rkind, ps.Boundary != nil, &rpRefs, &deny, &e)
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
	// A grant to the caller's role ARN is "limited by an implicit deny in a
	// permissions boundary"; one to the user or the session itself is not.
	rpAllow := rp.allow || (rp.roleAllow && (ps.Boundary == nil || bAllow))
	if isServicePrincipal(req.Principal) && ps.Boundary != nil && !bAllow {
		// A boundary given for a service caller: no sentence says it does not
		// cap a resource-policy grant, so it does (allow narrow).
		rpAllow = false
	}
	// A service principal has no identity-based policies ("permissions policies
	// that you attach to IAM identities (users, groups, or roles)"): any given
	// cannot allow for it (a Deny in them still denies: deny wide).
	identitySide := idAllow && (ps.Boundary == nil || bAllow) && !isServicePrincipal(req.Principal)
	same := identitySide || rpAllow
	cross := identitySide && (rpAllow || rp.accountAllow)
	allowed := false
	kms := isKMSKey(req.Action, &t)
	switch {
	case kms && ps.Resource == nil:
		d.NoResourcePolicy = "key policy"
	case trust && ps.Resource == nil:
		d.NoResourcePolicy = "trust policy"
	case kms || trust:
		// A KMS key is usable only when its key policy allows, and a role can be
		// assumed only when its trust policy allows: directly, or by trusting the
		// account, whose identity policies must then allow too.
		allowed = rpAllow || (rp.accountAllow && identitySide)
		if crossAccount(req, &t, ps.ResourceAccount, &e) != no {
			allowed = allowed && cross
		}
	default:
		switch crossAccount(req, &t, ps.ResourceAccount, &e) {
		case yes:
			allowed = cross
		case maybe:
			allowed = same && cross
		default:
			allowed = same
		}
	}
	if allowed {
		d.Outcome = Allowed
		d.nunk = 0 // the allows held for every value: no unknown mattered
		if rpAllow && !identitySide {
			d.refs, d.nrefs = rpRefs.refs, rpRefs.nrefs
		} else if rpAllow || rp.accountAllow {
			for _, r := range rpRefs.Deciding() {
				d.addRef(r)
			}
		}
		return d
	}
	d.BoundaryDenied = idAllow && ps.Boundary != nil && !bAllow
	d.nrefs = 0
	return d
}

// refuse checks one policy against the grammar of its role; on a problem it makes
// the decision Refused and reports true.
func (d *Decision) refuse(p *Policy, kind PolicyKind, index int) bool {
	d.refusal = refusal{kind: kind, policy: index}
	if p == nil {
		d.Outcome, d.refusal.nilPolicy = Refused, true
		return true
	}
	st, elem, msg, bad := p.firstProblem(kind)
	if !bad {
		return false
	}
	d.Outcome = Refused
	d.refusal.stmt, d.refusal.elem, d.refusal.msg = st, elem, msg
	return true
}

// crossAccount tells whether the request crosses accounts: the resource's account
// (given, or named by its ARN) is not the principal's. maybe when the resource's
// account is an unknown part.
func crossAccount(req *Request, t *target, given string, e *env) tri {
	pa := principalAccount(req.Principal)
	if pa == "" {
		return no
	}
	ra := given
	if ra == "" && t.ok && !t.whole {
		ra = t.parts[3]
		if t.holes && hasVariable(ra) {
			// The note names the placeholder from the request (not from the
			// Policies, which would then escape to the heap).
			e.note(strings.TrimSuffix(strings.TrimPrefix(t.parts[3], "${"), "}"))
			return maybe
		}
	}
	if !isAccountID(ra) {
		// "" (S3) or not an account ("aws" in the ARNs of AWS-owned resources):
		// the ARN does not say whose it is.
		return no
	}
	return triOf(ra != pa)
}

// isServicePrincipal reports whether the caller is an AWS service
// ("cloudtrail.amazonaws.com"), not an ARN.
func isServicePrincipal(p string) bool {
	return p != "" && !strings.HasPrefix(p, "arn:") && strings.HasSuffix(p, ".amazonaws.com")
}

// isAccountID reports whether s is a 12-digit account ID.
func isAccountID(s string) bool { return len(s) == 12 && allDigits(s) }

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
func evalPolicy(req *Request, t *target, p *Policy, kind PolicyKind, index int, allowTo, denyTo *Decision, e *env) match {
	var m match
	vars := p.Version == Version2012
	for si := range p.Statement {
		s := &p.Statement[si]
		deny := s.Effect == EffectDeny
		if !applies(statementApplies(req, t, s, vars, allowTo, e), deny) {
			continue
		}
		ref := StatementRef{Kind: kind, Policy: index, Statement: si, Sid: s.Sid}
		if deny {
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

// applies turns a statement's three-valued answer into whether it takes effect:
// an Allow only when it surely applies, a Deny also when it could.
func applies(r tri, deny bool) bool {
	return r == yes || (r == maybe && deny)
}

// resourceMatch records what a resource-based policy says about a request.
type resourceMatch struct {
	allow        bool // an Allow naming the caller itself
	roleAllow    bool // an Allow naming the caller's role (limited by a boundary)
	accountAllow bool // an Allow naming the caller's account: the identity side must allow too
}

// evalPolicyResource walks a resource-based policy; a statement applies only when
// its Principal (or NotPrincipal) covers the caller.
func evalPolicyResource(req *Request, t *target, p *Policy, kind PolicyKind, boundary bool, to, denyTo *Decision, e *env) resourceMatch {
	var m resourceMatch
	vars := p.Version == Version2012
	for si := range p.Statement {
		s := &p.Statement[si]
		deny := s.Effect == EffectDeny
		pm := principalMatches(s, req.Principal, boundary, e)
		if pm.direct == no && !pm.account {
			continue
		}
		r := statementApplies(req, t, s, vars, to, e)
		ref := StatementRef{Kind: kind, Statement: si, Sid: s.Sid}
		if deny {
			who := pm.direct
			if pm.account {
				who = yes
			}
			if applies(and(r, who), true) {
				denyTo.addRef(ref)
			}
			continue
		}
		if r != yes {
			continue
		}
		switch {
		case pm.direct == yes && pm.viaRole:
			m.roleAllow = true
			to.addRef(ref)
		case pm.direct == yes:
			m.allow = true
			to.addRef(ref)
		case pm.account:
			m.accountAllow = true
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

// principalMatch is how a statement's Principal covers the caller.
type principalMatch struct {
	direct  tri  // names the caller (its ARN, its role, "*")
	viaRole bool // ... through the role of the caller's session
	account bool // names the caller's account (its ID or root ARN)
}

// principalMatches reports whether a statement's Principal covers the caller
// directly (by "*", its ARN or its role) or through its account.
func principalMatches(s *Statement, caller string, boundary bool, e *env) principalMatch {
	deny := s.Effect == EffectDeny
	if s.Principal != nil {
		return principalCovers(s.Principal, caller, deny, e)
	}
	if s.NotPrincipal != nil {
		if !deny {
			return principalMatch{} // NotPrincipal is supported with Deny only
		}
		if boundary {
			return principalMatch{direct: yes} // a Deny with NotPrincipal always denies a bounded principal
		}
		if caller == "" {
			e.note("principal")
			return principalMatch{direct: maybe}
		}
		// Excepted only when both the caller and its account are listed: AWS
		// may check the account first, then the user.
		c := principalCovers(s.NotPrincipal, caller, false, e)
		return principalMatch{direct: triOf(!(c.direct == yes && c.account))}
	}
	return principalMatch{}
}

// principalCovers reports whether a principal element names the caller itself
// (its ARN, the role of its session, or "*") and whether it names the caller's
// account (its ID, its root ARN, or "*"). For a Deny (deny set) it also takes the
// wide readings: an unknown caller could be anyone named, and a federated user
// session "federated-user/N" could be that of the IAM user "user/N".
func principalCovers(p *Principal, caller string, deny bool, e *env) principalMatch {
	if p.Wildcard {
		return principalMatch{direct: yes, account: true}
	}
	var m principalMatch
	if caller == "" {
		for _, en := range p.Entries {
			if len(en.Values) > 0 && deny {
				e.note("principal")
				m.direct = maybe
			}
			for _, v := range en.Values {
				if v == "*" {
					return principalMatch{direct: yes, account: true}
				}
			}
		}
		return m
	}
	acct := principalAccount(caller)
	for _, en := range p.Entries {
		for _, v := range en.Values {
			switch en.Kind {
			case "AWS":
				switch {
				case v == "*":
					return principalMatch{direct: yes, account: true}
				case v == caller:
					m.direct = yes
				case acct != "" && (v == acct || isAccountRoot(v, acct)):
					m.account = true
				case isSessionOfRole(caller, v):
					if m.direct != yes {
						m.direct, m.viaRole = yes, true
					}
				case deny && isFederatedUserOf(caller, v):
					m.direct = or(m.direct, maybe)
				}
			case "Service", "Federated":
				if strings.EqualFold(v, caller) {
					m.direct = yes
				}
			}
		}
	}
	return m
}

// isSessionOfRole reports whether caller is a session of role (an assumed-role ARN
// of the same account and role name; the role ARN's path is not in the session's)
// or the role itself.
func isSessionOfRole(caller, role string) bool {
	rp, ok := splitARN(role)
	if !ok || rp[1] != "iam" || !strings.HasPrefix(rp[4], "role/") {
		return false
	}
	cp, ok := splitARN(caller)
	if !ok || cp[3] != rp[3] || cp[1] != "sts" || !strings.HasPrefix(cp[4], "assumed-role/") {
		return false
	}
	name := rp[4][strings.LastIndexByte(rp[4], '/')+1:]
	rest := strings.TrimPrefix(cp[4], "assumed-role/")
	i := strings.IndexByte(rest, '/')
	return i > 0 && rest[:i] == name
}

// isFederatedUserOf reports whether caller is "federated-user/N" of the account of
// "user/.../N".
func isFederatedUserOf(caller, user string) bool {
	up, ok := splitARN(user)
	if !ok || up[1] != "iam" || !strings.HasPrefix(up[4], "user/") {
		return false
	}
	cp, ok := splitARN(caller)
	if !ok || cp[1] != "sts" || cp[3] != up[3] || !strings.HasPrefix(cp[4], "federated-user/") {
		return false
	}
	return strings.TrimPrefix(cp[4], "federated-user/") == up[4][strings.LastIndexByte(up[4], '/')+1:]
}

// statementApplies reports whether the statement's action, resource and
// conditions all cover the request: yes, no, or maybe (unknowns, or readings that
// differ). Unknowns noted for a statement that surely does not apply are dropped.
func statementApplies(req *Request, t *target, s *Statement, vars bool, d *Decision, e *env) tri {
	if s.Action != nil {
		if !anyAction(s.Action, req.Action) {
			return no
		}
	} else if anyAction(s.NotAction, req.Action) {
		return no
	}
	before := 0
	if e.d != nil {
		before = e.d.nunk
	}
	r := yes
	if s.NotAction != nil && len(s.NotAction) == 0 {
		// "NotAction": [] excepts nothing, so literally it matches every action;
		// Access Analyzer: an empty array "provides no permissions".
		r = maybe
	}
	if s.Resource != nil {
		r = and(r, anyResource(s.Resource, t, vars, e))
	} else if s.NotResource != nil {
		r = and(r, notResource(s.NotResource, t, vars, e))
	}
	for ci := range s.Condition {
		if r == no {
			break
		}
		h, missing := evalCondition(&s.Condition[ci], e, vars)
		if missing {
			d.addMissing(s.Condition[ci].Key)
		}
		r = and(r, h)
	}
	if r != maybe && e.d != nil {
		e.d.nunk = before
	}
	return r
}

// notResource is NotResource: every resource but those listed. An empty list is
// read as Access Analyzer reads it (no permissions) for an Allow and literally
// for a Deny; a pattern whose variable has no value "will not match any
// resource" (the User Guide), or makes the statement invalid (another of its
// sentences): the statement then applies only for a Deny.
func notResource(patterns []string, t *target, vars bool, e *env) tri {
	if len(patterns) == 0 {
		return maybe
	}
	res := yes
	for _, p := range patterns {
		m, st := matchTarget(p, t, vars, e)
		switch {
		case st == vUnknown:
			res = and(res, maybe)
		case st == vNoValue:
			res = and(res, maybe)
		default:
			res = and(res, m.not())
		}
		if res == no {
			return no
		}
	}
	return res
}

func anyAction(patterns []string, action string) bool {
	for _, p := range patterns {
		if m, _ := matchGlob(p, action, true, true, false, nil); m {
			return true
		}
	}
	return false
}

// anyResource is the Resource element: the request's resource matches one of the
// patterns. A pattern whose variable has no value matches nothing.
func anyResource(patterns []string, t *target, vars bool, e *env) tri {
	res := no
	for _, p := range patterns {
		m, st := matchTarget(p, t, vars, e)
		switch st {
		case vUnknown:
			m = maybe
		case vNoValue:
			m = no
		}
		if res = or(res, m); res == yes {
			return yes
		}
	}
	return res
}

// isAccountRoot reports whether v is "arn:<partition>:iam::<acct>:root".
func isAccountRoot(v, acct string) bool {
	p, ok := splitARN(v)
	return ok && p[1] == "iam" && p[3] == acct && p[4] == "root"
}

// isKMSKey reports whether a KMS operation acts on a KMS key (other services'
// actions on a key, like kinesis:StartStreamEncryption, are not governed by it),
// or could: a kms action on an unknown resource.
func isKMSKey(action string, t *target) bool {
	if len(action) < 4 || !strings.EqualFold(action[:4], "kms:") {
		return false
	}
	if t.whole {
		return t.arn != "*"
	}
	return t.ok && t.parts[1] == "kms" && strings.HasPrefix(t.parts[4], "key/")
}

// isAssumeRole reports whether the request assumes an IAM role (or could: an
// unknown resource), which its trust policy (passed as the resource policy) must
// allow.
func isAssumeRole(action string, t *target) bool {
	const prefix = "sts:AssumeRole"
	if len(action) < len(prefix) || !strings.EqualFold(action[:len(prefix)], prefix) {
		return false
	}
	if t.whole {
		return true
	}
	return t.ok && t.parts[1] == "iam" && strings.HasPrefix(t.parts[4], "role/")
}
