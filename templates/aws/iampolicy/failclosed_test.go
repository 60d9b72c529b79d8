package iampolicy

import (
	"strings"
	"testing"
)

// The rules of issue 17: every doubt fails closed. Each rule quotes the sentence
// of the IAM User Guide (or Access Analyzer's check reference) it rests on; where
// two pages read differently, an Allow takes the narrow reading and a Deny the
// wide one (README, "How permgen decides", IAM).

const (
	bob         = "arn:aws:iam::111122223333:user/bob"
	roleR       = "arn:aws:iam::111122223333:role/R"
	roleRPath   = "arn:aws:iam::111122223333:role/team/R"
	sessionOfR  = "arn:aws:sts::111122223333:assumed-role/R/s1"
	federated   = "arn:aws:sts::111122223333:federated-user/bob"
	analyzer    = "https://docs.aws.amazon.com/IAM/latest/UserGuide/access-analyzer-reference-policy-checks.html"
	getObjectOn = "arn:aws:s3:::photos/secret/a.txt"
)

func as(principal string, r Request) Request { r.Principal = principal; return r }

// unknownParts is a request whose resource has unknown parts, made by a caller
// that does not know its principal either (as the SDK guards).
func unknownParts(r Request, parts ...string) Request {
	r.Unknown.Parts = parts
	r.Principal = ""
	return r
}

func unknownKeys(r Request, keys ...string) Request { r.Unknown.Keys = keys; return r }

func unknownResource(r Request) Request { r.Unknown.Resource = true; return r }

// bucketPolicy is a resource-based policy with one statement for principal p.
func bucketPolicy(effect, p, action, resource string) string {
	return `{"Version":"2012-10-17","Statement":{"Effect":"` + effect + `","Principal":{"AWS":"` + p + `"},"Action":"` + action + `","Resource":"` + resource + `"}}`
}

