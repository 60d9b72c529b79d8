package iampolicy

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
)

func codes(fs []Finding) string {
	var out []string
	for _, f := range fs {
		out = append(out, f.Code+"@"+f.Path)
	}
	return strings.Join(out, " ")
}

func TestLintFindings(t *testing.T) {
	cat := fakeCatalog{}
	for _, c := range []struct {
		name   string
		policy string
		want   string // code@path list, in order
	}{
		{"clean", stmt(cond("Allow", "s3:GetObject", "arn:aws:s3:::b/*", `{"StringEquals":{"s3:authType":"REST-HEADER"}}`)), ""},
		{"not JSON", `{"Version":"2012-10-17","Statement":{"Effect":"Allow"}`, "AWS001@"},
		{"grammar: each fault at its path", `{"Version":"2012-10-17","Statement":{"Effect":"Allow"}}`, "AWS002@Statement[0].Action AWS002@Statement[0].Resource"},
		{"unknown prefix", stmt(cond("Allow", "s4:GetObject", "*", "")), "AWS010@Statement[0].Action[0]"},
		{"unknown action", stmt(cond("Allow", "s3:GetObjet", "*", "")), "AWS011@Statement[0].Action[0]"},
		{"pattern matching nothing", stmt(cond("Allow", "s3:Fly*", "*", "")), "AWS012@Statement[0].Action[0]"},
		{"wildcard", stmt(cond("Allow", "s3:GetObject*", "arn:aws:s3:::b/*", "")), "AWS013@Statement[0].Action[0]"},
		{"invalid ARN", stmt(cond("Allow", "s3:GetObject", "arn:aws:s3", "")), "AWS020@Statement[0].Resource[0]"},
		{"resource mismatch", stmt(cond("Allow", "s3:ListBucket", "arn:aws:s3:::b/k", "")), "AWS021@Statement[0].Resource[0]"},
		{"wildcard-only on an ARN", stmt(cond("Allow", "s3:ListAllMyBuckets", "arn:aws:s3:::b", "")), "AWS021@Statement[0].Resource[0]"},
		{"unknown key for action", stmt(cond("Allow", "s3:GetObject", "*", `{"StringEquals":{"ec2:InstanceType":"t3.micro"}}`)),
			"AWS023@Statement[0].Resource[0] AWS030@Statement[0].Condition.StringEquals.ec2:InstanceType"},
		{"operator type", stmt(cond("Allow", "s3:GetObject", "*", `{"StringLike":{"aws:CurrentTime":"2026*"}}`)),
			"AWS023@Statement[0].Resource[0] AWS031@Statement[0].Condition.StringLike.aws:CurrentTime"},
		{"ForAllValues on single-valued", stmt(cond("Allow", "s3:GetObject", "*", `{"ForAllValues:StringEquals":{"s3:authType":"REST-HEADER"}}`)),
			"AWS023@Statement[0].Resource[0] AWS032@Statement[0].Condition.ForAllValues:StringEquals.s3:authType"},
		{"plain operator on multivalued", stmt(cond("Allow", "s3:PutObject", "*", `{"StringEquals":{"aws:TagKeys":"env"}}`)),
			"AWS023@Statement[0].Resource[0] AWS033@Statement[0].Condition.StringEquals.aws:TagKeys"},
		{"ForAnyValue IfExists", stmt(cond("Allow", "s3:PutObject", "*", `{"ForAnyValue:StringEqualsIfExists":{"aws:TagKeys":"env"}}`)),
			"AWS023@Statement[0].Resource[0] AWS034@Statement[0].Condition.ForAnyValue:StringEqualsIfExists.aws:TagKeys"},
		{"duplicate Sid", `{"Version":"2012-10-17","Statement":[{"Sid":"A","Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"},{"Sid":"A","Effect":"Deny","Action":"s3:DeleteObject","Resource":"*"}]}`,
			"AWS040@Statement[1].Sid"},
		{"PassRole star", stmt(cond("Allow", "iam:PassRole", "*", "")), "AWS050@Statement[0].Action[0] AWS023@Statement[0].Resource[0]"},
		{"NotAction allow", `{"Version":"2012-10-17","Statement":{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}}`,
			"AWS051@Statement[0].NotAction"}, // a wildcard in NotAction is the narrow form: no AWS013
		{"NotPrincipal allow", `{"Version":"2012-10-17","Statement":{"Effect":"Allow","NotPrincipal":{"AWS":"111122223333"},"Action":"s3:GetObject","Resource":"*"}}`,
			"AWS005@Statement[0].NotPrincipal AWS054@Statement[0].NotPrincipal AWS023@Statement[0].Resource[0]"},
		{"allow all", allowAll, "AWS053@Statement[0] AWS050@Statement[0].Action[0] AWS058@Statement[0].Action[0]"},
		{"redundant", stmt(cond("Allow", "s3:GetObject", "arn:aws:s3:::b/k", ""), cond("Allow", "s3:Get*", "arn:aws:s3:::b/*", "")),
			"AWS060@Statement[0] AWS013@Statement[1].Action[0]"},
		{"identical statements: the later one", stmt(cond("Deny", "s3:DeleteObject", "*", ""), cond("Deny", "s3:DeleteObject", "*", "")),
			"AWS060@Statement[1]"},
	} {
		got := codes(Lint([]byte(c.policy), LintOptions{Catalog: cat}))
		if got != c.want {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}

func TestLintSuggestsAndLists(t *testing.T) {
	fs := Lint([]byte(stmt(cond("Allow", "s3:GetObjet", "*", ""), cond("Allow", "s3:Put*", "arn:aws:s3:::b/*", ""))), LintOptions{Catalog: fakeCatalog{}})
	if len(fs) != 2 || fs[0].Fix != "did you mean s3:GetObject?" {
		t.Fatalf("findings: %v", fs)
	}
	if got := strings.Join(fs[1].Actions, ","); got != "s3:PutObject,s3:PutObjectTagging" {
		t.Errorf("wildcard lists %q", got)
	}
	b, _ := json.Marshal(fs[0])
	if want := `{"code":"AWS011","severity":"error","path":"Statement[0].Action[0]","message":"s3 has no action \"GetObjet\"","fix":"did you mean s3:GetObject?"}`; string(b) != want {
		t.Errorf("json %s", b)
	}
}

// The quotas: "You can add as many inline policies as you want to an IAM user, role, or
// group. But the total aggregate policy size (the sum size of all inline policies) per
// entity can't exceed the following quotas: User policy size can't exceed 2,048
// characters. Role policy size can't exceed 10,240 characters. Group policy size can't
// exceed 5,120 characters." and "Managed policy size can't exceed 6,144 characters."
// "IAM doesn't count white space when calculating the size of a policy against these
// quotas." (reference_iam-quotas.html)
func TestLintSize(t *testing.T) {
	var sts []string
	for i := 0; i < 40; i++ {
		sts = append(sts, cond("Allow", "s3:GetObject", fmt.Sprintf("arn:aws:s3:::bucket-number-%03d/*", i), ""))
	}
	doc := stmt(sts...)
	n, _ := Size([]byte(doc))
	spaced := strings.ReplaceAll(doc, ",", ",\n      ")
	if m, _ := Size([]byte(spaced)); m != n {
		t.Fatalf("white space counted: %d vs %d", m, n)
	}
	for _, c := range []struct {
		kind Kind
		over bool
	}{{UserInlinePolicy, n > 2048}, {GroupInlinePolicy, n > 5120}, {ManagedPolicy, n > 6144}, {RoleInlinePolicy, n > 10240}} {
		got := strings.Contains(codes(Lint([]byte(spaced), LintOptions{Kind: c.kind})), CodeTooLarge)
		if got != c.over {
			t.Errorf("%v (quota %d) with %d characters: too large = %v", c.kind, c.kind.Quota(), n, got)
		}
	}
	if n <= 2048 || n > 5120 {
		t.Fatalf("test policy is %d characters; want it between the user and group quotas", n)
	}
}
