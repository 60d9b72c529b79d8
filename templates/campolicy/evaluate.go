package campolicy

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/permgen/permgen/templates/cam"
)

// Outcome is how the policies decided a request. The zero value is an implicit deny, so
// a Decision nobody filled in denies.
type Outcome uint8

// Outcomes.
const (
	ImplicitDeny Outcome = iota // no statement allows the request
	Allowed                     // an allow applies and no deny does
	ExplicitDeny                // a deny applies; it wins over any allow
)

// String returns "allowed", "denied explicitly" or "denied implicitly".
func (o Outcome) String() string {
	switch o {
	case ImplicitDeny:
		return "denied implicitly"
	case Allowed:
		return "allowed"
	case ExplicitDeny:
		return "denied explicitly"
	}
	return fmt.Sprintf("Outcome(%d)", uint8(o))
}

// Name returns the outcome as `gen policy eval` prints it: "allow", "explicit_deny" or
// "implicit_deny".
func (o Outcome) Name() string {
	switch o {
	case Allowed:
		return "allow"
	case ExplicitDeny:
		return "explicit_deny"
	}
	return "implicit_deny"
}

// StatementRef names one statement: the index of its policy in the list given to
// Evaluate (or the boundary), and its index in that policy.
type StatementRef struct {
	Policy    int  `json:"policy"`
	Statement int  `json:"statement"`
	Boundary  bool `json:"boundary,omitempty"` // the statement is the permission boundary's
}

// String returns "policy 0 statement 2", or "boundary statement 1".
func (r StatementRef) String() string {
	if r.Boundary {
		return "boundary statement " + strconv.Itoa(r.Statement)
	}
	return "policy " + strconv.Itoa(r.Policy) + " statement " + strconv.Itoa(r.Statement)
}

// maxExplained is how many matched statements and missing keys a Decision keeps; it
// keeps them inline so that Evaluate does not allocate. The counts are exact.
const maxExplained = 16

// Decision is the answer to a Request, with what decided it.
type Decision struct {
	Outcome Outcome
	// Policy and Statement locate the statement that decided: the first deny that
	// applied, else the first allow; both -1 when none did. For an implicit deny by
	// the permission boundary, they are -1 and ByBoundary is set.
	Policy    int
	Statement int
	// ByBoundary is set when the permission boundary decided: one of its denies
	// applied, or it does not allow what the policies allow.
	ByBoundary bool
	Action     cam.Action   // the request's action
	Resource   cam.Resource // the request's resource
	// WildcardOnly is set when the action is authorized only on "*" (operation or
	// service level), so only statements on resource "*" could apply.
	WildcardOnly bool
	// UnknownResource is set when the request's whole resource was unknown
	// (Request.Unknown.Resource); Resource is then not what the call touched.
	UnknownResource bool

	matched  [maxExplained]StatementRef
	nMatched int
	// matchedDeny[i] is set when matched[i] is a deny (or a statement read as one).
	matchedDeny [maxExplained]bool
	missing     nameSet
	// unknowns are the request's unknowns that decided: those a deny that applied
	// consulted, or, for an implicit deny, those that kept an allow from applying.
	unknowns nameSet
}

// Deciding returns the statements that decided, nil for an implicit deny. The first
// is the one Policy and Statement locate (the first deny that applied, else the first
// allow); the others are the other statements of its effect that applied, among the
// first 16 that did (Matched), in policy order: for an explicit deny the denies, the
// boundary's included, and for an allow the allows of the policies (a boundary's
// allow only lets them through). As in iampolicy, a list, not one statement.
func (d *Decision) Deciding() []StatementRef {
	if d.Statement < 0 {
		return nil
	}
	first := StatementRef{Policy: max(d.Policy, 0), Statement: d.Statement, Boundary: d.ByBoundary}
	out := []StatementRef{first}
	for i, r := range d.matched[:min(d.nMatched, maxExplained)] {
		switch {
		case r == first:
		case d.Outcome == ExplicitDeny && d.matchedDeny[i],
			d.Outcome == Allowed && !d.matchedDeny[i] && !r.Boundary:
			out = append(out, r)
		}
	}
	return out
}

