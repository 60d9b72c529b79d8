package iampolicy

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/permgen/permgen/templates/aws/iam"
	"github.com/permgen/permgen/templates/aws/iamarn"
)

// resources checks Resource and NotResource: each ARN's form, whether the
// statement's actions act on it, and "*" where the actions take resources.
func (l *linter) resources(s *Statement, path string, infos []iam.ActionInfo, perEntry [][]iam.ActionInfo) {
	allow := s.Effect == EffectAllow
	// The ARN templates of the actions' resource types, and those some resource
	// of the statement can name: an action acts on a resource of the statement
	// when one of its templates is among the second.
	var union []string
	for _, a := range infos {
		for _, t := range l.actionTemplates(a) {
			if !contains(union, t) {
				union = append(union, t)
			}
		}
	}
	// Templates by service, so that a resource is matched only against its
	// own service's ("" collects templates whose service is a placeholder).
	bySvc := map[string][]string{}
	for _, t := range union {
		tf, _ := cutARN(t)
		svc := tf[1]
		if strings.Contains(svc, "$") {
			svc = ""
		}
		bySvc[svc] = append(bySvc[svc], t)
	}
	named := map[string]bool{}
	wild := false // "*" or a variable: the statement may name anything
	fits := make([]bool, len(s.Resource))
	anyFits := false
	for _, el := range []struct {
		name string
		list []string
	}{{"Resource", s.Resource}, {"NotResource", s.NotResource}} {
		for j, r := range el.list {
			rp := fmt.Sprintf("%s.%s[%d]", path, el.name, j)
			if r == "*" {
				if el.name == "Resource" {
					fits[j], anyFits, wild = true, true, true
				}
				continue
			}
			if _, err := iamarn.Parse(r); err != nil && !hasVariable(r) {
				// The field checks say more (service case, a wildcard in the
				// service) where they apply.
				if n := len(l.out); !l.arnForm(r, rp) || len(l.out) == n {
					l.add(Finding{Code: CodeInvalidARN, Severity: SeverityError, Path: rp, Message: err.Error()})
				}
				if el.name == "Resource" {
					fits[j] = true // reported already
				}
				continue
			}
			l.arnForm(r, rp)
			if el.name != "Resource" {
				continue
			}
			if l.cat == nil || len(infos) == 0 || hasVariable(r) {
				fits[j], anyFits, wild = true, true, true
				continue
			}
			rf, _ := cutARN(r)
			candidates := bySvc[rf[1]]
			if strings.ContainsAny(rf[1], "*?") {
				candidates = union
			}
			for _, list := range [][]string{candidates, bySvc[""]} {
				for _, t := range list {
					if fits[j] && named[t] {
						continue // this resource fits already, and t is known named
					}
					if templateFits(t, r) {
						fits[j], anyFits, named[t] = true, true, true
					}
				}
			}
		}
	}
	if l.cat != nil && len(infos) > 0 {
		for j, r := range s.Resource {
			if fits[j] {
				continue
			}
			// A resource no action acts on is an error when it leaves the
			// statement granting nothing; beside resources that fit, it is
			// only dead text.
			sev := SeverityError
			msg := fmt.Sprintf("no action of the statement acts on %s, so the statement never matches", r)
			if allWildcardOnly(infos) {
				// The reference says to use "*" for these; the IAM User
				// Guide's own examples give them ARNs ("arn:aws:s3:::*" for
				// s3:ListAllMyBuckets), so AWS reads it somehow: warn only.
				sev = SeverityWarning
				msg = fmt.Sprintf("the statement's actions take no resource-level permissions, so the Service Authorization Reference asks for \"*\", not %s", r)
			}
			if anyFits {
				sev = SeveritySuggestion
				msg = fmt.Sprintf("no action of the statement acts on %s; the other resources fit", r)
			}
			l.add(Finding{Code: CodeResourceMismatch, Severity: sev, Path: fmt.Sprintf("%s.Resource[%d]", path, j), Message: msg,
				Fix: "use an ARN of a resource type the actions list, or \"*\" for actions that take no resource"})
		}
	}
	for j, r := range s.Resource {
		if len(s.Resource) > maxPairwise {
			break
		}
		for k, o := range s.Resource {
			if j != k && r != o && !hasVariable(o) && patternCovered(r, []string{o}, false) {
				l.add(Finding{Code: CodeRedundantResource, Severity: SeveritySuggestion, Path: fmt.Sprintf("%s.Resource[%d]", path, j),
					Message: fmt.Sprintf("%q already names everything %q does", o, r), Fix: "remove it, or drop the wildcard if the list is meant to be fixed"})
				break
			}
		}
	}
	if allow && anyFits && !wild && s.Resource != nil {
		l.actionsWithoutResource(s, path, perEntry, named)
	}
	if allow && s.Resource != nil && l.kind != ServiceControlPolicy {
		l.resourceStar(s, path, perEntry)
	}
}