var failClosedRules = []rule{
	{
		doc:  guide + "reference_policies_variables.html#policy-vars-no-value",
		says: "Inverted condition operators like StringNotEquals or StringNotLike do match against a null value ... Access is specifically denied when aws:principaltag/Team is not set.",
		cases: []ruleCase{
			{name: "the guide's example: deny when the tag is not set", policies: []string{allowAll, stmt(cond("Deny", "s3:GetObject", "*", `{"StringNotEquals":{"s3:ExistingObjectTag/Team":"${aws:PrincipalTag/Team}"}}`))},
				req: req("s3:GetObject", getObjectOn, "s3:ExistingObjectTag/Team", "blue"), want: ExplicitDeny},
			{name: "tag set and equal", policies: []string{allowAll, stmt(cond("Deny", "s3:GetObject", "*", `{"StringNotEquals":{"s3:ExistingObjectTag/Team":"${aws:PrincipalTag/Team}"}}`))},
				req: req("s3:GetObject", getObjectOn, "s3:ExistingObjectTag/Team", "blue", "aws:PrincipalTag/Team", "blue"), want: Allowed},
			{name: "ArnNotLike matches a null value in a deny", policies: []string{allowAll, stmt(cond("Deny", "*", "*", `{"ArnNotLike":{"aws:SourceArn":"arn:aws:sns:*:*:${aws:username}"}}`))},
				req: req("sqs:SendMessage", "*", "aws:SourceArn", "arn:aws:sns:us-east-1:1:x"), want: ExplicitDeny},
			{name: "ForAnyValue:StringNotEquals matches a null value in a deny", policies: []string{allowAll, stmt(cond("Deny", "*", "*", `{"ForAnyValue:StringNotEquals":{"aws:TagKeys":"${aws:PrincipalTag/k}"}}`))},
				req: req("ec2:CreateTags", "*", "[]aws:TagKeys", "env"), want: ExplicitDeny},
			{name: "an allow on a null value takes the narrow reading (statement invalid)", policies: []string{stmt(cond("Allow", "*", "*", `{"StringNotEquals":{"aws:PrincipalTag/team":"${aws:username}"}}`))},
				req: req("s3:GetObject", "*", "aws:PrincipalTag/team", "blue"), want: ImplicitDeny},
			{name: "a positive operator never matches a null value", policies: []string{allowAll, stmt(cond("Deny", "*", "*", `{"StringEquals":{"aws:PrincipalTag/team":"${aws:username}"}}`))},
				req: req("s3:GetObject", "*", "aws:PrincipalTag/team", "blue"), want: Allowed},
		},
	},
	{
		doc:  guide + "reference_policies_variables.html#policy-vars-no-value",
		says: "When you use a policy variable with no value in the NotResource element, the NotResource element will not match any resource.",
		cases: []ruleCase{
			{name: "a deny with it applies", policies: []string{allowAll, `{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"s3:*","NotResource":"arn:aws:s3:::home/${aws:username}/*"}}`},
				req: req("s3:GetObject", "arn:aws:s3:::home/alice/x"), want: ExplicitDeny},
			{name: "with a value it excepts", policies: []string{allowAll, `{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"s3:*","NotResource":"arn:aws:s3:::home/${aws:username}/*"}}`},
				req: req("s3:GetObject", "arn:aws:s3:::home/alice/x", "aws:username", "alice"), want: Allowed},
		},
	},
	{
		doc:  guide + "reference_policies_elements_condition_operators.html#Conditions_Boolean",
		says: "Bool ... Policy variables – Supported",
		cases: []ruleCase{
			{name: "variable in Bool", policies: []string{stmt(cond("Allow", "*", "*", `{"Bool":{"aws:SecureTransport":"${aws:PrincipalTag/tls}"}}`))},
				req: req("s3:GetObject", "*", "aws:SecureTransport", "true", "aws:PrincipalTag/tls", "true"), want: Allowed},
			{name: "variable in Bool, other value", policies: []string{stmt(cond("Allow", "*", "*", `{"Bool":{"aws:SecureTransport":"${aws:PrincipalTag/tls}"}}`))},
				req: req("s3:GetObject", "*", "aws:SecureTransport", "false", "aws:PrincipalTag/tls", "true"), want: ImplicitDeny},
		},
	},
	{
		doc:  analyzer,
		says: "Empty array action ... Empty array resource ... an empty array ... provides no permissions (the checks EMPTY_ARRAY_ACTION, EMPTY_ARRAY_RESOURCE, EMPTY_ARRAY_CONDITION); literally, an empty NotAction or NotResource excepts nothing: an Allow takes Access Analyzer's reading, a Deny the literal one.",
		cases: []ruleCase{
			{name: "NotAction [] grants nothing", policies: []string{`{"Version":"2012-10-17","Statement":{"Effect":"Allow","NotAction":[],"Resource":"*"}}`},
				req: req("s3:GetObject", "*"), want: ImplicitDeny},
			{name: "NotResource [] grants nothing", policies: []string{`{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","NotResource":[]}}`},
				req: req("s3:GetObject", getObjectOn), want: ImplicitDeny},
			{name: "Deny NotAction [] denies", policies: []string{allowAll, `{"Version":"2012-10-17","Statement":{"Effect":"Deny","NotAction":[],"Resource":"*"}}`},
				req: req("s3:GetObject", "*"), want: ExplicitDeny},
			{name: "Action [] matches nothing", policies: []string{`{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":[],"Resource":"*"}}`},
				req: req("s3:GetObject", "*"), want: ImplicitDeny},
			{name: "negated operator with [] grants nothing", policies: []string{stmt(cond("Allow", "*", "*", `{"StringNotEquals":{"aws:username":[]}}`))},
				req: req("s3:GetObject", "*", "aws:username", "alice"), want: ImplicitDeny},
			{name: "IfExists with [] grants nothing", policies: []string{stmt(cond("Allow", "*", "*", `{"StringEqualsIfExists":{"aws:username":[]}}`))},
				req: req("s3:GetObject", "*"), want: ImplicitDeny},
			{name: "a deny with [] applies", policies: []string{allowAll, stmt(cond("Deny", "*", "*", `{"StringNotEquals":{"aws:username":[]}}`))},
				req: req("s3:GetObject", "*", "aws:username", "alice"), want: ExplicitDeny},
		},
	},
	{
		doc:  guide + "reference_policies_condition-single-vs-multi-valued-context-keys.html",
		says: "ForAllValues ... also returns true if there are no context keys in the request or if the context key value resolves to a null data set, such as an empty string.",
		cases: []ruleCase{
			{name: "ForAllValues on empty strings", policies: []string{stmt(cond("Allow", "*", "*", `{"ForAllValues:StringEquals":{"aws:TagKeys":["env"]}}`))},
				req: req("ec2:CreateTags", "*", "[]aws:TagKeys", ""), want: Allowed},
			{name: "ForAnyValue on empty strings", policies: []string{stmt(cond("Allow", "*", "*", `{"ForAnyValue:StringNotEquals":{"aws:TagKeys":["env"]}}`))},
				req: req("ec2:CreateTags", "*", "[]aws:TagKeys", ""), want: ImplicitDeny},
		},
	},
	{
		doc:  "issue 17, quoting " + guide + "reference_policies_evaluation-logic_policies_resource.html",
		says: "Resource-based policies that grant permissions to an IAM role ARN are limited by an implicit deny in a permissions boundary or session policy.",
		cases: []ruleCase{
			{name: "role ARN grant within the boundary", boundary: stmt(cond("Allow", "s3:*", "*", "")),
				resource: bucketPolicy("Allow", roleR, "s3:GetObject", "*"),
				req:      as(sessionOfR, req("s3:GetObject", getObjectOn)), want: Allowed},
			{name: "role ARN grant outside the boundary", boundary: stmt(cond("Allow", "ec2:*", "*", "")),
				resource: bucketPolicy("Allow", roleR, "s3:GetObject", "*"),
				req:      as(sessionOfR, req("s3:GetObject", getObjectOn)), want: ImplicitDeny},
			{name: "session ARN grant is not limited", boundary: stmt(cond("Allow", "ec2:*", "*", "")),
				resource: bucketPolicy("Allow", sessionOfR, "s3:GetObject", "*"),
				req:      as(sessionOfR, req("s3:GetObject", getObjectOn)), want: Allowed},
		},
	},
	{
		doc:  guide + "reference_policies_elements_principal.html#principal-roles",
		says: "issue 17: a resource-policy Deny naming role/R applies to assumed-role/R/session (the requester is the session, of that role); role names are unique in an account, and the session ARN carries no path.",
		cases: []ruleCase{
			{name: "deny on the role applies to its session", policies: []string{allowAll}, resource: bucketPolicy("Deny", roleR, "s3:*", "*"),
				req: as(sessionOfR, req("s3:GetObject", getObjectOn)), want: ExplicitDeny},
			{name: "deny on the role with a path", policies: []string{allowAll}, resource: bucketPolicy("Deny", roleRPath, "s3:*", "*"),
				req: as(sessionOfR, req("s3:GetObject", getObjectOn)), want: ExplicitDeny},
			{name: "another role's deny does not", policies: []string{allowAll}, resource: bucketPolicy("Deny", "arn:aws:iam::111122223333:role/Q", "s3:*", "*"),
				req: as(sessionOfR, req("s3:GetObject", getObjectOn)), want: Allowed},
			{name: "deny naming user/bob applies to federated-user/bob (deny wide)", policies: []string{allowAll}, resource: bucketPolicy("Deny", bob, "s3:*", "*"),
				req: as(federated, req("s3:GetObject", getObjectOn)), want: ExplicitDeny},
			{name: "allow naming user/bob does not cover federated-user/bob (allow narrow)", resource: bucketPolicy("Allow", bob, "s3:*", "*"),
				req: as(federated, req("s3:GetObject", getObjectOn)), want: ImplicitDeny},
			{name: "a service principal", resource: `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"Service":"cloudtrail.amazonaws.com"},"Action":"s3:PutObject","Resource":"*"}}`,
				req: as("cloudtrail.amazonaws.com", req("s3:PutObject", getObjectOn)), want: Allowed},
			{name: "an unknown principal: a deny naming someone applies", policies: []string{allowAll}, resource: bucketPolicy("Deny", bob, "s3:*", "*"),
				req: as("", req("s3:GetObject", getObjectOn)), want: ExplicitDeny},
		},
	},
	{
		doc:  guide + "reference_policies_elements_principal.html",
		says: "Identity-based policies are permissions policies that you attach to IAM identities (users, groups, or roles).",
		cases: []ruleCase{
			{name: "a service is not allowed by identity policies", policies: []string{allowAll},
				req: as("cloudtrail.amazonaws.com", req("s3:PutObject", getObjectOn)), want: ImplicitDeny},
			{name: "a Deny in them still denies (deny wide)", policies: []string{stmt(cond("Deny", "*", "*", ""))},
				resource: `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"Service":"cloudtrail.amazonaws.com"},"Action":"s3:PutObject","Resource":"*"}}`,
				req:      as("cloudtrail.amazonaws.com", req("s3:PutObject", getObjectOn)), want: ExplicitDeny},
			{name: "a boundary given for a service caps its resource-policy grant (allow narrow)", boundary: stmt(cond("Allow", "ec2:*", "*", "")),
				resource: `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":"*","Action":"s3:PutObject","Resource":"*"}}`,
				req:      as("cloudtrail.amazonaws.com", req("s3:PutObject", getObjectOn)), want: ImplicitDeny},
		},
	},
	{
		doc:  guide + "reference_policies_evaluation-logic-cross-account.html",
		says: "The requesting principal must have an identity-based policy that allows the request, and the resource-based policy must allow the request (for cross-account access); the resource's account is the one its ARN names when none is given.",
		cases: []ruleCase{
			{name: "identity allow alone on another account's queue", policies: []string{allowAll},
				req: req("sqs:SendMessage", "arn:aws:sqs:us-east-1:444455556666:q"), want: ImplicitDeny},
			{name: "with the queue policy", policies: []string{allowAll}, resource: bucketPolicy("Allow", alice, "sqs:SendMessage", "*"),
				req: req("sqs:SendMessage", "arn:aws:sqs:us-east-1:444455556666:q"), want: Allowed},
			{name: "queue policy alone", resource: bucketPolicy("Allow", alice, "sqs:SendMessage", "*"),
				req: req("sqs:SendMessage", "arn:aws:sqs:us-east-1:444455556666:q"), want: ImplicitDeny},
		},
	},
	{
		doc:  guide + "reference_policies_evaluation-logic_policies_resource.html",
		says: "Role trust policies and KMS key policies are exceptions to this logic, because they must explicitly allow access for principals.",
		cases: []ruleCase{
			{name: "sts:AssumeRole with no trust policy given", policies: []string{allowAll},
				req: req("sts:AssumeRole", roleR), want: ImplicitDeny},
			{name: "kms with no key policy given", policies: []string{allowAll},
				req: req("kms:Decrypt", "arn:aws:kms:us-east-1:111122223333:key/k1"), want: ImplicitDeny},
		},
	},
	{
		doc:  guide + "reference_policies_elements_resource.html#reference_policies_elements_resource_wildcards",
		says: "If the * wildcard is the last character of a resource ARN segment, it can expand to match beyond the colon boundaries. (The Arn operators' page: \"Each of the six colon-delimited components of the ARN is checked separately\".)",
		cases: []ruleCase{
			{name: "a short pattern does not allow", policies: []string{stmt(cond("Allow", "*", "arn:aws:s3*", ""))},
				req: req("s3:GetObject", getObjectOn), want: ImplicitDeny},
			{name: "a short pattern denies", policies: []string{allowAll, stmt(cond("Deny", "*", "arn:aws:s3*", ""))},
				req: req("s3:GetObject", getObjectOn), want: ExplicitDeny},
			{name: "a short pattern without a wildcard matches nothing", policies: []string{allowAll, stmt(cond("Deny", "*", "arn:aws:s3", ""))},
				req: req("s3:GetObject", getObjectOn), want: Allowed},
		},
	},
	{
		doc:  "the fail-closed contract (README): unknown is not absent",
		says: "An Allow applies only if it applies for every value of the unknowns; a Deny applies if it could apply for some value.",
		cases: []ruleCase{
			{name: "unknown account: the deny on the table applies", policies: []string{allowAll, stmt(cond("Deny", "dynamodb:*", "arn:aws:dynamodb:us-east-1:111122223333:table/secret", ""))},
				req: unknownParts(req("dynamodb:GetItem", "arn:aws:dynamodb:us-east-1:${Account}:table/secret"), "Account"), want: ExplicitDeny},
			{name: "unknown account: another table's deny does not", policies: []string{allowAll, stmt(cond("Deny", "dynamodb:*", "arn:aws:dynamodb:us-east-1:111122223333:table/other", ""))},
				req: unknownParts(req("dynamodb:GetItem", "arn:aws:dynamodb:us-east-1:${Account}:table/secret"), "Account"), want: Allowed},
			{name: "unknown account: an allow on one account does not apply", policies: []string{stmt(cond("Allow", "dynamodb:*", "arn:aws:dynamodb:us-east-1:111122223333:table/*", ""))},
				req: unknownParts(req("dynamodb:GetItem", "arn:aws:dynamodb:us-east-1:${Account}:table/secret"), "Account"), want: ImplicitDeny},
			{name: "unknown account: an allow on every account applies", policies: []string{stmt(cond("Allow", "dynamodb:*", "arn:aws:dynamodb:us-east-1:*:table/*", ""))},
				req: unknownParts(req("dynamodb:GetItem", "arn:aws:dynamodb:us-east-1:${Account}:table/secret"), "Account"), want: Allowed},
			{name: "unknown account with a known principal: the resource may be another account's", policies: []string{allowAll},
				req: as(alice, unknownParts(req("dynamodb:GetItem", "arn:aws:dynamodb:us-east-1:${Account}:table/secret"), "Account")), want: ImplicitDeny},
			{name: "unknown function name: the deny on a prefix applies", policies: []string{allowAll, stmt(cond("Deny", "lambda:*", "arn:aws:lambda:us-east-1:111122223333:function:admin-*", ""))},
				req: unknownParts(req("lambda:InvokeFunction", "arn:aws:lambda:us-east-1:111122223333:function:${FunctionName}"), "FunctionName"), want: ExplicitDeny},
			{name: "unknown resource: allow on * applies", policies: []string{allowAll},
				req: unknownResource(req("s3:GetObject", "*")), want: Allowed},
			{name: "unknown resource: a specific deny applies", policies: []string{allowAll, stmt(cond("Deny", "s3:GetObject", "arn:aws:s3:::photos/secret/*", ""))},
				req: unknownResource(req("s3:GetObject", "*")), want: ExplicitDeny},
			{name: "unknown resource: a specific allow does not", policies: []string{stmt(cond("Allow", "s3:GetObject", "arn:aws:s3:::photos/*", ""))},
				req: unknownResource(req("s3:GetObject", "*")), want: ImplicitDeny},
			{name: "unknown key: a deny on it applies", policies: []string{allowAll, stmt(cond("Deny", "*", "*", `{"StringEquals":{"aws:PrincipalTag/team":"red"}}`))},
				req: unknownKeys(req("s3:GetObject", getObjectOn), "aws:PrincipalTag/team"), want: ExplicitDeny},
			{name: "unknown key by *: NotIpAddress deny applies", policies: []string{allowAll, stmt(cond("Deny", "*", "*", `{"NotIpAddress":{"aws:SourceIp":"10.0.0.0/8"}}`))},
				req: unknownKeys(req("s3:GetObject", getObjectOn), "*"), want: ExplicitDeny},
			{name: "unknown key: an allow conditioned on it does not apply", policies: []string{stmt(cond("Allow", "*", "*", `{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}`))},
				req: unknownKeys(req("s3:GetObject", getObjectOn), "*"), want: ImplicitDeny},
			{name: "unknown key in a variable", policies: []string{allowAll, stmt(cond("Deny", "s3:*", "arn:aws:s3:::photos/${aws:PrincipalTag/team}/*", ""))},
				req: unknownKeys(req("s3:GetObject", "arn:aws:s3:::photos/red/x"), "aws:PrincipalTag/team"), want: ExplicitDeny},
			{name: "a key given is known even when * is unknown", policies: []string{allowAll, stmt(cond("Deny", "*", "*", `{"StringNotEquals":{"aws:RequestedRegion":"us-east-1"}}`))},
				req: unknownKeys(req("s3:GetObject", getObjectOn, "aws:RequestedRegion", "us-east-1"), "*"), want: Allowed},
		},
	},
}

