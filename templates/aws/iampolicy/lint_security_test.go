package iampolicy

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/permgen/permgen/templates/aws/iam"
)

// has reports whether fs holds code at path ("" for any path), and with what
// severity.
func has(fs []Finding, code, path string) (Severity, bool) {
	for _, f := range fs {
		if f.Code == code && (path == "" || f.Path == path) {
			return f.Severity, true
		}
	}
	return 0, false
}

func lintKind(doc string, k Kind) []Finding {
	return Lint([]byte(doc), LintOptions{Kind: k, Catalog: fakeCatalog{}})
}

// "The aws:MultiFactorAuthPresent key doesn't exist in requests made using
// long-term credentials. With the Boolean condition operator, if the key in the
// policy isn't present, then the values don't match." (AWS re:Post Knowledge
// Center, mfa-iam-user-aws-cli)
func TestLintMFABool(t *testing.T) {
	const deny = `{"Version":"2012-10-17","Statement":{"Effect":"Deny","NotAction":"iam:GetUser","Resource":"*","Condition":{"%s":{"aws:MultiFactorAuthPresent":"%s"}}}}`
	for _, c := range []struct {
		op, v string
		want  bool
	}{{"Bool", "false", true}, {"BoolIfExists", "false", false}, {"Bool", "true", false}} {
		doc := strings.Replace(strings.Replace(deny, "%s", c.op, 1), "%s", c.v, 1)
		if _, got := has(lintKind(doc, ManagedPolicy), CodeMFABool, ""); got != c.want {
			t.Errorf("%s %s: AWS055 %v, want %v", c.op, c.v, got, c.want)
		}
	}
}

// A resource-based policy with "Principal": "*" and no condition that narrows
// it is public: "You can specify the wildcard as the principal ... we strongly
// recommend that you do not use a wildcard ... without a Condition"
// (paraphrase of reference_policies_elements_principal.html, "All principals").
// A public read of named objects is a documented website pattern: a suggestion.
func TestLintPublicPrincipal(t *testing.T) {
	const p = `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":"*","Action":"%s","Resource":"arn:aws:s3:::b/*"%s}}`
	for _, c := range []struct {
		action, cond string
		want         Severity
	}{
		{"s3:PutObject", "", SeveritySecurityWarning},
		{"s3:GetObject", "", SeveritySuggestion},
		{"s3:PutObject", `,"Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-abc"}}`, 0},
	} {
		doc := strings.Replace(strings.Replace(p, "%s", c.action, 1), "%s", c.cond, 1)
		sev, _ := has(lintKind(doc, ResourceBasedPolicy), CodePublicPrincipal, "Statement[0].Principal")
		if sev != c.want {
			t.Errorf("%s%s: severity %v, want %v", c.action, c.cond, sev, c.want)
		}
	}
	trust := `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"*"},"Action":"sts:AssumeRole"}}`
	if sev, _ := has(lintKind(trust, RoleTrustPolicy), CodePublicPrincipal, ""); sev != SeveritySecurityWarning {
		t.Errorf("public trust policy: %v", sev)
	}
}

// "AWS Identity and Access Management (IAM) recommends that users evaluate the
// IAM condition key, token.actions.githubusercontent.com:sub, in the trust
// policy of any role that trusts GitHub's OIDC identity provider (IdP)."
// (GitHub Docs, "Configuring OpenID Connect in Amazon Web Services"). Every
// provider's audience is tested too (aud), as the IAM console's web identity
// role wizard writes it.
func TestLintOIDCTrust(t *testing.T) {
	const p = `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"Federated":"arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"},"Action":"sts:AssumeRoleWithWebIdentity","Condition":{"StringEquals":{%s}}}}`
	aud := `"token.actions.githubusercontent.com:aud":"sts.amazonaws.com"`
	sub := `"token.actions.githubusercontent.com:sub":"repo:o/r:ref:refs/heads/main"`
	if n := count(lintKind(strings.Replace(p, "%s", aud, 1), RoleTrustPolicy), CodeOIDCTrust); n != 1 {
		t.Errorf("aud only: %d AWS057, want 1 (sub)", n)
	}
	if n := count(lintKind(strings.Replace(p, "%s", aud+","+sub, 1), RoleTrustPolicy), CodeOIDCTrust); n != 0 {
		t.Errorf("aud and sub: %d AWS057", n)
	}
}

func count(fs []Finding, code string) int {
	n := 0
	for _, f := range fs {
		if f.Code == code {
			n++
		}
	}
	return n
}

// A wildcard in a Deny only makes it stricter: no AWS013 there (nor in
// NotAction), where an Allow gets one.
func TestLintWildcardOnlyInAllow(t *testing.T) {
	for effect, want := range map[string]bool{"Allow": true, "Deny": false} {
		doc := `{"Version":"2012-10-17","Statement":{"Effect":"` + effect + `","Action":"s3:Get*","Resource":"arn:aws:s3:::b/*"}}`
		if _, got := has(lintKind(doc, ManagedPolicy), CodeWildcardAction, ""); got != want {
			t.Errorf("%s: AWS013 %v", effect, got)
		}
	}
}