// actionTemplates returns the ARN templates of an action's resource types.
func (l *linter) actionTemplates(a iam.ActionInfo) []string {
	key := a.String()
	if t, ok := l.tmpl[key]; ok {
		return t
	}
	var out []string
	if !a.WildcardOnly() {
		for _, rt := range resourceTypes(l.cat, a) {
			out = append(out, rt.ARN)
		}
	}
	if l.tmpl == nil {
		l.tmpl = map[string][]string{}
	}
	l.tmpl[key] = out
	return out
}

// actionsWithoutResource reports, per Action entry, the actions that act on
// none of the statement's resources: the statement grants them nothing. named
// holds the templates some resource of the statement can name.
func (l *linter) actionsWithoutResource(s *Statement, path string, perEntry [][]iam.ActionInfo, named map[string]bool) {
	for j, acts := range perEntry {
		var none []string
		for _, a := range acts {
			ok := false
			for _, t := range l.actionTemplates(a) {
				if named[t] {
					ok = true
					break
				}
			}
			if !ok {
				none = append(none, a.String())
			}
		}
		if len(none) == 0 {
			continue
		}
		msg := fmt.Sprintf("%s acts on none of the statement's resources, so it is granted nothing", none[0])
		if len(none) > 1 || len(acts) > 1 {
			msg = fmt.Sprintf("%d of the %d actions %q names act on none of the statement's resources (%s), so they are granted nothing",
				len(none), len(acts), s.Action[j], strings.Join(firstN(none, 3), ", "))
		}
		l.add(Finding{Code: CodeActionNoResource, Severity: SeverityWarning, Path: fmt.Sprintf("%s.Action[%d]", path, j),
			Message: msg, Fix: "add the resources they act on, or move them to a statement of their own", Actions: none})
	}
}

func allWildcardOnly(infos []iam.ActionInfo) bool {
	for _, a := range infos {
		if !a.WildcardOnly() {
			return false
		}
	}
	return true
}

// templateFits reports whether resource r can name an instance of ARN template
// t: an ARN the template matches, or a pattern that meets the template field
// by field (its wildcards may stand for several fields of the resource part:
// "arn:aws:rds:us-east-1:*:*" names "...:db:name").
func templateFits(t, r string) bool {
	tf, ok := cutARN(t)
	if !ok {
		return false
	}
	rf, ok := cutARN(r)
	if !ok {
		return false
	}
	// Most pairs differ in the service: say so before any matching.
	if !strings.ContainsAny(rf[1], "*?$") && !strings.Contains(tf[1], "$") && rf[1] != tf[1] {
		return false
	}
	if !strings.ContainsAny(r, "*?") {
		return iamTemplateMatch(t, r)
	}
	// The last placeholder of the resource part may hold colons: AWS's own
	// ARNs do ("log-group:name:*").
	rglob := templateGlob(tf[4], fieldStar)
	if i := strings.LastIndexByte(rglob, fieldStar); i >= 0 {
		rglob = rglob[:i] + "*" + rglob[i+1:]
	}
	if !globsIntersect(rglob, rf[4]) {
		return false
	}
	for k := 0; k < 4; k++ {
		if !globsIntersect(templateGlob(tf[k], '*'), rf[k]) {
			return false
		}
	}
	return true
}