func TestFailClosedRules(t *testing.T) {
	for _, r := range failClosedRules {
		for _, c := range r.cases {
			t.Run(c.name, func(t *testing.T) {
				ps := Policies{Boundary: mustParse(t, c.boundary), Resource: mustParse(t, c.resource), ResourceAccount: c.ResourceAccount}
				for _, p := range c.policies {
					ps.Identity = append(ps.Identity, mustParse(t, p))
				}
				rq := c.req
				d := EvaluateAll(&rq, ps)
				if d.Outcome != c.want {
					t.Errorf("got %v, want %v\nrule (%s): %q", d.String(), c.want, r.doc, r.says)
				}
			})
		}
	}
}

// decodeRules are what Parse (and so `permgen policy eval`, lint and the guards)
// refuses, each with the sentence that fixes the form.
var decodeRules = []struct {
	doc, says, policy, want string
}{
	{guide + "reference_policies_elements_effect.html", "Valid values for Effect are Allow and Deny. The Effect value is case sensitive.",
		`{"Version":"2012-10-17","Statement":{"Effect":"deny","Action":"*","Resource":"*"}}`, `Statement[0].Effect: "deny" is neither "Allow" nor "Deny"`},
	{guide + "reference_policies_elements_effect.html", "Valid values for Effect are Allow and Deny. The Effect value is case sensitive.",
		`{"Version":"2012-10-17","Statement":{"Effect":"DENY","Action":"*","Resource":"*"}}`, `Statement[0].Effect: "DENY" is neither`},
	{guide + "reference_policies_grammar.html", "<statement> = { <sid_block?>, <principal_block?>, <effect_block>, <action_block>, <resource_block>, <condition_block?> }",
		`{"Version":"2012-10-17","Statement":{"Effect":"Deny","Resource":"*"}}`, `Statement[0].Action: a statement needs Action or NotAction`},
	{guide + "reference_policies_elements_resource.html", "You specify a resource using an Amazon Resource Name (ARN).",
		`{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"photos/*"}}`, `Statement[0].Resource: "photos/*" is neither "*" nor an ARN`},
	{guide + "reference_policies_elements_condition_operators.html#Conditions_IPAddress", "The value must be in the standard CIDR format (for example, 203.0.113.0/24 or 2001:DB8:1234:5678::/64).",
		stmt(cond("Deny", "*", "*", `{"NotIpAddress":{"aws:SourceIp":"office-network"}}`)), `Statement[0].Condition.NotIpAddress.aws:SourceIp: "office-network" is not a value of type IPAddress`},
	{guide + "reference_policies_elements_condition_operators.html#Conditions_Date", "You must specify date/time values with one of the W3C implementations of the ISO 8601 date formats or in epoch (UNIX) time.",
		stmt(cond("Deny", "*", "*", `{"DateNotEquals":{"aws:CurrentTime":"someday"}}`)), `"someday" is not a value of type Date`},
	{guide + "reference_policies_elements_condition_operators.html#Conditions_Numeric", "Numeric condition operators let you construct Condition elements that restrict access based on comparing a key to an integer or decimal value.",
		stmt(cond("Allow", "*", "*", `{"NumericLessThan":{"s3:max-keys":"Infinity"}}`)), `"Infinity" is not a value of type Numeric`},
	{guide + "reference_policies_elements_condition_operators.html#Conditions_Numeric", "Numeric condition operators let you construct Condition elements that restrict access based on comparing a key to an integer or decimal value.",
		stmt(cond("Allow", "*", "*", `{"NumericLessThan":{"s3:max-keys":"0x1p10"}}`)), `"0x1p10" is not a value of type Numeric`},
	{guide + "reference_policies_elements_condition_operators.html#Conditions_Numeric", "Numeric condition operators let you construct Condition elements that restrict access based on comparing a key to an integer or decimal value.",
		stmt(cond("Deny", "*", "*", `{"NumericNotEquals":{"s3:max-keys":"ten"}}`)), `"ten" is not a value of type Numeric`},
	{guide + "reference_policies_elements_condition_operators.html#Conditions_Numeric", "Numeric condition operators let you construct Condition elements that restrict access based on comparing a key to an integer or decimal value.",
		stmt(cond("Deny", "*", "*", `{"NumericNotEquals":{"s3:max-keys":"NaN"}}`)), `"NaN" is not a value of type Numeric`},
	{guide + "reference_policies_elements_condition_operators.html#Conditions_Boolean", "Boolean conditions let you construct Condition elements that restrict access based on comparing a key to true or false.",
		stmt(cond("Deny", "*", "*", `{"Bool":{"aws:SecureTransport":"yes"}}`)), `"yes" is not a value of type Bool`},
	{guide + "reference_policies_elements_condition_operators.html#Conditions_Null", "In the policy statement, use either true (the key doesn't exist — it is null) or false (the key exists and its value is not null).",
		stmt(cond("Deny", "*", "*", `{"Null":{"aws:TokenIssueTime":"yes"}}`)), `"yes" is not a value of type Null`},
}

