package iampolicy

import (
	"fmt"
	"strings"

	"github.com/permgen/permgen/templates/aws/iam"
)

// principals checks who a resource-based or trust policy lets in: everyone
// without a condition that narrows it, and web identities without the
// audience and subject conditions their providers need.
func (l *linter) principals(s *Statement, path string, infos []iam.ActionInfo) {
	if s.Effect != EffectAllow || s.Principal == nil {
		return
	}
	if isPublic(s.Principal) && !narrowed(s) {
		sev, what := SeveritySecurityWarning, "lets anyone, in any account or none, "
		if l.kind == ResourceBasedPolicy && len(infos) > 0 && readOnly(infos) {
			// A public read of named objects is how a static website is
			// published; say so, but not as a warning.
			sev = SeveritySuggestion
		}
		if l.kind == RoleTrustPolicy || grantsAction(s.Action, "sts:AssumeRole") {
			what = "lets anyone, in any account, assume the role and "
		}
		l.add(Finding{Code: CodePublicPrincipal, Severity: sev, Path: path + ".Principal",
			Message: what + "use what this statement allows",
			Fix:     "name the principals, or add a Condition on aws:PrincipalOrgID, aws:PrincipalAccount, aws:SourceArn or aws:SourceAccount"})
	}
	if l.kind != RoleTrustPolicy && !grantsAction(s.Action, "sts:AssumeRoleWithWebIdentity") {
		return
	}
	for _, e := range s.Principal.Entries {
		if e.Kind != "Federated" {
			continue
		}
		for _, v := range e.Values {
			host := v
			if i := strings.Index(v, ":oidc-provider/"); i >= 0 {
				host = v[i+len(":oidc-provider/"):]
			} else if strings.HasPrefix(v, "arn:") {
				continue // a SAML provider
			}
			for _, k := range oidcRequired(host) {
				if !hasConditionKey(s, host+":"+k) {
					l.add(Finding{Code: CodeOIDCTrust, Severity: SeveritySecurityWarning, Path: path + ".Principal.Federated",
						Message: fmt.Sprintf("web identities of %s are trusted without a condition on %s:%s, so tokens issued to others are accepted", host, host, k),
						Fix:     fmt.Sprintf("add StringEquals (or StringLike) on %s:%s", host, k)})
				}
			}
		}
	}
}

// oidcRequired names the token claims a trust policy must test for a provider:
// "aud" for all; for GitHub Actions also "sub", which names the repository
// ("Configuring OpenID Connect in Amazon Web Services", GitHub Docs; the IAM
// User Guide's "Creating a role for web identity or OIDC federation").
func oidcRequired(host string) []string {
	if strings.HasPrefix(host, "token.actions.githubusercontent.com") {
		return []string{"aud", "sub"}
	}
	return []string{"aud"}
}

func isPublic(p *Principal) bool {
	if p.Wildcard {
		return true
	}
	for _, e := range p.Entries {
		if e.Kind == "AWS" && contains(e.Values, "*") {
			return true
		}
	}
	return false
}

// narrowingKeys are the keys whose condition restricts "everyone" to an
// organization, account, source or network.
var narrowingKeys = []string{"aws:principalorgid", "aws:principalorgpaths", "aws:principalaccount", "aws:principalarn",
	"aws:sourcearn", "aws:sourceaccount", "aws:sourceorgid", "aws:sourceorgpaths", "aws:sourcevpc", "aws:sourcevpce",
	"aws:sourceip", "aws:vpcsourceip", "aws:sourceowner", "aws:userid", "aws:username", "aws:principalisawsservice",
	"aws:principalservicename", "aws:resourceorgid", "aws:resourceaccount"}

func narrowed(s *Statement) bool {
	for _, c := range s.Condition {
		k := strings.ToLower(c.Key)
		if contains(narrowingKeys, k) || !strings.HasPrefix(k, "aws:") {
			return true
		}
	}
	return false
}

func readOnly(infos []iam.ActionInfo) bool {
	for _, a := range infos {
		if a.AccessLevel != iam.Read && a.AccessLevel != iam.List {
			return false
		}
	}
	return true
}

func grantsAction(list []string, name string) bool {
	for _, a := range list {
		if m, _ := matchGlob(a, name, true, true, false, nil); m {
			return true
		}
	}
	return false
}