// Matched returns every statement that applied to the request, allows and denies, in
// policy order, the boundary's last. It holds the first 16; MatchedCount is the total.
func (d *Decision) Matched() []StatementRef {
	return append([]StatementRef(nil), d.matched[:min(d.nMatched, maxExplained)]...)
}

// MatchedCount is how many statements applied.
func (d *Decision) MatchedCount() int { return d.nMatched }

// Missing returns the condition keys that the conditions of statements whose action
// and resource matched needed but the request's Context lacked (AWS's simulator calls
// them missing context values), each once, sorted. It holds at most 16: with more, the
// first 16 in byte order, whatever order the conditions were read in;
// MissingTruncated reports that some were left out.
func (d *Decision) Missing() []string { return d.missing.list() }

// MissingTruncated reports whether more keys were missing than Missing holds.
func (d *Decision) MissingTruncated() bool { return d.missing.over }

// Unknowns names the request's unknowns that decided the outcome, sorted: the unknown
// parts of the resource ("uin"), the unknown condition keys ("qcs:ip"), and "resource"
// for a resource unknown as a whole. For an explicit deny they are those a deny
// consulted that applied only because it could apply for some value; for an implicit
// deny, those that kept an allow from applying for every value. An allow has none: it
// applied whatever their values. At most 16, chosen as Missing chooses.
func (d *Decision) Unknowns() []string { return d.unknowns.list() }

func (d *Decision) addMatched(r StatementRef, deny bool) {
	if d.nMatched < maxExplained {
		d.matched[d.nMatched] = r
		d.matchedDeny[d.nMatched] = deny
	}
	d.nMatched++
}

func (d *Decision) addMissing(key string) { d.missing.add(key) }

// Allowed reports whether the request is allowed.
func (d Decision) Allowed() bool { return d.Outcome == Allowed }

// Explicit reports whether a deny statement denied the request, as opposed to no
// statement allowing it.
func (d Decision) Explicit() bool { return d.Outcome == ExplicitDeny }

// String explains the decision, e.g. "denied explicitly: statement 1 denies
// ccc:DescribeTelCdr on qcs::ccc::uin/100001:SdkAppId/1400001". With several policies
// the statement is named with its policy ("policy 1 statement 0").
func (d Decision) String() string {
	action := "<nil action>"
	if d.Action != nil {
		action = d.Action.String()
	}
	what := action + " on " + d.Resource.String()
	if d.UnknownResource {
		what = action + " on a resource nobody named"
	}
	ref := "statement " + strconv.Itoa(d.Statement)
	if d.ByBoundary {
		ref = "boundary " + ref
	} else if d.Policy > 0 {
		ref = "policy " + strconv.Itoa(d.Policy) + " " + ref
	}
	var s string
	switch {
	case d.Outcome == Allowed:
		s = "allowed: " + ref + " allows " + what
	case d.Outcome == ExplicitDeny:
		s = "denied explicitly: " + ref + " denies " + what
	case d.ByBoundary:
		s = "denied implicitly: the permission boundary does not allow " + what
	default:
		s = "denied implicitly: no statement allows " + what
		if d.WildcardOnly && !d.Resource.IsZero() {
			s += " (" + action + " is authorized only on resource \"*\", so statements on specific resources do not apply)"
		}
	}
	if d.missing.n > 0 {
		s += "; context lacked " + d.missing.text()
	}
	if d.unknowns.n > 0 {
		if d.Outcome == ExplicitDeny {
			s += "; decided with unknown " + d.unknowns.text() + ": the deny applies for some value of it"
		} else {
			s += "; decided with unknown " + d.unknowns.text() + ": no allow applies for every value of it"
		}
		s += "; make it known to decide on the real value"
	}
	return s
}