func TestDecodeRefusesWhatTheGuideForbids(t *testing.T) {
	for _, c := range decodeRules {
		_, err := Parse([]byte(c.policy))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Parse(%s) = %v, want an error containing %q\nrule (%s): %q", c.policy, err, c.want, c.doc, c.says)
		}
	}
}

// roleRules are the grammar of each role a policy plays, checked by ValidateAs and
// by the evaluator (Refused), never read as something else.
var roleRules = []struct {
	doc, says string
	kind      PolicyKind
	policy    string
	want      string
}{
	{guide + "reference_policies_elements_principal.html", "You cannot use the Principal element in an identity-based policy.",
		IdentityPolicy, bucketPolicy("Allow", alice, "s3:*", "*"), "Statement[0].Principal: an identity-based policy names no principal"},
	{guide + "reference_policies_elements_resource.html", "Statements must include either a Resource or a NotResource element.",
		IdentityPolicy, `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*"}}`, "Statement[0].Resource: a statement of an identity-based policy needs Resource or NotResource"},
	{guide + "reference_policies_elements_resource.html", "Statements must include either a Resource or a NotResource element.",
		PermissionsBoundary, `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*"}}`, "Statement[0].Resource: a statement of an identity-based policy needs"},
	{guide + "reference_policies_elements_principal.html", "You must use the Principal element in resource-based policies.",
		ResourcePolicy, allowAll, "Statement[0].Principal: a statement of a resource-based policy needs Principal or NotPrincipal"},
	{guide + "reference_policies_elements_principal.html", "In IAM roles, use the Principal element in the role trust policy to specify who can assume the role.",
		TrustPolicy, `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"sts:AssumeRole"}}`, "Statement[0].Principal: a statement of a role trust policy needs"},
}