// fieldStar stands for a template placeholder in a resource part: any run of
// characters without a colon.
const fieldStar = '\x01'

// templateGlob turns one field of an ARN template into a pattern: each ${...}
// becomes star. A placeholder then matches more than it does in the template
// (a slash), so the mismatch check errs toward silence.
func templateGlob(t string, star byte) string {
	var b strings.Builder
	for {
		i := strings.Index(t, "${")
		if i < 0 {
			b.WriteString(t)
			return b.String()
		}
		j := strings.IndexByte(t[i:], '}')
		if j < 0 {
			b.WriteString(t)
			return b.String()
		}
		b.WriteString(t[:i])
		b.WriteByte(star)
		t = t[i+j+1:]
	}
}

// globsIntersect reports whether some string matches both patterns (* any
// run, ? one character; in a, fieldStar a run without a colon).
func globsIntersect(a, b string) bool {
	if len(a)*len(b) > 1<<16 {
		return true // too long to decide cheaply: assume they meet
	}
	memo := make([]int8, (len(a)+1)*(len(b)+1))
	var f func(i, j int) bool
	f = func(i, j int) bool {
		k := i*(len(b)+1) + j
		if memo[k] != 0 {
			return memo[k] > 0
		}
		r := false
		switch {
		case i == len(a) && j == len(b):
			r = true
		case i < len(a) && a[i] == '*' && (f(i+1, j) || (j < len(b) && f(i, j+1))):
			r = true
		case i < len(a) && a[i] == fieldStar && (f(i+1, j) || (j < len(b) && b[j] != ':' && b[j] != '*' && f(i, j+1))):
			r = true
		case j < len(b) && b[j] == '*' && (f(i, j+1) || (i < len(a) && f(i+1, j))):
			r = true
		case i < len(a) && j < len(b) && (a[i] == b[j] || a[i] == '?' || b[j] == '?'):
			r = f(i+1, j+1)
		}
		memo[k] = 1
		if !r {
			memo[k] = -1
		}
		return r
	}
	return f(0, 0)
}

func firstN(l []string, n int) []string {
	if len(l) > n {
		return append(l[:n:n], "...")
	}
	return l
}

// effectivelyStar reports an ARN pattern that names every resource of every
// service ("arn:aws:*:*:*:*", "arn:*:*:*:*:*"): parliament's
// RESOURCE_EFFECTIVELY_STAR.
func effectivelyStar(r string) bool {
	f, ok := cutARN(r)
	if !ok || f[1] != "*" {
		return false
	}
	for _, x := range f[2:] {
		if strings.Trim(x, "*:/") != "" {
			return false
		}
	}
	return true
}

// resourceStar reports "*" (or an ARN as wide) for actions that take resources:
// the statement grants them on every resource of their type, in every account.
func (l *linter) resourceStar(s *Statement, path string, perEntry [][]iam.ActionInfo) {
	at := -1
	for j, r := range s.Resource {
		if r == "*" || effectivelyStar(r) {
			at = j
			break
		}
	}
	if at < 0 || l.cat == nil {
		return
	}
	var take []string
	for _, acts := range perEntry {
		for _, a := range acts {
			if !a.WildcardOnly() && !contains(take, a.String()) {
				take = append(take, a.String())
			}
		}
	}
	if len(take) == 0 {
		return
	}
	l.add(Finding{Code: CodeResourceStar, Severity: SeverityWarning, Path: fmt.Sprintf("%s.Resource[%d]", path, at),
		Message: fmt.Sprintf("%q grants %s on every resource of its type; %d action(s) of the statement take resources",
			s.Resource[at], take[0], len(take)),
		Fix: "name the resources (ARNs) the actions need", Actions: take})
}

// lintPartitions are the partitions of AWS (the general reference's ARN page).
var lintPartitions = []string{"aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc"}