// "Inverted condition operators like StringNotEquals or StringNotLike do match
// against a null value" (reference_policies_variables.html): a Deny whose
// negated condition compares with a variable applies to every request without
// the variable's key; worth saying, as the IAM User Guide does ("Access is
// specifically denied when aws:principaltag/Team is not set"). A default
// value, or a key always in the request, changes that.
func TestLintNegatedVariableDeny(t *testing.T) {
	const p = `{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"StringNotEquals":{"s3:prefix":"%s"}}}}`
	if sev, ok := has(lintKind(strings.Replace(p, "%s", "${aws:PrincipalTag/team}", 1), ManagedPolicy), CodeVariableNegatedDeny, ""); !ok || sev != SeveritySuggestion {
		t.Errorf("variable without default: AWS094 %v %v, want a suggestion", ok, sev)
	}
	if _, ok := has(lintKind(strings.Replace(p, "%s", "${aws:userid}", 1), ManagedPolicy), CodeVariableNegatedDeny, ""); ok {
		t.Error("AWS094 for aws:userid, which every request carries")
	}
	if _, ok := has(lintKind(strings.Replace(p, "%s", "${aws:PrincipalTag/team, 'none'}", 1), ManagedPolicy), CodeVariableNegatedDeny, ""); ok {
		t.Error("AWS094 despite a default")
	}
}

// Variable syntax, each case an Access Analyzer check (testdata/lint_access_analyzer.json
// quotes them): "Policy variable structure supports using a $ prefix followed
// by a pair of curly braces ({ })."
func TestVariableSyntax(t *testing.T) {
	for v, want := range map[string]bool{
		"home/${aws:username}/*":                false,
		"${aws:userid, 'anonymous'}":            false,
		"a${*}b${?}c${$}":                       false,
		"${aws:username":                        true,
		"${}":                                   true,
		"${aws:user name}":                      true,
		"${aws:user$name}":                      true,
		"${aws:username, anonymous}":            true,
		"$ {aws:username}":                      true,
		"arn:aws:s3:::b/${aws:PrincipalTag/x}/": false,
	} {
		if got := variableSyntax(v) != ""; got != want {
			t.Errorf("%q: fault %v (%q), want %v", v, got, variableSyntax(v), want)
		}
	}
}