func TestRoleGrammar(t *testing.T) {
	for _, c := range roleRules {
		p := mustParse(t, c.policy)
		err := p.ValidateAs(c.kind)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("ValidateAs(%v) = %v, want %q\nrule (%s): %q", c.kind, err, c.want, c.doc, c.says)
		}
		r := req("s3:GetObject", getObjectOn)
		ps := Policies{Identity: []*Policy{mustParse(t, allowAll)}}
		switch c.kind {
		case IdentityPolicy:
			ps.Identity = []*Policy{p}
		case PermissionsBoundary:
			ps.Boundary = p
		case ResourcePolicy:
			ps.Resource = p
		case TrustPolicy:
			r = req("sts:AssumeRole", roleR)
			ps.Resource = p
		}
		if d := EvaluateAll(&r, ps); d.Outcome != Refused || !strings.Contains(d.Refusal(), "Statement[0]") {
			t.Errorf("%v %s: EvaluateAll = %v, want Refused naming the statement", c.kind, c.policy, d.String())
		}
	}
}

// TestBuiltPoliciesFailClosed: a Policy built in Go skips Parse; the evaluator
// still refuses what the grammar refuses, and never panics on nil.
func TestBuiltPoliciesFailClosed(t *testing.T) {
	r := req("s3:GetObject", getObjectOn)
	for name, ps := range map[string]Policies{
		"no effect":      {Identity: []*Policy{{Version: Version2012, Statement: []Statement{{Action: []string{"*"}, Resource: []string{"*"}}}}}},
		"invalid effect": {Identity: []*Policy{{Version: Version2012, Statement: []Statement{{Effect: EffectDeny + 1, Action: []string{"*"}, Resource: []string{"*"}}}}}},
		"no action":      {Identity: []*Policy{{Version: Version2012, Statement: []Statement{{Effect: EffectAllow, Resource: []string{"*"}}}}}},
		"nil identity":   {Identity: []*Policy{nil}},
		"no statements":  {Identity: []*Policy{{Version: Version2012}}},
		"not an ARN":     {Identity: []*Policy{{Version: Version2012, Statement: []Statement{{Effect: EffectAllow, Action: []string{"*"}, Resource: []string{"photos/*"}}}}}},
	} {
		if d := EvaluateAll(&r, ps); d.Outcome != Refused || d.Refusal() == "" {
			t.Errorf("%s: %v, want Refused with a reason", name, d.String())
		}
	}
	if d := EvaluateAll(nil, Policies{}); d.Outcome != Refused {
		t.Errorf("nil request: %v", d.String())
	}
	// A condition value of the wrong type (which Parse refuses) is undecidable:
	// the Deny applies, the Allow does not.
	bad := Condition{Operator: Operator{Kind: NotIPAddress}, Key: "aws:SourceIp", Values: []string{"office-network"}}
	deny := &Policy{Version: Version2012, Statement: []Statement{{Effect: EffectDeny, Action: []string{"*"}, Resource: []string{"*"}, Condition: []Condition{bad}}}}
	r.Context.Set("aws:SourceIp", "10.0.0.1")
	if d := Evaluate(&r, mustParse(t, allowAll), deny); d.Outcome != ExplicitDeny {
		t.Errorf("wrong-type deny: %v", d.String())
	}
	allow := &Policy{Version: Version2012, Statement: []Statement{{Effect: EffectAllow, Action: []string{"*"}, Resource: []string{"*"}, Condition: []Condition{bad}}}}
	if d := Evaluate(&r, allow); d.Outcome != ImplicitDeny {
		t.Errorf("wrong-type allow: %v", d.String())
	}
}