var regionForm = regexp.MustCompile(`^[a-z]{2,4}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]+$`)

// arnForm checks an ARN's fields: partition, service, region and account, and
// against the ARN templates of its service whether it may name a region or an
// account at all.
func (l *linter) arnForm(r, path string) bool {
	f, ok := cutARN(r)
	if !ok {
		return false
	}
	part, svc, region, account := f[0], f[1], f[2], f[3]
	if !strings.ContainsAny(part, "*?$") && !contains(lintPartitions, part) {
		l.add(Finding{Code: CodeARNPartition, Severity: SeverityError, Path: path,
			Message: fmt.Sprintf("partition %q is not one of AWS's (%s)", part, strings.Join(lintPartitions, ", "))})
	}
	switch {
	case strings.ContainsAny(svc, "*?"):
		l.add(Finding{Code: CodeARNService, Severity: SeveritySuggestion, Path: path,
			Message: fmt.Sprintf("service %q has a wildcard, which also names services AWS adds later", svc), Fix: "name the service"})
		return true
	case svc != strings.ToLower(svc):
		l.add(Finding{Code: CodeARNService, Severity: SeverityError, Path: path,
			Message: fmt.Sprintf("service %q must be lower case in an ARN", svc), Fix: "write " + strings.ToLower(svc)})
		return true
	}
	if region != "" && !strings.ContainsAny(region, "*?$") && !regionForm.MatchString(region) {
		l.add(Finding{Code: CodeARNRegion, Severity: SeverityError, Path: path,
			Message: fmt.Sprintf("%q is not a region (an Availability Zone or a typo?)", region)})
	}
	if account != "" && !strings.ContainsAny(account, "*?$") && account != "aws" && !twelveDigits(account) {
		l.add(Finding{Code: CodeARNAccount, Severity: SeverityError, Path: path,
			Message: fmt.Sprintf("account %q is not a 12-digit account ID", account)})
	}
	// The templates of the resource types this ARN could be, whatever region
	// and account it names, say whether it may name them.
	var shapes [][5]string
	for _, t := range l.serviceTemplates(svc) {
		tf, ok := cutARN(t)
		if !ok {
			continue
		}
		cand := "arn:" + part + ":" + svc + ":" + map[bool]string{true: "us-east-1", false: ""}[tf[2] != ""] + ":" +
			map[bool]string{true: "111122223333", false: ""}[tf[3] != ""] + ":" + f[4]
		if strings.ContainsAny(part, "*?$") {
			cand = strings.Replace(cand, part, "aws", 1)
		}
		if templateFits(t, cand) {
			shapes = append(shapes, tf)
		}
	}
	if len(shapes) == 0 {
		return true
	}
	takesRegion, takesAccount, needsRegion := false, false, true
	for _, tf := range shapes {
		takesRegion = takesRegion || tf[2] != ""
		takesAccount = takesAccount || tf[3] != ""
		needsRegion = needsRegion && tf[2] != ""
	}
	if region != "" && region != "*" && !takesRegion {
		l.add(Finding{Code: CodeARNRegion, Severity: SeverityError, Path: path,
			Message: fmt.Sprintf("this %s ARN names no region; %q makes it match nothing", svc, region), Fix: "leave the region empty"})
	}
	if region == "" && needsRegion {
		l.add(Finding{Code: CodeARNRegion, Severity: SeverityError, Path: path,
			Message: fmt.Sprintf("this %s ARN names a region; an empty one matches nothing", svc), Fix: "name the region, or *"})
	}
	if account != "" && account != "*" && !takesAccount {
		l.add(Finding{Code: CodeARNAccount, Severity: SeverityError, Path: path,
			Message: fmt.Sprintf("this %s ARN names no account; %q makes it match nothing", svc, account), Fix: "leave the account empty"})
	}
	return true
}

