package iampolicy

import (
	"strings"
	"testing"
)

// rule is one sentence of the IAM User Guide and the cases that hold it.
type rule struct {
	doc, says string
	cases     []ruleCase
}

type ruleCase struct {
	name     string
	policies []string // identity policies
	boundary string
	resource string // resource-based policy
	// ResourceAccount owns the resource when it is not the caller's account.
	ResourceAccount string
	req             Request
	want            Outcome
}

const (
	guide    = "https://docs.aws.amazon.com/IAM/latest/UserGuide/"
	alice    = "arn:aws:iam::111122223333:user/alice"
	allowAll = `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}`
)

func req(action, resource string, kv ...string) Request {
	r := Request{Principal: alice, Action: action, Resource: resource}
	for i := 0; i+1 < len(kv); i += 2 {
		if strings.HasPrefix(kv[i], "[]") {
			r.Context.SetList(kv[i][2:], strings.Split(kv[i+1], ",")...)
			continue
		}
		r.Context.Set(kv[i], kv[i+1])
	}
	return r
}

// stmt wraps statements into a 2012-10-17 policy.
func stmt(statements ...string) string {
	return `{"Version":"2012-10-17","Statement":[` + strings.Join(statements, ",") + `]}`
}

func cond(effect, action, resource, condition string) string {
	s := `{"Effect":"` + effect + `","Action":"` + action + `","Resource":"` + resource + `"`
	if condition != "" {
		s += `,"Condition":` + condition
	}
	return s + "}"
}