// Policies are what decides a request besides the request itself: the policies
// attached to the caller (all of them: identity policies of the user, its groups,
// its roles) and an optional permission boundary. The same shape holds for AWS in
// iampolicy.Policies.
type Policies struct {
	Identity []Policy
	// Boundary, when set, is the permission boundary: it intersects, it never grants.
	Boundary *Policy
}

// Evaluate decides req against identity policies alone, as EvaluateAll does with
// no boundary.
func Evaluate(req *Request, identity ...Policy) Decision {
	return EvaluateAll(req, Policies{Identity: identity})
}

// EvaluateAll decides req as CAM does for a caller with the policies ps.Identity
// attached and the optional permission boundary ps.Boundary:
//
//   - a deny statement of any policy that applies denies, explicitly;
//   - else an allow statement that applies allows, if the boundary (when given) allows
//     too: the boundary intersects, it never grants; a deny of the boundary denies;
//   - else the request is denied implicitly.
//
// A statement applies when its principal (if any) names the caller, one of its actions
// and one of its resources match, and its condition holds. What cannot be decided
// (a missing caller or policy owner, an unresolvable policy variable, a malformed
// pattern or value) makes an allow not apply and a deny apply. See the README section
// "How permgen decides, and where the docs are silent" for every such choice.
//
// What the request says it does not know (Request.Unknown) is decided so that an allow
// applies only for every value of it and a deny for some value; see Unknown. A nil
// req names nothing to allow: it is denied implicitly.
//
// EvaluateAll does not allocate unless a policy uses variables (${uin} and the like) or
// the request has unknowns.
func EvaluateAll(req *Request, ps Policies) Decision {
	if req == nil {
		return Decision{Policy: -1, Statement: -1}
	}
	policies, boundary := ps.Identity, ps.Boundary
	r := *req // what the request leaves unknown is filled in below, never in the caller's
	return evaluateAll(&r, policies, boundary)
}

func evaluateAll(req *Request, policies []Policy, boundary *Policy) Decision {
	d := Decision{Policy: -1, Statement: -1, Action: req.Action, Resource: req.Resource, UnknownResource: req.Unknown.Resource}
	if req.Action == nil || req.Resource.Err() != nil {
		return d // fail closed: a resource a builder refused names nothing to allow
	}
	g := req.Granularity
	if g == cam.UnknownGranularity {
		g = req.Action.Info().Granularity
	}
	if g == cam.ResourceLevel && req.Resource.IsZero() && !req.Unknown.Resource {
		// A resource-level call always touches a resource; one the request does
		// not name is not "no resource" but an unknown one (unknown is not absent):
		// a deny naming any resource applies, an allow only on "*".
		req.Unknown.Resource, d.UnknownResource = true, true
	}
	e := evaluator{req: req, name: req.Action.String()}
	if !req.Unknown.IsZero() || resourceHasPlaceholder(&req.Resource) {
		e.unk = &unknownTrack{}
	}
	switch {
	case g.WildcardOnly():
		e.wildcardOnly, d.WildcardOnly = true, true
	case g == cam.UnknownGranularity || g == cam.UndocumentedGranularity:
		e.unknownGranularity = true
	}
	allowP, allowS := -1, -1
	for pi := range policies {
		p := &policies[pi]
		for si := range p.Statement {
			s := &p.Statement[si]
			if !e.decide(p, s, &d) {
				continue
			}
			d.addMatched(StatementRef{Policy: pi, Statement: si}, s.Effect != EffectAllow)
			switch {
			case s.Effect != EffectAllow && d.Outcome != ExplicitDeny:
				d.Outcome, d.Policy, d.Statement = ExplicitDeny, pi, si
			case s.Effect == EffectAllow && allowS < 0:
				allowP, allowS = pi, si
			}
		}
	}
	boundaryAllows := boundary == nil
	if boundary != nil {
		for si := range boundary.Statement {
			s := &boundary.Statement[si]
			if !e.decide(boundary, s, &d) {
				continue
			}
			d.addMatched(StatementRef{Statement: si, Boundary: true}, s.Effect != EffectAllow)
			switch {
			case s.Effect != EffectAllow && d.Outcome != ExplicitDeny:
				d.Outcome, d.Policy, d.Statement, d.ByBoundary = ExplicitDeny, -1, si, true
			case s.Effect == EffectAllow:
				boundaryAllows = true
			}
		}
	}
	switch {
	case d.Outcome == ExplicitDeny:
		if e.unk != nil {
			d.unknowns = e.unk.deny
		}
	case allowS < 0 || !boundaryAllows:
		d.ByBoundary = allowS >= 0
		if e.unk != nil {
			d.unknowns = e.unk.allow
		}
	default:
		d.Outcome, d.Policy, d.Statement = Allowed, allowP, allowS
	}
	return d
}