func TestFilterAndSuppressions(t *testing.T) {
	fs := []Finding{
		{Code: "AWS013", Severity: SeveritySuggestion, Path: "Statement[0].Action[0]", Message: "m"},
		{Code: "AWS023", Severity: SeverityWarning, Path: "Statement[0].Resource[0]", Message: "m"},
		{Code: "AWS023", Severity: SeverityWarning, Path: "Statement[1].Resource[0]", Message: "m"},
	}
	if got := Filter(fs, FilterOptions{MinSeverity: SeverityWarning}); len(got) != 2 {
		t.Errorf("threshold: %v", got)
	}
	if got := Filter(fs, FilterOptions{Ignore: []string{"AWS023"}}); len(got) != 1 {
		t.Errorf("ignore: %v", got)
	}
	sup, err := ParseSuppressions([]byte(`{"suppressions":[{"file":"p/*.json","code":"AWS023","path":"Statement[1]*","reason":"legacy role"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	if got := Filter(fs, FilterOptions{Suppress: sup, File: "p/a.json"}); len(got) != 2 || got[1].Path != "Statement[0].Resource[0]" {
		t.Errorf("suppressed in p/a.json: %v", got)
	}
	if got := Filter(fs, FilterOptions{Suppress: sup, File: "q/a.json"}); len(got) != 3 {
		t.Errorf("suppression of another file applied: %v", got)
	}
	for _, bad := range []string{`{"suppressions":[{"code":"AWS023","path":"x"}]}`, `{"suppressions":[{"code":"AWS023","reason":"r"}]}`, `{"suppress":[]}`} {
		if _, err := ParseSuppressions([]byte(bad)); err == nil {
			t.Errorf("%s: accepted", bad)
		}
	}
}

// TestCodesDocumented: every lint code is in Codes() with a title, and has a
// row in the README's code table.
func TestCodesDocumented(t *testing.T) {
	src, err := os.ReadFile("lint.go")
	if err != nil {
		t.Fatal(err)
	}
	consts := regexp.MustCompile(`= "(AWS\d{3})"`).FindAllStringSubmatch(string(src), -1)
	if len(consts) != len(Codes()) {
		t.Errorf("lint.go has %d codes, Codes() %d", len(consts), len(Codes()))
	}
	readme, err := os.ReadFile("../../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range Codes() {
		if CodeTitle(c) == "" {
			t.Errorf("%s: no title", c)
		}
		if !strings.Contains(string(readme), "| "+c+" |") {
			t.Errorf("%s: no row in the README's lint code table", c)
		}
	}
}

// An ARN pattern that names every resource of every service is "*" by another
// name (parliament's RESOURCE_EFFECTIVELY_STAR).
func TestLintEffectivelyStar(t *testing.T) {
	for r, want := range map[string]bool{"arn:aws:*:*:*:*": true, "arn:*:*:*:*:*": true, "arn:aws:s3:::*": false, "arn:aws:*:us-east-1:*:*": false} {
		doc := `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"` + r + `"}}`
		if _, got := has(lintKind(doc, ManagedPolicy), CodeResourceStar, ""); got != want {
			t.Errorf("%s: AWS023 %v, want %v", r, got, want)
		}
	}
}

// "No permissions are granted by an SCP." (AWS Organizations User Guide,
// orgs_manage_policies_scps): FullAWSAccess, "Allow * on *", is the default
// SCP, and no check of what an Allow grants applies to it.
func TestLintSCPAllowGrantsNothing(t *testing.T) {
	doc := `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}`
	for _, f := range lintKind(doc, ServiceControlPolicy) {
		t.Errorf("FullAWSAccess: %s", f)
	}
	if _, ok := has(lintKind(doc, ManagedPolicy), CodeAllowAll, ""); !ok {
		t.Error("identity policy Allow * on *: no AWS053")
	}
}

// Rhino Security Labs' method 4 is iam:CreateAccessKey "on other users":
// creating one's own keys (user/${aws:username}, the IAM User Guide's
// self-management example) escalates nothing.
func TestLintEscalationNeedsOthers(t *testing.T) {
	cat := withActions(iam.ActionInfo{Service: "iam", Name: "CreateAccessKey", AccessLevel: iam.Write,
		ResourceTypes: rows(iam.ActionResourceType{Name: "user", Required: true})})
	for r, want := range map[string]bool{"arn:aws:iam::*:user/${aws:username}": false, "arn:aws:iam::111122223333:user/*": true, "*": true} {
		doc := `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"iam:CreateAccessKey","Resource":"` + r + `"}}`
		_, got := has(Lint([]byte(doc), LintOptions{Catalog: cat}), CodePrivilegeEscalation, "")
		if got != want {
			t.Errorf("%s: AWS082 %v, want %v", r, got, want)
		}
	}
}

// An empty Action or Resource list "provides no permissions" (Access Analyzer,
// "Empty array action"): a suggestion. An empty NotAction or NotResource list,
// read literally, excludes nothing; no AWS page says how AWS reads it, so the
// linter fails closed with an error.
func TestLintEmptyNotLists(t *testing.T) {
	for el, want := range map[string]Severity{"Action": SeveritySuggestion, "NotAction": SeverityError} {
		doc := `{"Version":"2012-10-17","Statement":{"Effect":"Allow","` + el + `":[],"Resource":"*"}}`
		if sev, _ := has(lintKind(doc, ManagedPolicy), CodeEmpty, "Statement[0]."+el); sev != want {
			t.Errorf("%s []: %v, want %v", el, sev, want)
		}
	}
}

// withActions is the fake catalog plus a few actions.
func withActions(extra ...iam.ActionInfo) Catalog {
	return CatalogFuncs{
		LookupActionFunc: func(n string) (iam.ActionInfo, bool) {
			for _, a := range extra {
				if strings.EqualFold(a.String(), n) {
					return a, true
				}
			}
			return fakeCatalog{}.LookupAction(n)
		},
		ServiceActionsFunc: func(p string) []iam.ActionInfo {
			out := fakeCatalog{}.ServiceActions(p)
			for _, a := range extra {
				if a.Service == p {
					out = append(out, a)
				}
			}
			return out
		},
		LookupResourceTypeFunc: fakeCatalog{}.LookupResourceType,
	}
}

// Parliament's bucket check (parliament/policy.py, check_for_bad_patterns): a
// bucket's policy may be written where its objects' actions are not all
// granted. Per bucket: the objects of another bucket do not count.
func TestLintResourcePolicyEscalationPerBucket(t *testing.T) {
	cat := withActions(iam.ActionInfo{Service: "s3", Name: "PutBucketPolicy", AccessLevel: iam.PermissionsManagement,
		ResourceTypes: rows(iam.ActionResourceType{Name: "bucket", Required: true})})
	const p = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:PutBucketPolicy","Resource":"arn:aws:s3:::a"},
{"Effect":"Allow","Action":["s3:GetObject","s3:PutObject","s3:DeleteObject"],"Resource":"arn:aws:s3:::%s/*"}]}`
	for bucket, want := range map[string]bool{"a": false, "b": true} {
		fs := Lint([]byte(strings.Replace(p, "%s", bucket, 1)), LintOptions{Catalog: cat})
		if _, got := has(fs, CodeResourcePolicyEscalation, ""); got != want {
			t.Errorf("objects of %s: AWS083 %v, want %v", bucket, got, want)
		}
	}
}