// sensitiveAccess reports each Allow statement that grants an action on a
// resource the options mark sensitive.
func (l *linter) sensitiveAccess(s *Statement, path string) {
	if s.Effect != EffectAllow {
		return
	}
	for _, m := range l.sensitive {
		if !grantsAction(s.Action, m.Action) {
			continue
		}
		hit := len(m.Resources) == 0
		for _, want := range m.Resources {
			for _, r := range s.Resource {
				// Either pattern may be the wider: "arn:aws:s3:::secret*"
				// marks "arn:aws:s3:::secretbucket/*", and "*" grants it.
				if iamarnMatch(want, r) || iamarnMatch(r, want) {
					hit = true
				}
			}
		}
		if hit {
			l.add(Finding{Code: CodeSensitiveAccess, Severity: SeverityWarning, Path: path,
				Message: fmt.Sprintf("allows %s on a resource marked sensitive (%s)", m.Action, strings.Join(m.Resources, ", ")),
				Fix:     "check that this principal should have it"})
		}
	}
}

// iamarnMatch matches an ARN pattern against an ARN or another pattern, as
// text.
func iamarnMatch(pattern, s string) bool {
	m, _ := matchGlob(pattern, s, false, true, false, nil)
	return m
}

// grant is one action an Allow statement of the policy grants.
type grant struct {
	action    iam.ActionInfo
	stmt      int
	wide      bool     // some statement grants it on resources named by a wildcard
	resources []string // the Resource entries of the statements that grant it; "*" for NotResource
}

// allowed returns the actions the policy's Allow statements grant, by name
// through the catalog, less those an unconditional Deny on every resource
// takes back. "*" alone is left out: AWS053 reports it.
func (l *linter) allowed(p *Policy) []grant {
	var out []grant
	seen := map[string]int{}
	for i := range p.Statement {
		s := &p.Statement[i]
		if s.Effect != EffectAllow {
			continue
		}
		for _, a := range s.Action {
			if a == "*" || hasVariable(a) {
				continue
			}
			for _, info := range ActionsMatching(l.cat, a) {
				res := s.Resource
				if s.NotResource != nil {
					res = []string{"*"}
				}
				if k, ok := seen[info.String()]; ok {
					out[k].wide = out[k].wide || wideResources(s)
					out[k].resources = append(out[k].resources, res...)
					continue
				}
				if !deniedEverywhere(p, info.String()) {
					seen[info.String()] = len(out)
					out = append(out, grant{info, i, wideResources(s), append([]string(nil), res...)})
				}
			}
		}
	}
	return out
}

// wideResources reports a statement whose resources a wildcard widens beyond
// one name: NotResource, "*", or a pattern in an ARN's resource part outside
// its policy variables.
func wideResources(s *Statement) bool {
	if s.NotResource != nil {
		return true
	}
	for _, r := range s.Resource {
		if r == "*" {
			return true
		}
		f, ok := cutARN(r)
		if !ok {
			continue
		}
		if strings.ContainsAny(stripVariables(f[4]), "*?") {
			return true
		}
	}
	return false
}

// stripVariables removes the ${...} of s.
func stripVariables(s string) string {
	for {
		i := strings.Index(s, "${")
		if i < 0 {
			return s
		}
		j := strings.IndexByte(s[i:], '}')
		if j < 0 {
			return s[:i]
		}
		s = s[:i] + s[i+j+1:]
	}
}

// governed returns the resources a policy written on r governs: a bucket's
// policy or ACL governs its objects.
func governed(r, writer string) string {
	if strings.HasPrefix(writer, "s3:") && r != "*" && !strings.Contains(strings.TrimPrefix(r, "arn:"), "/") {
		return r + "/*"
	}
	return r
}

// covered reports whether one of the patterns names everything target does.
func covered(target string, patterns []string) bool {
	for _, p := range patterns {
		if p == "*" || p == target || patternCovered(target, []string{p}, false) {
			return true
		}
	}
	return false
}

// everyResource reports a statement that applies to every resource: "*", an
// ARN as wide, or NotResource.
func everyResource(s *Statement) bool {
	if s.NotResource != nil {
		return true
	}
	for _, r := range s.Resource {
		if r == "*" || effectivelyStar(r) {
			return true
		}
	}
	return false
}