// Evaluate decides req against p alone, as Evaluate(&req, p) does.
func (p Policy) Evaluate(req Request) Decision { return Evaluate(&req, p) }

// Allows reports whether p allows action on resource, with no caller, owner or context.
func (p Policy) Allows(action cam.Action, resource cam.Resource) bool {
	return p.Evaluate(Request{Action: action, Resource: resource}).Allowed()
}

// evaluator holds what every statement of one evaluation is matched against.
type evaluator struct {
	req                *Request
	name               string // the action's name
	wildcardOnly       bool   // the action is authorized only on "*"
	unknownGranularity bool   // nobody said; allow reads it as wildcardOnly, deny both ways
	// unk is set when the request has unknowns; nil keeps the common case free of
	// allocation.
	unk *unknownTrack
}

// touch records that the statement being decided consulted an unknown.
func (e *evaluator) touch(name string) {
	if e.unk != nil {
		e.unk.cur.add(name)
	}
}

// decide reports whether statement s of policy p applies, and files the unknowns it
// consulted: with the denies when a deny applied, with the allows when an allow did not.
func (e *evaluator) decide(p *Policy, s *Statement, d *Decision) bool {
	if e.unk == nil {
		return e.applies(p, s, d)
	}
	e.unk.cur = nameSet{}
	ok := e.applies(p, s, d)
	switch {
	case ok && s.Effect != EffectAllow:
		e.unk.deny.merge(&e.unk.cur)
	case !ok && s.Effect == EffectAllow:
		e.unk.allow.merge(&e.unk.cur)
	}
	return ok
}

// applies reports whether statement s of policy p applies to the request, recording the
// context keys its condition needed and did not find.
//
// A statement whose Effect is neither allow nor deny (a struct literal that left it
// out; decoding refuses one) is read as a deny: of the two things it may have meant it
// takes the one that allows less, so an invalid policy never allows more than a valid
// one would.
func (e *evaluator) applies(p *Policy, s *Statement, d *Decision) bool {
	deny := s.Effect != EffectAllow
	pr := s.Principal
	if len(pr) == 0 {
		pr = p.Principal
	}
	if len(pr) > 0 && !e.principalMatches(pr, deny) {
		return false
	}
	if !e.actionMatches(s.Action, deny) || !e.resourceMatches(s.Resource, deny) {
		return false
	}
	return len(s.Condition) == 0 || e.conditionHolds(s.Condition, deny, d)
}

func (e *evaluator) actionMatches(patterns Values, deny bool) bool {
	for _, pat := range patterns {
		pat = strings.TrimPrefix(pat, "name/")
		if deny {
			// Silent docs: a deny reads action names case-insensitively and '?' as
			// one character, so that it applies to every name it might mean.
			if matchLoose(pat, e.name) {
				return true
			}
		} else if MatchPattern(pat, e.name) {
			return true
		}
	}
	return false
}