var rules = []rule{
	{
		doc:  guide + "reference_policies_evaluation-logic_AccessPolicyLanguage_Interplay.html",
		says: "If policies that apply to a request include an Allow statement and a Deny statement, the Deny statement trumps the Allow statement.",
		cases: []ruleCase{
			{name: "deny beats allow", policies: []string{allowAll, stmt(cond("Deny", "s3:GetObject", "*", ""))},
				req: req("s3:GetObject", "arn:aws:s3:::b/k"), want: ExplicitDeny},
			{name: "deny in another policy", policies: []string{stmt(cond("Allow", "s3:*", "*", "")), stmt(cond("Deny", "s3:Get*", "arn:aws:s3:::b/*", ""))},
				req: req("s3:GetObject", "arn:aws:s3:::b/k"), want: ExplicitDeny},
		},
	},
	{
		doc:  guide + "reference_policies_evaluation-logic_AccessPolicyLanguage_Interplay.html",
		says: "An implicit denial occurs when there is no applicable Deny statement but also no applicable Allow statement.",
		cases: []ruleCase{
			{name: "nothing applies", policies: []string{stmt(cond("Allow", "s3:PutObject", "*", ""))},
				req: req("s3:GetObject", "arn:aws:s3:::b/k"), want: ImplicitDeny},
			{name: "no policies", req: req("s3:GetObject", "arn:aws:s3:::b/k"), want: ImplicitDeny},
		},
	},
	{
		doc:  guide + "reference_policies_elements_action.html",
		says: "The prefix and the action name are case insensitive. For example, iam:ListAccessKeys is the same as IAM:listaccesskeys.",
		cases: []ruleCase{
			{name: "case", policies: []string{stmt(cond("Allow", "IAM:listaccesskeys", "*", ""))},
				req: req("iam:ListAccessKeys", "*"), want: Allowed},
			{name: "star inside", policies: []string{stmt(cond("Allow", "iam:*AccessKey*", "*", ""))},
				req: req("iam:CreateAccessKey", "*"), want: Allowed},
			{name: "question mark is one character", policies: []string{stmt(cond("Allow", "iam:?etUser", "*", ""))},
				req: req("iam:GetUser", "*"), want: Allowed},
			{name: "question mark is not zero characters", policies: []string{stmt(cond("Allow", "iam:?GetUser", "*", ""))},
				req: req("iam:GetUser", "*"), want: ImplicitDeny},
		},
	},
	{
		doc:  guide + "reference_policies_elements_notaction.html",
		says: "NotAction is an advanced policy element that explicitly matches everything except the specified list of actions.",
		cases: []ruleCase{
			{name: "allow all but iam", policies: []string{`{"Version":"2012-10-17","Statement":{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}}`},
				req: req("s3:GetObject", "arn:aws:s3:::b/k"), want: Allowed},
			{name: "listed action not allowed", policies: []string{`{"Version":"2012-10-17","Statement":{"Effect":"Allow","NotAction":"iam:*","Resource":"*"}}`},
				req: req("iam:CreateUser", "*"), want: ImplicitDeny},
			{name: "deny everything else", policies: []string{allowAll, `{"Version":"2012-10-17","Statement":{"Effect":"Deny","NotAction":["iam:*","sts:*"],"Resource":"*"}}`},
				req: req("ec2:RunInstances", "*"), want: ExplicitDeny},
		},
	},
	{
		doc:  guide + "reference_policies_elements_notresource.html",
		says: "NotResource is an advanced policy element that explicitly matches every resource except those specified.",
		cases: []ruleCase{
			{name: "deny all but payroll", policies: []string{allowAll, `{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"s3:*","NotResource":"arn:aws:s3:::HRBucket/Payroll/*"}}`},
				req: req("s3:GetObject", "arn:aws:s3:::HRBucket/Other"), want: ExplicitDeny},
			{name: "payroll excluded from deny", policies: []string{allowAll, `{"Version":"2012-10-17","Statement":{"Effect":"Deny","Action":"s3:*","NotResource":"arn:aws:s3:::HRBucket/Payroll/*"}}`},
				req: req("s3:GetObject", "arn:aws:s3:::HRBucket/Payroll/jan"), want: Allowed},
		},
	},
	{
		doc:  guide + "reference_policies_elements_resource.html",
		says: "You can use wildcard characters (* and ?) within any ARN segment (the parts separated by colons) to represent any combination of characters.",
		cases: []ruleCase{
			{name: "region wildcard", policies: []string{stmt(cond("Allow", "ec2:*", "arn:aws:ec2:*:111122223333:instance/*", ""))},
				req: req("ec2:StartInstances", "arn:aws:ec2:eu-west-1:111122223333:instance/i-1"), want: Allowed},
			{name: "ARNs are case-sensitive", policies: []string{stmt(cond("Allow", "s3:*", "arn:aws:s3:::Bucket/*", ""))},
				req: req("s3:GetObject", "arn:aws:s3:::bucket/k"), want: ImplicitDeny},
			{name: "wildcard does not cross a segment", policies: []string{stmt(cond("Allow", "ec2:*", "arn:aws:ec2:us-east-1*:instance/*", ""))},
				req: req("ec2:StartInstances", "arn:aws:ec2:us-east-1:111122223333:instance/i-1"), want: ImplicitDeny},
		},
	},
	{
		doc:  guide + "reference_policies_elements_condition_operators.html",
		says: "If the key that you specify in a policy condition is not present in the request context, the values do not match and the condition is false. If the policy condition requires that the key is not matched, such as StringNotLike or ArnNotLike, and the right key is not present, the condition is true.",
		cases: []ruleCase{
			{name: "missing key, positive operator", policies: []string{stmt(cond("Allow", "*", "*", `{"StringEquals":{"aws:PrincipalTag/team":"blue"}}`))},
				req: req("s3:GetObject", "*"), want: ImplicitDeny},
			{name: "missing key, negated operator", policies: []string{stmt(cond("Allow", "*", "*", `{"StringNotLike":{"aws:PrincipalTag/team":"red*"}}`))},
				req: req("s3:GetObject", "*"), want: Allowed},
			{name: "missing key, ArnNotLike", policies: []string{stmt(cond("Allow", "*", "*", `{"ArnNotLike":{"aws:SourceArn":"arn:aws:sns:*:*:x"}}`))},
				req: req("s3:GetObject", "*"), want: Allowed},
		},
	},
	{
		doc:  guide + "reference_policies_elements_condition_operators.html#Conditions_IfExists",
		says: "If the policy key is present in the context of the request, process the key as specified in the policy. If the key is not present, evaluate the condition element as true.",
		cases: []ruleCase{
			{name: "absent key passes", policies: []string{stmt(cond("Allow", "*", "*", `{"StringEqualsIfExists":{"ec2:InstanceType":"t3.micro"}}`))},
				req: req("ec2:RunInstances", "*"), want: Allowed},
			{name: "present key is tested", policies: []string{stmt(cond("Allow", "*", "*", `{"StringEqualsIfExists":{"ec2:InstanceType":"t3.micro"}}`))},
				req: req("ec2:RunInstances", "*", "ec2:InstanceType", "m5.large"), want: ImplicitDeny},
			{name: "BoolIfExists deny without MFA key", policies: []string{allowAll, stmt(cond("Deny", "*", "*", `{"BoolIfExists":{"aws:MultiFactorAuthPresent":"false"}}`))},
				req: req("s3:GetObject", "*"), want: ExplicitDeny},
			{name: "ForAnyValue with IfExists, absent key", policies: []string{stmt(cond("Allow", "*", "*", `{"ForAnyValue:StringEqualsIfExists":{"aws:TagKeys":"env"}}`))},
				req: req("ec2:CreateTags", "*"), want: Allowed},
		},
	},
	{
		doc:  guide + "reference_policies_elements_condition_operators.html#Conditions_String",
		says: "StringEquals: Exact matching, case sensitive; StringEqualsIgnoreCase: Exact matching, ignoring case; StringLike: Case-sensitive matching. The values can include multi-character match wildcards (*) and single-character match wildcards (?) anywhere in the string.",
		cases: []ruleCase{
			{name: "StringEquals is case-sensitive", policies: []string{stmt(cond("Allow", "*", "*", `{"StringEquals":{"aws:PrincipalTag/team":"Blue"}}`))},
				req: req("s3:GetObject", "*", "aws:PrincipalTag/team", "blue"), want: ImplicitDeny},
			{name: "IgnoreCase", policies: []string{stmt(cond("Allow", "*", "*", `{"StringEqualsIgnoreCase":{"aws:PrincipalTag/team":"BLUE"}}`))},
				req: req("s3:GetObject", "*", "aws:PrincipalTag/team", "blue"), want: Allowed},
			{name: "StringEquals takes * literally", policies: []string{stmt(cond("Allow", "*", "*", `{"StringEquals":{"aws:PrincipalTag/team":"b*"}}`))},
				req: req("s3:GetObject", "*", "aws:PrincipalTag/team", "blue"), want: ImplicitDeny},
			{name: "StringLike", policies: []string{stmt(cond("Allow", "*", "*", `{"StringLike":{"s3:prefix":["home/${aws:username}/*"]}}`))},
				req: req("s3:ListBucket", "*", "s3:prefix", "home/alice/docs", "aws:username", "alice"), want: Allowed},
			{name: "condition key names ignore case", policies: []string{stmt(cond("Allow", "*", "*", `{"StringEquals":{"AWS:PRINCIPALTAG/team":"blue"}}`))},
				req: req("s3:GetObject", "*", "aws:PrincipalTag/team", "blue"), want: Allowed},
		},
	},
	{
		doc:  guide + "reference_policies_elements_condition_operators.html#Conditions_Numeric",
		says: "Numeric condition operators let you construct Condition elements that restrict access based on comparing a key to an integer or decimal value.",
		cases: []ruleCase{
			{name: "less than", policies: []string{stmt(cond("Allow", "*", "*", `{"NumericLessThan":{"aws:MultiFactorAuthAge":"3600"}}`))},
				req: req("s3:GetObject", "*", "aws:MultiFactorAuthAge", "30"), want: Allowed},
			{name: "number value in JSON", policies: []string{stmt(cond("Allow", "*", "*", `{"NumericGreaterThanEquals":{"s3:max-keys":10}}`))},
				req: req("s3:ListBucket", "*", "s3:max-keys", "10.0"), want: Allowed},
			{name: "not equals", policies: []string{stmt(cond("Allow", "*", "*", `{"NumericNotEquals":{"s3:max-keys":["10","20"]}}`))},
				req: req("s3:ListBucket", "*", "s3:max-keys", "20"), want: ImplicitDeny},
		},
	},
	{
		doc:  guide + "reference_policies_elements_condition_operators.html#Conditions_Date",
		says: "Date condition operators let you construct Condition elements that restrict access based on comparing a key to a date/time value.",
		cases: []ruleCase{
			{name: "window", policies: []string{stmt(cond("Allow", "*", "*", `{"DateGreaterThan":{"aws:CurrentTime":"2026-04-01T00:00:00Z"},"DateLessThan":{"aws:CurrentTime":"2026-06-30T23:59:59Z"}}`))},
				req: req("s3:GetObject", "*", "aws:CurrentTime", "2026-05-01T12:00:00Z"), want: Allowed},
			{name: "after window", policies: []string{stmt(cond("Allow", "*", "*", `{"DateLessThan":{"aws:CurrentTime":"2026-06-30T23:59:59Z"}}`))},
				req: req("s3:GetObject", "*", "aws:CurrentTime", "2026-07-01T00:00:00Z"), want: ImplicitDeny},
			{name: "epoch seconds", policies: []string{stmt(cond("Allow", "*", "*", `{"DateGreaterThan":{"aws:EpochTime":"2026-01-01"}}`))},
				req: req("s3:GetObject", "*", "aws:EpochTime", "1800000000"), want: Allowed},
		},
	},
	{
		doc:  guide + "reference_policies_elements_condition_operators.html#Conditions_Boolean",
		says: "Boolean conditions let you construct Condition elements that restrict access based on comparing a key to true or false.",
		cases: []ruleCase{
			{name: "secure transport", policies: []string{stmt(cond("Allow", "*", "*", `{"Bool":{"aws:SecureTransport":"true"}}`))},
				req: req("s3:GetObject", "*", "aws:SecureTransport", "true"), want: Allowed},
			{name: "JSON boolean", policies: []string{stmt(cond("Allow", "*", "*", `{"Bool":{"aws:SecureTransport":true}}`))},
				req: req("s3:GetObject", "*", "aws:SecureTransport", "false"), want: ImplicitDeny},
		},
	},
	{
		doc:  guide + "reference_policies_elements_condition_operators.html#Conditions_BinaryEquals",
		says: "The BinaryEquals condition operator lets you construct Condition elements that test key values that are in binary format.",
		cases: []ruleCase{
			{name: "base64 equal", policies: []string{stmt(cond("Allow", "*", "*", `{"BinaryEquals":{"key":"QmluYXJ5VmFsdWVJbkJhc2U2NA=="}}`))},
				req: req("s3:GetObject", "*", "key", "QmluYXJ5VmFsdWVJbkJhc2U2NA=="), want: Allowed},
		},
	},
	{
		doc:  guide + "reference_policies_elements_condition_operators.html#Conditions_IPAddress",
		says: "IP address condition operators let you construct Condition elements that restrict access based on comparing a key to an IPv4 or IPv6 address or range of IP addresses.",
		cases: []ruleCase{
			{name: "in range", policies: []string{stmt(cond("Allow", "*", "*", `{"IpAddress":{"aws:SourceIp":"203.0.113.0/24"}}`))},
				req: req("s3:GetObject", "*", "aws:SourceIp", "203.0.113.7"), want: Allowed},
			{name: "NotIpAddress deny outside", policies: []string{allowAll, stmt(cond("Deny", "*", "*", `{"NotIpAddress":{"aws:SourceIp":["192.0.2.0/24","2001:db8::/32"]}}`))},
				req: req("s3:GetObject", "*", "aws:SourceIp", "198.51.100.1"), want: ExplicitDeny},
			{name: "IPv6 inside", policies: []string{allowAll, stmt(cond("Deny", "*", "*", `{"NotIpAddress":{"aws:SourceIp":["192.0.2.0/24","2001:db8::/32"]}}`))},
				req: req("s3:GetObject", "*", "aws:SourceIp", "2001:db8::5"), want: Allowed},
		},
	},
	{
		doc:  guide + "reference_policies_elements_condition_operators.html#Conditions_ARN",
		says: "ArnLike: Case-sensitive match of the ARN. Each of the six colon-delimited components of the ARN is checked separately and each can include multi-character match wildcards (*) or single-character match wildcards (?).",
		cases: []ruleCase{
			{name: "ArnLike", policies: []string{stmt(cond("Allow", "*", "*", `{"ArnLike":{"aws:SourceArn":"arn:aws:sns:*:111122223333:topic-?"}}`))},
				req: req("sqs:SendMessage", "*", "aws:SourceArn", "arn:aws:sns:us-east-1:111122223333:topic-a"), want: Allowed},
			{name: "ArnNotEquals", policies: []string{stmt(cond("Allow", "*", "*", `{"ArnNotEquals":{"aws:SourceArn":"arn:aws:sns:*:111122223333:*"}}`))},
				req: req("sqs:SendMessage", "*", "aws:SourceArn", "arn:aws:sns:us-east-1:111122223333:topic-a"), want: ImplicitDeny},
		},
	},
	{
		doc:  guide + "reference_policies_elements_condition_operators.html#Conditions_Null",
		says: "Use a Null condition operator to check if a condition key is absent at the time of authorization. In the policy statement, use either true (the key doesn't exist — it is null) or false (the key exists and its value is not null).",
		cases: []ruleCase{
			{name: "Null true on absent key", policies: []string{stmt(cond("Allow", "*", "*", `{"Null":{"aws:TokenIssueTime":"true"}}`))},
				req: req("s3:GetObject", "*"), want: Allowed},
			{name: "Null false on absent key", policies: []string{stmt(cond("Allow", "*", "*", `{"Null":{"aws:TokenIssueTime":"false"}}`))},
				req: req("s3:GetObject", "*"), want: ImplicitDeny},
		},
	},
	{
		doc:  guide + "reference_policies_condition-single-vs-multi-valued-context-keys.html",
		says: "ForAllValues ... returns true if every context key value in the request matches at least one context key value in the policy. It also returns true if there are no context keys in the request.",
		cases: []ruleCase{
			{name: "subset", policies: []string{stmt(cond("Allow", "*", "*", `{"ForAllValues:StringEquals":{"aws:TagKeys":["env","cost"]}}`))},
				req: req("ec2:CreateTags", "*", "[]aws:TagKeys", "env"), want: Allowed},
			{name: "not a subset", policies: []string{stmt(cond("Allow", "*", "*", `{"ForAllValues:StringEquals":{"aws:TagKeys":["env","cost"]}}`))},
				req: req("ec2:CreateTags", "*", "[]aws:TagKeys", "env,owner"), want: ImplicitDeny},
			{name: "no key", policies: []string{stmt(cond("Allow", "*", "*", `{"ForAllValues:StringEquals":{"aws:TagKeys":["env","cost"]}}`))},
				req: req("ec2:CreateTags", "*"), want: Allowed},
		},
	},
	{
		doc:  guide + "reference_policies_condition-single-vs-multi-valued-context-keys.html",
		says: "ForAnyValue ... returns true if any one of the context key values in the request matches any one of the context key values in the policy. For context keys that are not present ..., the condition returns false.",
		cases: []ruleCase{
			{name: "one matches", policies: []string{stmt(cond("Allow", "*", "*", `{"ForAnyValue:StringLike":{"aws:TagKeys":"own*"}}`))},
				req: req("ec2:CreateTags", "*", "[]aws:TagKeys", "env,owner"), want: Allowed},
			{name: "no key", policies: []string{stmt(cond("Allow", "*", "*", `{"ForAnyValue:StringLike":{"aws:TagKeys":"own*"}}`))},
				req: req("ec2:CreateTags", "*"), want: ImplicitDeny},
			{name: "ForAllValues with a negated operator", policies: []string{stmt(cond("Allow", "*", "*", `{"ForAllValues:StringNotEquals":{"aws:TagKeys":"owner"}}`))},
				req: req("ec2:CreateTags", "*", "[]aws:TagKeys", "env,owner"), want: ImplicitDeny},
		},
	},
	{
		doc:  guide + "reference_policies_condition-single-vs-multi-valued-context-keys.html",
		says: "Multivalued context keys require a condition set operator.",
		cases: []ruleCase{
			{name: "plain operator on a list never matches", policies: []string{stmt(cond("Allow", "*", "*", `{"StringEquals":{"aws:TagKeys":"env"}}`))},
				req: req("ec2:CreateTags", "*", "[]aws:TagKeys", "env"), want: ImplicitDeny},
		},
	},
	{
		doc:  guide + "reference_policies_condition-logic-multiple-context-keys-or-values.html",
		says: "If your policy has multiple condition operators or multiple context keys attached to a single condition operator, the conditions are evaluated using a logical AND. If a single condition operator includes multiple values for a context key, those values are evaluated using a logical OR.",
		cases: []ruleCase{
			{name: "OR of values", policies: []string{stmt(cond("Allow", "*", "*", `{"StringEquals":{"aws:username":["bob","alice"]}}`))},
				req: req("s3:GetObject", "*", "aws:username", "alice"), want: Allowed},
			{name: "AND of keys", policies: []string{stmt(cond("Allow", "*", "*", `{"StringEquals":{"aws:username":"alice","aws:PrincipalTag/team":"blue"}}`))},
				req: req("s3:GetObject", "*", "aws:username", "alice", "aws:PrincipalTag/team", "red"), want: ImplicitDeny},
		},
	},
	{
		doc:  guide + "reference_policies_variables.html",
		says: "When the policy is evaluated, the policy variables are replaced with values that come from the conditional context keys passed in the request.",
		cases: []ruleCase{
			{name: "home folder", policies: []string{stmt(cond("Allow", "s3:*", "arn:aws:s3:::b/home/${aws:username}/*", ""))},
				req: req("s3:GetObject", "arn:aws:s3:::b/home/alice/x", "aws:username", "alice"), want: Allowed},
			{name: "someone else's folder", policies: []string{stmt(cond("Allow", "s3:*", "arn:aws:s3:::b/home/${aws:username}/*", ""))},
				req: req("s3:GetObject", "arn:aws:s3:::b/home/bob/x", "aws:username", "alice"), want: ImplicitDeny},
			{name: "principal tag", policies: []string{stmt(cond("Allow", "*", "*", `{"StringEquals":{"aws:ResourceTag/team":"${aws:PrincipalTag/team}"}}`))},
				req: req("ec2:StartInstances", "*", "aws:ResourceTag/team", "blue", "aws:PrincipalTag/team", "blue"), want: Allowed},
			{name: "special characters", policies: []string{stmt(cond("Allow", "s3:*", "arn:aws:s3:::b/${*}${?}${$}", ""))},
				req: req("s3:GetObject", "arn:aws:s3:::b/*?$"), want: Allowed},
			{name: "escaped star is literal", policies: []string{stmt(cond("Allow", "s3:*", "arn:aws:s3:::b/${*}", ""))},
				req: req("s3:GetObject", "arn:aws:s3:::b/anything"), want: ImplicitDeny},
		},
	},
	{
		doc:  guide + "reference_policies_variables.html#policy-vars-default-values",
		says: "To add a default value to a variable, surround the default value with single quotes (' '), and separate the variable text and the default value with a comma and space (, ).",
		cases: []ruleCase{
			{name: "default used", policies: []string{stmt(cond("Allow", "s3:*", "arn:aws:s3:::b/${aws:PrincipalTag/team, 'company-wide'}/*", ""))},
				req: req("s3:GetObject", "arn:aws:s3:::b/company-wide/x"), want: Allowed},
			{name: "value wins over default", policies: []string{stmt(cond("Allow", "s3:*", "arn:aws:s3:::b/${aws:PrincipalTag/team, 'company-wide'}/*", ""))},
				req: req("s3:GetObject", "arn:aws:s3:::b/company-wide/x", "aws:PrincipalTag/team", "blue"), want: ImplicitDeny},
		},
	},
	{
		doc:  guide + "reference_policies_variables.html",
		says: "If AWS cannot resolve a variable this might cause the entire statement to be invalid.",
		cases: []ruleCase{
			{name: "unresolved in Resource", policies: []string{stmt(cond("Allow", "s3:*", "arn:aws:s3:::b/${aws:username}/*", ""))},
				req: req("s3:GetObject", "arn:aws:s3:::b//x"), want: ImplicitDeny},
			{name: "unresolved in NotResource does not widen it", policies: []string{`{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","NotResource":"arn:aws:s3:::b/${aws:username}"}}`},
				req: req("s3:GetObject", "arn:aws:s3:::b/x"), want: ImplicitDeny},
			{name: "unresolved in a negated condition", policies: []string{stmt(cond("Allow", "*", "*", `{"StringNotEquals":{"aws:PrincipalTag/team":"${aws:username}"}}`))},
				req: req("s3:GetObject", "*", "aws:PrincipalTag/team", "blue"), want: ImplicitDeny},
		},
	},
	{
		doc:  guide + "reference_policies_variables.html#policy-vars-wheretouse",
		says: "A policy variable can be used in the Resource element, but only in the resource portion of the ARN. This portion of the ARN appears after the fifth colon (:). You can't use a variable to replace parts of the ARN before the fifth colon, such as the service or account.",
		cases: []ruleCase{
			{name: "variable opening the resource part", policies: []string{stmt(cond("Allow", "sqs:*", "arn:aws:sqs:us-east-1:111122223333:${aws:username}", ""))},
				req: req("sqs:SendMessage", "arn:aws:sqs:us-east-1:111122223333:alice", "aws:username", "alice"), want: Allowed},
			{name: "variable in the account part is literal", policies: []string{stmt(cond("Allow", "sqs:*", "arn:aws:sqs:us-east-1:${aws:username}:q", ""))},
				req: req("sqs:SendMessage", "arn:aws:sqs:us-east-1:alice:q", "aws:username", "alice"), want: ImplicitDeny},
		},
	},
	{
		doc:  guide + "reference_policies_elements_version.html",
		says: "2012-10-17. This is the current version of the policy language, and you should always include a Version element and set it to 2012-10-17. Otherwise, you cannot use features such as policy variables that were introduced with this version.",
		cases: []ruleCase{
			{name: "2008 reads variables literally", policies: []string{`{"Version":"2008-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::b/${aws:username}"}}`},
				req: req("s3:GetObject", "arn:aws:s3:::b/alice", "aws:username", "alice"), want: ImplicitDeny},
			{name: "2008 literal match", policies: []string{`{"Version":"2008-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"arn:aws:s3:::b/${aws:username}"}}`},
				req: req("s3:GetObject", "arn:aws:s3:::b/${aws:username}", "aws:username", "alice"), want: Allowed},
		},
	},
	{
		doc:  guide + "access_policies_boundaries.html",
		says: "An entity's permissions boundary allows it to perform only the actions that are allowed by both its identity-based policies and its permissions boundaries.",
		cases: []ruleCase{
			{name: "both allow", policies: []string{allowAll}, boundary: stmt(cond("Allow", "s3:*", "*", "")),
				req: req("s3:GetObject", "arn:aws:s3:::b/k"), want: Allowed},
			{name: "boundary does not allow", policies: []string{allowAll}, boundary: stmt(cond("Allow", "s3:*", "*", "")),
				req: req("ec2:RunInstances", "*"), want: ImplicitDeny},
			{name: "boundary grants nothing alone", boundary: allowAll,
				req: req("s3:GetObject", "arn:aws:s3:::b/k"), want: ImplicitDeny},
			{name: "deny in boundary", policies: []string{allowAll}, boundary: stmt(cond("Allow", "*", "*", ""), cond("Deny", "s3:Delete*", "*", "")),
				req: req("s3:DeleteObject", "arn:aws:s3:::b/k"), want: ExplicitDeny},
		},
	},
	{
		doc:  "https://docs.aws.amazon.com/IAM/latest/APIReference/API_PutUserPermissionsBoundary.html",
		says: "Permissions boundaries do not define the maximum permissions that a resource-based policy can grant to an entity.",
		cases: []ruleCase{
			{name: "resource policy naming the user", boundary: stmt(cond("Allow", "ec2:*", "*", "")),
				resource: `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"` + alice + `"},"Action":"s3:GetObject","Resource":"*"}}`,
				req:      req("s3:GetObject", "arn:aws:s3:::b/k"), want: Allowed},
		},
	},
	{
		doc:  guide + "reference_policies_evaluation-logic-cross-account.html",
		says: "The requesting principal must have an identity-based policy that allows the request, and the resource-based policy must allow the request (for cross-account access).",
		cases: []ruleCase{
			{name: "account principal needs the identity side", resource: `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"s3:GetObject","Resource":"*"}}`,
				req: req("s3:GetObject", "arn:aws:s3:::b/k"), want: ImplicitDeny},
			{name: "account principal with identity allow", policies: []string{allowAll}, resource: `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"s3:GetObject","Resource":"*"}}`,
				req: req("s3:GetObject", "arn:aws:s3:::b/k"), want: Allowed},
			{name: "resource policy deny", policies: []string{allowAll}, resource: `{"Version":"2012-10-17","Statement":{"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"*"}}`,
				req: req("s3:GetObject", "arn:aws:s3:::b/k"), want: ExplicitDeny},
			{name: "other principal's grant does not apply", resource: `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::444455556666:user/mallory"},"Action":"s3:*","Resource":"*"}}`,
				req: req("s3:GetObject", "arn:aws:s3:::b/k"), want: ImplicitDeny},
		},
	},
	{
		doc:  "https://docs.aws.amazon.com/kms/latest/developerguide/key-policies.html",
		says: "Unless the key policy explicitly allows it, you cannot use IAM policies to allow access to a KMS key.",
		cases: []ruleCase{
			{name: "identity alone", policies: []string{allowAll},
				req: req("kms:Decrypt", "arn:aws:kms:us-east-1:111122223333:key/k1"), want: ImplicitDeny},
			{name: "cross-account key needs the identity side too", ResourceAccount: "444455556666",
				resource: `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"` + alice + `"},"Action":"kms:*","Resource":"*"}}`,
				req:      req("kms:Decrypt", "arn:aws:kms:us-east-1:444455556666:key/k1"), want: ImplicitDeny},
			{name: "other services' actions on a key are not governed by it", policies: []string{allowAll},
				req: req("kinesis:StartStreamEncryption", "arn:aws:kms:us-east-1:111122223333:key/k1"), want: Allowed},
			{name: "key policy trusts the account", policies: []string{allowAll},
				resource: `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"kms:*","Resource":"*"}}`,
				req:      req("kms:Decrypt", "arn:aws:kms:us-east-1:111122223333:key/k1"), want: Allowed},
		},
	},
	{
		doc:  guide + "reference_policies_evaluation-logic_policies_resource.html",
		says: "Role trust policies and KMS key policies are exceptions to this logic, because they must explicitly allow access for principals.",
		cases: []ruleCase{
			{name: "trust policy that does not name the caller", policies: []string{allowAll},
				resource: `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:user/bob"},"Action":"sts:AssumeRole"}}`,
				req:      req("sts:AssumeRole", "arn:aws:iam::111122223333:role/admin"), want: ImplicitDeny},
			{name: "trust policy naming the caller", resource: `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"` + alice + `"},"Action":"sts:AssumeRole"}}`,
				req: req("sts:AssumeRole", "arn:aws:iam::111122223333:role/admin"), want: Allowed},
			{name: "trust policy trusting the account needs the identity side", resource: `{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"sts:AssumeRole"}}`,
				req: req("sts:AssumeRole", "arn:aws:iam::111122223333:role/admin"), want: ImplicitDeny},
		},
	},
	{
		doc:  "https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html",
		says: "No permissions are required to perform this operation. If an administrator attaches a policy to your identity that explicitly denies access to the sts:GetCallerIdentity action, you can still perform this operation.",
		cases: []ruleCase{
			{name: "denied yet allowed", policies: []string{stmt(cond("Deny", "*", "*", ""))},
				req: req("sts:GetCallerIdentity", "*"), want: Allowed},
		},
	},
}