func deniedEverywhere(p *Policy, action string) bool {
	for i := range p.Statement {
		s := &p.Statement[i]
		if s.Effect != EffectDeny || len(s.Condition) > 0 || !contains(s.Resource, "*") {
			continue
		}
		if s.Action != nil && grantsAction(s.Action, action) {
			return true
		}
		if s.NotAction != nil && !grantsAction(s.NotAction, action) {
			return true
		}
	}
	return false
}

// policyWide checks what the policy's Allow statements grant together:
// permissions management, credential exposure, privilege escalation.
func (l *linter) policyWide(p *Policy) {
	// A trust policy grants sts: actions to the principals it names; AWS056
	// and AWS057 judge those.
	if l.cat == nil || l.kind == RoleTrustPolicy || l.kind == ServiceControlPolicy {
		return // an SCP grants nothing; see statement
	}
	grants := l.allowed(p)
	if len(grants) == 0 {
		return
	}
	byStmt := map[int][]string{}
	var order []int
	note := func(i int, name string) {
		if _, ok := byStmt[i]; !ok {
			order = append(order, i)
		}
		byStmt[i] = append(byStmt[i], name)
	}
	for _, g := range grants {
		if g.action.AccessLevel == iam.PermissionsManagement {
			note(g.stmt, g.action.String())
		}
	}
	for _, i := range order {
		l.add(Finding{Code: CodePermissionsMgmt, Severity: SeveritySecurityWarning, Path: fmt.Sprintf("Statement[%d]", i),
			Message: fmt.Sprintf("allows %d Permissions management action(s), which change who may do what: %s",
				len(byStmt[i]), strings.Join(firstN(byStmt[i], 4), ", ")),
			Fix: "grant these only to administrators, on named resources", Actions: byStmt[i]})
	}
	has := map[string]int{}
	wide := map[string]bool{}
	for _, g := range grants {
		has[strings.ToLower(g.action.String())] = g.stmt
		wide[strings.ToLower(g.action.String())] = g.wide || g.action.WildcardOnly()
	}
	for _, g := range grants {
		// Reading one named secret or assuming one named role is what such
		// actions are for; on every resource they hand out any credentials.
		if !g.action.WildcardOnly() && !everyResource(&p.Statement[g.stmt]) {
			continue
		}
		if src, ok := credentialActions[strings.ToLower(g.action.String())]; ok {
			l.add(Finding{Code: CodeCredentialExposure, Severity: SeveritySecurityWarning, Path: fmt.Sprintf("Statement[%d]", g.stmt),
				Message: fmt.Sprintf("allows %s, which returns credentials (%s)", g.action, src),
				Fix:     "grant it on named resources only, to the principals that need the credentials"})
		}
	}
	for _, m := range escalationMethods {
		// Each action must reach beyond the principal itself: iam:CreateAccessKey
		// on user/${aws:username} is self-service, not escalation.
		first, all := -1, true
		for _, a := range m.actions {
			i, ok := has[a]
			if !ok || !wide[a] {
				all = false
				break
			}
			if first < 0 {
				first = i
			}
		}
		if all {
			l.add(Finding{Code: CodePrivilegeEscalation, Severity: SeveritySecurityWarning, Path: fmt.Sprintf("Statement[%d]", first),
				Message: fmt.Sprintf("%s: %s", strings.Join(m.actions, " + "), m.how),
				Fix:     "remove the actions, or limit them to named resources the principal cannot use to gain more"})
		}
	}
	on := map[string][]string{}
	for _, g := range grants {
		on[strings.ToLower(g.action.String())] = g.resources
	}
	for _, w := range resourcePolicyWriters {
		i, ok := has[w.writer]
		if !ok {
			continue
		}
		// Parliament's reading: for each resource the writer is granted on,
		// the data actions must already be granted on what it governs (a
		// bucket's objects, "bucket/*"), or the principal can grant them to
		// itself.
		var missing []string
		for _, d := range w.data {
			for _, r := range on[w.writer] {
				if !covered(governed(r, w.writer), on[d]) {
					missing = append(missing, d)
					break
				}
			}
		}
		if len(missing) > 0 {
			l.add(Finding{Code: CodeResourcePolicyEscalation, Severity: SeveritySecurityWarning, Path: fmt.Sprintf("Statement[%d]", i),
				Message: fmt.Sprintf("allows %s but not %s on what it governs: the principal may write a resource policy that grants itself the rest", w.writer, strings.Join(missing, ", ")),
				Fix:     "remove " + w.writer + ", or grant it only where the principal may do everything already"})
		}
	}
}