func (e *evaluator) resourceMatches(patterns Values, deny bool) bool {
	if e.req.Unknown.Resource {
		// Any resource at all: an allow only on "*", a deny on whatever it names.
		for _, pat := range patterns {
			if isWildcard(pat) {
				return true
			}
		}
		if len(patterns) > 0 {
			e.touch(UnknownResource)
		}
		return deny && len(patterns) > 0
	}
	for _, pat := range patterns {
		var ok bool
		switch {
		case (e.wildcardOnly || e.unknownGranularity) && !deny:
			// "If the action is an operation that does not need to be associated
			// with a resource, the resource needs to be defined as *."
			ok = isWildcard(pat)
		case e.wildcardOnly || e.unknownGranularity:
			// A deny naming the resource still applies: of the two readings
			// (ignored, or matched) it takes the one that allows less.
			ok = isWildcard(pat) || e.resourcePatternMatches(pat, true)
		default:
			ok = e.resourcePatternMatches(pat, deny)
		}
		if ok {
			return true
		}
	}
	return false
}

// resourcePatternMatches matches one six-segment pattern against the request's resource.
// A pattern CAM would refuse (not six segments, a project_id, no service) cannot be
// matched: it fails closed.
func (e *evaluator) resourcePatternMatches(pat string, deny bool) bool {
	if isWildcard(pat) {
		return true
	}
	if strings.Contains(pat, "${") {
		// "A policy variable can be in the last segment in a 6-segment resource
		// description", and for COS "The above policy variable cannot be used in
		// $ResourcesPath". Elsewhere an allow reads it literally, which matches
		// nothing; a deny substitutes it all the same.
		if raw, n := cam.SplitResource(pat); !deny && n == 6 && (raw.Service == "cos" ||
			strings.Contains(pat[:len(pat)-len(raw.Resource)], "${")) {
			return false
		}
		sub, ok := substitute(pat, &e.req.Caller)
		if !ok {
			return deny
		}
		pat = sub
	}
	r := e.req.Resource
	pr, n := cam.SplitResource(pat)
	if n < 6 || !strings.HasPrefix(pat, "qcs:") || pr.Resource == "" || pr.Project != "" || pr.Service == "" {
		return deny
	}
	if r.IsZero() {
		return false // a resource-level action named no resource: only "*" covers it
	}
	if e.unk != nil {
		return e.unknownResourceMatches(&pr, deny)
	}
	if !matchSeg(pr.Service, r.Service, deny) || (pr.Region != "" && !matchSeg(pr.Region, r.Region, deny)) {
		return false
	}
	switch {
	case pr.Account == "":
		// "If this value is empty, it means the account segment is the root account
		// of the user who created the policy."
		o := e.req.PolicyOwner
		if o.Uin == "" && o.AppID == "" {
			return deny
		}
		if !(o.Uin != "" && cutEqual(r.Account, "uin/", o.Uin) || o.AppID != "" && cutEqual(r.Account, "uid/", o.AppID)) {
			return false
		}
	case deny:
		if !matchLoose(pr.Account, r.Account) {
			return false
		}
	case pr.Account != r.Account:
		// Silent docs: an allow reads '*' in the account literally, never as "every
		// account", so a pattern cannot grant across accounts by accident.
		return false
	}
	if deny {
		return matchLoose(pr.Resource, r.Resource)
	}
	return MatchPattern(pr.Resource, r.Resource)
}