func mustParse(t testing.TB, s string) *Policy {
	t.Helper()
	if s == "" {
		return nil
	}
	p, err := Parse([]byte(s))
	if err != nil {
		t.Fatalf("Parse(%s): %v", s, err)
	}
	return p
}

func TestDocumentedRules(t *testing.T) {
	for _, r := range rules {
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

func TestDecisionNamesStatementsAndMissingKeys(t *testing.T) {
	p := mustParse(t, `{"Version":"2012-10-17","Statement":[
{"Sid":"Read","Effect":"Allow","Action":"s3:GetObject","Resource":"*"},
{"Sid":"NoDeleteWithoutMFA","Effect":"Deny","Action":"s3:*","Resource":"*","Condition":{"Bool":{"aws:MultiFactorAuthPresent":"false"}}}]}`)
	r := req("s3:GetObject", "arn:aws:s3:::b/k")
	d := Evaluate(&r, p)
	if !d.Allowed() {
		t.Fatalf("got %v", d.String())
	}
	if got := d.Deciding(); len(got) != 1 || got[0].Sid != "Read" || got[0].Statement != 0 {
		t.Errorf("deciding = %+v", got)
	}
	if got := d.Missing(); len(got) != 1 || got[0] != "aws:MultiFactorAuthPresent" {
		t.Errorf("missing = %v", got)
	}
	want := "Allowed by identity policy 0 statement 0 (Read); missing context keys: aws:MultiFactorAuthPresent"
	if d.String() != want {
		t.Errorf("String() = %q, want %q", d.String(), want)
	}
	r.Context.Set("aws:MultiFactorAuthPresent", "false")
	d = Evaluate(&r, p)
	if d.Outcome != ExplicitDeny || d.Deciding()[0].Sid != "NoDeleteWithoutMFA" {
		t.Errorf("got %v", d.String())
	}
}

func TestBoundaryDeniedIsSaid(t *testing.T) {
	r := req("ec2:RunInstances", "*")
	d := EvaluateAll(&r, Policies{Identity: []*Policy{mustParse(t, allowAll)}, Boundary: mustParse(t, stmt(cond("Allow", "s3:*", "*", "")))})
	if d.Outcome != ImplicitDeny || !d.BoundaryDenied || !strings.Contains(d.String(), "permissions boundary") {
		t.Errorf("got %v", d.String())
	}
}