func twelveDigits(s string) bool {
	if len(s) != 12 {
		return false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// cutARN splits "arn:partition:service:region:account:resource" into its five
// fields after "arn"; colons inside ${...} do not cut.
func cutARN(s string) (f [5]string, ok bool) {
	rest, ok := strings.CutPrefix(s, "arn:")
	if !ok {
		return f, false
	}
	n, depth, start := 0, 0, 0
	for i := 0; i < len(rest) && n < 4; i++ {
		switch rest[i] {
		case '{':
			depth++
		case '}':
			if depth > 0 {
				depth--
			}
		case ':':
			if depth == 0 {
				f[n] = rest[start:i]
				n++
				start = i + 1
			}
		}
	}
	if n < 4 {
		return f, false
	}
	f[4] = rest[start:]
	return f, true
}

// serviceTemplates returns the ARN templates of a service's resource types, as
// its actions list them.
func (l *linter) serviceTemplates(svc string) []string {
	if l.cat == nil {
		return nil
	}
	if t, ok := l.types[svc]; ok {
		return t
	}
	var out []string
	for _, a := range l.cat.ServiceActions(svc) {
		for _, rt := range resourceTypes(l.cat, a) {
			if rt.Service == svc && !contains(out, rt.ARN) {
				out = append(out, rt.ARN)
			}
		}
	}
	if l.types == nil {
		l.types = map[string][]string{}
	}
	l.types[svc] = out
	return out
}

// passRole reports iam:PassRole (and iam:CreateServiceLinkedRole) granted on
// every role: on "*", through NotResource, or through NotAction.
func (l *linter) passRole(s *Statement, path string) {
	if s.Effect != EffectAllow {
		return
	}
	for _, act := range []struct {
		name, code string
		sev        Severity
		why        string
	}{
		{"iam:PassRole", CodePassRoleStar, SeveritySecurityWarning, "lets the caller hand any role, and its permissions, to a service"},
		{"iam:CreateServiceLinkedRole", CodeServiceLinkedRole, SeverityWarning, "lets the caller create service-linked roles for any service"},
	} {
		granted, at := false, path
		if s.NotAction != nil {
			granted, at = true, path+".NotAction"
			for _, a := range s.NotAction {
				if m, _ := matchGlob(a, act.name, true, true, false, nil); m {
					granted = false
				}
			}
		}
		for j, a := range s.Action {
			if m, _ := matchGlob(a, act.name, true, true, false, nil); m {
				granted, at = true, fmt.Sprintf("%s.Action[%d]", path, j)
				break
			}
		}
		if !granted {
			continue
		}
		wide := ""
		switch {
		case s.NotResource != nil:
			wide = "with NotResource"
		case contains(s.Resource, "*"):
			wide = "on \"*\""
		}
		if wide == "" {
			continue
		}
		if act.code == CodePassRoleStar && hasConditionKey(s, "iam:PassedToService") && s.NotResource == nil {
			continue
		}
		l.add(Finding{Code: act.code, Severity: act.sev, Path: at,
			Message: fmt.Sprintf("%s %s %s", act.name, wide, act.why),
			Fix:     "name the roles in Resource" + map[bool]string{true: ", and add a Condition on iam:PassedToService", false: ""}[act.code == CodePassRoleStar]})
	}
}

func hasConditionKey(s *Statement, k string) bool {
	for _, c := range s.Condition {
		if strings.EqualFold(c.Key, k) {
			return true
		}
	}
	return false
}

// resourceQuota returns the size quota of a resource-based policy, by the
// service of its resources: "Bucket policies are limited to 20 KB in size"
// (Amazon S3 User Guide); "The maximum length of a key policy document is
// 32 KB (32,768 bytes)" (AWS KMS Developer Guide).
func resourceQuota(p *Policy) (int, string) {
	for _, s := range p.Statement {
		for _, r := range append(append([]string{}, s.Resource...), s.NotResource...) {
			f, ok := cutARN(r)
			if !ok {
				continue
			}
			switch f[1] {
			case "s3":
				return 20480, "S3 bucket policy"
			case "kms":
				return 32768, "KMS key policy"
			}
		}
	}
	return 0, ""
}