func TestDecisionNamesUnknowns(t *testing.T) {
	r := unknownParts(req("dynamodb:GetItem", "arn:aws:dynamodb:us-east-1:${Account}:table/secret"), "Account")
	r.Unknown.Keys = []string{"aws:PrincipalTag/team"}
	d := Evaluate(&r, mustParse(t, allowAll), mustParse(t, stmt(
		cond("Deny", "dynamodb:*", "arn:aws:dynamodb:us-east-1:111122223333:table/secret", ""),
		cond("Deny", "dynamodb:*", "*", `{"StringEquals":{"aws:PrincipalTag/team":"red"}}`))))
	if got := strings.Join(d.Unknowns(), ","); d.Outcome != ExplicitDeny || got != "Account,aws:PrincipalTag/team" {
		t.Fatalf("got %v, unknowns %q", d.String(), got)
	}
	if !strings.Contains(d.String(), "decided with unknowns: Account, aws:PrincipalTag/team") {
		t.Errorf("String() = %q", d.String())
	}
	d = Evaluate(&r, mustParse(t, allowAll))
	if !d.Allowed() || d.Unknowns() != nil {
		t.Errorf("allowed on * whatever the unknowns: %v %v", d.String(), d.Unknowns())
	}
	d = Evaluate(&r, mustParse(t, stmt(cond("Allow", "dynamodb:*", "arn:aws:dynamodb:us-east-1:111122223333:table/*", ""))))
	if d.Allowed() || strings.Join(d.Unknowns(), ",") != "Account" {
		t.Errorf("allow on one account: %v %v", d.String(), d.Unknowns())
	}
}