// unknownResourceMatches is resourcePatternMatches for a resource whose segments may
// hold unknown parts ("uin/${uin}"): segment by segment, an allow must match for every
// value of them (mustMatch), a deny for some value (mayMatch). It allocates; only
// requests with unknowns come here.
func (e *evaluator) unknownResourceMatches(pr *cam.Resource, deny bool) bool {
	r := &e.req.Resource
	if !e.segMatches(pr.Service, r.Service, deny) || (pr.Region != "" && !e.segMatches(pr.Region, r.Region, deny)) {
		return false
	}
	switch {
	case pr.Account == "":
		o := e.req.PolicyOwner
		if o.Uin == "" && o.AppID == "" {
			return deny
		}
		if hasPlaceholder(r.Account) {
			// Whose account it is, is unknown: the owner's for a deny, not for an allow.
			placeholderNames(r.Account, e.touch)
			return deny && (o.Uin != "" && mayMatch("uin/"+o.Uin, r.Account, false) || o.AppID != "" && mayMatch("uid/"+o.AppID, r.Account, false))
		}
		if !(o.Uin != "" && cutEqual(r.Account, "uin/", o.Uin) || o.AppID != "" && cutEqual(r.Account, "uid/", o.AppID)) {
			return false
		}
	case deny:
		if !e.segMatches(pr.Account, r.Account, true) {
			return false
		}
	case hasPlaceholder(r.Account):
		// An allow reads the account literally (see resourcePatternMatches): an
		// account it does not know is never one it names.
		placeholderNames(r.Account, e.touch)
		return false
	case pr.Account != r.Account:
		return false
	}
	return e.segMatches(pr.Resource, r.Resource, deny)
}

// segMatches matches one segment of a pattern against the request's, which may hold
// unknown parts; it records the unknowns it consulted.
func (e *evaluator) segMatches(pattern, value string, deny bool) bool {
	if !hasPlaceholder(value) {
		return matchSeg(pattern, value, deny)
	}
	placeholderNames(value, e.touch)
	if deny {
		return mayMatch(pattern, value, true)
	}
	return mustMatch(pattern, value)
}

func matchSeg(pattern, value string, deny bool) bool {
	if deny {
		return matchLoose(pattern, value)
	}
	return MatchPattern(pattern, value)
}

// cutEqual reports whether s is prefix+want, without building the string.
func cutEqual(s, prefix, want string) bool {
	return len(s) == len(prefix)+len(want) && strings.HasPrefix(s, prefix) && s[len(prefix):] == want
}

// principalMatches reports whether a principal element names the caller. Only the "qcs"
// entry names CAM identities.
func (e *evaluator) principalMatches(pr Principal, deny bool) bool {
	for k, vals := range pr {
		if k != "qcs" {
			if deny {
				return true // an entry we cannot read: a deny still applies
			}
			continue
		}
		for _, v := range vals {
			if e.principalValueMatches(v, deny) {
				return true
			}
		}
	}
	return false
}

func (e *evaluator) principalValueMatches(v string, deny bool) bool {
	if v == "*" {
		return true
	}
	c := &e.req.Caller
	if c.Principal != "" {
		if deny {
			return matchLoose(v, c.Principal)
		}
		return MatchPattern(v, c.Principal)
	}
	if c.Uin == "" || c.OwnerUin == "" {
		return deny // who calls is unknown
	}
	pr, n := cam.SplitResource(v)
	if n < 6 || !strings.HasPrefix(v, "qcs:") || pr.Service != "cam" {
		return deny
	}
	owner, ok := strings.CutPrefix(pr.Account, "uin/")
	if !ok || !matchSeg(owner, c.OwnerUin, deny) {
		return deny && !ok
	}
	if pr.Resource == "root" {
		return c.Uin == c.OwnerUin
	}
	uin, ok := strings.CutPrefix(pr.Resource, "uin/")
	if !ok {
		return deny // a role, a group: not something the caller's uin can be matched to
	}
	return matchSeg(uin, c.Uin, deny)
}

// substitute replaces the policy variables ${uin}, ${owner_uin} and ${app_id} in s with
// the caller's values. ok is false when a variable is unknown or its value is empty.
func substitute(s string, c *Caller) (string, bool) {
	var b strings.Builder
	for {
		i := strings.Index(s, "${")
		if i < 0 {
			b.WriteString(s)
			return b.String(), true
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			return "", false
		}
		var v string
		switch s[i+2 : i+j] {
		case "uin":
			v = c.Uin
		case "owner_uin":
			v = c.OwnerUin
		case "app_id":
			v = c.AppID
		}
		if v == "" {
			return "", false
		}
		b.WriteString(s[:i])
		b.WriteString(v)
		s = s[i+j+1:]
	}
}
